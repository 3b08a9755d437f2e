-- Session 22 (bench/RESULTS.md, "The recompute's open rows"): the recompute's read of the open rows it replaces, old shape
-- (a subquery inside an OR) against new (UNION ALL), on a synthetic schema of its own. 1,200,000 open rows of one
-- municipality, 400,000 marked clients. Run (the test database of .ci/postgres.sh):
--   PGPASSWORD=jeugdhulp psql -h 127.0.0.1 -U jeugdhulp jeugdhulp_test -f bench/sql/recompute-open-rows.sql
-- The old shape ran past the 60 s statement_timeout; the new one took 604 ms (load ~5).
DROP SCHEMA IF EXISTS bench_recompute CASCADE;
CREATE SCHEMA bench_recompute;
SET search_path = bench_recompute;
CREATE TABLE termijnrijen (id bigserial PRIMARY KEY, gemeente text, bron text, client_bsn text, gesloten_op date, x text);
CREATE TABLE termijnen_vuil (gemeente text, bsn text, merk bigint, PRIMARY KEY (gemeente, bsn));
INSERT INTO termijnrijen (gemeente, bron, client_bsn, x)
SELECT '0034', CASE WHEN i % 50 = 0 THEN 'gemeente' ELSE 'client' END, lpad((200000000 + i / 3)::text, 9, '0'), repeat('x', 40)
FROM generate_series(1, 1200000) i;
CREATE INDEX termijnrijen_client ON termijnrijen (gemeente, client_bsn, bron);
INSERT INTO termijnen_vuil SELECT '0034', lpad((200000000 + i)::text, 9, '0'), 1 FROM generate_series(1, 400000) i;
ANALYZE termijnrijen;
ANALYZE termijnen_vuil;
SET statement_timeout = '60s';
\timing on
-- New: the municipality part UNION ALL the marked clients' part (Termijnrijen.OpenRijen).
EXPLAIN (ANALYZE, TIMING OFF) SELECT count(*) FROM (
    SELECT id FROM termijnrijen WHERE gemeente = '0034' AND gesloten_op IS NULL AND bron = 'gemeente'
    UNION ALL
    SELECT id FROM termijnrijen WHERE gemeente = '0034' AND gesloten_op IS NULL AND bron = 'client'
        AND client_bsn IN (SELECT w.bsn FROM termijnen_vuil w WHERE w.gemeente = '0034')) x;
-- Old: one filter with the subquery inside an OR (expect: canceling statement due to statement timeout).
EXPLAIN (ANALYZE, TIMING OFF) SELECT count(*) FROM termijnrijen WHERE gemeente = '0034' AND gesloten_op IS NULL
    AND (bron = 'gemeente' OR client_bsn IN (SELECT w.bsn FROM termijnen_vuil w WHERE w.gemeente = '0034'));
DROP SCHEMA bench_recompute CASCADE;

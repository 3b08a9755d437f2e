-- The server's work per JW315 (issue 21 point 1, helper h21g; PostgreSQL). Sqlite/0035 is a no-op: SQLite made the
-- corresponding changes in 0034. Measured with pg_stat_statements (track = all) on 2,000 JW315s: bench/RESULTS.md, session 9.

-- 1. The deadline marks of a transaction once, at its commit, not per row or statement. 0022/0028's triggers upserted the
-- client's row of termijnen_vuil from the INSERT into clienten (a row trigger through plpgsql and termijnen_merk), from
-- each INSERT into verzoeken and toewijzingen (statement triggers), and from each HK-315-4 finding (a row trigger that looks
-- up the request line): five upserts of the same row per JW315, ~0.25 ms of the ~1.7 ms its statements execute. The
-- store's own writes of these rows (Store/Verwerking/Staat.cs, Bevindingen/BevindingenVastleggen.cs — the only writers of
-- clienten and bevindingen in the program) keep the (gemeente, bsn) of each row in the transaction instead and write each
-- mark once, set-wise in one statement, just before the commit (StoreTransactie.Commit). While a transaction does so it has
-- set jeugdhulp.termijnmerken to 'later' (SET LOCAL: it ends with the transaction, and a savepoint rolled back takes it
-- back, after which the triggers mark again — more marks, never fewer), and these triggers stand aside. Any other
-- connection or transaction (another tool, a test's raw SQL, a restore) never has it set and marks as before. A mark only
-- says "recompute this client": one mark for several rows is the same promise, and it still increases at every commit that
-- wrote the client, which is what Termijnrijen.Ververs compares. The UPDATE triggers of verzoeken and toewijzingen stay
-- (a retired allocation version, a staff decision); clienten is written only by the store's upsert, which marks every row
-- it inserts or updates, so its one trigger stands aside for both.
DROP TRIGGER termijnen_verzoeken_in ON verzoeken;
CREATE TRIGGER termijnen_verzoeken_in AFTER INSERT ON verzoeken REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT
    WHEN (current_setting('jeugdhulp.termijnmerken', true) IS DISTINCT FROM 'later') EXECUTE FUNCTION termijnen_vuil_clients();
DROP TRIGGER termijnen_toewijzingen_in ON toewijzingen;
CREATE TRIGGER termijnen_toewijzingen_in AFTER INSERT ON toewijzingen REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT
    WHEN (current_setting('jeugdhulp.termijnmerken', true) IS DISTINCT FROM 'later') EXECUTE FUNCTION termijnen_vuil_clients();
DROP TRIGGER termijnen_clienten ON clienten;
CREATE TRIGGER termijnen_clienten AFTER INSERT OR UPDATE ON clienten FOR EACH ROW
    WHEN (current_setting('jeugdhulp.termijnmerken', true) IS DISTINCT FROM 'later') EXECUTE FUNCTION termijnen_vuil_clientrij();
DROP TRIGGER termijnen_bevindingen ON bevindingen;
CREATE TRIGGER termijnen_bevindingen AFTER INSERT ON bevindingen FOR EACH ROW
    WHEN (NEW.regel_id = 'HK-315-4' AND current_setting('jeugdhulp.termijnmerken', true) IS DISTINCT FROM 'later')
    EXECUTE FUNCTION termijnen_vuil_bevinding();

-- 2. Indexes maintained for no reader, or for few (SQLite dropped the first three in 0034, with the same reasons): each
-- insert maintained them. Every search the first three served is served in the same order by the index named beside them
-- (the same partial condition; the other's leading columns are theirs, and a column fixed by the condition adds no order):
--   toewijzingen_client (gemeente, client_bsn) WHERE actueel = 1      → toewijzingen_client_actueel (gemeente, client_bsn, actueel), 0030
--   toewijzingen_aanbieder (gemeente, aanbieder) WHERE actueel = 1    → toewijzingen_grafiek (gemeente, aanbieder, productcode, …), 0026
--   verzoeken_open (gemeente, client_bsn) WHERE status = 'review'     → verzoeken_wachtrij_client (gemeente, status, client_bsn), 0030
-- bevindingen_regel (regel_id, uitkomst), 0010, was maintained for every finding (5.5 rows per request line). Unlike SQLite,
-- PostgreSQL does use it, at size: the work queue's and the deadlines' "has a finding <rule> in review" (WerkvoorraadZoeken,
-- TermijnstandLezen: b.uitkomst = 'review' AND b.regel_id = …) becomes a hash semi-join that reads the matching findings by
-- rule — without any index on the rule, a scan of every finding. Every reader asks only for findings in review, a few of
-- them, so a partial index on exactly those serves it and is maintained only for them. Tests: Provider/HeteIndexenTests
-- (the plans at size, the indexes the hot inserts maintain), Provider/PlanstatistiekTests (the allocations at 1,000,000).
DROP INDEX toewijzingen_client;
DROP INDEX toewijzingen_aanbieder;
DROP INDEX verzoeken_open;
DROP INDEX bevindingen_regel;
CREATE INDEX bevindingen_review ON bevindingen (regel_id, journaal_id, volgnummer) WHERE uitkomst = 'review';

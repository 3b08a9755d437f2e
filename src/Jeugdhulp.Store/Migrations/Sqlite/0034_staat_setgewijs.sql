-- The pipeline's state writes set-wise (issue 21 point 2, helper h21q; SQLite). Postgres/0034 is a no-op: PostgreSQL's
-- writes go in one batch per round trip, its triggers stay as they are. See docs/PIPELINE.md, "State writes".

-- 1. The deadline marks of a batch once, not per row. Migration 0022's INSERT triggers on clienten, verzoeken and
-- toewijzingen upsert a mark into termijnen_vuil for every row: four upserts per JW315, a fifth of the state writes'
-- time. The store's own inserts into these three tables (Store/Verwerking/Staat.cs, the only ones in the program) keep
-- the (gemeente, bsn) of each row in the transaction instead and write each mark once, set-wise, just before the commit
-- (StoreTransactie.Commit). While a transaction does so, it holds the one row of termijnen_merken_later, and these
-- triggers stand aside; the row is deleted in the same transaction, so no other connection ever sees it (SQLite has
-- one writer; readers see only committed rows). Any other insert (another tool, a test's raw SQL, a transaction that
-- wrote none of these rows) finds the table empty and marks as before. A mark only says "recompute this client": one
-- mark for several rows is the same promise (Termijnrijen.Ververs clears a municipality's marks as a whole).
-- The UPDATE triggers stay: an update (a retired allocation version, a staff decision) marks as before.
CREATE TABLE termijnen_merken_later (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER termijnen_verzoeken_i;
CREATE TRIGGER termijnen_verzoeken_i AFTER INSERT ON verzoeken WHEN NOT EXISTS (SELECT 1 FROM termijnen_merken_later) BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, NEW.client_bsn) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
DROP TRIGGER termijnen_toewijzingen_i;
CREATE TRIGGER termijnen_toewijzingen_i AFTER INSERT ON toewijzingen WHEN NOT EXISTS (SELECT 1 FROM termijnen_merken_later) BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, NEW.client_bsn) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
DROP TRIGGER termijnen_clienten_i;
CREATE TRIGGER termijnen_clienten_i AFTER INSERT ON clienten WHEN NOT EXISTS (SELECT 1 FROM termijnen_merken_later) BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, NEW.bsn) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;

-- 2. Indexes that repeat another one: each insert into toewijzingen maintained them for no reader. Every search they
-- served is served in the same order by the index named beside them (the same partial condition; the other's leading
-- columns are theirs, and a column fixed by the condition — actueel = 1 — adds no order):
--   toewijzingen_client (gemeente, client_bsn) WHERE actueel = 1      → toewijzingen_client_actueel (gemeente, client_bsn, actueel), 0030
--   toewijzingen_aanbieder (gemeente, aanbieder) WHERE actueel = 1    → toewijzingen_grafiek (gemeente, aanbieder, productcode, …), 0026
--   verzoeken_open (gemeente, client_bsn) WHERE status = 'review'     → verzoeken_wachtrij_client (gemeente, status, client_bsn), 0030
-- And bevindingen_regel (regel_id, uitkomst), 0010, maintained eleven times per JW315 (one row per finding): every
-- reader of bevindingen reaches its rows from the request line, by the primary key (journaal_id, volgnummer, …) —
-- BevindingenLezen (a join), WerkvoorraadZoeken and TermijnstandLezen (a correlated EXISTS) — and none searches by rule
-- alone; with two equality columns each, the planner could even take this low-selectivity index for the EXISTS.
-- (StaatIndexTests checks the plans of these reads.)
DROP INDEX toewijzingen_client;
DROP INDEX toewijzingen_aanbieder;
DROP INDEX verzoeken_open;
DROP INDEX bevindingen_regel;

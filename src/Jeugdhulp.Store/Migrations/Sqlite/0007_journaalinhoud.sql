-- The received bytes of a journalled message move to a table of their own (SQLite). Kept in step with
-- Postgres/0007_journaalinhoud.sql. The journal row is updated once more after processing (its status);
-- SQLite rewrites a whole row on every update, so with the content inside journaal a 100,000-line JW323
-- (85 MB) was written twice in its transaction, and checkpointed twice. The content is written once and
-- never updated.
CREATE TABLE journaalinhoud (
    journaal_id INTEGER NOT NULL PRIMARY KEY REFERENCES journaal (id),
    inhoud      BLOB    NOT NULL
);
INSERT INTO journaalinhoud (journaal_id, inhoud) SELECT id, inhoud FROM journaal;
ALTER TABLE journaal DROP COLUMN inhoud;

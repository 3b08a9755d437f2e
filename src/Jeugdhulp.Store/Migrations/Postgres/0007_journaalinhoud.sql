-- The received bytes of a journalled message move to a table of their own (PostgreSQL). Kept in step with
-- Sqlite/0007_journaalinhoud.sql, where the reason is: SQLite rewrites a whole row on every update, and
-- the journal row's status is updated after processing. PostgreSQL keeps a large bytea out of line
-- (TOAST) and would not have rewritten it; the tables stay the same in both dialects.
CREATE TABLE journaalinhoud (
    journaal_id bigint NOT NULL PRIMARY KEY REFERENCES journaal (id),
    inhoud      bytea  NOT NULL
);
INSERT INTO journaalinhoud (journaal_id, inhoud) SELECT id, inhoud FROM journaal;
ALTER TABLE journaal DROP COLUMN inhoud;

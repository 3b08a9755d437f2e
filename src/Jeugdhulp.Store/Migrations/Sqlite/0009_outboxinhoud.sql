-- The bytes of an answer move to a table of their own (SQLite). Kept in step with
-- Postgres/0009_outboxinhoud.sql. After its file is written the outbox row is marked (geschreven_op);
-- SQLite rewrites a whole row on every update, so with the content inside outbox every answer was
-- written twice. The content is written once and never updated; only the narrow outbox row is marked.
CREATE TABLE outboxinhoud (
    outbox_id INTEGER NOT NULL PRIMARY KEY REFERENCES outbox (id),
    inhoud    BLOB    NOT NULL
);
INSERT INTO outboxinhoud (outbox_id, inhoud) SELECT id, inhoud FROM outbox;
ALTER TABLE outbox DROP COLUMN inhoud;

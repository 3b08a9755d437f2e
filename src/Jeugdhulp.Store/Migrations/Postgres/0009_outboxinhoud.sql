-- The bytes of an answer move to a table of their own (PostgreSQL). Kept in step with
-- Sqlite/0009_outboxinhoud.sql. Marking a row written (geschreven_op) makes a new version of the whole
-- row; an answer is a few KB, below the TOAST threshold, so its bytes were stored inline and copied into
-- every new version. With the content apart, marking copies only the narrow outbox row.
CREATE TABLE outboxinhoud (
    outbox_id bigint NOT NULL PRIMARY KEY REFERENCES outbox (id),
    inhoud    bytea  NOT NULL
);
INSERT INTO outboxinhoud (outbox_id, inhoud) SELECT id, inhoud FROM outbox;
ALTER TABLE outbox DROP COLUMN inhoud;

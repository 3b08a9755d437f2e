-- No-show registration and deadline-watch index (SQLite). Kept in step with Postgres/0003_noshow_termijnen.sql: same tables, columns and keys.

-- A provider's no-show report (HK-323-4). iJw 3.2 has no no-show element, so it is registered outside the
-- messages, with facts only (HK-NS-4: no free-text column). Every report is journalled first, like an
-- inbound message (berichtcode NOSHOW), so its receipt time is the journal's and an answer to it (the JW301
-- that ends the allocation after the third no-show, HK-NS-3) has a journal row to hang on. A cancelled
-- report stays, with who cancelled it and when. The municipality's decision after the third report is
-- recorded on that report's row.
CREATE TABLE noshows (
    id                INTEGER PRIMARY KEY,
    journaal_id       INTEGER NOT NULL REFERENCES journaal (id),
    gemeente          TEXT    NOT NULL,
    nummer            INTEGER NOT NULL,
    aanbieder         TEXT    NOT NULL,
    client_bsn        TEXT    NOT NULL,
    productcode       TEXT    NOT NULL,
    datum             TEXT    NOT NULL,
    geannuleerd_op    TEXT    NULL,
    geannuleerd_door  TEXT    NULL,
    besluit           TEXT    NULL,
    besluit_einddatum TEXT    NULL,
    besloten_op       TEXT    NULL,
    besloten_door     TEXT    NULL
);

-- One no-show per allocation per day.
CREATE UNIQUE INDEX noshows_dag ON noshows (gemeente, nummer, datum) WHERE geannuleerd_op IS NULL;
CREATE INDEX noshows_client ON noshows (gemeente, client_bsn, productcode) WHERE geannuleerd_op IS NULL;

-- Conversion of running care (HK-CONV-1..3; SQLite). Kept in step with Postgres/0013_conversie.sql.

-- Running allocations imported from the previous system, one row per (gemeente, old ToewijzingNummer).
CREATE TABLE conversie_lopend (
    gemeente      TEXT    NOT NULL,
    nummer        INTEGER NOT NULL,
    regel         INTEGER NOT NULL,
    client_bsn    TEXT    NOT NULL,
    geboortedatum TEXT    NOT NULL,
    geslacht      TEXT    NOT NULL,
    achternaam    TEXT    NOT NULL,
    voorvoegsel   TEXT    NULL,
    voorletters   TEXT    NULL,
    aanbieder     TEXT    NOT NULL,
    productcode   TEXT    NOT NULL,
    ingangsdatum  TEXT    NOT NULL,
    einddatum     TEXT    NULL,
    volume        INTEGER NOT NULL,
    eenheid       TEXT    NOT NULL,
    frequentie    TEXT    NOT NULL,
    PRIMARY KEY (gemeente, nummer)
);

-- What the run did with each running allocation, written in the client's transaction. The primary key
-- is the idempotence: a second run (or the rest of a killed one) never does an allocation twice.
-- werk: null for an executed administrative conversion, else what waits for a person
-- ('lichteToets', 'herindicatie', 'HK-CONV-3'); status 'open' until staff close it.
CREATE TABLE conversie_uitgevoerd (
    gemeente     TEXT    NOT NULL,
    nummer       INTEGER NOT NULL,
    client_bsn   TEXT    NOT NULL,
    aanbieder    TEXT    NOT NULL,
    route        TEXT    NOT NULL,
    nieuw_nummer INTEGER NULL,
    werk         TEXT    NULL,
    status       TEXT    NOT NULL,
    bevindingen  TEXT    NOT NULL,
    uiterlijk    TEXT    NULL,
    op           TEXT    NOT NULL,
    PRIMARY KEY (gemeente, nummer)
);
CREATE INDEX conversie_werk_open ON conversie_uitgevoerd (gemeente) WHERE status = 'open';

-- The JW301s of the conversion: not answers to a journalled message (the outbox needs one), so kept
-- apart; written as files into the outbox folder after commit, like the outbox.
CREATE TABLE conversie_berichten (
    id            INTEGER PRIMARY KEY,
    gemeente      TEXT NOT NULL,
    aanbieder     TEXT NOT NULL,
    bestandsnaam  TEXT NOT NULL UNIQUE,
    inhoud        BLOB NOT NULL,
    aangemaakt_op TEXT NOT NULL,
    geschreven_op TEXT NULL
);

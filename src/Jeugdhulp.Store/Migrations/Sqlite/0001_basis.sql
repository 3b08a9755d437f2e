-- Basis schema (SQLite). Kept in step with Postgres/0001_basis.sql: same tables, columns and keys.
-- Timestamps are ISO-8601 text in UTC, dates 'yyyy-MM-dd' text, booleans 0/1 (Microsoft.Data.Sqlite's mapping).

-- Every inbound message, stored before it is processed. One original per (afzender, identificatie);
-- a later message with the same Identificatie but other content is kept too (origineel_id points at the
-- original) so that its 9056 answer can be reported again when exactly that message is re-delivered.
CREATE TABLE journaal (
    id            INTEGER PRIMARY KEY,
    afzender      TEXT    NOT NULL,
    ontvanger     TEXT    NOT NULL,
    berichtcode   TEXT    NOT NULL,
    identificatie TEXT    NOT NULL,
    sha256        BLOB    NOT NULL,
    inhoud        BLOB    NOT NULL,
    ontvangen_op  TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'ontvangen',
    origineel_id  INTEGER NULL REFERENCES journaal (id),
    UNIQUE (afzender, identificatie, sha256)
);
CREATE UNIQUE INDEX journaal_origineel ON journaal (afzender, identificatie) WHERE origineel_id IS NULL;

-- Answers, stored in the same transaction as the journal row they answer; written to files after commit.
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    journaal_id   INTEGER NOT NULL REFERENCES journaal (id),
    berichtcode   TEXT    NOT NULL,
    ontvanger     TEXT    NOT NULL,
    bestandsnaam  TEXT    NOT NULL UNIQUE,
    inhoud        BLOB    NOT NULL,
    aangemaakt_op TEXT    NOT NULL,
    geschreven_op TEXT    NULL,
    UNIQUE (journaal_id, berichtcode)
);
CREATE INDEX outbox_ongeschreven ON outbox (id) WHERE geschreven_op IS NULL;

CREATE TABLE contracten (
    gemeente     TEXT    NOT NULL,
    aanbieder    TEXT    NOT NULL,
    productcode  TEXT    NOT NULL,
    ingangsdatum TEXT    NOT NULL,
    einddatum    TEXT    NULL,
    tarief_cent  INTEGER NOT NULL,
    PRIMARY KEY (gemeente, aanbieder, productcode, ingangsdatum)
);

CREATE TABLE inwoners (
    bsn               TEXT    NOT NULL PRIMARY KEY,
    gemeente          TEXT    NOT NULL,
    geboortedatum     TEXT    NOT NULL,
    huishouden        TEXT    NULL,
    jeugdreclassering INTEGER NOT NULL
);
CREATE INDEX inwoners_gemeente ON inwoners (gemeente);

-- TR332: a ToewijzingNummer is unique per gemeente. The last number handed out, per gemeente.
CREATE TABLE toewijzingnummers (
    gemeente TEXT    NOT NULL PRIMARY KEY,
    laatste  INTEGER NOT NULL
);

-- Who looked at or changed what. The client is never stored in clear text: a keyed hash to find every
-- entry about one client, and the masked BSN for people reading the log.
CREATE TABLE auditlog (
    id                INTEGER PRIMARY KEY,
    op                TEXT NOT NULL,
    wie               TEXT NOT NULL,
    gemeente          TEXT NOT NULL,
    actie             TEXT NOT NULL,
    client_hash       TEXT NULL,
    client_gemaskeerd TEXT NULL
);
CREATE INDEX auditlog_client ON auditlog (client_hash);

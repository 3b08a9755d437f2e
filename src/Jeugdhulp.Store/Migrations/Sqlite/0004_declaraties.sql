-- Declarations (SQLite). Kept in step with Postgres/0004_declaraties.sql: same tables, columns and keys.

-- Every JW323 assessed at level 3 (not one refused as a whole with 9333): TR333 keeps the DeclaratieNummer
-- unique per provider. Amounts are eurocent with sign (debet positive, credit negative).
CREATE TABLE declaraties (
    id               INTEGER PRIMARY KEY,
    journaal_id      INTEGER NOT NULL REFERENCES journaal (id),
    gemeente         TEXT    NOT NULL,
    aanbieder        TEXT    NOT NULL,
    declaratienummer TEXT    NOT NULL,
    begindatum       TEXT    NOT NULL,
    einddatum        TEXT    NOT NULL,
    dagtekening      TEXT    NOT NULL,
    ingediend        INTEGER NOT NULL,
    toegekend        INTEGER NOT NULL,
    UNIQUE (gemeente, aanbieder, declaratienummer)
);

-- Every prestatie of an assessed JW323, approved or refused (TR314: a ReferentieNummer is used once per
-- provider, whatever its outcome), except one refused because its ReferentieNummer was already used.
-- The approved ones are the running sums (TR322, TR369), the open debets (TR389) and the credits (TR323,
-- TR390). bedrag is without sign; credit = 1 for DebetCredit C. retourcodes: the refusal codes, comma separated.
CREATE TABLE declaratieprestaties (
    id                     INTEGER PRIMARY KEY,
    declaratie_id          INTEGER NOT NULL REFERENCES declaraties (id),
    gemeente               TEXT    NOT NULL,
    aanbieder              TEXT    NOT NULL,
    referentienummer       TEXT    NOT NULL,
    vorig_referentienummer TEXT    NULL,
    nummer                 INTEGER NOT NULL,
    categorie              TEXT    NOT NULL,
    productcode            TEXT    NOT NULL,
    begindatum             TEXT    NOT NULL,
    einddatum              TEXT    NOT NULL,
    volume                 INTEGER NOT NULL,
    eenheid                TEXT    NOT NULL,
    tarief                 INTEGER NULL,
    bedrag                 INTEGER NOT NULL,
    credit                 INTEGER NOT NULL,
    goedgekeurd            INTEGER NOT NULL,
    retourcodes            TEXT    NULL,
    UNIQUE (gemeente, aanbieder, referentienummer)
);
CREATE INDEX declaratieprestaties_toewijzing ON declaratieprestaties (gemeente, aanbieder, nummer) WHERE goedgekeurd = 1;

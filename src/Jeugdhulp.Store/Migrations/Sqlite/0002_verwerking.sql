-- Pipeline state (SQLite). Kept in step with Postgres/0002_verwerking.sql: same tables, columns and keys.

-- Client details from the JW315, needed to write JW301s later (a JW317 carries no name or birth date).
CREATE TABLE clienten (
    gemeente      TEXT NOT NULL,
    bsn           TEXT NOT NULL,
    geboortedatum TEXT NOT NULL,
    datumgebruik  TEXT NULL,
    geslacht      TEXT NOT NULL,
    achternaam    TEXT NOT NULL,
    voorvoegsel   TEXT NULL,
    voornamen     TEXT NULL,
    voorletters   TEXT NULL,
    PRIMARY KEY (gemeente, bsn)
);

-- Every version of every allocation (IV013: the newest Toewijzingsdatum+tijd wins). actueel = 1 marks
-- the newest version of a (gemeente, nummer); a new version clears the flag on the old one.
CREATE TABLE toewijzingen (
    id                        INTEGER PRIMARY KEY,
    gemeente                  TEXT    NOT NULL,
    nummer                    INTEGER NOT NULL,
    client_bsn                TEXT    NOT NULL,
    aanbieder                 TEXT    NOT NULL,
    productcode               TEXT    NOT NULL,
    categorie                 TEXT    NOT NULL,
    ingangsdatum              TEXT    NOT NULL,
    einddatum                 TEXT    NULL,
    volume                    INTEGER NULL,
    eenheid                   TEXT    NULL,
    frequentie                TEXT    NULL,
    budget                    INTEGER NULL,
    toewijzingsdatum          TEXT    NOT NULL,
    toewijzingstijd           TEXT    NOT NULL,
    referentie                TEXT    NULL,
    herkomst                  INTEGER NOT NULL,
    keren_verschoven          INTEGER NOT NULL,
    reden_wijziging           TEXT    NULL,
    oorspronkelijke_einddatum TEXT    NULL,
    journaal_id               INTEGER NULL REFERENCES journaal (id),
    actueel                   INTEGER NOT NULL
);
CREATE UNIQUE INDEX toewijzingen_actueel ON toewijzingen (gemeente, nummer) WHERE actueel = 1;
CREATE INDEX toewijzingen_client ON toewijzingen (gemeente, client_bsn) WHERE actueel = 1;
CREATE INDEX toewijzingen_aanbieder ON toewijzingen (gemeente, aanbieder) WHERE actueel = 1;

-- One row per JW315 product request (volgnummer = its position, 1-based) or per JW317 (volgnummer 1),
-- with the engine's decision. status: 'review' waits for a human, 'besloten' is answered.
CREATE TABLE verzoeken (
    id                         INTEGER PRIMARY KEY,
    journaal_id                INTEGER NOT NULL REFERENCES journaal (id),
    volgnummer                 INTEGER NOT NULL,
    berichtcode                TEXT    NOT NULL,
    gemeente                   TEXT    NOT NULL,
    aanbieder                  TEXT    NOT NULL,
    client_bsn                 TEXT    NOT NULL,
    referentie                 TEXT    NOT NULL,
    productcode                TEXT    NULL,
    categorie                  TEXT    NULL,
    ingangsdatum               TEXT    NULL,
    einddatum                  TEXT    NULL,
    volume                     INTEGER NULL,
    eenheid                    TEXT    NULL,
    frequentie                 TEXT    NULL,
    budget                     INTEGER NULL,
    verwijzer_type             INTEGER NULL,
    status                     TEXT    NOT NULL,
    uitkomst                   TEXT    NOT NULL,
    reden                      INTEGER NULL,
    verantwoordelijke_gemeente TEXT    NULL,
    regels                     TEXT    NOT NULL,
    toelichting                TEXT    NOT NULL,
    besloten_door              TEXT    NULL,
    UNIQUE (journaal_id, volgnummer)
);
CREATE INDEX verzoeken_referentie ON verzoeken (referentie);
CREATE INDEX verzoeken_open ON verzoeken (gemeente, client_bsn) WHERE status = 'review';

-- Recorded JW305 starts and JW307 stops (IV096 key: ToewijzingNummer + Begindatum). actief = 0 after
-- a status-3 deletion.
CREATE TABLE startstop (
    id                INTEGER PRIMARY KEY,
    journaal_id       INTEGER NOT NULL REFERENCES journaal (id),
    soort             TEXT    NOT NULL,
    gemeente          TEXT    NOT NULL,
    nummer            INTEGER NOT NULL,
    begindatum        TEXT    NOT NULL,
    einddatum         TEXT    NULL,
    reden_beeindiging TEXT    NULL,
    actief            INTEGER NOT NULL
);
CREATE INDEX startstop_sleutel ON startstop (gemeente, nummer, soort, begindatum);

-- The engine reads the household's allocations for every request: find the members by household.
CREATE INDEX inwoners_huishouden ON inwoners (huishouden);

-- The municipality's own allocations (SQLite). Kept in step with Postgres/0011_toekenningen.sql.
-- Every action (toekennen, wijzigen, beeindigen, intrekken, procesregie) is journalled (berichtcode
-- TOEKENNING, identificatie from the content: a re-run finds it) and recorded here with its findings and the
-- written reason, for the dossier's timeline. client_bsn and nummer are empty for a client without BSN
-- (HK-ROUTE-4): recorded, no message.
CREATE TABLE toekenningen (
    id          INTEGER PRIMARY KEY,
    journaal_id INTEGER NOT NULL REFERENCES journaal (id),
    gemeente    TEXT    NOT NULL,
    soort       TEXT    NOT NULL,
    nummer      INTEGER NULL,
    client_bsn  TEXT    NULL,
    aanbieder   TEXT    NOT NULL,
    productcode TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    regels      TEXT    NOT NULL,
    toelichting TEXT    NOT NULL,
    motivering  TEXT    NULL,
    verwijzer   TEXT    NULL,
    commentaar  TEXT    NULL,
    door        TEXT    NOT NULL,
    op          TEXT    NOT NULL
);
CREATE INDEX toekenningen_client ON toekenningen (gemeente, client_bsn);
CREATE INDEX toekenningen_journaal ON toekenningen (journaal_id);

-- Who holds procesregie over a trajectory (HK-317-7): gemeente (with the procesregisseur's team), gi,
-- medisch or niemand. One row per allocation number; a change overwrites it.
CREATE TABLE procesregie (
    gemeente TEXT    NOT NULL,
    nummer   INTEGER NOT NULL,
    houder   TEXT    NOT NULL,
    team     TEXT    NULL,
    PRIMARY KEY (gemeente, nummer)
);

-- A declaration's findings as data (SQLite), kept in step with Postgres/0020_declaratiebevindingen.sql. The
-- JW325 carries only retour codes; this table keeps, per answered JW323 (journaal_id), every reason to refuse
-- in check order: the prestatie (referentienummer; NULL for a refusal of the whole declaration or a signal),
-- rule id, what was found (code), the iJw retour code and the parameters (a JSON object of strings, in the
-- order the text names them). The Dutch text is rendered from Core's text table (Teksten/Tekst), so the
-- Declaraties page filters on regel_id without reading Dutch. Written in the transaction of the JW325.
CREATE TABLE declaratiebevindingen (
    journaal_id      INTEGER NOT NULL,
    volgorde         INTEGER NOT NULL,
    gemeente         TEXT    NOT NULL,
    referentienummer TEXT    NULL,
    soort            TEXT    NOT NULL, -- 'afkeur' or 'signaal'
    regel_id         TEXT    NOT NULL,
    code             TEXT    NOT NULL,
    retourcode       TEXT    NULL,     -- NULL for a signal
    parameters       TEXT    NOT NULL,
    PRIMARY KEY (journaal_id, volgorde),
    FOREIGN KEY (journaal_id) REFERENCES journaal (id)
);
CREATE INDEX declaratiebevindingen_regel ON declaratiebevindingen (gemeente, regel_id);

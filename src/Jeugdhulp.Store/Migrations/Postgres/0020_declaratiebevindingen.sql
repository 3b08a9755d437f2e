-- A declaration's findings as data (PostgreSQL), kept in step with Sqlite/0020_declaratiebevindingen.sql. The
-- JW325 carries only retour codes; this table keeps, per answered JW323 (journaal_id), every reason to refuse
-- in check order: the prestatie (referentienummer; NULL for a refusal of the whole declaration or a signal),
-- rule id, what was found (code), the iJw retour code and the parameters (a JSON object of strings in the
-- order the text names them; text, not jsonb, which would reorder keys). The Dutch text is rendered from
-- Core's text table (Teksten/Tekst), so the Declaraties page filters on regel_id without reading Dutch.
-- Written in the transaction of the JW325.
CREATE TABLE declaratiebevindingen (
    journaal_id      bigint NOT NULL,
    volgorde         bigint NOT NULL,
    gemeente         text   NOT NULL,
    referentienummer text   NULL,
    soort            text   NOT NULL, -- 'afkeur' or 'signaal'
    regel_id         text   NOT NULL,
    code             text   NOT NULL,
    retourcode       text   NULL,     -- NULL for a signal
    parameters       text   NOT NULL,
    PRIMARY KEY (journaal_id, volgorde),
    FOREIGN KEY (journaal_id) REFERENCES journaal (id)
);
CREATE INDEX declaratiebevindingen_regel ON declaratiebevindingen (gemeente, regel_id);

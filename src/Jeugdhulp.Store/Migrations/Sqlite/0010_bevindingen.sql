-- The engine's findings as data (SQLite), kept in step with Postgres/0010_bevindingen.sql. Every decision
-- on a request line stores its findings and signals in check order: rule id, outcome, code and parameters
-- (a JSON object of strings, in the order the text names them). The Dutch text is rendered from the one
-- text table in Core (Teksten/Tekst), so a page filters on regel_id without reading Dutch.
CREATE TABLE bevindingen (
    journaal_id INTEGER NOT NULL,
    volgnummer  INTEGER NOT NULL,
    volgorde    INTEGER NOT NULL,
    soort       TEXT    NOT NULL, -- 'bevinding' or 'signaal'
    regel_id    TEXT    NOT NULL,
    uitkomst    TEXT    NOT NULL, -- approved, rejected, review; 'signaal' for a signal
    reden       INTEGER NULL,
    code        TEXT    NOT NULL,
    parameters  TEXT    NOT NULL,
    datum       TEXT    NULL,
    PRIMARY KEY (journaal_id, volgnummer, volgorde),
    FOREIGN KEY (journaal_id, volgnummer) REFERENCES verzoeken (journaal_id, volgnummer)
);
CREATE INDEX bevindingen_regel ON bevindingen (regel_id, uitkomst);

-- Decisions taken before findings were data kept only their explanation. The one finding the store itself
-- reads (an open woonplaatsbeginsel review, for the Termijnen) is carried over; its text refers to the
-- explanation, which stays as it was.
INSERT INTO bevindingen (journaal_id, volgnummer, volgorde, soort, regel_id, uitkomst, reden, code, parameters, datum)
SELECT journaal_id, volgnummer, 0, 'bevinding', 'HK-315-4', 'review', NULL, 'zie-toelichting', '{}', NULL
FROM verzoeken WHERE status = 'review' AND instr(toelichting, 'Beoordelen op HK-315-4:') > 0;

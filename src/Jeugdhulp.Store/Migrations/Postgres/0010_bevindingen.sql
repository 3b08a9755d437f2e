-- The engine's findings as data (PostgreSQL), kept in step with Sqlite/0010_bevindingen.sql. Every decision
-- on a request line stores its findings and signals in check order: rule id, outcome, code and parameters
-- (a JSON object of strings in the order the text names them; text, not jsonb, which would reorder keys).
-- The Dutch text is rendered from the one text table in Core (Teksten/Tekst), so a page filters on
-- regel_id without reading Dutch.
CREATE TABLE bevindingen (
    journaal_id bigint NOT NULL,
    volgnummer  bigint NOT NULL,
    volgorde    bigint NOT NULL,
    soort       text   NOT NULL, -- 'bevinding' or 'signaal'
    regel_id    text   NOT NULL,
    uitkomst    text   NOT NULL, -- approved, rejected, review; 'signaal' for a signal
    reden       bigint NULL,
    code        text   NOT NULL,
    parameters  text   NOT NULL,
    datum       date   NULL,
    PRIMARY KEY (journaal_id, volgnummer, volgorde),
    FOREIGN KEY (journaal_id, volgnummer) REFERENCES verzoeken (journaal_id, volgnummer)
);
CREATE INDEX bevindingen_regel ON bevindingen (regel_id, uitkomst);

-- Decisions taken before findings were data kept only their explanation. The one finding the store itself
-- reads (an open woonplaatsbeginsel review, for the Termijnen) is carried over; its text refers to the
-- explanation, which stays as it was.
INSERT INTO bevindingen (journaal_id, volgnummer, volgorde, soort, regel_id, uitkomst, reden, code, parameters, datum)
SELECT journaal_id, volgnummer, 0, 'bevinding', 'HK-315-4', 'review', NULL, 'zie-toelichting', '{}', NULL
FROM verzoeken WHERE status = 'review' AND strpos(toelichting, 'Beoordelen op HK-315-4:') > 0;

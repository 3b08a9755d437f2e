-- The work queue of the backoffice (SQLite). Kept in step with Postgres/0015_werkvoorraad.sql.
-- Who handles a request in review: claimed by a staff member or assigned to a colleague of the same
-- gemeente. One row per request at most; releasing deletes it.
CREATE TABLE werkvoorraad_behandelaar (
    verzoek_id      INTEGER NOT NULL PRIMARY KEY REFERENCES verzoeken (id),
    gemeente        TEXT    NOT NULL,
    medewerker      TEXT    NOT NULL,
    toegewezen_door TEXT    NOT NULL,
    toegewezen_op   TEXT    NOT NULL
);
CREATE INDEX werkvoorraad_behandelaar_medewerker ON werkvoorraad_behandelaar (gemeente, medewerker);

-- The queue is read a page at a time in order of receipt: the requests in review of one gemeente by
-- journal row (journal ids grow with receipt), without touching decided requests.
CREATE INDEX verzoeken_werkvoorraad ON verzoeken (gemeente, journaal_id) WHERE status = 'review';

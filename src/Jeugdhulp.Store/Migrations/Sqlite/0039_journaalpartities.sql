-- National deployment, the journal's side (issue 21 point 1, helper h21j). PostgreSQL partitions journaalinhoud and
-- verzoekbevindingen by municipality (Postgres/0039_journaalpartities.sql says how and why); a SQLite file serves one
-- deployment and has no partitions, but the column is the same in both dialects so that every writer and reader has one
-- code path: the received bytes carry the journal row's ontvanger, a request line's findings its line's municipality.
-- Filled here for the rows written so far (one rewrite of each row: journaalinhoud holds every received message).
ALTER TABLE journaalinhoud ADD COLUMN gemeente TEXT NOT NULL DEFAULT '';
UPDATE journaalinhoud SET gemeente = (SELECT j.ontvanger FROM journaal j WHERE j.id = journaalinhoud.journaal_id);
ALTER TABLE verzoekbevindingen ADD COLUMN gemeente TEXT NOT NULL DEFAULT '';
UPDATE verzoekbevindingen SET gemeente = (SELECT v.gemeente FROM verzoeken v
    WHERE v.journaal_id = verzoekbevindingen.journaal_id AND v.volgnummer = verzoekbevindingen.volgnummer);

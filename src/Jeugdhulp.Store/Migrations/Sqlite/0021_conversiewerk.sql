-- Closing conversion work items from the backoffice (issue 15; SQLite). Kept in step with Postgres/0021.
-- status 'open' becomes 'afgehandeld' with what was done (afhandeling: the Afhandeling name), the staff
-- member's note, who and when (real time). Findings are stored as JSON data from now on; rows written
-- before keep their machine text, which the reader shows as it is.
ALTER TABLE conversie_uitgevoerd ADD COLUMN afhandeling TEXT NULL;
ALTER TABLE conversie_uitgevoerd ADD COLUMN toelichting TEXT NULL;
ALTER TABLE conversie_uitgevoerd ADD COLUMN afgehandeld_door TEXT NULL;
ALTER TABLE conversie_uitgevoerd ADD COLUMN afgehandeld_op TEXT NULL;
CREATE INDEX conversie_werk_afgehandeld ON conversie_uitgevoerd (gemeente, afgehandeld_op) WHERE status = 'afgehandeld';

-- Closing conversion work items from the backoffice (issue 15; PostgreSQL). Kept in step with Sqlite/0021.
-- status 'open' becomes 'afgehandeld' with what was done (afhandeling: the Afhandeling name), the staff
-- member's note, who and when (real time). Findings are stored as JSON data from now on; rows written
-- before keep their machine text, which the reader shows as it is.
ALTER TABLE conversie_uitgevoerd ADD COLUMN afhandeling text NULL;
ALTER TABLE conversie_uitgevoerd ADD COLUMN toelichting text NULL;
ALTER TABLE conversie_uitgevoerd ADD COLUMN afgehandeld_door text NULL;
ALTER TABLE conversie_uitgevoerd ADD COLUMN afgehandeld_op timestamptz NULL;
CREATE INDEX conversie_werk_afgehandeld ON conversie_uitgevoerd (gemeente, afgehandeld_op) WHERE status = 'afgehandeld';

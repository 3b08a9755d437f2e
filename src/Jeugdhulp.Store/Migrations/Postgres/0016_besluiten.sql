-- Staff decisions in the web app (PostgreSQL). Kept in step with Sqlite/0016_besluiten.sql.
-- When a person decided and the note they wrote, kept apart from the engine's explanation so the
-- decided item's page can show who decided what, when and why.
ALTER TABLE verzoeken ADD COLUMN besloten_op timestamptz NULL;
ALTER TABLE verzoeken ADD COLUMN besluit_notitie text NULL;
-- "Aanvraag in onderzoek" (JW319 VerzoekAntwoord 2, HK-315-3): sent once (TR360); the item stays in
-- review with a new answer deadline (onderzoek_tot).
ALTER TABLE verzoeken ADD COLUMN onderzoek_op date NULL;
ALTER TABLE verzoeken ADD COLUMN onderzoek_tot date NULL;
ALTER TABLE verzoeken ADD COLUMN onderzoek_door text NULL;
ALTER TABLE verzoeken ADD COLUMN onderzoek_notitie text NULL;

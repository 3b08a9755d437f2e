-- Indexes of the overzicht (dashboard, issue 18 point 6; SQLite). Kept in step with Postgres/0018_overzicht.sql.
-- Each of its aggregates is cut on the gemeente and the year by one of these, so a page reads the groups of
-- one municipality's year, never the region or the whole journal.
-- Allocations that run in a year: current versions by start date (the end date is checked on those rows).
CREATE INDEX toewijzingen_ingang ON toewijzingen (gemeente, ingangsdatum) WHERE actueel = 1;
-- Declared prestaties by the start of their period.
CREATE INDEX declaratieprestaties_periode ON declaratieprestaties (gemeente, begindatum);
-- Received messages of one municipality and kind in a time range (requests per route, deadline compliance).
CREATE INDEX journaal_ontvanger ON journaal (ontvanger, berichtcode, ontvangen_op);
-- Lokale-toegang allocations and conversion steps of a year.
CREATE INDEX toekenningen_op ON toekenningen (gemeente, op);
CREATE INDEX conversie_uitgevoerd_op ON conversie_uitgevoerd (gemeente, op);
-- Decided no-shows (the decision deadline's compliance).
CREATE INDEX noshows_besloten ON noshows (gemeente) WHERE besluit IS NOT NULL;

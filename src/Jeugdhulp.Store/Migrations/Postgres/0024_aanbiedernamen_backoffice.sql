-- Provider names and the backoffice's read indexes (issue 18; PostgreSQL). Kept in step with Sqlite/0024.
-- The optional aanbiedernaam column of the contracts CSV: the pages show "Naam (AGB 12345678)".
ALTER TABLE contracten ADD COLUMN aanbiedernaam text NULL;

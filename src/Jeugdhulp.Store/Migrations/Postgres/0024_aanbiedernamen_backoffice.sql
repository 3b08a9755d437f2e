-- Provider names and the backoffice's read indexes (issue 18; PostgreSQL). Kept in step with Sqlite/0024.
-- The optional aanbiedernaam column of the contracts CSV: the pages show "Naam (AGB 12345678)".
ALTER TABLE contracten ADD COLUMN aanbiedernaam text NULL;

-- The dossier's declared lines and month totals: a client's prestaties by its allocation numbers, accepted or
-- refused (declaratieprestaties_toewijzing holds the approved ones only, by provider).
CREATE INDEX declaratieprestaties_nummer ON declaratieprestaties (gemeente, nummer);

-- The Cliënten list: the first 500 by surname read in index order and the counts computed for those rows only,
-- not for every client of the municipality before a sort (bench/Jeugdhulp.Bench.Backoffice, 100,000 clients).
CREATE INDEX clienten_naam ON clienten (gemeente, achternaam, bsn);

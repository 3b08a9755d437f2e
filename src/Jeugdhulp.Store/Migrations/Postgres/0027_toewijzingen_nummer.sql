-- Every version of an allocation by its number (issue 18; Postgres). Kept in step with Sqlite/0027: the deadline
-- state's first allocation date per number reads all versions, and the only (gemeente, nummer) index is partial
-- (actueel = 1); without this one each lookup searched every allocation of the municipality.
CREATE INDEX toewijzingen_nummer ON toewijzingen (gemeente, nummer, toewijzingsdatum);

-- Every version of an allocation by its number (issue 18; Sqlite). Kept in step with Postgres/0027.
-- The deadline state (TermijnstandLezen) asks per current allocation for the first allocation date of its number,
-- over all versions: "(SELECT MIN(v.toewijzingsdatum) FROM toewijzingen v WHERE v.gemeente = t.gemeente AND
-- v.nummer = t.nummer)". The only (gemeente, nummer) index is partial (actueel = 1), so SQLite searched
-- toewijzingen_client_alle on gemeente alone: every allocation of the municipality per allocation, quadratic —
-- 98,000 allocations took minutes of one core (EXPLAIN QUERY PLAN: SEARCH v USING INDEX toewijzingen_client_alle
-- (gemeente=?)). With this index: SEARCH v USING COVERING INDEX toewijzingen_nummer (gemeente=? AND nummer=?).
CREATE INDEX toewijzingen_nummer ON toewijzingen (gemeente, nummer, toewijzingsdatum);

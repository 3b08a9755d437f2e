-- The backoffice's read indexes at national size (issue 18; Sqlite). Kept in step with Postgres/0026.
-- Grafieken: the allocations' groups (provider, product, period, unit, frequency; volumes summed) read from
-- this index alone, in group order, not from the 100,000 rows of the table (actueel is a column too: SQLite
-- reads a partial index as covering only when every column the query names is in it).
CREATE INDEX toewijzingen_grafiek ON toewijzingen (gemeente, aanbieder, productcode, ingangsdatum, einddatum, eenheid, frequentie, volume, actueel) WHERE actueel = 1;

-- Grafieken: the approved prestaties whose period touches the year, summed per period, unit and sign, from
-- this index alone.
CREATE INDEX declaratieprestaties_grafiek ON declaratieprestaties (gemeente, goedgekeurd, begindatum, einddatum, aanbieder, productcode, eenheid, credit, volume);

-- The work queue (count, page, filter choices, 'te laat'): the requests in review of one municipality. The
-- older verzoeken_werkvoorraad (gemeente, journaal_id) names one equality column, as verzoeken_client does, and
-- SQLite without statistics chose the latter: all 100,000 requests of the municipality read for 2,000 in review
-- (EXPLAIN QUERY PLAN: SEARCH v USING INDEX verzoeken_client (gemeente=?)). This one matches both conditions.
CREATE INDEX verzoeken_wachtrij ON verzoeken (gemeente, status, journaal_id) WHERE status = 'review';
DROP INDEX verzoeken_werkvoorraad;

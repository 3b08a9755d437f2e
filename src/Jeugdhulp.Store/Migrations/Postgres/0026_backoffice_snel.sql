-- The backoffice's read indexes at national size (issue 18; Postgres). Kept in step with Sqlite/0026.
-- Grafieken: the allocations' groups (provider, product, period, unit, frequency; volumes summed) read from
-- this index alone, in group order, not from the 100,000 rows of the table.
CREATE INDEX toewijzingen_grafiek ON toewijzingen (gemeente, aanbieder, productcode, ingangsdatum, einddatum, eenheid, frequentie, volume) WHERE actueel = 1;

-- Grafieken: the approved prestaties whose period touches the year, summed per period, unit and sign, from
-- this index alone.
CREATE INDEX declaratieprestaties_grafiek ON declaratieprestaties (gemeente, goedgekeurd, begindatum, einddatum, aanbieder, productcode, eenheid, credit, volume);

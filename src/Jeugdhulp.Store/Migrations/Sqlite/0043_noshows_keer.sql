-- A no-show's count of earlier reports of that allocation on that day (kept in step with Postgres/0043_noshows_keer.sql).
-- NoShowVastleggen counts them, cancelled ones included, to give the report an Identificatie of its own
-- (NOSHOW-gemeente-nummer-datum-k); the one index on those columns, noshows_dag, holds only the reports not cancelled (it
-- is the one-a-day constraint), so the count read the whole table: 21 % of the demo generator's thread at 96,000 reports
-- (a year of 1,000,000 demo clients registers 542,543), and on the API path a scan per provider report. This index serves
-- the count; noshows_dag stays the constraint.
CREATE INDEX noshows_nummer_datum ON noshows (gemeente, nummer, datum);

-- National deployment (issue 21 point 1, helper h21k): on PostgreSQL the list of tables partitioned by municipality
-- becomes a table that gemeentepartities(g) reads, and startstop, noshows and toekenningen are partitioned by gemeente
-- (see Postgres/0040). A SQLite file serves one deployment and has no partitions; the three tables already have gemeente,
-- so there is nothing to do here.
SELECT 1;

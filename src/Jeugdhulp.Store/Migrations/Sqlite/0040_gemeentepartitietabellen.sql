-- National deployment (issue 21 point 1, helper h21k): on PostgreSQL the list of tables partitioned by municipality
-- becomes a table that gemeentepartities(g) reads (see Postgres/0040). A SQLite file serves one deployment and has no
-- partitions; nothing to do here.
SELECT 1;

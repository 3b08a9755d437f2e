-- National deployment (issue 21 point 1, helper h21p): PostgreSQL partitions the allocations and the declaration tables by
-- municipality (see Postgres/0036). A SQLite file serves one deployment and has no partitions; nothing to do here.
SELECT 1;

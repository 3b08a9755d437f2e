-- The server's work per JW315 (issue 21 point 1, helper h21g): PostgreSQL's deadline marks once per transaction and four
-- repeated indexes dropped (see Postgres/0035). SQLite made both changes in 0034; nothing to do here.
SELECT 1;

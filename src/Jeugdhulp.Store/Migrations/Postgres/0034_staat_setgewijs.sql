-- Issue 21 point 2 (helper h21q): SQLite's state writes set-wise; nothing to change on PostgreSQL (see Sqlite/0034).
SELECT 1;

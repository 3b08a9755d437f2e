-- The rule-set version each decision used (issue 20, item 3), PostgreSQL. Kept in step with
-- Sqlite/0019_regelversie_besluiten.sql. The catalogue's label as the decision took it, e.g. '2027.3+v12' (the
-- base folder's version plus the highest published rule version): the explanation text carried it already, a
-- column lets the dossier show and link it. Null for decisions taken before this column existed.
-- verzoeken: the engine's decision on a JW315 product request or a JW317, and a person's decision on it later.
ALTER TABLE verzoeken ADD COLUMN regelversie TEXT NULL;
-- toekenningen: the municipality's own allocations, changes and withdrawals (HK-317-7 and friends).
ALTER TABLE toekenningen ADD COLUMN regelversie TEXT NULL;

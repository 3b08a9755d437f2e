-- Deadline marks per statement (issue 21; Sqlite). Kept in step with Postgres/0028, which turns 0022's row triggers on
-- toewijzingen, verzoeken, startstop and declaratieprestaties into statement triggers over a transition table. SQLite
-- has row triggers only, run in-process without a round trip, so its 0022 triggers stay as they are.
SELECT 1;

-- The overzicht's and the cliënten list's covering indexes at national size (issue 18, helper h18d; Postgres). Kept in
-- step with Sqlite/0030.
-- Money per product, provider and month: the current allocations of one municipality that start before the year's
-- end, with every column the GROUP BY and the sums name, so the aggregate reads this index alone (0018's
-- toewijzingen_ingang found the same rows, then read each of 100,000 table rows). It starts with 0018's columns,
-- so it serves every search that one did, which it replaces.
CREATE INDEX toewijzingen_overzicht ON toewijzingen (gemeente, ingangsdatum, aanbieder, productcode, einddatum, eenheid, frequentie, volume, budget, actueel) WHERE actueel = 1;
DROP INDEX toewijzingen_ingang;

-- Declared and paid per provider, product and start day: the prestaties of the year with every column the sums
-- name. Replaces 0018's declaratieprestaties_periode (gemeente, begindatum) in the same way.
CREATE INDEX declaratieprestaties_overzicht ON declaratieprestaties (gemeente, begindatum, aanbieder, productcode, credit, goedgekeurd, bedrag);
DROP INDEX declaratieprestaties_periode;

-- Requests per route and outcome, and the answer deadline's compliance: the columns of a municipality's requests
-- the two aggregates read, so only the journal row (its receipt moment) is looked up per request.
CREATE INDEX verzoeken_overzicht ON verzoeken (gemeente, journaal_id, berichtcode, verwijzer_type, status, uitkomst, onderzoek_op, besloten_op);

-- The cliënten list and its export (all 100,000 of a municipality): per client, the count of its requests in review
-- and of its current allocations. Without these, SQLite answered the first from 0026's verzoeken_wachtrij
-- (gemeente, status): every one of the 2,000 requests in review read again for each client; and the second from
-- toewijzingen_client_alle plus a table row per client for actueel. Both counts now come from one index seek.
CREATE INDEX verzoeken_wachtrij_client ON verzoeken (gemeente, status, client_bsn) WHERE status = 'review';
CREATE INDEX toewijzingen_client_actueel ON toewijzingen (gemeente, client_bsn, actueel) WHERE actueel = 1;

-- Roles of staff accounts, and indexes of the dossier and the audit view (PostgreSQL). Kept in step with
-- Sqlite/0017_rollen_dossier.sql. Existing accounts become 'medewerker' (what they could do until now).
ALTER TABLE medewerkers ADD COLUMN rol text NOT NULL DEFAULT 'medewerker'
    CHECK (rol IN ('medewerker', 'teamleider', 'privacy', 'beleid'));

-- The audit view of a privacy officer: one gemeente's entries newest first, optionally of one staff member.
-- (Entries of one client use auditlog_client.)
CREATE INDEX auditlog_gemeente ON auditlog (gemeente, id);
CREATE INDEX auditlog_gemeente_wie ON auditlog (gemeente, wie, id);

-- The dossier reads a client's requests and allocation versions of every status (the existing indexes hold
-- only open requests and current versions): one indexed read per list, never a scan of the gemeente.
CREATE INDEX verzoeken_client ON verzoeken (gemeente, client_bsn);
CREATE INDEX toewijzingen_client_alle ON toewijzingen (gemeente, client_bsn, nummer);

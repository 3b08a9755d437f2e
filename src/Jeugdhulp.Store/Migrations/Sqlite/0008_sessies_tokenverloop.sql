-- Server-side staff sessions and API token expiry (SQLite). Kept in step with Postgres/0008_sessies_tokenverloop.sql.

-- A staff login is valid while its row is here and verloopt_op (real time) has not passed: logging out
-- deletes the row, a new password deletes every row of the account, so a copied cookie stops working at
-- once. sleutel is the SHA-256 (hex) of the random session key in the cookie, never the key itself.
CREATE TABLE medewerkersessies (
    sleutel       TEXT NOT NULL PRIMARY KEY,
    gebruiker     TEXT NOT NULL REFERENCES medewerkers (gebruiker) ON DELETE CASCADE,
    aangemaakt_op TEXT NOT NULL,
    verloopt_op   TEXT NOT NULL
);
CREATE INDEX medewerkersessies_gebruiker ON medewerkersessies (gebruiker);

-- Every API token expires. Tokens made before this migration get one year from now (not from their
-- creation): an upgrade must not cut off a provider without warning.
ALTER TABLE api_tokens ADD COLUMN verloopt_op TEXT NOT NULL DEFAULT '';
UPDATE api_tokens SET verloopt_op = strftime('%Y-%m-%d %H:%M:%S+00:00', 'now', '+1 year');

-- Server-side staff sessions and API token expiry (PostgreSQL). Kept in step with Sqlite/0008_sessies_tokenverloop.sql.

-- A staff login is valid while its row is here and verloopt_op (real time) has not passed: logging out
-- deletes the row, a new password deletes every row of the account, so a copied cookie stops working at
-- once. sleutel is the SHA-256 (hex) of the random session key in the cookie, never the key itself.
CREATE TABLE medewerkersessies (
    sleutel       text        NOT NULL PRIMARY KEY,
    gebruiker     text        NOT NULL REFERENCES medewerkers (gebruiker) ON DELETE CASCADE,
    aangemaakt_op timestamptz NOT NULL,
    verloopt_op   timestamptz NOT NULL
);
CREATE INDEX medewerkersessies_gebruiker ON medewerkersessies (gebruiker);

-- Every API token expires. Tokens made before this migration get one year from now (not from their
-- creation): an upgrade must not cut off a provider without warning.
ALTER TABLE api_tokens ADD COLUMN verloopt_op timestamptz NULL;
UPDATE api_tokens SET verloopt_op = now() + interval '1 year';
ALTER TABLE api_tokens ALTER COLUMN verloopt_op SET NOT NULL;

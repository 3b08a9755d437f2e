-- API access (SQLite). Kept in step with Postgres/0005_api.sql: same tables, columns and keys.

-- Bearer tokens of the provider and municipality APIs. Only the SHA-256 of the token is stored: a copy of
-- the database does not give access. soort is 'aanbieder' (code = AGB code) or 'gemeente' (code = CBS code).
-- A revoked token keeps its row (who had access until when).
CREATE TABLE api_tokens (
    id             INTEGER PRIMARY KEY,
    soort          TEXT NOT NULL CHECK (soort IN ('aanbieder', 'gemeente')),
    code           TEXT NOT NULL,
    hash           TEXT NOT NULL UNIQUE,
    omschrijving   TEXT NULL,
    aangemaakt_op  TEXT NOT NULL,
    ingetrokken_op TEXT NULL
);

-- A provider lists the answers addressed to it, newest ids after a given id.
CREATE INDEX outbox_ontvanger ON outbox (ontvanger, id);

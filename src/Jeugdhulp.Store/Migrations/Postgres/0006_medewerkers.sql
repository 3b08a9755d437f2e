-- Staff accounts of the backoffice web app (PostgreSQL). Kept in step with Sqlite/0006_medewerkers.sql.
-- One account belongs to one municipality; everything the account sees is filtered on that gemeente.
-- wachtwoord holds 'pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>', never the password.
CREATE TABLE medewerkers (
    gebruiker     text        NOT NULL PRIMARY KEY,
    gemeente      text        NOT NULL,
    wachtwoord    text        NOT NULL,
    aangemaakt_op timestamptz NOT NULL,
    actief        boolean     NOT NULL
);
CREATE INDEX medewerkers_gemeente ON medewerkers (gemeente);

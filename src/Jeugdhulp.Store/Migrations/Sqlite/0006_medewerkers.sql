-- Staff accounts of the backoffice web app (SQLite). Kept in step with Postgres/0006_medewerkers.sql.
-- One account belongs to one municipality; everything the account sees is filtered on that gemeente.
-- wachtwoord holds 'pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>', never the password.
CREATE TABLE medewerkers (
    gebruiker     TEXT    NOT NULL PRIMARY KEY,
    gemeente      TEXT    NOT NULL,
    wachtwoord    TEXT    NOT NULL,
    aangemaakt_op TEXT    NOT NULL,
    actief        INTEGER NOT NULL
);
CREATE INDEX medewerkers_gemeente ON medewerkers (gemeente);

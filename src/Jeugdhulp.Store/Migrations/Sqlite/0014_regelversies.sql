-- Rule changes as versions in the backoffice (issue 20, item 3; SQLite). Kept in step with
-- Postgres/0014_regelversies.sql. One row per version of one rule item, drafted by a policy user and published
-- by a second one. Rows are never deleted and only updated to publish (gepubliceerd_door/op): every version,
-- author and publication stays readable. The rule set in force is rules/<region>/ plus the published rows in
-- id order (docs/RULE-VERSIONS.md).
CREATE TABLE regelversies (
    id                INTEGER PRIMARY KEY,
    soort             TEXT    NOT NULL,
    bestand           TEXT    NOT NULL,
    lijst             TEXT    NOT NULL,
    sleutel           TEXT    NOT NULL,
    inhoud            TEXT    NOT NULL,
    geldig_vanaf      TEXT    NOT NULL,
    toelichting       TEXT    NULL,
    auteur            TEXT    NOT NULL,
    gemeente          TEXT    NOT NULL,
    aangemaakt_op     TEXT    NOT NULL,
    gepubliceerd_door TEXT    NULL,
    gepubliceerd_op   TEXT    NULL,
    CHECK ((gepubliceerd_door IS NULL) = (gepubliceerd_op IS NULL)),
    CHECK (gepubliceerd_door IS NULL OR gepubliceerd_door <> auteur)
);
CREATE INDEX regelversies_gepubliceerd ON regelversies (id) WHERE gepubliceerd_op IS NOT NULL;


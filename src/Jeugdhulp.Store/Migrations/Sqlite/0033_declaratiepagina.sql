-- The Declaraties page from tables (issue 18, SQLite), kept in step with Postgres/0033_declaratiepagina.sql. Before, the
-- page parsed every JW323 and its JW325 per request (about 1 s at 100,000 clients). Now it reads:
-- * the booked prestaties (declaratieprestaties) with the client as declared and the line's place in the message;
-- * the lines that are never booked (declaratieregels_ongeboekt): those refused because their ReferentieNummer was used
--   before (8021) and every line of a declaration refused as a whole (9333, 8848), with the JW325's codes;
-- * per answered declaration its line counts and sums (declaraties), so "Alle declaraties" needs no aggregate.
-- A JW323 that has none of these (not answered, answered with a technical retour, or refused as a whole before this
-- migration) is still read from the journal: few messages, never the whole journal.

-- The client as declared (BSN) and the 0-based place of the line in its JW323 (message order). Backfilled where
-- derivable: the client from the allocation declared on, the place from the order of booking (exact unless an 8021 line
-- was left out, and those were not stored before this migration).
ALTER TABLE declaratieprestaties ADD COLUMN client_bsn TEXT NULL;
ALTER TABLE declaratieprestaties ADD COLUMN volgorde INTEGER NULL;
-- The backfill changes no deadline: without the deadline trigger for its duration (it would mark every client for a
-- recompute), recreated as 0022 made it.
DROP TRIGGER termijnen_declaratieprestaties_u;
UPDATE declaratieprestaties SET client_bsn = (
    SELECT t.client_bsn FROM toewijzingen t WHERE t.gemeente = declaratieprestaties.gemeente AND t.nummer = declaratieprestaties.nummer
    ORDER BY t.actueel DESC LIMIT 1);
UPDATE declaratieprestaties SET volgorde = v.volgorde
FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY declaratie_id ORDER BY id) - 1 AS volgorde FROM declaratieprestaties) v
WHERE v.id = declaratieprestaties.id;
CREATE TRIGGER termijnen_declaratieprestaties_u AFTER UPDATE ON declaratieprestaties BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) SELECT t.gemeente, t.client_bsn FROM toewijzingen t WHERE t.gemeente = NEW.gemeente AND t.nummer = NEW.nummer AND t.actueel = 1
        ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;

-- The page's refused lines of a municipality, and a declaration's lines by place.
CREATE INDEX declaratieprestaties_afgewezen ON declaratieprestaties (gemeente, declaratie_id, volgorde) WHERE goedgekeurd = 0;
CREATE INDEX declaratieprestaties_declaratie ON declaratieprestaties (declaratie_id, volgorde);
CREATE INDEX declaraties_journaal ON declaraties (journaal_id);

-- Per booked declaration, as the page shows it: its lines (the 8021 ones too), the refused ones, and the sum of the
-- declared amounts with sign. toegekend (0004) is the approved sum. Backfilled from the booked prestaties.
ALTER TABLE declaraties ADD COLUMN regels INTEGER NULL;
ALTER TABLE declaraties ADD COLUMN afgewezen_regels INTEGER NULL;
ALTER TABLE declaraties ADD COLUMN regelbedrag INTEGER NULL;
UPDATE declaraties SET regels = s.regels, afgewezen_regels = s.afgewezen, regelbedrag = s.bedrag
FROM (SELECT declaratie_id, COUNT(*) AS regels, SUM(CASE WHEN goedgekeurd = 0 THEN 1 ELSE 0 END) AS afgewezen,
        SUM(CASE WHEN credit = 1 THEN -bedrag ELSE bedrag END) AS bedrag
      FROM declaratieprestaties GROUP BY declaratie_id) s
WHERE s.declaratie_id = declaraties.id;

-- Declaration lines that are never booked, written with the JW325 (same transaction). bedrag with sign (credit
-- negative); retourcodes as in the JW325 for the line (comma separated); volgorde the 0-based place in the JW323.
CREATE TABLE declaratieregels_ongeboekt (
    journaal_id      INTEGER NOT NULL REFERENCES journaal (id),
    volgorde         INTEGER NOT NULL,
    gemeente         TEXT    NOT NULL,
    aanbieder        TEXT    NOT NULL,
    declaratienummer TEXT    NOT NULL,
    client_bsn       TEXT    NOT NULL,
    referentienummer TEXT    NOT NULL,
    nummer           INTEGER NOT NULL,
    productcode      TEXT    NOT NULL,
    begindatum       TEXT    NOT NULL,
    einddatum        TEXT    NOT NULL,
    volume           INTEGER NOT NULL,
    eenheid          TEXT    NOT NULL,
    bedrag           INTEGER NOT NULL,
    retourcodes      TEXT    NOT NULL,
    PRIMARY KEY (journaal_id, volgorde)
);
CREATE INDEX declaratieregels_ongeboekt_gemeente ON declaratieregels_ongeboekt (gemeente, journaal_id);

-- The Termijnen page at national size, part 2 (issue 18; SQLite). Kept in step with Postgres/0029.
-- See docs/TERMIJNEN.md, "Deadlines kept as rows".

-- The page's counts kept with the rows: per municipality, kind, party, provider/municipality code, product ('' when
-- none) and part of the split (0 te laat, 1 vandaag, 2 deze week, 3 later, relative to the rows' business date) the
-- number of open rows. Termijnrijen.Ververs keeps it in step with every row it opens, moves or closes (and rebuilds it
-- from the rows when it recomputes a whole municipality), so a page reads a few hundred counts instead of counting
-- 600,000 rows four times.
CREATE TABLE termijntellingen (
    gemeente TEXT    NOT NULL,
    regel    TEXT    NOT NULL,
    partij   TEXT    NOT NULL,
    code     TEXT    NOT NULL,
    product  TEXT    NOT NULL,
    vak      INTEGER NOT NULL,
    aantal   INTEGER NOT NULL,
    PRIMARY KEY (gemeente, regel, partij, code, product, vak)
);
-- The business date the counts are of; NULL (as after this migration) or another day than berekend_voor: rebuilt.
ALTER TABLE termijnen_stand ADD COLUMN geteld_voor TEXT NULL;

-- The page's order (due date, rule, reference, id) under each filter, so a page of a kind, a provider or a product is
-- read from its index in order instead of sorting every row of that kind (530,000 HK-323-1 rows at 100,000 clients).
DROP INDEX termijnrijen_soort;
CREATE INDEX termijnrijen_soort ON termijnrijen (gemeente, regel, vervaldatum, referentie) WHERE gesloten_op IS NULL;
DROP INDEX termijnrijen_partij;
CREATE INDEX termijnrijen_partij ON termijnrijen (gemeente, partij, code, vervaldatum, regel, referentie) WHERE gesloten_op IS NULL;
CREATE INDEX termijnrijen_product ON termijnrijen (gemeente, product, vervaldatum, regel, referentie) WHERE gesloten_op IS NULL;

-- Received messages still without their retour (or JW325): what the municipality-wide part reads, kept by the journal
-- and outbox triggers instead of a scan of the whole journal. gezien = 1 once a recompute has listed it. A message
-- journalled and answered in one transaction (the pipeline) comes and goes unseen: it marks nothing, so a page read
-- after a message no longer recomputes the municipality part. An answer to a message a recompute has seen marks it.
CREATE TABLE termijnen_onbeantwoord (
    journaal_id  INTEGER NOT NULL PRIMARY KEY,
    gemeente     TEXT    NOT NULL,
    antwoordcode TEXT    NOT NULL,
    gezien       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX termijnen_onbeantwoord_gemeente ON termijnen_onbeantwoord (gemeente, gezien);
-- The message → answer code mapping (JW315→JW316, JW317→JW318, JW305→JW306, JW307→JW308, JW323→JW325) is spelled
-- three times below because a migration cannot call C#; its twin is TermijnenBewaken.Berichten (Core). Change both.
INSERT INTO termijnen_onbeantwoord (journaal_id, gemeente, antwoordcode)
SELECT j.id, j.ontvanger, CASE j.berichtcode WHEN 'JW315' THEN 'JW316' WHEN 'JW317' THEN 'JW318' WHEN 'JW305' THEN 'JW306' WHEN 'JW307' THEN 'JW308' ELSE 'JW325' END
FROM journaal j
WHERE j.berichtcode IN ('JW315', 'JW317', 'JW305', 'JW307', 'JW323')
    AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.journaal_id = j.id AND o.berichtcode = CASE j.berichtcode
        WHEN 'JW315' THEN 'JW316' WHEN 'JW317' THEN 'JW318' WHEN 'JW305' THEN 'JW306' WHEN 'JW307' THEN 'JW308' ELSE 'JW325' END);

DROP TRIGGER termijnen_journaal_i;
CREATE TRIGGER termijnen_journaal_i AFTER INSERT ON journaal WHEN NEW.berichtcode IN ('JW315', 'JW317', 'JW305', 'JW307', 'JW323') BEGIN
    INSERT INTO termijnen_onbeantwoord (journaal_id, gemeente, antwoordcode) VALUES (NEW.id, NEW.ontvanger, CASE NEW.berichtcode
        WHEN 'JW315' THEN 'JW316' WHEN 'JW317' THEN 'JW318' WHEN 'JW305' THEN 'JW306' WHEN 'JW307' THEN 'JW308' ELSE 'JW325' END);
END;
DROP TRIGGER termijnen_outbox_i;
CREATE TRIGGER termijnen_outbox_i AFTER INSERT ON outbox BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) SELECT o.gemeente, '' FROM termijnen_onbeantwoord o
        WHERE o.journaal_id = NEW.journaal_id AND o.antwoordcode = NEW.berichtcode AND o.gezien = 1
        ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
    DELETE FROM termijnen_onbeantwoord WHERE journaal_id = NEW.journaal_id AND antwoordcode = NEW.berichtcode;
END;

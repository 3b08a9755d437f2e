-- The Termijnen page at national size, part 2 (issue 18; PostgreSQL). Kept in step with Sqlite/0029, which explains
-- the tables. See docs/TERMIJNEN.md, "Deadlines kept as rows".
CREATE TABLE termijntellingen (
    gemeente text    NOT NULL,
    regel    text    NOT NULL,
    partij   text    NOT NULL,
    code     text    NOT NULL,
    product  text    NOT NULL,
    vak      integer NOT NULL,
    aantal   bigint  NOT NULL,
    PRIMARY KEY (gemeente, regel, partij, code, product, vak)
);
ALTER TABLE termijnen_stand ADD COLUMN geteld_voor date NULL;

-- COLLATE "C" as termijnrijen_open: the page sorts ordinally.
DROP INDEX termijnrijen_soort;
CREATE INDEX termijnrijen_soort ON termijnrijen (gemeente, regel, vervaldatum, referentie COLLATE "C") WHERE gesloten_op IS NULL;
DROP INDEX termijnrijen_partij;
CREATE INDEX termijnrijen_partij ON termijnrijen (gemeente, partij, code, vervaldatum, regel COLLATE "C", referentie COLLATE "C") WHERE gesloten_op IS NULL;
CREATE INDEX termijnrijen_product ON termijnrijen (gemeente, product, vervaldatum, regel COLLATE "C", referentie COLLATE "C") WHERE gesloten_op IS NULL;

CREATE TABLE termijnen_onbeantwoord (
    journaal_id  bigint  NOT NULL PRIMARY KEY,
    gemeente     text    NOT NULL,
    antwoordcode text    NOT NULL,
    gezien       integer NOT NULL DEFAULT 0
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

DROP TRIGGER termijnen_journaal ON journaal;
DROP FUNCTION termijnen_vuil_journaal();
CREATE FUNCTION termijnen_onbeantwoord_journaal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO termijnen_onbeantwoord (journaal_id, gemeente, antwoordcode) VALUES (NEW.id, NEW.ontvanger, CASE NEW.berichtcode
        WHEN 'JW315' THEN 'JW316' WHEN 'JW317' THEN 'JW318' WHEN 'JW305' THEN 'JW306' WHEN 'JW307' THEN 'JW308' ELSE 'JW325' END);
    RETURN NULL;
END $$;
CREATE TRIGGER termijnen_journaal AFTER INSERT ON journaal FOR EACH ROW
    WHEN (NEW.berichtcode IN ('JW315', 'JW317', 'JW305', 'JW307', 'JW323')) EXECUTE FUNCTION termijnen_onbeantwoord_journaal();

DROP TRIGGER termijnen_outbox ON outbox;
DROP FUNCTION termijnen_vuil_outbox();
-- The DELETE first: when a recompute holds the row (it is setting gezien), the DELETE waits for it and RETURNING gives
-- the committed gezien, so an answer that raced a recompute which listed the message still marks.
CREATE FUNCTION termijnen_onbeantwoord_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    g text;
    z integer;
BEGIN
    DELETE FROM termijnen_onbeantwoord WHERE journaal_id = NEW.journaal_id AND antwoordcode = NEW.berichtcode RETURNING gemeente, gezien INTO g, z;
    IF z = 1 THEN
        PERFORM termijnen_merk(g, '');
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER termijnen_outbox AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION termijnen_onbeantwoord_outbox();

-- Deadlines kept as rows (issue 18, "Termijnen at national size"; PostgreSQL). Kept in step with Sqlite/0022,
-- which explains the tables. See docs/TERMIJNEN.md, "Deadlines kept as rows".
CREATE TABLE termijnrijen (
    id          bigserial PRIMARY KEY,
    gemeente    text    NOT NULL,
    client_bsn  text    NOT NULL,
    bron        text    NOT NULL,
    partij      text    NOT NULL,
    code        text    NOT NULL,
    verwacht    text    NOT NULL,
    referentie  text    NOT NULL,
    product     text    NULL,
    vervaldatum date    NOT NULL,
    regel       text    NOT NULL,
    advies      integer NOT NULL,
    geopend_op  date    NOT NULL,
    gesloten_op date    NULL
);
-- COLLATE "C": the page sorts as TermijnenBewaken.Open does (ordinal), not by the database's locale.
CREATE INDEX termijnrijen_open ON termijnrijen (gemeente, vervaldatum, regel COLLATE "C", referentie COLLATE "C") WHERE gesloten_op IS NULL;
CREATE INDEX termijnrijen_soort ON termijnrijen (gemeente, regel, vervaldatum) WHERE gesloten_op IS NULL;
CREATE INDEX termijnrijen_partij ON termijnrijen (gemeente, partij, code) WHERE gesloten_op IS NULL;
CREATE INDEX termijnrijen_client ON termijnrijen (gemeente, client_bsn, bron);

CREATE TABLE termijnen_vuil (
    gemeente text   NOT NULL,
    bsn      text   NOT NULL,
    merk     bigint NOT NULL DEFAULT 1,
    PRIMARY KEY (gemeente, bsn)
);

CREATE TABLE termijnen_stand (
    gemeente      text        NOT NULL PRIMARY KEY,
    berekend_voor date        NOT NULL,
    regels        text        NOT NULL,
    berekend_op   timestamptz NOT NULL
);

CREATE FUNCTION termijnen_merk(g text, b text) RETURNS void LANGUAGE sql AS $$
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (g, b) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
$$;

-- Per client: (gemeente, client_bsn) of the row.
CREATE FUNCTION termijnen_vuil_client() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM termijnen_merk(NEW.gemeente, NEW.client_bsn);
    RETURN NULL;
END $$;
CREATE TRIGGER termijnen_verzoeken AFTER INSERT OR UPDATE ON verzoeken FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_client();
CREATE TRIGGER termijnen_toewijzingen AFTER INSERT OR UPDATE ON toewijzingen FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_client();

CREATE FUNCTION termijnen_vuil_clientrij() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM termijnen_merk(NEW.gemeente, NEW.bsn);
    RETURN NULL;
END $$;
CREATE TRIGGER termijnen_clienten AFTER INSERT OR UPDATE ON clienten FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_clientrij();

-- Per allocation number: the client of the current allocation.
CREATE FUNCTION termijnen_vuil_nummer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM termijnen_merk(t.gemeente, t.client_bsn) FROM toewijzingen t WHERE t.gemeente = NEW.gemeente AND t.nummer = NEW.nummer AND t.actueel = 1;
    RETURN NULL;
END $$;
CREATE TRIGGER termijnen_startstop AFTER INSERT OR UPDATE ON startstop FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_nummer();
CREATE TRIGGER termijnen_declaratieprestaties AFTER INSERT OR UPDATE ON declaratieprestaties FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_nummer();

CREATE FUNCTION termijnen_vuil_bevinding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM termijnen_merk(v.gemeente, v.client_bsn) FROM verzoeken v WHERE v.journaal_id = NEW.journaal_id AND v.volgnummer = NEW.volgnummer;
    RETURN NULL;
END $$;
CREATE TRIGGER termijnen_bevindingen AFTER INSERT ON bevindingen FOR EACH ROW WHEN (NEW.regel_id = 'HK-315-4') EXECUTE FUNCTION termijnen_vuil_bevinding();

-- The municipality-wide part: (gemeente, '').
CREATE FUNCTION termijnen_vuil_gemeente() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM termijnen_merk(NEW.gemeente, '');
    RETURN NULL;
END $$;
CREATE TRIGGER termijnen_noshows AFTER INSERT OR UPDATE ON noshows FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_gemeente();
CREATE TRIGGER termijnen_conversie AFTER INSERT OR UPDATE ON conversie_uitgevoerd FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_gemeente();
CREATE TRIGGER termijnen_verblijf_plaatsingen AFTER INSERT OR UPDATE ON verblijf_plaatsingen FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_gemeente();
CREATE TRIGGER termijnen_verblijf_consulten AFTER INSERT OR UPDATE ON verblijf_consulten FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_gemeente();
CREATE TRIGGER termijnen_verblijf_meerzorg AFTER INSERT OR UPDATE ON verblijf_meerzorg FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_gemeente();
CREATE TRIGGER termijnen_verblijf_moederkind AFTER INSERT OR UPDATE ON verblijf_moederkind FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_gemeente();
CREATE TRIGGER termijnen_verblijf_escalaties AFTER INSERT OR UPDATE ON verblijf_escalaties FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_gemeente();

CREATE FUNCTION termijnen_vuil_journaal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM termijnen_merk(NEW.ontvanger, '');
    RETURN NULL;
END $$;
CREATE TRIGGER termijnen_journaal AFTER INSERT ON journaal FOR EACH ROW
    WHEN (NEW.berichtcode IN ('JW315', 'JW317', 'JW305', 'JW307', 'JW323')) EXECUTE FUNCTION termijnen_vuil_journaal();

CREATE FUNCTION termijnen_vuil_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM termijnen_merk(j.ontvanger, '') FROM journaal j WHERE j.id = NEW.journaal_id;
    RETURN NULL;
END $$;
CREATE TRIGGER termijnen_outbox AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_outbox();

-- Deadlines kept as rows (issue 18, "Termijnen at national size"; SQLite). Kept in step with Postgres/0022.
-- The Termijnen page, its export, `jeugdhulp termijnen --gemeente` and the dossier read these rows instead of
-- recomputing every deadline of a municipality per request. The computation is still TermijnenBewaken.Open:
-- Store/Termijnen/Termijnrijen.cs recomputes the clients marked dirty below (and the whole municipality when the
-- business date or the rules changed) and replaces their rows. See docs/TERMIJNEN.md, "Deadlines kept as rows".

-- One row per obligation as TermijnenBewaken.Open returns it. Open while gesloten_op is NULL; a recompute that
-- no longer finds it closes it on that business date (the dossier shows it as closed, on time or late).
-- bron: 'client' when it comes from the client's own state (requests, allocations, starts/stops, declared
-- months, JW317s), 'gemeente' when from the state read for the whole municipality (unanswered messages,
-- no-show decisions, 24-hour care, conversion work): each part is recomputed on its own mark.
CREATE TABLE termijnrijen (
    id          INTEGER PRIMARY KEY,
    gemeente    TEXT    NOT NULL,
    client_bsn  TEXT    NOT NULL,  -- '' when the obligation concerns no single client (a JW323)
    bron        TEXT    NOT NULL,
    partij      TEXT    NOT NULL,
    code        TEXT    NOT NULL,
    verwacht    TEXT    NOT NULL,
    referentie  TEXT    NOT NULL,
    product     TEXT    NULL,
    vervaldatum TEXT    NOT NULL,
    regel       TEXT    NOT NULL,
    advies      INTEGER NOT NULL,
    geopend_op  TEXT    NOT NULL,
    gesloten_op TEXT    NULL
);
-- The page: overdue first, by due date, paged; the kind filter and the counts per kind; the provider filter.
CREATE INDEX termijnrijen_open ON termijnrijen (gemeente, vervaldatum, regel, referentie) WHERE gesloten_op IS NULL;
CREATE INDEX termijnrijen_soort ON termijnrijen (gemeente, regel, vervaldatum) WHERE gesloten_op IS NULL;
CREATE INDEX termijnrijen_partij ON termijnrijen (gemeente, partij, code) WHERE gesloten_op IS NULL;
-- The recompute of a client and the dossier (open and closed).
CREATE INDEX termijnrijen_client ON termijnrijen (gemeente, client_bsn, bron);

-- Clients whose deadlines must be recomputed before the next read: (gemeente, bsn), or (gemeente, '') for the
-- municipality-wide part. merk counts the marks, so a recompute clears only the marks it has seen.
CREATE TABLE termijnen_vuil (
    gemeente TEXT    NOT NULL,
    bsn      TEXT    NOT NULL,
    merk     INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (gemeente, bsn)
);

-- Per municipality: the business date and the rule version the rows were computed for (another day or rule
-- version: the rows are stale and recomputed as a whole).
CREATE TABLE termijnen_stand (
    gemeente      TEXT NOT NULL PRIMARY KEY,
    berekend_voor TEXT NOT NULL,
    regels        TEXT NOT NULL,
    berekend_op   TEXT NOT NULL
);

-- The marks: every write path (pipeline, staff decisions, own allocations, 24-hour care, conversion, import)
-- writes these tables, so triggers cover them all without touching them. What LeesTermijnstand reads per client:
CREATE TRIGGER termijnen_verzoeken_i AFTER INSERT ON verzoeken BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, NEW.client_bsn) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_verzoeken_u AFTER UPDATE ON verzoeken BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, NEW.client_bsn) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_toewijzingen_i AFTER INSERT ON toewijzingen BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, NEW.client_bsn) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_toewijzingen_u AFTER UPDATE ON toewijzingen BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, NEW.client_bsn) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_clienten_i AFTER INSERT ON clienten BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, NEW.bsn) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_clienten_u AFTER UPDATE ON clienten BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, NEW.bsn) ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_startstop_i AFTER INSERT ON startstop BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) SELECT t.gemeente, t.client_bsn FROM toewijzingen t WHERE t.gemeente = NEW.gemeente AND t.nummer = NEW.nummer AND t.actueel = 1
        ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_startstop_u AFTER UPDATE ON startstop BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) SELECT t.gemeente, t.client_bsn FROM toewijzingen t WHERE t.gemeente = NEW.gemeente AND t.nummer = NEW.nummer AND t.actueel = 1
        ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_declaratieprestaties_i AFTER INSERT ON declaratieprestaties BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) SELECT t.gemeente, t.client_bsn FROM toewijzingen t WHERE t.gemeente = NEW.gemeente AND t.nummer = NEW.nummer AND t.actueel = 1
        ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_declaratieprestaties_u AFTER UPDATE ON declaratieprestaties BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) SELECT t.gemeente, t.client_bsn FROM toewijzingen t WHERE t.gemeente = NEW.gemeente AND t.nummer = NEW.nummer AND t.actueel = 1
        ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
-- The woonplaatsbeginsel finding (HK-315-4) of a request in review.
CREATE TRIGGER termijnen_bevindingen_i AFTER INSERT ON bevindingen WHEN NEW.regel_id = 'HK-315-4' BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) SELECT v.gemeente, v.client_bsn FROM verzoeken v WHERE v.journaal_id = NEW.journaal_id AND v.volgnummer = NEW.volgnummer
        ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;

-- What LeesTermijnstand reads for the whole municipality: received messages and their answers, no-shows,
-- 24-hour care, conversion work. One mark (gemeente, '') recomputes that part.
CREATE TRIGGER termijnen_journaal_i AFTER INSERT ON journaal WHEN NEW.berichtcode IN ('JW315', 'JW317', 'JW305', 'JW307', 'JW323') BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.ontvanger, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_outbox_i AFTER INSERT ON outbox BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) SELECT j.ontvanger, '' FROM journaal j WHERE j.id = NEW.journaal_id
        ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_noshows_i AFTER INSERT ON noshows BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_noshows_u AFTER UPDATE ON noshows BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_conversie_i AFTER INSERT ON conversie_uitgevoerd BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_conversie_u AFTER UPDATE ON conversie_uitgevoerd BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_verblijf_plaatsingen_i AFTER INSERT ON verblijf_plaatsingen BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_verblijf_plaatsingen_u AFTER UPDATE ON verblijf_plaatsingen BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_verblijf_consulten_i AFTER INSERT ON verblijf_consulten BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_verblijf_consulten_u AFTER UPDATE ON verblijf_consulten BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_verblijf_meerzorg_i AFTER INSERT ON verblijf_meerzorg BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_verblijf_meerzorg_u AFTER UPDATE ON verblijf_meerzorg BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_verblijf_moederkind_i AFTER INSERT ON verblijf_moederkind BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_verblijf_moederkind_u AFTER UPDATE ON verblijf_moederkind BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_verblijf_escalaties_i AFTER INSERT ON verblijf_escalaties BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;
CREATE TRIGGER termijnen_verblijf_escalaties_u AFTER UPDATE ON verblijf_escalaties BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) VALUES (NEW.gemeente, '') ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;

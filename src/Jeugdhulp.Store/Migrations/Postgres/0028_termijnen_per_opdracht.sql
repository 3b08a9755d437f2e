-- Deadline marks per statement, not per row (Postgres). Kept in step with Sqlite/0028, which changes nothing.
-- 0022's row triggers ran a plpgsql upsert for every row written to toewijzingen, verzoeken, startstop and
-- declaratieprestaties: a multi-row insert of 500 declaration lines paid 500 lookups and 500 upserts, and loading a
-- million allocations by COPY took longer than Npgsql's 30-second wait for the answer (the CI run of 1efed13). These
-- statement triggers mark the same clients once per statement from the transition table; DISTINCT because one
-- ON CONFLICT DO UPDATE may not touch a row twice. The mark still increases on every write, which is what
-- Termijnrijen.Ververs compares to see a client written again while it recomputed.
-- PostgreSQL allows a transition table only on a trigger for a single event, hence one trigger per event.
DROP TRIGGER termijnen_verzoeken ON verzoeken;
DROP TRIGGER termijnen_toewijzingen ON toewijzingen;
DROP TRIGGER termijnen_startstop ON startstop;
DROP TRIGGER termijnen_declaratieprestaties ON declaratieprestaties;

CREATE FUNCTION termijnen_vuil_clients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn)
    SELECT DISTINCT n.gemeente, n.client_bsn FROM nieuw n
    ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER termijnen_verzoeken_in AFTER INSERT ON verzoeken REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_clients();
CREATE TRIGGER termijnen_verzoeken_bij AFTER UPDATE ON verzoeken REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_clients();
CREATE TRIGGER termijnen_toewijzingen_in AFTER INSERT ON toewijzingen REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_clients();
CREATE TRIGGER termijnen_toewijzingen_bij AFTER UPDATE ON toewijzingen REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_clients();

CREATE FUNCTION termijnen_vuil_nummers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn)
    SELECT DISTINCT t.gemeente, t.client_bsn FROM nieuw n
    JOIN toewijzingen t ON t.gemeente = n.gemeente AND t.nummer = n.nummer AND t.actueel = 1
    ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER termijnen_startstop_in AFTER INSERT ON startstop REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_nummers();
CREATE TRIGGER termijnen_startstop_bij AFTER UPDATE ON startstop REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_nummers();
CREATE TRIGGER termijnen_declaratieprestaties_in AFTER INSERT ON declaratieprestaties REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_nummers();
CREATE TRIGGER termijnen_declaratieprestaties_bij AFTER UPDATE ON declaratieprestaties REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_nummers();

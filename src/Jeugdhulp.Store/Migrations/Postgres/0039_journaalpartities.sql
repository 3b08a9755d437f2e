-- National deployment, the journal's side (issue 21 point 1, helper h21j; PostgreSQL). Kept in step with
-- Sqlite/0039_journaalpartities.sql, which only adds the column (one SQLite file serves one deployment).
--
-- The journal itself stays ONE global table: it is the deployment's receipt index — the re-delivery promise lives in its
-- global unique keys ((afzender, identificatie, sha256), one original per (afzender, identificatie), the insert's
-- ON CONFLICT, 9056 for a known Identificatie sent to any municipality), and it is the smallest part of a message
-- (0.48 KB). Two of the tables that hang from it and carry a message's bulk become PARTITION BY LIST (gemeente), the same
-- mechanism as 0036 (one partition per imported municipality, named <table>_g<code>, and a DEFAULT partition):
--   journaalinhoud      the received bytes (0.55 KB/message); gemeente = the journal row's ontvanger (the receiving
--                       municipality as the message names it; a receiver without a partition, or not a municipality at
--                       all, lands in DEFAULT)
--   verzoekbevindingen  a request line's findings (1.1 KB/message); gemeente = its request line's (verzoeken.gemeente)
-- Neither had the column: it is added (last, as SQLite's ALTER TABLE adds it) and filled from the journal / request line.
-- Nothing references these two tables, so no foreign key has to be re-keyed; their own foreign keys (to journaal,
-- to verzoeken) stay as they were (a partitioned table may reference a plain one).
--
-- Keys: the partition key must be in every unique key; it is put LAST — (journaal_id, gemeente) and (journaal_id,
-- volgnummer, gemeente) — so that a read by journal id alone (it does not know the municipality) still finds its row by
-- each partition's key, while a read that names the municipality is pruned to one partition and uses the same key.
-- What the database no longer enforces by itself: one content row per journal row across municipalities (the writers
-- insert it once, in the journal row's own transaction, with the journal row's ontvanger).
--
-- verzoeken, outbox and outboxinhoud are NOT partitioned here (docs/POSTGRESQL.md, "National deployment", says why and
-- what they need).

-- 1. The function of 0036, with the two tables added (after the 0036 ones; neither is referenced, so order among them
-- only matters for declaraties → declaratieprestaties).
CREATE OR REPLACE FUNCTION gemeentepartities(g text) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    -- Parents before children: the prestaties' foreign key needs its declaration attached first, and is deleted from
    -- DEFAULT before it (the reverse order below).
    tabellen constant text[] := ARRAY['toewijzingen', 'declaraties', 'declaratieprestaties', 'declaratiebevindingen',
        'declaratieregels_ongeboekt', 'journaalinhoud', 'verzoekbevindingen'];
    achtervoegsel constant text := CASE WHEN g ~ '^[0-9a-z]{1,24}$' THEN 'g' || g ELSE 'x' || left(md5(g), 16) END;
    t text;
    deel text;
    heeft boolean;
    verplaatst text[] := '{}';
    nieuw integer := 0;
BEGIN
    IF g IS NULL THEN
        RETURN 0;
    END IF;
    -- Two importers at once would both find the partition missing.
    PERFORM pg_advisory_xact_lock(hashtext('jeugdhulp.gemeentepartities'));
    FOREACH t IN ARRAY tabellen LOOP
        deel := t || '_' || achtervoegsel;
        CONTINUE WHEN to_regclass(quote_ident(deel)) IS NOT NULL;
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE gemeente = $1)', t || '_default') INTO heeft USING g;
        IF heeft THEN
            EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS)', deel, t);
            EXECUTE format('INSERT INTO %I SELECT * FROM %I WHERE gemeente = $1', deel, t || '_default') USING g;
            verplaatst := verplaatst || t;
        ELSE
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES IN (%L)', deel, t, g);
        END IF;
        nieuw := nieuw + 1;
    END LOOP;
    FOR i IN REVERSE coalesce(array_length(verplaatst, 1), 0) .. 1 LOOP
        EXECUTE format('DELETE FROM %I WHERE gemeente = $1', verplaatst[i] || '_default') USING g;
    END LOOP;
    FOREACH t IN ARRAY verplaatst LOOP
        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES IN (%L)', t, t || '_' || achtervoegsel, g);
    END LOOP;
    RETURN nieuw;
END $$;

-- 2. Each table partitioned with only DEFAULT, every row copied with its municipality (from the journal row / the request
-- line it hangs from; the foreign keys guarantee there is one), the old table dropped, the new one named, keyed and indexed.
CREATE TABLE journaalinhoud_nieuw (
    journaal_id bigint NOT NULL,
    inhoud      bytea  NOT NULL,
    gemeente    text   NOT NULL
) PARTITION BY LIST (gemeente);
CREATE TABLE journaalinhoud_default PARTITION OF journaalinhoud_nieuw DEFAULT;
INSERT INTO journaalinhoud_nieuw (journaal_id, inhoud, gemeente)
SELECT ji.journaal_id, ji.inhoud, j.ontvanger FROM journaalinhoud ji JOIN journaal j ON j.id = ji.journaal_id;
DROP TABLE journaalinhoud;
ALTER TABLE journaalinhoud_nieuw RENAME TO journaalinhoud;
ALTER TABLE journaalinhoud ADD PRIMARY KEY (journaal_id, gemeente);
ALTER TABLE journaalinhoud ADD FOREIGN KEY (journaal_id) REFERENCES journaal (id);

CREATE TABLE verzoekbevindingen_nieuw (
    journaal_id bigint NOT NULL,
    volgnummer  bigint NOT NULL,
    lijst       text   NOT NULL,
    beoordelen  text   NULL,
    gemeente    text   NOT NULL
) PARTITION BY LIST (gemeente);
CREATE TABLE verzoekbevindingen_default PARTITION OF verzoekbevindingen_nieuw DEFAULT;
INSERT INTO verzoekbevindingen_nieuw (journaal_id, volgnummer, lijst, beoordelen, gemeente)
SELECT b.journaal_id, b.volgnummer, b.lijst, b.beoordelen, v.gemeente
FROM verzoekbevindingen b JOIN verzoeken v ON v.journaal_id = b.journaal_id AND v.volgnummer = b.volgnummer;
-- Its trigger (0038) goes with it and is made again below, on the partitioned table (a row trigger there is cloned to
-- every partition, those made later included).
DROP TABLE verzoekbevindingen;
ALTER TABLE verzoekbevindingen_nieuw RENAME TO verzoekbevindingen;
ALTER TABLE verzoekbevindingen ADD PRIMARY KEY (journaal_id, volgnummer, gemeente);
ALTER TABLE verzoekbevindingen ADD FOREIGN KEY (journaal_id, volgnummer) REFERENCES verzoeken (journaal_id, volgnummer);
CREATE INDEX verzoekbevindingen_review ON verzoekbevindingen (journaal_id, volgnummer) WHERE beoordelen IS NOT NULL;
CREATE TRIGGER termijnen_verzoekbevindingen AFTER INSERT ON verzoekbevindingen FOR EACH ROW
    WHEN (strpos(NEW.lijst, chr(31) || 'HK-315-4' || chr(31)) > 0 AND current_setting('jeugdhulp.termijnmerken', true) IS DISTINCT FROM 'later')
    EXECUTE FUNCTION termijnen_vuil_bevinding();

-- 3. The partitions of every municipality the database knows (as 0036 step 3; of the rows copied here the request lines'
-- findings name one, a line exists only for a municipality's message), their rows moved out of DEFAULT by the function the
-- importers call. A receiver known only from the journal (a message addressed to a municipality never imported, or to no
-- municipality) gets no partition: its content stays in DEFAULT until the municipality is imported.
DO $$
DECLARE
    gemeenten text[];
    g text;
BEGIN
    SELECT coalesce(array_agg(DISTINCT k.gemeente ORDER BY k.gemeente), '{}') INTO gemeenten FROM (
        SELECT gemeente FROM contracten UNION SELECT gemeente FROM inwoners UNION SELECT gemeente FROM toewijzingnummers
        UNION SELECT gemeente FROM toewijzingen UNION SELECT gemeente FROM declaraties UNION SELECT gemeente FROM declaratieprestaties
        UNION SELECT gemeente FROM declaratiebevindingen UNION SELECT gemeente FROM declaratieregels_ongeboekt
        UNION SELECT gemeente FROM verzoekbevindingen) AS k;
    FOREACH g IN ARRAY gemeenten LOOP
        PERFORM gemeentepartities(g);
    END LOOP;
END $$;

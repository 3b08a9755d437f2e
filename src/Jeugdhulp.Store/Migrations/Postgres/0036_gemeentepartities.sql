-- National deployment, one database for many municipalities (issue 21 point 1, helper h21p; PostgreSQL). Sqlite/0036 is a
-- no-op: one SQLite file serves one deployment. The allocations and the declaration path's tables become
-- PARTITION BY LIST (gemeente): one partition per municipality and a DEFAULT partition, so a row of a municipality that has
-- no partition (yet) is still stored and nothing can fail to insert. Every query of the pipeline and the pages names the
-- municipality, so it is pruned to that municipality's partition: its indexes and statistics are that municipality's size,
-- ANALYZE and vacuum work per partition, and a municipality leaving is DETACH PARTITION. See docs/POSTGRESQL.md, "National
-- deployment".
--
-- Keys: PostgreSQL requires the partition key in every unique constraint of a partitioned table, so the surrogate keys
-- become (gemeente, id) and the key of the declaration's per-line tables (gemeente, journaal_id, volgorde); the foreign key
-- of a prestatie to its declaration becomes (gemeente, declaratie_id). An id still comes from one identity sequence per
-- table (never given twice; the sequence carries on where the old one stood), the unique keys that already led with
-- gemeente are unchanged, and the foreign keys to the journal stay as they were (the journal is not partitioned: see the
-- docs for why). The deadline triggers are recreated as they were (statement triggers with a transition table fire once for
-- the partitioned table, whatever partition the rows went to).
--
-- The journal is NOT partitioned here (docs/POSTGRESQL.md says why and what it needs).

-- 1. Creates the partitions of municipality g of every partitioned table that has none, moving the rows of g that the
-- DEFAULT partition holds into them (PostgreSQL refuses a new partition while DEFAULT holds rows that belong to it). Called
-- below for every municipality the database knows, and by the store when contracts or residents of a municipality are
-- imported (Store/Import/Gemeentepartities.cs). Returns the number of partitions created. Partition names are the table's
-- name and 'g' + the code when the code is plain lowercase letters and digits, else 'x' + 16 hex digits of its md5.
CREATE FUNCTION gemeentepartities(g text) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    -- Parents before children: the prestaties' foreign key needs its declaration attached first, and is deleted from
    -- DEFAULT before it (the reverse order below).
    tabellen constant text[] := ARRAY['toewijzingen', 'declaraties', 'declaratieprestaties', 'declaratiebevindingen',
        'declaratieregels_ongeboekt'];
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

-- 2. Each table as a partitioned one with only its DEFAULT partition, the rows copied as they are (ids included), then the
-- old table dropped and the new one given its name, keys, indexes and triggers. The identity sequence continues where the
-- old one stood (its last value, not the highest id: an id handed out to a rolled-back row is not given again).
DO $$
DECLARE
    t text;
    oud text;
BEGIN
    FOREACH t IN ARRAY ARRAY['toewijzingen', 'declaraties', 'declaratieprestaties', 'declaratiebevindingen',
        'declaratieregels_ongeboekt'] LOOP
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING IDENTITY) PARTITION BY LIST (gemeente)', t || '_nieuw', t);
        EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', t || '_default', t || '_nieuw');
        EXECUTE format('INSERT INTO %I SELECT * FROM %I', t || '_nieuw', t);
        oud := CASE WHEN EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(t) AND attname = 'id' AND NOT attisdropped)
            THEN pg_get_serial_sequence(t, 'id') END;
        IF oud IS NOT NULL THEN
            EXECUTE format('SELECT setval(%L, last_value, is_called) FROM %s', pg_get_serial_sequence(t || '_nieuw', 'id'), oud);
        END IF;
    END LOOP;
    -- Children first: the prestaties reference the declarations.
    FOREACH t IN ARRAY ARRAY['declaratieregels_ongeboekt', 'declaratiebevindingen', 'declaratieprestaties', 'declaraties',
        'toewijzingen'] LOOP
        EXECUTE format('DROP TABLE %I', t);
        EXECUTE format('ALTER TABLE %I RENAME TO %I', t || '_nieuw', t);
    END LOOP;
END $$;

ALTER TABLE toewijzingen ADD PRIMARY KEY (gemeente, id);
ALTER TABLE toewijzingen ADD FOREIGN KEY (journaal_id) REFERENCES journaal (id);
CREATE UNIQUE INDEX toewijzingen_actueel ON toewijzingen (gemeente, nummer) WHERE actueel = 1;
CREATE INDEX toewijzingen_client_actueel ON toewijzingen (gemeente, client_bsn, actueel) WHERE actueel = 1;
CREATE INDEX toewijzingen_client_alle ON toewijzingen (gemeente, client_bsn, nummer);
CREATE INDEX toewijzingen_grafiek ON toewijzingen (gemeente, aanbieder, productcode, ingangsdatum, einddatum, eenheid, frequentie, volume, actueel) WHERE actueel = 1;
CREATE INDEX toewijzingen_nummer ON toewijzingen (gemeente, nummer, toewijzingsdatum);
CREATE INDEX toewijzingen_overzicht ON toewijzingen (gemeente, ingangsdatum, aanbieder, productcode, einddatum, eenheid, frequentie, volume, budget, actueel) WHERE actueel = 1;
CREATE TRIGGER termijnen_toewijzingen_in AFTER INSERT ON toewijzingen REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT
    WHEN (current_setting('jeugdhulp.termijnmerken', true) IS DISTINCT FROM 'later') EXECUTE FUNCTION termijnen_vuil_clients();
CREATE TRIGGER termijnen_toewijzingen_bij AFTER UPDATE ON toewijzingen REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_clients();

ALTER TABLE declaraties ADD PRIMARY KEY (gemeente, id);
ALTER TABLE declaraties ADD UNIQUE (gemeente, aanbieder, declaratienummer);
ALTER TABLE declaraties ADD FOREIGN KEY (journaal_id) REFERENCES journaal (id);
CREATE INDEX declaraties_journaal ON declaraties (journaal_id);

ALTER TABLE declaratieprestaties ADD PRIMARY KEY (gemeente, id);
ALTER TABLE declaratieprestaties ADD UNIQUE (gemeente, aanbieder, referentienummer);
ALTER TABLE declaratieprestaties ADD FOREIGN KEY (gemeente, declaratie_id) REFERENCES declaraties (gemeente, id);
CREATE INDEX declaratieprestaties_afgewezen ON declaratieprestaties (gemeente, declaratie_id, volgorde) WHERE goedgekeurd = 0;
CREATE INDEX declaratieprestaties_declaratie ON declaratieprestaties (declaratie_id, volgorde);
CREATE INDEX declaratieprestaties_grafiek ON declaratieprestaties (gemeente, goedgekeurd, begindatum, einddatum, aanbieder, productcode, eenheid, credit, volume);
CREATE INDEX declaratieprestaties_nummer ON declaratieprestaties (gemeente, nummer);
CREATE INDEX declaratieprestaties_overzicht ON declaratieprestaties (gemeente, begindatum, aanbieder, productcode, credit, goedgekeurd, bedrag);
CREATE INDEX declaratieprestaties_toewijzing ON declaratieprestaties (gemeente, aanbieder, nummer) WHERE goedgekeurd = 1;
CREATE TRIGGER termijnen_declaratieprestaties_in AFTER INSERT ON declaratieprestaties REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_nummers();
CREATE TRIGGER termijnen_declaratieprestaties_bij AFTER UPDATE ON declaratieprestaties REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_nummers();

ALTER TABLE declaratiebevindingen ADD PRIMARY KEY (gemeente, journaal_id, volgorde);
ALTER TABLE declaratiebevindingen ADD FOREIGN KEY (journaal_id) REFERENCES journaal (id);
CREATE INDEX declaratiebevindingen_regel ON declaratiebevindingen (gemeente, regel_id);

ALTER TABLE declaratieregels_ongeboekt ADD PRIMARY KEY (gemeente, journaal_id, volgorde);
ALTER TABLE declaratieregels_ongeboekt ADD FOREIGN KEY (journaal_id) REFERENCES journaal (id);
CREATE INDEX declaratieregels_ongeboekt_gemeente ON declaratieregels_ongeboekt (gemeente, journaal_id);

-- 3. A partition for every municipality the database knows (contracts, residents, number counters and the rows copied),
-- the rows moved out of DEFAULT by the same function the importers call. Collected first: the function alters tables this
-- query would be reading.
DO $$
DECLARE
    gemeenten text[];
    g text;
BEGIN
    SELECT coalesce(array_agg(DISTINCT k.gemeente ORDER BY k.gemeente), '{}') INTO gemeenten FROM (
        SELECT gemeente FROM contracten UNION SELECT gemeente FROM inwoners UNION SELECT gemeente FROM toewijzingnummers
        UNION SELECT gemeente FROM toewijzingen UNION SELECT gemeente FROM declaraties UNION SELECT gemeente FROM declaratieprestaties
        UNION SELECT gemeente FROM declaratiebevindingen UNION SELECT gemeente FROM declaratieregels_ongeboekt) AS k;
    FOREACH g IN ARRAY gemeenten LOOP
        PERFORM gemeentepartities(g);
    END LOOP;
END $$;

-- National deployment: the partitioned tables as data (issue 21 point 1, helper h21k; PostgreSQL). Kept in step with
-- Sqlite/0040_gemeentepartitietabellen.sql, a no-op (one SQLite file serves one deployment, no partitions).
--
-- 0036 made gemeentepartities(g), which creates a municipality's partitions of every partitioned table, with the tables
-- as a constant array in its body; 0039, to add two tables, had to repeat the whole body with a longer array. From here
-- the list is a table, gemeentepartitietabellen, and the function reads it: a later migration that partitions another
-- table by gemeente converts the table and inserts its row here, and leaves the function alone. The function's behaviour
-- is 0036's (advisory lock, rows of the municipality moved out of DEFAULT parents first and deleted children first,
-- partitions named <table>_g<code> or <table>_x<16 hex of md5>).
--
-- And three more tables partitioned, each by its row in the list: startstop, noshows and toekenningen (steps 3 and 4).

-- 1. The partitioned tables in the order their partitions are made: a table referenced by another's foreign key before
-- that table (declaraties before declaratieprestaties; the moved rows are deleted from DEFAULT in the reverse order).
-- volgorde leaves gaps so that a table can be put between two others without renumbering.
CREATE TABLE gemeentepartitietabellen (
    tabel    text    PRIMARY KEY,
    volgorde integer NOT NULL UNIQUE
);
INSERT INTO gemeentepartitietabellen (tabel, volgorde) VALUES
    ('toewijzingen', 10),
    ('declaraties', 20),
    ('declaratieprestaties', 30),
    ('declaratiebevindingen', 40),
    ('declaratieregels_ongeboekt', 50),
    ('journaalinhoud', 60),
    ('verzoekbevindingen', 70);

-- 2. The function, reading the list (for the last time replaced: a new table is a row above). Read after the lock, so a
-- caller sees the list as the transaction that holds the lock left it.
CREATE OR REPLACE FUNCTION gemeentepartities(g text) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    achtervoegsel constant text := CASE WHEN g ~ '^[0-9a-z]{1,24}$' THEN 'g' || g ELSE 'x' || left(md5(g), 16) END;
    tabellen text[];
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
    SELECT coalesce(array_agg(tabel ORDER BY volgorde), '{}') INTO tabellen FROM gemeentepartitietabellen;
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
    -- Children first out of DEFAULT, parents first into the parent (the foreign key is checked against the attached rows).
    FOR i IN REVERSE coalesce(array_length(verplaatst, 1), 0) .. 1 LOOP
        EXECUTE format('DELETE FROM %I WHERE gemeente = $1', verplaatst[i] || '_default') USING g;
    END LOOP;
    FOREACH t IN ARRAY verplaatst LOOP
        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES IN (%L)', t, t || '_' || achtervoegsel, g);
    END LOOP;
    RETURN nieuw;
END $$;

-- 3. startstop, noshows and toekenningen partitioned the 0036 way. Each has gemeente, and nothing references them (no
-- foreign key, view or function reads them; their own foreign key to the journal stays as it was). Not on the JW315
-- stream, but written per municipality all the same: a JW305/JW307 start or stop, a provider's no-show report, a
-- municipality's own allocation (its timeline). Each table as a partitioned one with only DEFAULT, the rows copied as
-- they are (ids included), the identity sequence continued where the old one stood (its last value, as 0036), the old
-- table dropped and the new one named, keyed, indexed and given its triggers as before.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['startstop', 'noshows', 'toekenningen'] LOOP
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING IDENTITY) PARTITION BY LIST (gemeente)', t || '_nieuw', t);
        EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', t || '_default', t || '_nieuw');
        EXECUTE format('INSERT INTO %I SELECT * FROM %I', t || '_nieuw', t);
        EXECUTE format('SELECT setval(%L, last_value, is_called) FROM %s', pg_get_serial_sequence(t || '_nieuw', 'id'),
            pg_get_serial_sequence(t, 'id'));
        EXECUTE format('DROP TABLE %I', t);
        EXECUTE format('ALTER TABLE %I RENAME TO %I', t || '_nieuw', t);
    END LOOP;
END $$;

-- Keys: the partition key must be in every unique key. startstop and toekenningen are read only under their municipality
-- (the retire of a start or stop names it since 0040), so (gemeente, id) as 0036's allocations. noshows is also read by id
-- alone — a provider cancels a report by the id it was given (AnnuleerNoShow), not knowing the municipality — so its key
-- has the partition key last, as 0039's tables: with the id first each partition's key still finds the row.
ALTER TABLE startstop ADD PRIMARY KEY (gemeente, id);
ALTER TABLE startstop ADD FOREIGN KEY (journaal_id) REFERENCES journaal (id);
CREATE INDEX startstop_sleutel ON startstop (gemeente, nummer, soort, begindatum);
CREATE TRIGGER termijnen_startstop_in AFTER INSERT ON startstop REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_nummers();
CREATE TRIGGER termijnen_startstop_bij AFTER UPDATE ON startstop REFERENCING NEW TABLE AS nieuw
    FOR EACH STATEMENT EXECUTE FUNCTION termijnen_vuil_nummers();

ALTER TABLE noshows ADD PRIMARY KEY (id, gemeente);
ALTER TABLE noshows ADD FOREIGN KEY (journaal_id) REFERENCES journaal (id);
CREATE UNIQUE INDEX noshows_dag ON noshows (gemeente, nummer, datum) WHERE geannuleerd_op IS NULL;
CREATE INDEX noshows_client ON noshows (gemeente, client_bsn, productcode) WHERE geannuleerd_op IS NULL;
CREATE INDEX noshows_besloten ON noshows (gemeente) WHERE besluit IS NOT NULL;
-- A row trigger on a partitioned table is cloned to every partition, those made later included.
CREATE TRIGGER termijnen_noshows AFTER INSERT OR UPDATE ON noshows FOR EACH ROW EXECUTE FUNCTION termijnen_vuil_gemeente();

ALTER TABLE toekenningen ADD PRIMARY KEY (gemeente, id);
ALTER TABLE toekenningen ADD FOREIGN KEY (journaal_id) REFERENCES journaal (id);
CREATE INDEX toekenningen_client ON toekenningen (gemeente, client_bsn);
CREATE INDEX toekenningen_journaal ON toekenningen (journaal_id);
CREATE INDEX toekenningen_op ON toekenningen (gemeente, op);

-- None references another, so after the others in any order.
INSERT INTO gemeentepartitietabellen (tabel, volgorde) VALUES ('startstop', 80), ('noshows', 90), ('toekenningen', 100);

-- 4. The new tables' partitions for every municipality the database knows, by the rule of 0036 and 0039: contracts,
-- residents, number counters and the rows of the partitioned tables — all but journaalinhoud, whose receivers need not be
-- municipalities of this deployment (0039: a receiver known only from the journal keeps its rows in DEFAULT). The function
-- makes only what is missing, so a municipality with its partitions gets the three new ones. Collected first: the function
-- alters tables these queries read.
DO $$
DECLARE
    gemeenten text[] := '{}';
    erbij text[];
    t text;
    g text;
BEGIN
    FOR t IN SELECT tabel FROM gemeentepartitietabellen WHERE tabel <> 'journaalinhoud'
        UNION ALL VALUES ('contracten'), ('inwoners'), ('toewijzingnummers') LOOP
        EXECUTE format('SELECT coalesce(array_agg(DISTINCT gemeente), ''{}'') FROM %I', t) INTO erbij;
        gemeenten := gemeenten || erbij;
    END LOOP;
    FOR g IN SELECT DISTINCT u FROM unnest(gemeenten) AS u ORDER BY 1 LOOP
        PERFORM gemeentepartities(g);
    END LOOP;
END $$;

-- National deployment: the partitioned tables as data (issue 21 point 1, helper h21k; PostgreSQL). Kept in step with
-- Sqlite/0040_gemeentepartitietabellen.sql, a no-op (one SQLite file serves one deployment, no partitions).
--
-- 0036 made gemeentepartities(g), which creates a municipality's partitions of every partitioned table, with the tables
-- as a constant array in its body; 0039, to add two tables, had to repeat the whole body with a longer array. From here
-- the list is a table, gemeentepartitietabellen, and the function reads it: a later migration that partitions another
-- table by gemeente converts the table and inserts its row here, and leaves the function alone. The function's behaviour
-- is 0036's (advisory lock, rows of the municipality moved out of DEFAULT parents first and deleted children first,
-- partitions named <table>_g<code> or <table>_x<16 hex of md5>).

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

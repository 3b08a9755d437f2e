-- A request line's findings and signals as ONE row (PostgreSQL; kept in step with Sqlite/0038_bevindingen_per_verzoekregel.sql,
-- whose header says why and how the text is made: Store/Bevindingen/Bevindinglijst.cs). Here bevindingen's ~5.5 rows per
-- request line were ~5.5 heap tuples (24-byte header each), 5.5 primary-key entries and 5.5 WAL records per line — a quarter
-- of the WAL records per JW315 (bench/RESULTS.md, session 9) — and one INSERT … unnest of eight arrays per line; now one
-- tuple, one key entry, one WAL record and a four-parameter INSERT.
-- The partial index bevindingen_review (0035) becomes verzoekbevindingen_review, on the lines with a finding in review
-- (beoordelen, the rule ids in review between spaces, NOT NULL): the work queue's filter by rule and the deadlines' HK-315-4
-- test ("b.beoordelen IS NOT NULL AND strpos(b.beoordelen, …) > 0") read either each queue row's findings by the key or these
-- lines by this index and join — bounded by the lines in review, never a scan of every line's findings. Without it the
-- planner, on statistics, hashed the whole table for the EXISTS (Provider/HeteIndexenTests, at size). Maintained only for the
-- lines in review, as its predecessor was only for the findings in review. (SQLite plans by the schema and searches the key
-- per queue row: StaatIndexTests.)
CREATE TABLE verzoekbevindingen (
    journaal_id bigint NOT NULL,
    volgnummer  bigint NOT NULL,
    lijst       text   NOT NULL,
    beoordelen  text   NULL,
    PRIMARY KEY (journaal_id, volgnummer),
    FOREIGN KEY (journaal_id, volgnummer) REFERENCES verzoeken (journaal_id, volgnummer)
);

-- The rows written so far, moved: the same text the store writes (Bevindinglijst.Schrijf), built per line in volgorde.
INSERT INTO verzoekbevindingen (journaal_id, volgnummer, lijst, beoordelen)
SELECT journaal_id, volgnummer,
    string_agg(
        CASE WHEN soort = 'signaal' THEN 's' WHEN uitkomst = 'approved' THEN 't' WHEN uitkomst = 'rejected' THEN 'a' ELSE 'b' END
        || COALESCE(reden::text, '') || chr(31) || regel_id || chr(31) || code || chr(31) || substr(parameters, 2, length(parameters) - 2)
        || COALESCE(chr(31) || to_char(datum, 'YYYY-MM-DD'), ''),
        chr(30) ORDER BY volgorde),
    ' ' || string_agg(CASE WHEN soort = 'bevinding' AND uitkomst = 'review' THEN regel_id END, ' ' ORDER BY volgorde) || ' '
FROM bevindingen
GROUP BY journaal_id, volgnummer;

-- Its trigger termijnen_bevindingen (0022, 0035) and its indexes go with it.
DROP TABLE bevindingen;
CREATE INDEX verzoekbevindingen_review ON verzoekbevindingen (journaal_id, volgnummer) WHERE beoordelen IS NOT NULL;

-- The woonplaatsbeginsel finding (HK-315-4) marks its client's deadlines as before (the same function and, as in 0035, not
-- while the transaction marks itself): the rule id stands between two chr(31) in the text.
CREATE TRIGGER termijnen_verzoekbevindingen AFTER INSERT ON verzoekbevindingen FOR EACH ROW
    WHEN (strpos(NEW.lijst, chr(31) || 'HK-315-4' || chr(31)) > 0 AND current_setting('jeugdhulp.termijnmerken', true) IS DISTINCT FROM 'later')
    EXECUTE FUNCTION termijnen_vuil_bevinding();

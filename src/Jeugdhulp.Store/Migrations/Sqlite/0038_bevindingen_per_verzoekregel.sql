-- A request line's findings and signals as ONE row (SQLite; kept in step with Postgres/0038_bevindingen_per_verzoekregel.sql).
-- bevindingen (0010) held one row per finding: ~5.5 per request line, 11 per JW315, each with its line's key three times
-- over (row, rowid and key index), a row header and the words 'bevinding'/'approved' — 1.4 KB per JW315 with its key index,
-- the largest table, a quarter of PostgreSQL's WAL records and its largest statement cost (bench/RESULTS.md, sessions 9–11).
-- verzoekbevindingen holds the same data in check order as one text (Store/Bevindingen/Bevindinglijst.cs): entries separated
-- by char(30), fields by char(31) — kind and reason ('t' approved, 'a' rejected, 'b' review, 's' signal, then the reason's
-- number), rule id, code, the parameters as the members of their JSON object without its braces, and a signal's date.
-- Nothing is lost: every field, the order, the parameters (the same JSON text) and the dates read back as they were written.
-- The one part readers search is kept as a column: beoordelen, the rule ids of the findings in review, each between spaces
-- (' HK-315-4 HK-315-11 '; NULL for none), which the work queue's filter by rule and the deadlines' HK-315-4 test read from
-- the line's row by its key (every reader reaches the findings from the request line: StaatIndexTests, HeteIndexenTests).
-- WITHOUT ROWID: the row lives in its key's tree, so no second copy of the key in a separate index.
CREATE TABLE verzoekbevindingen (
    journaal_id INTEGER NOT NULL,
    volgnummer  INTEGER NOT NULL,
    lijst       TEXT    NOT NULL,
    beoordelen  TEXT    NULL,
    PRIMARY KEY (journaal_id, volgnummer),
    FOREIGN KEY (journaal_id, volgnummer) REFERENCES verzoeken (journaal_id, volgnummer)
) WITHOUT ROWID;

-- The rows written so far, moved: the same text the store writes (Bevindinglijst.Schrijf), built per line in volgorde.
INSERT INTO verzoekbevindingen (journaal_id, volgnummer, lijst, beoordelen)
SELECT journaal_id, volgnummer,
    group_concat(
        CASE WHEN soort = 'signaal' THEN 's' WHEN uitkomst = 'approved' THEN 't' WHEN uitkomst = 'rejected' THEN 'a' ELSE 'b' END
        || COALESCE(reden, '') || char(31) || regel_id || char(31) || code || char(31) || substr(parameters, 2, length(parameters) - 2)
        || COALESCE(char(31) || datum, ''),
        char(30) ORDER BY volgorde),
    ' ' || group_concat(CASE WHEN soort = 'bevinding' AND uitkomst = 'review' THEN regel_id END, ' ' ORDER BY volgorde) || ' '
FROM bevindingen
GROUP BY journaal_id, volgnummer;

-- Its insert trigger termijnen_bevindingen_i (0022) goes with it.
DROP TABLE bevindingen;

-- The woonplaatsbeginsel finding (HK-315-4) marks its client's deadlines, as termijnen_bevindingen_i did: the rule id stands
-- between two char(31) in the text (a parameter's value never does: it stands in JSON quotes, which escape control
-- characters; a code is never a rule id).
CREATE TRIGGER termijnen_verzoekbevindingen_i AFTER INSERT ON verzoekbevindingen WHEN instr(NEW.lijst, char(31) || 'HK-315-4' || char(31)) > 0 BEGIN
    INSERT INTO termijnen_vuil (gemeente, bsn) SELECT v.gemeente, v.client_bsn FROM verzoeken v WHERE v.journaal_id = NEW.journaal_id AND v.volgnummer = NEW.volgnummer
        ON CONFLICT (gemeente, bsn) DO UPDATE SET merk = termijnen_vuil.merk + 1;
END;

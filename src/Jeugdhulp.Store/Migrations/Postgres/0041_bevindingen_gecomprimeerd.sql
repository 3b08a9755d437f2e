-- Disk per JW315 on PostgreSQL (issue 21: a national year of 10 million messages under 40 GB; helper h21s; kept in step with
-- Sqlite/0041_bevindingen_gecomprimeerd.sql). Measured per relation at 100,000 JW315s (bench/RESULTS.md, session 17): the two
-- largest items were a request line's findings text (verzoekbevindingen.lijst, ~1,030 of the table's 1,108 bytes a message: an
-- approved line's text is ~800 bytes, below the ~2 KB at which PostgreSQL compresses a value at all) and an index on every
-- request line that only reads of lines in review use.
--
-- 1. verzoekbevindingen.lijst becomes bytea: Bevindinglijst's text compressed with zstd and the findings' own dictionary
-- (version 2 of inhoudwoordenboek, the table and compressor of the messages' contents, 0025; Store/Inhoud/Inhoudsvorm.cs).
-- The rows written so far are converted to their text's UTF-8 bytes, uncompressed: a blob that is not a zstd frame is read as
-- it is (as journaalinhoud's rows from before 0025), so they read as before; SQL cannot compress them with zstd, new rows are.
-- The deadline trigger (0038/0039) compared the text; it now looks for the same bytes (US 'HK-315-4' US, hex below) in the
-- blob, which finds them in an uncompressed row — one written by any writer other than the store (another tool, a test's raw
-- SQL), the case the trigger is for. The store's own rows are compressed, and the store marks an HK-315-4 line's client
-- itself before the insert (BevindingenVastleggen.Bewaar → StoreTransactie.MerkTermijnen), while the trigger stands aside
-- (jeugdhulp.termijnmerken = 'later', 0035), as it did before this migration.
DROP TRIGGER termijnen_verzoekbevindingen ON verzoekbevindingen;
ALTER TABLE verzoekbevindingen ALTER COLUMN lijst TYPE bytea USING convert_to(lijst, 'UTF8');
CREATE TRIGGER termijnen_verzoekbevindingen AFTER INSERT ON verzoekbevindingen FOR EACH ROW
    WHEN (position('\x1f484b2d3331352d341f'::bytea IN NEW.lijst) > 0 AND current_setting('jeugdhulp.termijnmerken', true) IS DISTINCT FROM 'later')
    EXECUTE FUNCTION termijnen_vuil_bevinding();

-- 2. verzoeken_referentie (0002) indexed every request line's reference (~100 bytes a message); its readers look up a
-- reference only among the lines in review (Staat.TeBeoordelen: a staff decision; BesluitNemen: an open JW317;
-- Termijnrijen: the deadlines' lines — each with status = 'review' in its text, so a partial index on that condition serves
-- it). The work queue's search by reference is ORed with a name's LIKE and never used it. A line leaves review once.
DROP INDEX verzoeken_referentie;
CREATE INDEX verzoeken_referentie_review ON verzoeken (referentie) WHERE status = 'review';

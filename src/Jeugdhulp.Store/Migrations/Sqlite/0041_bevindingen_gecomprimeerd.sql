-- Disk per JW315 (issue 21; helper h21s; kept in step with Postgres/0041_bevindingen_gecomprimeerd.sql, whose header says
-- why). SQLite stores whatever a column is given, so lijst keeps its declared type: the store now writes a blob (the text
-- compressed with zstd and the findings' dictionary, Store/Bevindingen/Bevindinglijst.cs), the rows written so far become
-- their text's bytes, uncompressed (a blob that is not a zstd frame is read as it is). The deadline trigger (0038) needs no
-- change: instr of a blob and a text reads the blob as text (its bytes), so it still finds US 'HK-315-4' US in an uncompressed row of another
-- writer; the store's own rows mark their client themselves while the trigger stands aside (0034).
UPDATE verzoekbevindingen SET lijst = CAST(lijst AS BLOB) WHERE typeof(lijst) = 'text';

-- The reference is looked up only among the lines in review (see Postgres/0041).
DROP INDEX verzoeken_referentie;
CREATE INDEX verzoeken_referentie_review ON verzoeken (referentie) WHERE status = 'review';

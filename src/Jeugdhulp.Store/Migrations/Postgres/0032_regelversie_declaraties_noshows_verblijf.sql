-- The rule-set version of the remaining decisions (issue 20, item 3), PostgreSQL. Kept in step with
-- Sqlite/0032_regelversie_declaraties_noshows_verblijf.sql. As migration 0019 did for verzoeken and toekenningen: the
-- catalogue's version label the Core decision read, e.g. '2027.3+v12', so the dossier can name and link it. Null for
-- rows written before this column existed (the dossier then shows nothing).
-- declaraties: the JW325 judgement of a booked JW323 (Core DeclaratieBeoordelen).
ALTER TABLE declaraties ADD COLUMN regelversie TEXT NULL;
-- noshows: the judgement of a provider's no-show report (Core NoShowRegistreren: product, yearly maximum, deadline).
ALTER TABLE noshows ADD COLUMN regelversie TEXT NULL;
-- 24-hour care: the checks of a placement, a meerzorg request and its decision, a moeder-kindtoeslag (Core Verblijf);
-- recording again overwrites it with the version of that recording, as it does the rule ids.
ALTER TABLE verblijf_plaatsingen ADD COLUMN regelversie TEXT NULL;
ALTER TABLE verblijf_meerzorg ADD COLUMN regelversie TEXT NULL;
ALTER TABLE verblijf_moederkind ADD COLUMN regelversie TEXT NULL;

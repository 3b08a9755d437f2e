-- Stored messages and answers compressed with zstd (issue 21, point 5; SQLite). Kept in step with Postgres/0025.
-- The dictionaries the blobs in journaalinhoud and outboxinhoud were compressed with, by version: each
-- compressed blob names its version in its zstd frame header; rows written before this migration are raw and
-- stay as they are. The store adds the dictionaries it ships on opening (Store/Inhoud/Woordenboeken.cs); a
-- version is never changed, so the data stays readable by any program that reads this table.
CREATE TABLE inhoudwoordenboek (
    versie INTEGER PRIMARY KEY,
    woordenboek BLOB NOT NULL,
    toegevoegd_op TEXT NOT NULL
);

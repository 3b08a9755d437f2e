-- A no-show's count of earlier reports of that allocation on that day (kept in step with Sqlite/0043_noshows_keer.sql, whose
-- header says why): the partial unique index noshows_dag cannot serve a count that includes cancelled reports, so each
-- report scanned its municipality's partition. Created on the partitioned table, so every partition (made later too) has it.
CREATE INDEX noshows_nummer_datum ON noshows (gemeente, nummer, datum);

-- The 24-hour overview a page at a time (issue 21, Store/Verblijf/VerblijfoverzichtLezen; kept in step with Sqlite/0044_verblijf_volgorde.sql):
-- each kind is read in the order of the full read, LIMIT/OFFSET, and counted through its filters. Without these the
-- database sorted every record of the municipality per page (a temporary B-tree over 110,000 placements in the national
-- year's Almere, ~100 ms a page) and read every row for the counts. The placements' index also carries what the filters
-- read (end, route), so "only open" and the counts read the index, not the rows.
CREATE INDEX verblijf_plaatsingen_volgorde ON verblijf_plaatsingen (gemeente, ingang, referentie, einde, route);
CREATE INDEX verblijf_consulten_volgorde ON verblijf_consulten (gemeente, ingediend, referentie);
CREATE INDEX verblijf_meerzorg_volgorde ON verblijf_meerzorg (gemeente, ontvangen, referentie);
CREATE INDEX verblijf_moederkind_volgorde ON verblijf_moederkind (gemeente, van, referentie);
CREATE INDEX verblijf_escalaties_volgorde ON verblijf_escalaties (gemeente, id);

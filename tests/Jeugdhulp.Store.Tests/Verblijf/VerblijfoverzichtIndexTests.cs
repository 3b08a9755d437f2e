using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verblijf;

namespace Jeugdhulp.Store.Tests.Verblijf;

/// <summary>
/// The 24-hour overview's pages read each kind in its index's order (migration 0044): no page sorts the municipality's
/// records, and the placements are counted from the index alone. SQLite plans by the schema alone, so the plan on an empty
/// store is the plan at size (the national year's Almere: 110,215 placements).
/// </summary>
public sealed class VerblijfoverzichtIndexTests() : StoreTestBasis(new SqliteTestDatabase())
{
    private static readonly Verblijfvraag[] Vragen =
    [
        new("alle", false, null, ""), new("alle", true, null, ""), new("plaatsingen", true, Plaatsingsroute.Crisis, "cr"),
        new("escalaties", true, Plaatsingsroute.VeiligThuis, ""),
    ];

    [StoreFact]
    public void Geen_pagina_sorteert_alle_records_van_de_gemeente()
    {
        // Before 0044 every page of every kind was "USE TEMP B-TREE FOR ORDER BY" over the municipality's records.
        foreach (var vraag in Vragen)
        {
            foreach (var (soort, _, pagina) in VerblijfoverzichtLezen.Delen(vraag, postgres: false))
            {
                var plan = Zoekplan.Van(Opslag, pagina);
                Assert.False(plan.Contains("TEMP B-TREE", StringComparison.Ordinal), $"{vraag} {soort}:\n{plan}");
                Assert.DoesNotContain(plan.Split('\n'), r => r.StartsWith("SCAN", StringComparison.Ordinal));
            }
        }
    }

    [StoreFact]
    public void De_plaatsingen_worden_uit_een_index_geteld_ook_alleen_wat_open_staat()
    {
        foreach (var vraag in Vragen.Where(v => v.Toont("plaatsingen")))
        {
            var telling = VerblijfoverzichtLezen.Delen(vraag, postgres: false).Single(d => d.Soort == "plaatsingen").Telling;

            var plan = Zoekplan.Van(Opslag, telling).Split('\n');

            // Only open: the end and the reference come from the index (verblijf_plaatsingen_volgorde); a bare count may use any.
            Assert.StartsWith("SEARCH p USING COVERING INDEX verblijf_plaatsingen_", plan[0], StringComparison.Ordinal);
            Assert.EndsWith("(gemeente=?)", plan[0], StringComparison.Ordinal);
        }
    }
}

using Jeugdhulp.Store.NoShow;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.NoShow;

/// <summary>
/// The count that gives each no-show report its own Identificatie (<see cref="NoShowVastleggen.KeerQuery"/>) searches an
/// index (migration 0043). SQLite plans by the schema alone, so the plan on an empty store is the plan at size; PostgreSQL's
/// plan at size is <see cref="Provider.HeteIndexenTests"/>'.
/// </summary>
public sealed class NoShowIndexTests() : StoreTestBasis(new SqliteTestDatabase())
{
    [StoreFact]
    public void De_telling_van_eerdere_meldingen_op_een_dag_zoekt_in_een_index_ook_over_geannuleerde()
    {
        // Before 0043 the only index on these columns held the reports not cancelled, and the count (cancelled ones
        // included) read the whole table for every report: "SCAN noshows".
        var plan = Zoekplan.Van(Opslag, NoShowVastleggen.KeerQuery);

        Assert.Equal("SEARCH noshows USING COVERING INDEX noshows_nummer_datum (gemeente=? AND nummer=? AND datum=?)", plan);
    }

    [StoreFact]
    public void Een_melding_zonder_gemeente_zoekt_het_nummer_per_gemeente_in_de_sleutel()
    {
        // Before, the number alone was looked for ("WHERE nummer = @nummer AND actueel = 1"), which every index on
        // toewijzingen starts with gemeente before: a scan of every current allocation of the region for each report.
        var plan = Zoekplan.Van(Opslag, NoShowVastleggen.GemeentenMetNummerQuery);

        // The counters are a handful of rows (one a municipality), read in full; each allocation is a key lookup.
        var regels = plan.Split('\n');
        Assert.Contains(regels, r => r.StartsWith("SEARCH t ", StringComparison.Ordinal)
            && r.EndsWith("INDEX toewijzingen_actueel (gemeente=? AND nummer=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(regels, r => r.StartsWith("SCAN t", StringComparison.Ordinal));
    }
}

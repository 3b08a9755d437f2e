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
}

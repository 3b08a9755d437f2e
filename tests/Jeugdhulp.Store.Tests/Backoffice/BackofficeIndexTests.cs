using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Backoffice;

/// <summary>
/// Migration 0030 (issue 18): the overzicht's money and route aggregates and the cliënten list's per-client counts read
/// covering indexes. SQLite plans by the schema alone (no statistics), so its EXPLAIN QUERY PLAN on an empty store is
/// the plan it runs at 100,000 clients: plans, not timings. Without 0030 the clients' review count searched
/// verzoeken_wachtrij by (gemeente, status) and read all requests in review once per client.
/// </summary>
public sealed class BackofficeIndexTests() : StoreTestBasis(new SqliteTestDatabase())
{
    [StoreFact]
    public void Overzicht_leest_geld_en_routes_uit_dekkende_indexen()
    {
        var delen = OverzichtLezen.Query.Split(';');

        Assert.Contains("COVERING INDEX toewijzingen_overzicht", Plan(delen[0]), StringComparison.Ordinal);
        Assert.Contains("COVERING INDEX declaratieprestaties_overzicht", Plan(delen[1]), StringComparison.Ordinal);
        Assert.Contains("COVERING INDEX verzoeken_overzicht", Plan(delen[2]), StringComparison.Ordinal);
    }

    [StoreFact]
    public void Clientenlijst_telt_per_client_met_een_zoekstap_in_een_dekkende_index()
    {
        var plan = Plan(Dossier.ClientenQuery);

        Assert.Contains("COVERING INDEX verzoeken_wachtrij_client (gemeente=? AND status=? AND client_bsn=?)", plan, StringComparison.Ordinal);
        Assert.Contains("COVERING INDEX toewijzingen_client_actueel (gemeente=? AND client_bsn=? AND actueel=?)", plan, StringComparison.Ordinal);
    }

    /// <summary>SQLite's plan of <paramref name="sql"/>, one line per step, every parameter bound.</summary>
    private string Plan(string sql) => Zoekplan.Van(Opslag, sql);
}

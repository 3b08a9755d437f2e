using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Verwerking;

/// <summary>
/// Migration 0034 (issue 21 point 2) dropped four SQLite indexes the state writes maintained for no reader: the reads
/// they served take the index that repeats them, by a search, never a scan. SQLite plans by the schema alone (no
/// statistics), so the plan on an empty store is the plan at size: plans, not timings.
/// </summary>
public sealed class StaatIndexTests() : StoreTestBasis(new SqliteTestDatabase())
{
    [StoreFact]
    public void De_toestand_van_een_client_zoekt_in_de_indexen_die_de_verwijderde_herhaalden()
    {
        var delen = Staat.Toestand.Split(';');

        Assert.Contains("INDEX toewijzingen_client_actueel (gemeente=? AND client_bsn=?", Plan(delen[0]), StringComparison.Ordinal);
        Assert.Contains("INDEX verzoeken_wachtrij_client (gemeente=? AND status=? AND client_bsn=?)", Plan(delen[1]), StringComparison.Ordinal);
        foreach (var deel in delen)
        {
            // "SCAN CONSTANT ROW" is the SELECT @bsn of the client's own BSN, not a table.
            Assert.DoesNotContain("SCAN", Plan(deel).Replace("SCAN CONSTANT ROW", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [StoreFact]
    public void Bevindingen_worden_vanuit_hun_verzoek_gelezen_via_de_primaire_sleutel()
    {
        // The shapes of TermijnstandLezen's and WerkvoorraadZoeken's correlated EXISTS, BevindingenLezen's join and
        // Toelichtingen's LEFT JOIN: one row per request line (migration 0038), reached by the line's key.
        var exists = Plan("""
            SELECT v.id FROM verzoeken v WHERE v.gemeente = @g AND v.status = 'review' AND EXISTS (SELECT 1 FROM verzoekbevindingen b
                WHERE b.journaal_id = v.journaal_id AND b.volgnummer = v.volgnummer AND b.gemeente = v.gemeente AND b.beoordelen IS NOT NULL AND instr(b.beoordelen, @r) > 0)
            """);
        var join = Plan("""
            SELECT v.id, b.lijst FROM verzoekbevindingen b JOIN verzoeken v ON v.journaal_id = b.journaal_id AND v.volgnummer = b.volgnummer AND v.gemeente = b.gemeente
            WHERE v.gemeente = @g AND v.status = 'review' AND b.beoordelen IS NOT NULL ORDER BY v.id
            """);
        var toelichting = Plan("""
            SELECT v.id, v.uitkomst, b.lijst FROM verzoeken v LEFT JOIN verzoekbevindingen b ON b.journaal_id = v.journaal_id AND b.volgnummer = v.volgnummer AND b.gemeente = v.gemeente
            WHERE v.id IN (1, 2, 3)
            """);

        foreach (var plan in new[] { exists, join, toelichting })
        {
            Assert.True(plan.Contains("SEARCH b ", StringComparison.Ordinal) && plan.Contains("USING PRIMARY KEY (journaal_id=? AND volgnummer=?)", StringComparison.Ordinal), plan);
        }

        Assert.DoesNotContain("SCAN b", exists + join + toelichting, StringComparison.Ordinal);
    }

    [StoreFact]
    public void De_gedeclareerde_minuten_van_een_client_worden_vanuit_zijn_toewijzingen_gezocht()
    {
        // The client's current allocations first, then each one's approved declaration lines by (gemeente, aanbieder, nummer).
        // Joined the other way round, SQLite read every declaration line of the municipality per client (a search on the
        // municipality alone, no SCAN in the plan): 3.35 ms a read at 5,189 lines, a cost of messages × declaration lines.
        foreach (var plan in new[] { Plan(Staat.Toestand.Split(';')[3]), Plan(Staat.Toestanden("@gemeente", Opslag.In("client_bsn", "b"), vast: false).Split(';')[3]) })
        {
            var t = plan.IndexOf("SEARCH t USING INDEX toewijzingen_client_actueel (gemeente=? AND client_bsn=?", StringComparison.Ordinal);
            var p = plan.IndexOf("SEARCH p USING INDEX declaratieprestaties_toewijzing (gemeente=? AND aanbieder=? AND nummer=?)", StringComparison.Ordinal);
            Assert.True(t >= 0 && p > t, plan);
        }
    }

    [StoreFact]
    public void Een_herhaalde_toekenning_zoekt_haar_toewijzingen_vanuit_haar_journaalregels()
    {
        // Joined the other way round, SQLite read every hand allocation the municipality ever issued, once per call.
        var plan = Plan(Jeugdhulp.Store.Toekenning.ToekenningVastleggen.EerdereQuery(Opslag.In("j.identificatie", "k")).Split(';')[1]);

        Assert.StartsWith("SEARCH j USING INDEX sqlite_autoindex_journaal_1 (afzender=? AND identificatie=?)", plan, StringComparison.Ordinal);
        Assert.Contains("SEARCH t USING INDEX toekenningen_journaal (journaal_id=?)", plan, StringComparison.Ordinal);
    }

    /// <summary>SQLite's plan of <paramref name="sql"/>, one line per step, every parameter bound.</summary>
    private string Plan(string sql) => Zoekplan.Van(Opslag, sql);
}

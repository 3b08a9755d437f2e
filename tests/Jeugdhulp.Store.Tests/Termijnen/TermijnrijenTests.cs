using System.Text;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Termijnen;

/// <summary>
/// The deadline rows (issue 18, migration 0022) on both databases: after any write the triggers mark, a recompute of
/// the marked clients leaves exactly what <see cref="TermijnenBewaken.Open"/> computes on the municipality's whole
/// state — per municipality of the demo region, after messages, after a staff decision and after the date moves — and
/// an obligation that goes away is kept as closed, on time or late.
/// </summary>
public abstract class TermijnrijenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : TermijnrijenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : TermijnrijenTests(new PostgresTestDatabase());

    private static string Sleutel(Verplichting v) =>
        $"{v.Vervaldatum:yyyy-MM-dd}|{v.Partij}|{v.Code}|{v.Verwacht}|{v.Referentie}|{v.Client?.Waarde}|{v.Regel}|{v.Advies}|{v.Product?.Waarde}";

    private Datastore OpDag(DateOnly dag) => Open(new Infrastructuur.VasteKlok(new DateTimeOffset(dag.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));

    /// <summary>The rows of <paramref name="g"/> on <paramref name="dag"/> equal the computation on the full snapshot.</summary>
    private void Gelijk(Gemeentecode g, DateOnly dag, string moment)
    {
        var stand = Opslag.Ververs(Flevoland, dag, g);
        Assert.Equal(dag, stand.BerekendVoor);
        var rijen = Opslag.LeesAlleTermijnrijen(stand, g, new Termijnenfilter()).Select(Sleutel).Order(StringComparer.Ordinal).ToList();
        var berekend = TermijnenBewaken.Open(Opslag.LeesTermijnstand(g), Flevoland.OpDatum(dag), new Werkdagenkalender(Flevoland.ExtraVrijeDagen), dag)
            .Select(Sleutel).Order(StringComparer.Ordinal).ToList();
        Assert.True(berekend.SequenceEqual(rijen), $"{g.Waarde} {dag:yyyy-MM-dd} {moment}: berekend {berekend.Count}, rijen {rijen.Count}; "
            + $"alleen berekend: {string.Join(" ; ", berekend.Except(rijen).Take(3))}; alleen rijen: {string.Join(" ; ", rijen.Except(berekend).Take(3))}");
        TellingenGelijk(g, dag, stand, moment);
    }

    /// <summary>
    /// The page's counts (kept in termijntellingen by every recompute, migration 0029) equal the counts of the computation
    /// on the full snapshot, per kind, per part of the split, with the providers and products offered, under several filters.
    /// </summary>
    private void TellingenGelijk(Gemeentecode g, DateOnly dag, Termijnrijstand stand, string moment)
    {
        var alle = TermijnenBewaken.Open(Opslag.LeesTermijnstand(g), Flevoland.OpDatum(dag), new Werkdagenkalender(Flevoland.ExtraVrijeDagen), dag);
        var filters = new List<Termijnenfilter> { new(), new(Vak: Termijnvak.TeLaat), new(Partij: Core.Regels.Partij.Gemeente) };
        filters.AddRange(alle.Select(v => v.Regel).Distinct().Take(2).Select(r => new Termijnenfilter(Regel: r)));
        filters.AddRange(alle.Where(v => v.Partij == Core.Regels.Partij.Aanbieder).Select(v => v.Code).Distinct().Take(2)
            .Select(a => new Termijnenfilter(Aanbieder: a, Vak: Termijnvak.Later)));
        filters.AddRange(alle.Select(v => v.Product?.Waarde).OfType<string>().Distinct().Take(1).Select(p => new Termijnenfilter(Product: p)));
        foreach (var filter in filters)
        {
            var pagina = Opslag.LeesTermijnrijen(stand, g, filter, 0, 5);
            var wat = $"{g.Waarde} {dag:yyyy-MM-dd} {moment} {filter}";
            Assert.True(filter.Pas(alle, dag).Count() == pagina.Totaal, wat);
            Assert.True(alle.Count == pagina.Alle, wat);
            Assert.True((filter with { Regel = null }).Pas(alle, dag).GroupBy(v => v.Regel).OrderBy(x => x.Key, StringComparer.Ordinal)
                .Select(x => (x.Key, x.Count())).SequenceEqual(pagina.PerSoort), wat);
            var perVak = (filter with { Vak = null }).Pas(alle, dag).GroupBy(v => v.Vak(dag)).OrderBy(x => x.Key).Select(x => (x.Key, x.Count()));
            Assert.True(perVak.SequenceEqual(pagina.PerVak.OrderBy(x => x.Key).Select(x => (x.Key, x.Value))), wat);
            Assert.Equal(alle.Where(v => v.Partij == Core.Regels.Partij.Aanbieder).Select(v => v.Code).Distinct().Order(StringComparer.Ordinal), pagina.Aanbieders);
            Assert.Equal(alle.Select(v => v.Product?.Waarde).OfType<string>().Distinct().Order(StringComparer.Ordinal), pagina.Producten);
        }
    }

    [StoreFact]
    public void De_rijen_per_gemeente_zijn_de_berekening_na_berichten_na_een_besluit_en_op_een_nieuwe_dag()
    {
        Demostroom.Regio.Importeer(Opslag);
        var gemeenten = Flevoland.Gemeenten.Select(g => g.Code).Distinct().ToList();
        var dagen = Demostroom.Regio.Dagen;
        var vergeleken = 0;
        for (var i = 0; i < dagen.Count; i++)
        {
            var (dag, bestanden) = dagen[i];
            var steekproef = i % 9 == 4 || i == dagen.Count - 1;
            if (steekproef)
            {
                // The date moved: a whole recompute for the new day.
                gemeenten.ForEach(g => Gelijk(g, dag, "nieuwe dag"));
            }

            var verslagen = new BerichtVerwerken(OpDag(dag), Flevoland, dag, null).Verwerk([.. bestanden.Select(b => new Invoer(b, File.ReadAllBytes(b)))]).ToList();
            Assert.DoesNotContain(verslagen, v => v.Uitkomst == Uitkomsten.Error);
            if (steekproef)
            {
                // The same day after that day's messages: only the marked clients are recomputed.
                gemeenten.ForEach(g => Gelijk(g, dag, "na berichten"));
                vergeleken++;
            }
        }

        Assert.True(vergeleken >= 5);
        var laatste = dagen[^1].Dag;
        Assert.Empty(Vuil());

        // A staff decision on a request in review: its answer deadline closes (on this day, on time or late), the rest stays equal.
        var (gemeente, referentie, client, vervaldatum) = OpenAntwoord(laatste);
        Assert.True(BesluitNemen.Neem(OpDag(laatste), new Handbesluit(referentie, true, null, "gezien", "medewerker", gemeente.Waarde), laatste, null, regels: Flevoland).IsGeldig);
        Assert.NotEmpty(Vuil());
        Gelijk(gemeente, laatste, "na besluit");
        var gesloten = Assert.Single(Opslag.LeesTermijnrijen(gemeente, client), r => r.Verplichting.Referentie == referentie && r.GeslotenOp is not null);
        Assert.Equal(laatste, gesloten.GeslotenOp);
        Assert.Equal(laatste > vervaldatum, gesloten.GeslotenTeLaat);

        // Days later: every municipality recomputed whole for the new date, still the computation.
        var later = laatste.AddDays(40);
        gemeenten.ForEach(g => Gelijk(g, later, "40 dagen later"));
    }

    [StoreFact]
    public void Een_pagina_telt_en_filtert_in_sql_zoals_de_filter_van_core()
    {
        Demostroom.Regio.Importeer(Opslag);
        Demostroom.Regio.Verwerk(OpDag, Flevoland);
        var dag = Demostroom.Regio.Dagen[^1].Dag;
        var g = Flevoland.Gemeenten[0].Code;
        var stand = Opslag.Ververs(Flevoland, dag, g);
        var alle = TermijnenBewaken.Open(Opslag.LeesTermijnstand(g), Flevoland.OpDatum(dag), new Werkdagenkalender(Flevoland.ExtraVrijeDagen), dag);
        Assert.NotEmpty(alle);
        var regel = alle.GroupBy(v => v.Regel).OrderByDescending(x => x.Count()).First().Key;
        foreach (var filter in new Termijnenfilter[]
        {
            new(), new(Regel: regel), new(Vak: Termijnvak.TeLaat), new(Vak: Termijnvak.Later), new(Partij: Core.Regels.Partij.Aanbieder),
            new(Zoek: alle[0].Referentie[..Math.Min(3, alle[0].Referentie.Length)].ToUpperInvariant()),
        })
        {
            var verwacht = filter.Pas(alle, dag).ToList();
            var pagina = Opslag.LeesTermijnrijen(stand, g, filter, 0, 10);
            Assert.Equal(verwacht.Count, pagina.Totaal);
            Assert.Equal(alle.Count, pagina.Alle);
            Assert.Equal(verwacht.Take(10).Select(v => v.Vervaldatum), pagina.Rijen.Select(v => v.Vervaldatum));
            Assert.Equal((filter with { Regel = null }).Pas(alle, dag).GroupBy(v => v.Regel).OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => (x.Key, x.Count())),
                pagina.PerSoort);
            var perVak = (filter with { Vak = null }).Pas(alle, dag).GroupBy(v => v.Vak(dag)).ToDictionary(x => x.Key, x => x.Count());
            Assert.Equal(perVak.OrderBy(x => x.Key), pagina.PerVak.OrderBy(x => x.Key));
        }
    }

    [StoreFact]
    public void Een_beantwoord_bericht_markeert_niets_en_een_onbeantwoord_bericht_staat_open_tot_zijn_antwoord()
    {
        Demostroom.Regio.Importeer(Opslag);
        Demostroom.Regio.Verwerk(OpDag, Flevoland);
        var dag = Demostroom.Regio.Dagen[^1].Dag;
        var gemeenten = Flevoland.Gemeenten.Select(x => x.Code).Distinct().ToList();
        gemeenten.ForEach(x => Gelijk(x, dag, "na de stroom"));
        Assert.Empty(Vuil());
        var g = gemeenten[0];

        // The pipeline's way: journalled and answered in one transaction. Nothing to recompute, so a page read after a
        // message takes no write lock and does not recompute the municipality part.
        using (var tx = Opslag.BeginTransactie())
        {
            var id = ((JournaalUitkomst.Nieuw)tx.Journaliseer("01234567", g.Waarde, "T-BEANTWOORD", "JW305", Encoding.UTF8.GetBytes("<x>1</x>"))).JournaalId;
            tx.VoegAntwoordToe(id, "JW306", "01234567", "t1_JW306.xml", [1]);
            tx.Commit();
        }

        Assert.Empty(Vuil());

        // Journalled without its retour: listed by the next recompute (no mark needed), closed after the answer.
        long open;
        using (var tx = Opslag.BeginTransactie())
        {
            open = ((JournaalUitkomst.Nieuw)tx.Journaliseer("01234567", g.Waarde, "T-OPEN", "JW305", Encoding.UTF8.GetBytes("<x>2</x>"))).JournaalId;
            tx.Commit();
        }

        Gelijk(g, dag, "bericht zonder retour");
        Assert.Contains(Opslag.LeesAlleTermijnrijen(Opslag.Ververs(Flevoland, dag, g), g, new Termijnenfilter()), v => v.Referentie == "T-OPEN");
        Assert.Empty(Vuil());
        using (var tx = Opslag.BeginTransactie())
        {
            tx.VoegAntwoordToe(open, "JW306", "01234567", "t2_JW306.xml", [2]);
            tx.Commit();
        }

        Assert.Equal([$"{g.Waarde}/"], Vuil());
        Gelijk(g, dag, "na de retour");
        Assert.DoesNotContain(Opslag.LeesAlleTermijnrijen(Opslag.Ververs(Flevoland, dag, g), g, new Termijnenfilter()), v => v.Referentie == "T-OPEN");
    }

    [StoreFact]
    public void Zonder_iets_te_herberekenen_wacht_het_bijwerken_niet_op_een_schrijver()
    {
        var g = Flevoland.Gemeenten[0].Code;
        var dag = new DateOnly(2027, 3, 1);
        Opslag.Ververs(Flevoland, dag, g);

        // A writer holds SQLite's write lock (PostgreSQL: the recompute's lock of this municipality) while a page reads.
        using var schrijver = Opslag.BeginTransactie();
        if (Opslag.Provider.Dialect == "Postgres")
        {
            schrijver.Commando("SELECT pg_advisory_xact_lock(hashtext('termijnrijen ' || @g))").Met("@g", g.Waarde).ExecuteNonQuery();
        }

        var lezer = Task.Run(() => Opslag.Ververs(Flevoland, dag, g));
        Assert.True(lezer.Wait(TimeSpan.FromMinutes(2)), "het bijwerken wachtte op de schrijver");
        Assert.Equal(dag, lezer.Result.BerekendVoor);
    }

    private List<string> Vuil()
    {
        using var s = Opslag.OpenSessie();
        using var r = s.Commando("SELECT gemeente || '/' || bsn FROM termijnen_vuil").ExecuteReader();
        var lijst = new List<string>();
        while (r.Read())
        {
            lijst.Add(r.GetString(0));
        }

        return lijst;
    }

    /// <summary>A request in review with its answer deadline (HK-315-3) in the rows.</summary>
    private (Gemeentecode, string, Bsn, DateOnly) OpenAntwoord(DateOnly dag)
    {
        foreach (var g in Flevoland.Gemeenten.Select(x => x.Code).Distinct())
        {
            var stand = Opslag.Ververs(Flevoland, dag, g);
            if (Opslag.LeesAlleTermijnrijen(stand, g, new Termijnenfilter(Regel: TermijnenBewaken.Antwoord)).FirstOrDefault(v => v.Client is not null) is { } v)
            {
                return (g, v.Referentie, v.Client!.Value, v.Vervaldatum);
            }
        }

        Assert.Fail("Geen verzoek in behandeling in de demoregio.");
        return default;
    }
}

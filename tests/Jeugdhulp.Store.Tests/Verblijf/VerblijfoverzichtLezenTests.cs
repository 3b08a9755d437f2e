using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verblijf;

namespace Jeugdhulp.Store.Tests.Verblijf;

/// <summary>
/// The 24-hour overview a page at a time (<see cref="VerblijfoverzichtLezen"/>) on both databases: for every kind, "only
/// open", route and search, the pages together are exactly what reading the municipality's whole dossier, computing its
/// deadlines and filtering it gives (the overview before paging), in the same order; the counts and totals agree; another
/// municipality's records never show; and a search for "_" or "%" is literal.
/// </summary>
public abstract class VerblijfoverzichtLezenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : VerblijfoverzichtLezenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : VerblijfoverzichtLezenTests(new PostgresTestDatabase());

    private const string Wie = "medewerker@nop";
    private const string Aanbieder = "01234567";
    private static readonly Gemeentecode Nop = Gemeentecode.Parse("0171").Waarde;
    private static readonly Gemeentecode Lelystad = Gemeentecode.Parse("0995").Waarde;
    private static readonly DateOnly Vandaag = new(2027, 3, 22);
    private static readonly string[] Plaatsingsregels = ["HK-24-8", "HK-24-3", "HK-24-9", "HK-24-AANMELDING-18"];
    private static readonly string[] Jeugdigen = ["100002183", "100003047", "100003023", "100000009"];

    /// <summary>Both municipalities take part in the 24-uurs lot (as the region would add as data).</summary>
    private static Regelcatalogus Regels()
    {
        Deelname[] deelnames = [new(Nop, Periode.Vanaf(new DateOnly(2019, 10, 31)), []), new(Lelystad, Periode.Vanaf(new DateOnly(2019, 10, 31)), [])];
        return Flevoland with { Percelen = [.. Flevoland.Percelen.Select(p => p.Code is "JMV24" or "BEHWON" ? p with { Deelnames = deelnames } : p)] };
    }

    /// <summary>
    /// Varied records through the write paths: running and ended placements of every route, crises with and without their
    /// follow-up (open deadlines after the end), stays starting after today, consults with and without outcome, meerzorg,
    /// moeder-kind uses and escalations, some decided; and a few of each in Lelystad.
    /// </summary>
    private void Vul(int plaatsingen)
    {
        var regels = Regels();
        var routes = Enum.GetValues<Plaatsingsroute>();
        for (var i = 0; i < plaatsingen; i++)
        {
            var gemeente = i % 10 == 9 ? "0995" : "0171";
            var route = routes[i % routes.Length];
            var crisis = route != Plaatsingsroute.Regulier;
            var ingang = Vandaag.AddDays(-70 + (i * 7 % 80));
            DateOnly? einde = i % 5 == 0 ? null : ingang.AddDays(crisis ? i % 28 : 20 + (i % 60));
            var p = new Verblijfplaatsing(gemeente, $"PL-{i:000}", Bsn(Jeugdigen[i % Jeugdigen.Length]), Product(crisis ? "46R01" : "44R03"), route, ingang,
                crisis && einde is null ? ingang.AddDays(27) : einde)
            {
                Beschikking = i % 3 == 0 ? null : ingang,
                Dialoog = i % 5 == 0 ? ingang.AddDays(3) : null,
                Vervolgperspectief = i % 6 == 0 ? ingang.AddDays(10) : null,
                Evaluatie = i % 7 == 0 ? ingang.AddDays(9) : null,
            };
            // What Core refuses is not written (the test below checks enough is).
            Opslag.LegPlaatsingVast(regels, p, Wie);
        }

        for (var i = 0; i < 23; i++)
        {
            var gemeente = i % 10 == 9 ? "0995" : "0171";
            Assert.True(Opslag.LegConsultVast(regels, new Consultaanvraag(gemeente, $"CO-{i:00}", "dossier en hulpverleningsplan", "Welke plek past?",
                Vandaag.AddDays(-i), Vandaag.AddDays(14 - i)), Wie).Geschreven);
            if (i % 3 == 0)
            {
                Assert.True(Opslag.LegConsultuitkomstVast(Gemeentecode.Parse(gemeente).Waarde, $"CO-{i:00}", Consultuitkomst.Opschalen, Vandaag, Wie).Geschreven);
            }

            Assert.True(Opslag.LegMeerzorgaanvraagVast(regels, new Meerzorgaanvraag(gemeente, $"MZ-{i:00}", Bsn(Jeugdigen[i % Jeugdigen.Length]), Aanbieder, "LVG4", 6,
                Vandaag.AddDays(-40 + i), Vandaag.AddDays(60 + i), Vandaag.AddDays(-45 + i), true, Toetsstand.Positief, Toetsstand.Positief), Wie).Geschreven);
            Opslag.LegMoederKindVast(regels, new MoederKindgebruik(gemeente, $"MK-{i:00}", Bsn(Jeugdigen[i % Jeugdigen.Length]), Aanbieder, i % 2 == 0 ? "ja" : null,
                Vandaag.AddDays(-120 + (i * 5)), Vandaag.AddDays(-60 + (i * 5)), i % 4 == 0 ? Vandaag.AddDays(-30) : null), Wie);
            if (i < 12)
            {
                var e = Opslag.LegEscalatieVast(Gemeentecode.Parse(gemeente).Waarde, $"PL-{i * 7 % plaatsingen:000}", $"onderwerp {i}", Wie);
                if (e.Geschreven && i % 2 == 0)
                {
                    var id = Opslag.LeesVerblijf(Gemeentecode.Parse(gemeente).Waarde).Escalaties.Max(x => x.Id);
                    Assert.True(Opslag.SluitEscalatie(Gemeentecode.Parse(gemeente).Waarde, id, Vandaag, Wie).Geschreven);
                }
            }
        }

        // Some requests decided (a decision writes an allocation; here only what the overview reads: the decision itself).
        using var tx = Opslag.BeginTransactie();
        tx.Commando("UPDATE verblijf_meerzorg SET besluit = 'afgewezen' WHERE referentie IN ('MZ-01', 'MZ-04', 'MZ-07')").ExecuteNonQuery();
        tx.Commando("UPDATE verblijf_meerzorg SET besluit = 'toegekend', herbeoordeeld = 1 WHERE referentie IN ('MZ-02', 'MZ-05')").ExecuteNonQuery();
        tx.Commando("UPDATE verblijf_meerzorg SET besluit = 'toegekend' WHERE referentie IN ('MZ-08', 'MZ-10')").ExecuteNonQuery();
        tx.Commit();
    }

    /// <summary>What the overview showed before paging: the whole dossier, its deadlines by Core, filtered in memory.</summary>
    private Verwachting Verwacht(Verblijfvraag v)
    {
        var d = Opslag.LeesVerblijf(Nop);
        var termijnen = VerblijfBewaken.Open(d.Stand, d.Geboortedata, Regels().OpDatum(Vandaag), new Werkdagenkalender(Flevoland.ExtraVrijeDagen), Vandaag).ToList();
        bool Past(string r) => v.Zoek.Length == 0 || r.Contains(v.Zoek, StringComparison.OrdinalIgnoreCase);
        bool Heeft(string r, Func<string, bool> regel) => termijnen.Any(t => t.Referentie == r && regel(t.Regel));
        var route = v.Route;
        return new(
            v.Toont("plaatsingen")
                ? [.. d.Plaatsingen.Where(p => Past(p.Referentie) && (route is null || p.Route == route)
                    && (!v.AlleenOpen || Heeft(p.Referentie, r => Plaatsingsregels.Any(x => r.StartsWith(x, StringComparison.Ordinal))) || p.Einde is null || p.Einde >= Vandaag))
                    .Select(p => p.Referentie)]
                : [],
            v.Toont("consulten") && route is null ? [.. d.Consulten.Where(c => Past(c.Aanvraag.Referentie) && (!v.AlleenOpen || c.Uitkomst is null)).Select(c => c.Aanvraag.Referentie)] : [],
            v.Toont("meerzorg") && route is null
                ? [.. d.Meerzorg.Where(m => Past(m.Aanvraag.Referentie)
                    && (!v.AlleenOpen || m.Besluit is null || Heeft(m.Aanvraag.Referentie, r => r.StartsWith("HK-24-10", StringComparison.Ordinal)))).Select(m => m.Aanvraag.Referentie)]
                : [],
            v.Toont("moederkind") && route is null
                ? [.. d.MoederKind.Where(k => Past(k.Referentie) && (!v.AlleenOpen || Heeft(k.Referentie, r => r == "HK-24-11") || k.Tot >= Vandaag)).Select(k => k.Referentie)]
                : [],
            v.Toont("escalaties")
                ? [.. d.Escalaties.Where(e => Past(e.Referentie) && (!v.AlleenOpen || e.Besloten is null)
                    && (route is null || d.Plaatsingen.Any(p => p.Referentie == e.Referentie && p.Route == route))).Select(e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]
                : [],
            termijnen.Count, termijnen.Count(t => t.IsTeLaat(Vandaag)));
    }

    private sealed record Verwachting(List<string> Plaatsingen, List<string> Consulten, List<string> Meerzorg, List<string> MoederKind, List<string> Escalaties,
        int Termijnen, int TeLaat);

    /// <summary>Every page of <paramref name="v"/>, <paramref name="aantal"/> a page, joined.</summary>
    private (Verwachting Gelezen, Verblijfoverzichtpagina Eerste) Lees(Verblijfvraag v, int aantal)
    {
        var eerste = Opslag.LeesVerblijfoverzicht(Nop, v, Vandaag, 0, aantal);
        var gelezen = new Verwachting([], [], [], [], [], eerste.Totalen.OpenTermijnen, eerste.Totalen.TeLaat);
        for (var overslaan = 0; ; overslaan += aantal)
        {
            var p = Opslag.LeesVerblijfoverzicht(Nop, v, Vandaag, overslaan, aantal);
            Assert.All(new[] { p.Plaatsingen.Totaal, p.Consulten.Totaal, p.Meerzorg.Totaal, p.MoederKind.Totaal, p.Escalaties.Totaal }.Zip(
                new[] { eerste.Plaatsingen.Totaal, eerste.Consulten.Totaal, eerste.Meerzorg.Totaal, eerste.MoederKind.Totaal, eerste.Escalaties.Totaal }),
                x => Assert.Equal(x.Second, x.First));
            gelezen.Plaatsingen.AddRange(p.Plaatsingen.Rijen.Select(x => x.Referentie));
            gelezen.Consulten.AddRange(p.Consulten.Rijen.Select(x => x.Aanvraag.Referentie));
            gelezen.Meerzorg.AddRange(p.Meerzorg.Rijen.Select(x => x.Aanvraag.Referentie));
            gelezen.MoederKind.AddRange(p.MoederKind.Rijen.Select(x => x.Referentie));
            gelezen.Escalaties.AddRange(p.Escalaties.Rijen.Select(x => x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.All(p.Plaatsingen.Rijen.Select(x => x.Gemeente).Concat(p.Escalaties.Rijen.Select(x => x.Gemeente)), g => Assert.Equal("0171", g));
            if (overslaan + aantal >= eerste.Totaal(v.Soort))
            {
                return (gelezen, eerste);
            }
        }
    }

    /// <summary>Every kind with and without "only open", and the route and search filters.</summary>
    private static IEnumerable<Verblijfvraag> Vragen() =>
    [
        .. Verblijfvraag.Soorten.SelectMany(s => new[] { new Verblijfvraag(s, false, null, ""), new Verblijfvraag(s, true, null, "") }),
        new("plaatsingen", true, Plaatsingsroute.Crisis, ""),
        new("escalaties", false, Plaatsingsroute.VeiligThuis, ""),
        new("alle", false, Plaatsingsroute.Regulier, ""),
        new("alle", true, null, "l-01"),
        new("plaatsingen", false, null, "pl-1"),
        new("alle", false, null, "_"),
        new("alle", false, null, "%"),
    ];

    [StoreFact]
    public void Pagina_voor_pagina_is_elk_filter_van_het_overzicht_gelijk_aan_het_hele_dossier_gefilterd()
    {
        Vul(plaatsingen: 130);
        Opslag.Ververs(Regels(), Vandaag, Nop);
        var dossier = Opslag.LeesVerblijf(Nop);
        var verschillen = new List<string>();

        foreach (var vraag in Vragen())
        {
            var verwacht = Verwacht(vraag);
            var (gelezen, eerste) = Lees(vraag, aantal: 7);

            void Vergelijk<T>(string wat, T a, T b)
            {
                if (!EqualityComparer<T>.Default.Equals(a, b))
                {
                    verschillen.Add($"{vraag}: {wat} verwacht {a}, gelezen {b}");
                }
            }

            Vergelijk("plaatsingen", string.Join(",", verwacht.Plaatsingen), string.Join(",", gelezen.Plaatsingen));
            Vergelijk("consulten", string.Join(",", verwacht.Consulten), string.Join(",", gelezen.Consulten));
            Vergelijk("meerzorg", string.Join(",", verwacht.Meerzorg), string.Join(",", gelezen.Meerzorg));
            Vergelijk("moeder-kind", string.Join(",", verwacht.MoederKind), string.Join(",", gelezen.MoederKind));
            Vergelijk("escalaties", string.Join(",", verwacht.Escalaties), string.Join(",", gelezen.Escalaties));
            Vergelijk("aantal plaatsingen", verwacht.Plaatsingen.Count, eerste.Plaatsingen.Totaal);
            Vergelijk("aantal escalaties", verwacht.Escalaties.Count, eerste.Escalaties.Totaal);
            Vergelijk("open termijnen", verwacht.Termijnen, eerste.Totalen.OpenTermijnen);
            Vergelijk("te laat", verwacht.TeLaat, eerste.Totalen.TeLaat);
            Vergelijk("totalen", (dossier.Plaatsingen.Count, dossier.Consulten.Count, dossier.Meerzorg.Count, dossier.MoederKind.Count, dossier.Escalaties.Count),
                (eerste.Totalen.Plaatsingen, eerste.Totalen.Consulten, eerste.Totalen.Meerzorg, eerste.Totalen.MoederKind, eerste.Totalen.Escalaties));
        }

        Assert.Empty(verschillen);
    }

    [StoreFact]
    public void De_gegevens_zijn_rijk_genoeg_om_elk_filter_te_laten_schiften()
    {
        Vul(plaatsingen: 130);
        Opslag.Ververs(Regels(), Vandaag, Nop);

        var alles = Verwacht(new Verblijfvraag("alle", false, null, ""));
        var open = Verwacht(new Verblijfvraag("alle", true, null, ""));
        var d = Opslag.LeesVerblijf(Nop);

        // "Only open" keeps some and drops some of every kind; some placements are open only by a deadline after their end.
        Assert.InRange(open.Plaatsingen.Count, 1, alles.Plaatsingen.Count - 1);
        Assert.InRange(open.Consulten.Count, 1, alles.Consulten.Count - 1);
        Assert.InRange(open.Meerzorg.Count, 1, alles.Meerzorg.Count - 1);
        Assert.InRange(open.MoederKind.Count, 1, alles.MoederKind.Count - 1);
        Assert.InRange(open.Escalaties.Count, 1, alles.Escalaties.Count - 1);
        Assert.Contains(d.Plaatsingen, p => open.Plaatsingen.Contains(p.Referentie) && p.Einde < Vandaag);
        Assert.Contains(d.MoederKind, k => open.MoederKind.Contains(k.Referentie) && k.Tot < Vandaag);
        Assert.True(alles.Plaatsingen.Count > 100, $"{alles.Plaatsingen.Count} placements");
        Assert.True(open.TeLaat > 0);
        Assert.Contains(Opslag.LeesVerblijf(Lelystad).Plaatsingen, p => p.Gemeente == "0995");
    }
}

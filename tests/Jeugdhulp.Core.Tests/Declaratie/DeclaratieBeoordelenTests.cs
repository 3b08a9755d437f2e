using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Core.Tests.Toewijzing;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Declaratie;

public class DeclaratieBeoordelenTests
{
    private const string Gemeente = "0171";
    private const string Aanbieder = "01234567";
    private const string Client = "100002183";
    private const string AndereClient = "100002195";
    private static readonly DateOnly Vandaag = new(2027, 5, 3);

    // Allocation 1: 45F21 from 2027-03-08 to 2027-09-07, 600 minutes in total; contract tariff 150 cent/minute.
    private static VastgelegdeToewijzing Toewijzing(int nummer = 1, string product = "45F21", string ingang = "2027-03-08", string? eind = "2027-09-07",
        Omvang? omvang = null, long? budget = null, string? reden = null, bool zonderOmvang = false) =>
        new(nummer, Bsn.Parse(Client).Waarde, AgbCode.Parse(Aanbieder).Waarde, FlevolandRegels.P(product), "45", D(ingang), eind is null ? null : D(eind),
            zonderOmvang ? null : omvang ?? new Omvang(600, "01", "6"), budget, new DateOnly(2027, 3, 1), new TimeOnly(9, 0), null, VerwijzerType.Huisarts,
            RedenWijziging: reden);

    private static Contract Contract(string product = "45F21", long tarief = 150, string van = "2027-01-01", string? tot = null) =>
        new(FlevolandRegels.Noordoostpolder, AgbCode.Parse(Aanbieder).Waarde, FlevolandRegels.P(product), Periode.Maak(D(van), tot is null ? null : D(tot)).Waarde, tarief);

    private static Prestatieregel P(string referentie = "P-1", long nummer = 1, string van = "2027-04-01", string tot = "2027-04-30", long volume = 100,
        long tarief = 150, long? bedrag = null, bool credit = false, string? vorig = null, string code = "45F21", string categorie = "45",
        string eenheid = "01", string bsn = Client, int client = 0, int positie = 0) =>
        new(client, positie, bsn, referentie, vorig, nummer, categorie, code, D(van), D(tot), volume, eenheid, tarief, bedrag ?? volume * tarief, credit);

    private static GeboektePrestatie Geboekt(string referentie, long volume = 100, bool goedgekeurd = true, bool credit = false, string? vorig = null,
        string van = "2027-04-01", string tot = "2027-04-30", long nummer = 1, long tarief = 150) =>
        new(referentie, vorig, nummer, "45", "45F21", D(van), D(tot), volume, volume * tarief, credit, goedgekeurd);

    private static Declaratieinvoer Invoer(params Prestatieregel[] prestaties) =>
        new(Gemeente, Aanbieder, "D1", new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 30), new DateOnly(2027, 5, 2), prestaties);

    private static Declaratiebronnen Bronnen(IEnumerable<VastgelegdeToewijzing>? toewijzingen = null, IEnumerable<GeboektePrestatie>? eerdere = null,
        IEnumerable<Contract>? contracten = null, IEnumerable<long>? anderen = null, bool nummerBekend = false) =>
        new((toewijzingen ?? [Toewijzing()]).ToDictionary(t => (long)t.Nummer), (anderen ?? []).ToHashSet(), [.. eerdere ?? []],
            [.. contracten ?? [Contract()]], FlevolandRegels.Catalogus, nummerBekend, Vandaag);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Declaratieoordeel Beoordeel(Declaratieinvoer invoer, Declaratiebronnen? bronnen = null) =>
        DeclaratieBeoordelen.Beoordeel(invoer, bronnen ?? Bronnen());

    private static string[] Codes(Prestatieoordeel o) => [.. o.Afkeuren.Select(a => a.Code)];

    private static string[] Codes(Prestatieregel p, Declaratiebronnen? bronnen = null) => Codes(Beoordeel(Invoer(p), bronnen).Prestaties[0]);

    [Fact]
    public void Een_juiste_prestatie_wordt_volledig_toegekend()
    {
        var o = Beoordeel(Invoer(P()));

        Assert.True(o.IsVolledigToegekend);
        Assert.Empty(o.Prestaties[0].Afkeuren);
        Assert.Equal(15000, o.TotaalToegekend);
        Assert.Empty(o.Signalen);
    }

    public static TheoryData<string, string, string> Afwijzingen() => new()
    {
        // code, rule, case name (the cases are in Geval below)
        { "9338", "TR338", "onbekend nummer" },
        { "8187", "TR304", "andere client" },
        { "8187", "TR304", "andere aanbieder" },
        { "9384", "TR384", "verwijderde toewijzing" },
        { "9338", "HK-323-8", "dummy" },
        { "9339", "TR339", "andere categorie" },
        { "9340", "TR340", "andere code" },
        { "9341", "TR341", "andere eenheid" },
        { "9341", "HK-323-2", "geen minuten" },
        { "9307", "TR307", "begin voor toewijzing" },
        { "9308", "TR308", "eind na toewijzing" },
        { "9387", "TR387", "begin niet de eerste" },
        { "9388", "TR388", "eind niet de laatste" },
        { "9388", "CS337", "over twee maanden" },
        { "9319", "TR319", "na de declaratieperiode" },
        { "9321", "TR321", "volume te hoog" },
        { "9322", "TR322", "som te hoog" },
        { "9322", "TR322", "som per maand te hoog" },
        { "9369", "TR369", "budget op" },
        { "9346", "TR346", "bedrag niet volume maal tarief" },
        { "9346", "TR346", "bedrag overloopt" },
        { "0611", "TR418", "ander tarief" },
        { "0611", "TR418", "geen contract" },
        { "0611", "TR418", "tarief van voor de wijziging" },
        { "9389", "TR389", "tweede debet" },
        { "8017", "TR323", "credit zonder debet" },
        { "8017", "TR323", "credit zonder vorig nummer" },
        { "8017", "TR323", "credit van afgewezen debet" },
        { "8017", "TR323", "credit wijkt af" },
        { "9390", "TR390", "al gecrediteerd" },
        { "8021", "TR314", "referentie eerder gebruikt" },
    };

    /// <summary>Each refusal case and its passing twin: the same situation with the one fact that makes it right.</summary>
    private static (Prestatieregel Fout, Prestatieregel Goed, Declaratiebronnen Bronnen, Declaratiebronnen? GoedBronnen) Geval(string naam)
    {
        var b = Bronnen();
        return naam switch
        {
            "onbekend nummer" => (P(nummer: 99), P(), b, null),
            "andere client" => (P(bsn: AndereClient), P(), b, null),
            "andere aanbieder" => (P(nummer: 7), P(), Bronnen(anderen: [7]), null),
            "verwijderde toewijzing" => (P(), P(), Bronnen([Toewijzing(reden: "13")]), b),
            "dummy" => (P(code: "45F24"), P(), Bronnen([Toewijzing(product: "45F24", omvang: new Omvang(1, "84", "6"))]), b),
            "andere categorie" => (P(categorie: "54"), P(), b, null),
            "andere code" => (P(code: "45F22"), P(), b, null),
            "andere eenheid" => (P(eenheid: "04", volume: 2, tarief: 9000), P(), Bronnen(contracten: [Contract(tarief: 9000)]), b),
            "geen minuten" => (P(eenheid: "04", volume: 2, tarief: 150), P(), Bronnen([Toewijzing(zonderOmvang: true)]), Bronnen([Toewijzing(zonderOmvang: true)])),
            "begin voor toewijzing" => (P(), P(van: "2027-04-10"), Bronnen([Toewijzing(ingang: "2027-04-10")]), null),
            "eind na toewijzing" => (P(), P(tot: "2027-04-20"), Bronnen([Toewijzing(eind: "2027-04-20")]), null),
            "begin niet de eerste" => (P(van: "2027-04-02"), P(), b, null),
            "eind niet de laatste" => (P(tot: "2027-04-29"), P(), b, null),
            "over twee maanden" => (P(van: "2027-03-01", tot: "2027-04-30"), P(van: "2027-03-08", tot: "2027-03-31"), b, null),
            "na de declaratieperiode" => (P(van: "2027-05-01", tot: "2027-05-31"), P(van: "2027-03-08", tot: "2027-03-31"), b, null),
            "volume te hoog" => (P(volume: 601), P(volume: 600), b, null),
            "som te hoog" => (P(volume: 101), P(volume: 100), Bronnen(eerdere: [Geboekt("P-0", 500, van: "2027-03-08", tot: "2027-03-31")]), null),
            "som per maand te hoog" => (P(volume: 101), P(volume: 100, van: "2027-03-08", tot: "2027-03-31"),
                Bronnen([Toewijzing(omvang: new Omvang(200, "01", "4"))], [Geboekt("P-0", 100)]), null),
            "budget op" => (P(volume: 34), P(volume: 33), Bronnen([Toewijzing(zonderOmvang: true, budget: 20000)], [Geboekt("P-0", 100, van: "2027-03-08", tot: "2027-03-31")]), null),
            "bedrag niet volume maal tarief" => (P(bedrag: 15001), P(), b, null),
            "bedrag overloopt" => (P(volume: 99_999_999, tarief: 99_999_999, bedrag: 1), P(), Bronnen([Toewijzing(omvang: new Omvang(int.MaxValue, "01", "6"))],
                contracten: [Contract(tarief: 99_999_999)]), b),
            "ander tarief" => (P(tarief: 160), P(), b, null),
            "geen contract" => (P(), P(), Bronnen(contracten: [Contract(product: "45F22")]), b),
            "tarief van voor de wijziging" => (P(), P(tarief: 160), Bronnen(contracten: [Contract(tot: "2027-03-31"), Contract(tarief: 160, van: "2027-04-01")]), null),
            "tweede debet" => (P(), P(), Bronnen(eerdere: [Geboekt("P-0")]), Bronnen(eerdere: [Geboekt("P-0"), Geboekt("P-0C", credit: true, vorig: "P-0")])),
            "credit zonder debet" => (P(credit: true, vorig: "P-X"), P(credit: true, vorig: "P-0"), Bronnen(eerdere: [Geboekt("P-0")]), null),
            "credit zonder vorig nummer" => (P(credit: true), P(credit: true, vorig: "P-0"), Bronnen(eerdere: [Geboekt("P-0")]), null),
            "credit van afgewezen debet" => (P(credit: true, vorig: "P-0"), P(credit: true, vorig: "P-0"), Bronnen(eerdere: [Geboekt("P-0", goedgekeurd: false)]),
                Bronnen(eerdere: [Geboekt("P-0")])),
            "credit wijkt af" => (P(credit: true, vorig: "P-0", volume: 90), P(credit: true, vorig: "P-0"), Bronnen(eerdere: [Geboekt("P-0")]), null),
            "al gecrediteerd" => (P(credit: true, vorig: "P-0"), P(credit: true, vorig: "P-0"),
                Bronnen(eerdere: [Geboekt("P-0"), Geboekt("P-0C", credit: true, vorig: "P-0")]), Bronnen(eerdere: [Geboekt("P-0")])),
            "referentie eerder gebruikt" => (P(), P(referentie: "P-2"), Bronnen(eerdere: [Geboekt("P-1", goedgekeurd: false, van: "2027-03-08", tot: "2027-03-31")]), null),
            _ => throw new ArgumentException(naam, nameof(naam)),
        };
    }

    [Theory]
    [MemberData(nameof(Afwijzingen))]
    public void Elke_controle_wijst_af_met_haar_officiele_code_en_keurt_het_juiste_geval_goed(string code, string regel, string naam)
    {
        var (fout, goed, bronnen, goedBronnen) = Geval(naam);

        var afgewezen = Beoordeel(Invoer(fout), bronnen).Prestaties[0];
        var goedgekeurd = Beoordeel(Invoer(goed), goedBronnen ?? bronnen).Prestaties[0];

        Assert.Contains(afgewezen.Afkeuren, a => a.Code == code && a.Regel == regel && a.Reden.Length > 10);
        Assert.True(goedgekeurd.IsGoedgekeurd, $"{naam}: {string.Join("; ", goedgekeurd.Afkeuren)}");
    }

    [Fact]
    public void Elke_officiele_declaratiecode_heeft_een_geval()
    {
        string[] codes = ["0611", "8017", "8021", "8187", "9307", "9308", "9319", "9321", "9322", "9338", "9339", "9340", "9341", "9346", "9369",
            "9384", "9387", "9388", "9389", "9390"];
        Assert.Empty(codes.Except(Afwijzingen().Select(r => (string)r[0])));
    }

    [Fact]
    public void Een_bekend_declaratienummer_wijst_de_hele_declaratie_af_met_9333()
    {
        var o = Beoordeel(Invoer(P()), Bronnen(nummerBekend: true));
        var goed = Beoordeel(Invoer(P()), Bronnen(nummerBekend: false));

        Assert.True(o.IsAfgewezen);
        Assert.Equal(["9333"], o.DeclaratieAfkeuren.Select(a => a.Code));
        Assert.Equal("TR333", o.DeclaratieAfkeuren[0].Regel);
        Assert.Empty(o.Prestaties);
        Assert.Equal(0, o.TotaalToegekend);
        Assert.False(goed.IsAfgewezen);
    }

    [Fact]
    public void Een_dagtekening_na_de_systeemdatum_wijst_de_declaratie_af_met_8848()
    {
        var morgen = Invoer(P()) with { Dagtekening = Vandaag.AddDays(1) };
        var vandaag = Invoer(P()) with { Dagtekening = Vandaag };

        Assert.Equal(["8848"], Beoordeel(morgen).DeclaratieAfkeuren.Select(a => a.Code));
        Assert.False(Beoordeel(vandaag).IsAfgewezen);
    }

    [Fact]
    public void Het_volume_per_maand_telt_per_toewijzing_en_per_maand_niet_dat_van_een_andere_toewijzing_of_maand()
    {
        // Two allocations of 200 a month; 150 booked on number 2 in April (1–15: not the same period, so no second debet)
        // and 150 on number 1 in March.
        var maand = new Omvang(200, "01", "4");
        var bronnen = Bronnen([Toewijzing(omvang: maand), Toewijzing(nummer: 2, omvang: maand)],
            [Geboekt("P-0", 150, nummer: 2, tot: "2027-04-15"), Geboekt("P-M", 150, van: "2027-03-08", tot: "2027-03-31")]);

        var o = Beoordeel(Invoer(P(), P(referentie: "P-2", nummer: 2, positie: 1)), bronnen);

        Assert.True(o.Prestaties[0].IsGoedgekeurd, string.Join("; ", o.Prestaties[0].Afkeuren));
        Assert.Equal(["9322"], Codes(o.Prestaties[1]));
    }

    [Fact]
    public void Een_dubbel_referentienummer_in_een_bericht_wijst_alleen_de_tweede_af()
    {
        var o = Beoordeel(Invoer(P(), P(van: "2027-03-08", tot: "2027-03-31", positie: 1)));

        Assert.True(o.Prestaties[0].IsGoedgekeurd);
        Assert.Equal(["8021"], Codes(o.Prestaties[1]));
        Assert.Equal(15000, o.TotaalToegekend);
    }

    [Fact]
    public void De_som_telt_goedgekeurde_prestaties_uit_hetzelfde_bericht_mee()
    {
        var o = Beoordeel(Invoer(
            P("P-1", van: "2027-03-08", tot: "2027-03-31", volume: 400),
            P("P-2", volume: 300, positie: 1),
            P("P-3", van: "2027-05-01", tot: "2027-05-31", volume: 200, positie: 2) with { Bsn = Client }) with { PeriodeEind = new DateOnly(2027, 5, 31), PeriodeBegin = new DateOnly(2027, 5, 1) });

        Assert.True(o.Prestaties[0].IsGoedgekeurd);
        Assert.Equal(["9322"], Codes(o.Prestaties[1]));

        // A refused prestatie does not count: 400 + 200 fits in 600.
        Assert.True(o.Prestaties[2].IsGoedgekeurd);
    }

    [Fact]
    public void Twee_debets_voor_dezelfde_periode_in_een_bericht_de_tweede_krijgt_9389()
    {
        var o = Beoordeel(Invoer(P("P-1"), P("P-2", positie: 1)));

        Assert.True(o.Prestaties[0].IsGoedgekeurd);
        Assert.Equal(["9389"], Codes(o.Prestaties[1]));
    }

    [Fact]
    public void Credit_en_nieuwe_debet_in_een_bericht_worden_beide_goedgekeurd_ook_als_de_debet_eerst_staat()
    {
        var bronnen = Bronnen(eerdere: [Geboekt("P-0", 500)]);

        var o = Beoordeel(Invoer(P("P-2", volume: 200), P("P-1C", volume: 500, credit: true, vorig: "P-0", positie: 1)), bronnen);

        Assert.True(o.IsVolledigToegekend, string.Join("; ", o.Prestaties.SelectMany(p => p.Afkeuren)));
        Assert.Equal((200 - 500) * 150, o.TotaalToegekend);
    }

    [Fact]
    public void Een_debet_en_zijn_credit_in_hetzelfde_bericht_geven_8017()
    {
        var o = Beoordeel(Invoer(P("P-1"), P("P-1C", credit: true, vorig: "P-1", positie: 1)));

        Assert.True(o.Prestaties[0].IsGoedgekeurd);
        Assert.Contains(o.Prestaties[1].Afkeuren, a => a.Code == "8017" && a.Regel == "TR316");
    }

    [Fact]
    public void Twee_credits_van_dezelfde_debet_in_een_bericht_de_tweede_krijgt_9390()
    {
        var o = Beoordeel(Invoer(P("P-C1", credit: true, vorig: "P-0"), P("P-C2", credit: true, vorig: "P-0", positie: 1)), Bronnen(eerdere: [Geboekt("P-0")]));

        Assert.True(o.Prestaties[0].IsGoedgekeurd);
        Assert.Equal(["9390"], Codes(o.Prestaties[1]));
        Assert.Equal(-15000, o.TotaalToegekend);
    }

    [Fact]
    public void Een_credit_geeft_volume_terug_voor_later()
    {
        // 600 used; credit 100 and declare 100 again for another month in the same message.
        var bronnen = Bronnen(eerdere: [Geboekt("P-0", 500, van: "2027-03-08", tot: "2027-03-31"), Geboekt("P-A", 100)]);

        var o = Beoordeel(Invoer(P("P-AC", credit: true, vorig: "P-A"), P("P-B", positie: 1)), bronnen);

        Assert.True(o.IsVolledigToegekend, string.Join("; ", o.Prestaties.SelectMany(p => p.Afkeuren)));
    }

    [Fact]
    public void Per_week_toegewezen_volume_mag_per_maand_het_aantal_begonnen_weken_keer_het_weekvolume_zijn()
    {
        // 60 minutes a week; April 2027 has 30 days = 5 started weeks: at most 300 minutes.
        var bronnen = Bronnen([Toewijzing(omvang: new Omvang(60, "01", "2"))]);

        Assert.Empty(Codes(P(volume: 300), bronnen));
        Assert.Equal(["9321"], Codes(P(volume: 301), bronnen));
    }

    [Fact]
    public void Per_dag_toegewezen_volume_telt_de_dagen_van_de_productperiode()
    {
        var bronnen = Bronnen([Toewijzing(omvang: new Omvang(10, "01", "1"))]);

        Assert.Empty(Codes(P(volume: 300), bronnen));
        Assert.Equal(["9321"], Codes(P(volume: 301), bronnen));
    }

    [Fact]
    public void Minuten_op_een_toewijzing_in_uren_worden_getoetst_aan_de_uren_maal_60_en_per_minuut_betaald()
    {
        // Seed 000 "Zorgtoewijzing" (HK-301-7, C-8): allocated in hours, declared in minutes. 10 hours = 600 minutes.
        var uren = Toewijzing(omvang: new Omvang(10, "04", "6"));
        var bronnen = Bronnen([uren]);

        var o = Beoordeel(Invoer(P(volume: 600)), bronnen);
        Assert.True(o.IsVolledigToegekend, string.Join("; ", o.Prestaties[0].Afkeuren));
        Assert.Equal(600 * 150, o.TotaalToegekend);
        Assert.Equal(["9321"], Codes(P(volume: 601), bronnen));
        Assert.Equal(["9322"], Codes(P(volume: 101), Bronnen([uren], [Geboekt("P-0", 500, van: "2027-03-08", tot: "2027-03-31")])));

        // The largest hours the schema allows (8 digits) are more minutes than an int holds: still a number, no overflow.
        Assert.Empty(Codes(P(volume: 600), Bronnen([Toewijzing(omvang: new Omvang(99_999_999, "04", "6"))])));
    }

    [Fact]
    public void Uren_gedeclareerd_op_een_toewijzing_in_uren_worden_geweigerd_en_niet_tegen_het_minuuttarief_betaald()
    {
        // The contract tariff is per minute (the product's unit); 7 hours may never be paid as 7 minutes.
        var bronnen = Bronnen([Toewijzing(omvang: new Omvang(10, "04", "6"))]);

        var o = Beoordeel(Invoer(P(eenheid: "04", volume: 7)), bronnen);

        Assert.Contains(o.Prestaties[0].Afkeuren, a => a.Code == "9341" && a.Regel == "HK-323-2");
        Assert.Equal(0, o.TotaalToegekend);
    }

    [Fact]
    public void Eenheid_83_heeft_geen_tarief_en_geen_contractcontrole()
    {
        var bronnen = Bronnen([Toewijzing(zonderOmvang: true, budget: 50000)], contracten: []);
        var p = P(eenheid: "83", volume: 20000, bedrag: 20000) with { Tarief = null };

        Assert.Empty(Codes(p, bronnen));
        Assert.Equal(["9369"], Codes(p with { Volume = 50001, Bedrag = 50001 }, bronnen));
    }

    [Theory]
    [InlineData("2027-05-31", false)] // the last day of the month after delivery
    [InlineData("2027-06-01", true)]
    public void Te_laat_declareren_is_een_signaal_en_geen_afwijzing(string dagtekening, bool signaal)
    {
        var invoer = Invoer(P()) with { Dagtekening = D(dagtekening) };
        var o = DeclaratieBeoordelen.Beoordeel(invoer, Bronnen() with { Vandaag = D(dagtekening) });

        Assert.True(o.IsVolledigToegekend);
        Assert.Equal(signaal, o.Signalen.Any(s => s is { RegelId: "HK-323-1", Code: "te-laat" } && s.Melding.Contains("2027-04", StringComparison.Ordinal)));
    }

    [Fact]
    public void Een_maand_met_veel_clienten_wijst_precies_de_foute_regels_af()
    {
        // 2,000 clients, each with an own allocation; every 100th declares 601 minutes (TR321), every 250th has the wrong tariff.
        var toewijzingen = new List<VastgelegdeToewijzing>();
        var prestaties = new List<Prestatieregel>();
        for (var i = 0; i < 2000; i++)
        {
            var bsn = Bsn9(i);
            toewijzingen.Add(Toewijzing(nummer: i + 1) with { Client = Bsn.Parse(bsn).Waarde });
            var volume = i % 100 == 0 ? 601 : 100 + (i % 7);
            var tarief = i % 250 == 1 ? 149 : 150;
            prestaties.Add(P($"P-{i}", nummer: i + 1, volume: volume, tarief: tarief, bsn: bsn, client: i));
        }

        var o = DeclaratieBeoordelen.Beoordeel(Invoer([.. prestaties]), Bronnen(toewijzingen));

        var afgewezen = o.Prestaties.Where(p => !p.IsGoedgekeurd).ToList();
        Assert.Equal(20 + 8, afgewezen.Count);
        Assert.All(afgewezen.Where(p => p.Prestatie.Client % 100 == 0), p => Assert.Equal(["9321"], Codes(p)));
        Assert.All(afgewezen.Where(p => p.Prestatie.Client % 250 == 1), p => Assert.Equal(["0611"], Codes(p)));
        Assert.Equal(o.Prestaties.Where(p => p.IsGoedgekeurd).Sum(p => p.Prestatie.Bedrag), o.TotaalToegekend);
    }

    /// <summary>A valid BSN (11-proef) per index.</summary>
    private static string Bsn9(int i)
    {
        for (var n = 100_000_000 + (i * 20); ; n++)
        {
            var s = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var som = 0;
            for (var k = 0; k < 8; k++)
            {
                som += (9 - k) * (s[k] - '0');
            }

            som -= s[8] - '0';
            if (som % 11 == 0)
            {
                return s;
            }
        }
    }
}

using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tests.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Conversie;

/// <summary>HK-CONV-2: the route per running allocation, with the rule ids that decided it.</summary>
public class ConversieBepalenTests
{
    private static readonly Regelcatalogus Regels = RegelLader.Laad(RegelData.Flevoland()).Waarde;
    private static readonly DateOnly Peildatum = new(2026, 12, 1);

    private static bool AltijdContract(Gemeentecode g, AgbCode a, ProductCode p, DateOnly d) => true;

    private static LopendeToewijzing T(string gemeente, string product, string begin, string? eind, int volume, string eenheid = "04", string frequentie = "2") =>
        new(2, Gemeentecode.Parse(gemeente).Waarde, 500001, Bsn.Parse("200000007").Waarde, new DateOnly(2015, 4, 2), "1", "Jansen", null, "P",
            AgbCode.Parse("02345678").Waarde, ProductCode.Parse(product).Waarde,
            Periode.Maak(DateOnly.Parse(begin, System.Globalization.CultureInfo.InvariantCulture), eind is null ? null : DateOnly.Parse(eind, System.Globalization.CultureInfo.InvariantCulture)).Waarde,
            new Omvang(volume, eenheid, frequentie));

    private static Conversieadvies Bepaal(LopendeToewijzing t, ConversieBepalen.HeeftContract? contract = null) =>
        ConversieBepalen.Bepaal(t, Regels, Peildatum, contract ?? AltijdContract);

    private static IEnumerable<string> Uitkomsten(Conversieadvies a) => a.Bevindingen.Select(b => $"{b.RegelId} {b.Uitkomst}");

    [Fact]
    public void Ongewijzigde_inhoud_wordt_administratief_omgezet_met_uren_per_week_als_minuten_in_de_periode()
    {
        var a = Bepaal(T("0034", "45A01", "2026-03-01", "2027-02-28", 3));

        Assert.Equal(ConversieRoute.Administratief, a.Route);
        Assert.True(a.IsAdministratief);
        Assert.Equal("45F21", a.NieuwProduct?.Waarde);
        Assert.Equal(new DateOnly(2027, 1, 1), a.Overgangsdatum);
        Assert.Equal(new DateOnly(2027, 2, 28), a.NieuweEinddatum);
        // 3 h/week over 59 days: 3 × 60 × 59 / 7 = 1517.1, rounded up for continuity of care.
        Assert.Equal(new Omvang(1518, "01", "6"), a.NieuweOmvang);
        Assert.Equal(["HK-CONV-1 mapping", "HK-301-7 omgerekend", "HK-CONV-2 route"], Uitkomsten(a));
    }

    [Fact]
    public void Een_totaal_in_de_oude_periode_gaat_naar_rato_mee_in_de_nieuwe()
    {
        var a = Bepaal(T("0034", "45A03", "2026-07-01", "2027-06-30", 1200, "01", "6"));

        // 181 of 365 days remain: 1200 × 181 / 365 = 595.1 → 596 minutes.
        Assert.Equal(new Omvang(596, "01", "6"), a.NieuweOmvang);
        Assert.Equal(ConversieRoute.Administratief, a.Route);
    }

    [Fact]
    public void Intensiteit_boven_de_richtlijn_maakt_een_administratieve_conversie_een_lichte_toets()
    {
        var a = Bepaal(T("0034", "45A01", "2026-05-01", "2027-04-30", 6));

        Assert.Equal(ConversieRoute.LichteToets, a.Route);
        var b = Assert.Single(a.Bevindingen, b => b.RegelId == "HK-PRD-3");
        Assert.Equal("boven-richtlijn", b.Uitkomst);
        Assert.Equal([KeyValuePair.Create("urenPerWeek", "6"), KeyValuePair.Create("maxUrenPerWeek", "4")], b.Parameters);
    }

    [Fact]
    public void Een_open_einde_krijgt_de_standaardduur_en_daarom_een_lichte_toets()
    {
        var a = Bepaal(T("0303", "45A01", "2026-01-01", null, 2));

        Assert.Equal(ConversieRoute.LichteToets, a.Route);
        Assert.Equal(new DateOnly(2027, 12, 31), a.NieuweEinddatum);
        Assert.Contains("HK-CONV-2 einddatum-vastgesteld", Uitkomsten(a));
    }

    [Fact]
    public void De_mapping_kan_zelf_een_lichte_toets_voorschrijven()
    {
        var a = Bepaal(T("0034", "45A04", "2026-09-01", "2027-08-31", 4));

        Assert.Equal(ConversieRoute.LichteToets, a.Route);
        Assert.Equal("45F33", a.NieuwProduct?.Waarde);
        Assert.True(a.WachtOpMens);
    }

    [Fact]
    public void Een_lokaal_product_dat_stopt_gaat_naar_herindicatie()
    {
        var a = Bepaal(T("0034", "45A05", "2026-02-01", "2027-01-31", 8));

        Assert.Equal(ConversieRoute.Herindicatie, a.Route);
        Assert.Null(a.NieuwProduct);
        Assert.Contains("HK-CONV-2 mapping-herindicatie", Uitkomsten(a));
    }

    [Fact]
    public void Een_oud_product_zonder_mapping_gaat_naar_herindicatie_met_HK_CONV_1()
    {
        var a = Bepaal(T("0034", "45A09", "2026-06-01", "2027-05-31", 2));

        Assert.Equal(ConversieRoute.Herindicatie, a.Route);
        var b = a.Bevindingen[0];
        Assert.Equal(("HK-CONV-1", "geen-mapping"), (b.RegelId, b.Uitkomst));
        Assert.Equal([KeyValuePair.Create("oudeCode", "45A09")], b.Parameters);
    }

    [Fact]
    public void Een_gemeente_die_niet_aan_het_perceel_deelneemt_gaat_naar_herindicatie_met_HK_PER_5()
    {
        // Lelystad's own table maps 45A04 to 45F34 (its lot); a table line pointing elsewhere is checked on participation.
        var a = Bepaal(T("0995", "45A01", "2026-08-01", "2027-07-31", 2));

        Assert.Equal(ConversieRoute.Herindicatie, a.Route);
        var lelystad = Bepaal(T("0995", "45A04", "2026-08-01", "2027-07-31", 2));
        Assert.Equal(ConversieRoute.LichteToets, lelystad.Route);
        Assert.Equal("45F34", lelystad.NieuwProduct?.Waarde);
    }

    [Fact]
    public void Een_aanbieder_zonder_regionaal_contract_krijgt_de_HK_CONV_3_opties_en_een_uiterste_datum()
    {
        var a = Bepaal(T("0034", "45A01", "2026-04-01", "2027-03-31", 2), (_, _, _, _) => false);

        Assert.Equal(ConversieRoute.Administratief, a.Route);
        Assert.False(a.IsAdministratief);
        Assert.True(a.WachtOpMens);
        Assert.Equal(new DateOnly(2027, 6, 30), a.Contractsignaal!.Uiterlijk);
        Assert.Equal([ContractloosOptie.Afronden, ContractloosOptie.Overstap, ContractloosOptie.Onderaanneming, ContractloosOptie.Maatwerkovereenkomst],
            a.Contractsignaal.Opties);
        Assert.Contains("HK-CONV-3 geen-regionaal-contract", Uitkomsten(a));
    }

    [Fact]
    public void Een_toewijzing_die_voor_de_overgang_eindigt_hoeft_niet_om()
    {
        var a = Bepaal(T("0034", "45A01", "2026-01-01", "2026-11-30", 2));

        Assert.Null(a.Route);
        Assert.False(a.WachtOpMens);
        Assert.Equal(["HK-CONV-2 eindigt-voor-overgang"], Uitkomsten(a));
    }

    [Fact]
    public void Een_gemeente_zonder_conversietabel_op_de_peildatum_zet_niets_om()
    {
        var a = ConversieBepalen.Bepaal(T("0034", "45A01", "2026-03-01", "2027-02-28", 3), Regels, new DateOnly(2026, 1, 1), AltijdContract);

        Assert.Null(a.Route);
        Assert.Equal(["HK-CONV-1 geen-conversietabel"], Uitkomsten(a));
    }

    [Fact]
    public void Het_plan_telt_per_gemeente_aanbieder_en_route()
    {
        var plan = ConversieplanMaken.Maak(
            [T("0034", "45A01", "2026-03-01", "2027-02-28", 3), T("0034", "45A05", "2026-02-01", "2027-01-31", 8), T("0303", "45A01", "2026-01-01", null, 2)],
            Regels, Peildatum, AltijdContract);

        Assert.Equal([new Conversietotaal("0034", 1, 0, 1, 0, 0), new Conversietotaal("0303", 0, 1, 0, 0, 0)], plan.PerGemeente);
        Assert.Equal([new Conversietotaal("02345678", 1, 1, 1, 0, 0)], plan.PerAanbieder);
        Assert.Equal(3, plan.Totaal.Totaal);
        var csv = ConversieplanCsv.Schrijf(plan).Split('\n');
        Assert.Equal(ConversieplanCsv.Kop, csv[0]);
        Assert.StartsWith("0034,500001,******007,02345678,45A01,administratief,45F21,2027-01-01,2027-02-28,1518,01,6,,", csv[1], StringComparison.Ordinal);
        Assert.DoesNotContain("200000007", string.Join('\n', csv), StringComparison.Ordinal);
    }

    [Fact]
    public void Elke_conversiebevinding_heeft_een_Nederlandse_tekst_met_precies_haar_parameters()
    {
        // Every finding ConversieBepalen can give, read from its source: Bevinding("rule", "code", ("name", …), …) and
        // new("rule", "code", [KeyValuePair.Create("name", …), …]).
        var bron = File.ReadAllText(Path.Combine(Jeugdhulp.Ijw.Tests.Paden.RepoRoot, "src", "Jeugdhulp.Core", "Conversie", "ConversieBepalen.cs"));
        var aanroepen = System.Text.RegularExpressions.Regex.Matches(bron,
            """(?:Bevinding|new)\("(?<regel>HK-[A-Z0-9-]+)", "(?<code>[a-z-]+)",?(?<rest>(?:[^;])*);""");
        Assert.True(aanroepen.Count >= 17, $"{aanroepen.Count} bevindingen gevonden");
        foreach (System.Text.RegularExpressions.Match m in aanroepen)
        {
            var namen = System.Text.RegularExpressions.Regex.Matches(m.Groups["rest"].Value, """(?:\(|Create\()"(?<naam>\w+)", """)
                .Select(n => n.Groups["naam"].Value).ToList();
            var b = new Conversiebevinding(m.Groups["regel"].Value, m.Groups["code"].Value, [.. namen.Select(n => KeyValuePair.Create(n, "<" + n + ">"))]);

            var tekst = b.Tekst;

            Assert.All(namen, n => Assert.Contains("<" + n + ">", tekst, StringComparison.Ordinal));
            Assert.DoesNotContain("{", tekst, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void De_tekst_van_een_bevinding_in_het_plan_is_een_Nederlandse_zin_met_de_waarden()
    {
        var a = Bepaal(T("0034", "45A01", "2026-05-01", "2027-04-30", 6));

        var richtlijn = Assert.Single(a.Bevindingen, b => b.RegelId == "HK-PRD-3");

        Assert.Equal("Omgerekend 6 uur per week, meer dan de hoogste richtlijncategorie (4 uur per week): lichte toets.", richtlijn.Tekst);
    }
}


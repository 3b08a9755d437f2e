using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Toewijzing;

/// <summary>
/// The Flevoland rule data of HK spec §1–§3, §10 and §12, built in code for the engine tests (the JSON
/// loader lives elsewhere). Lots of other contracts (KDC, BJGGZ) have no product codes in the seeds: the
/// codes 41K01 and 54B01 are fixture-only stand-ins so that §10 can be tested.
/// </summary>
internal static class FlevolandRegels
{
    public static readonly DateOnly Begin = new(2027, 1, 1);

    public static readonly Gemeentecode Almere = G("0034");
    public static readonly Gemeentecode Dronten = G("0303");
    public static readonly Gemeentecode Lelystad = G("0995");
    public static readonly Gemeentecode Noordoostpolder = G("0171");
    public static readonly Gemeentecode Urk = G("0184");
    public static readonly Gemeentecode Zeewolde = G("0050");

    public static Regelcatalogus Catalogus { get; } = Maak();

    public static ProductCode P(string code) => ProductCode.Parse(code).Waarde;

    public static Gemeentecode G(string code) => Gemeentecode.Parse(code).Waarde;

    private static Regelcatalogus Maak()
    {
        var altijd = Periode.Vanaf(Begin);
        Deelname Heel(Gemeentecode g) => new(g, altijd, []);

        Gemeente[] gemeenten =
        [
            new(Almere, "Almere", "beschikkingenjeugd@almere.nl", "almere@stipter.nl", altijd),
            new(Dronten, "Dronten", "administratiejeugdhulp@dronten.nl", "administratiejeugdhulp@dronten.nl", altijd),
            new(Noordoostpolder, "Noordoostpolder", "jeugd@noordoostpolder.nl", "jeugd@noordoostpolder.nl", altijd),
            new(Urk, "Urk", "administratie.sd@urk.nl", "administratie.sd@urk.nl", altijd),
            new(Lelystad, "Lelystad", "cs@jeugdlelystad.nl", "cmjeugd@lelystad.nl", altijd),
        ];

        Perceel[] percelen =
        [
            new("MULTI", "Multidisciplinaire Specialistische Jeugdhulp", "Multi",
                [Heel(Almere), Heel(Dronten), Heel(Noordoostpolder), Heel(Urk), new(Lelystad, altijd, [P("45F34"), P("45F36")])],
                Jw315AltijdBeoordelen: false, DiagnostiekEerst: P("45F11"), Jw317Toegestaan: true, DoorlooptijdTermijn: "HK-317-4-MULTI", altijd),
            new("BASIS", "Basis Begeleiding", "Basis Begeleiding", [Heel(Noordoostpolder), Heel(Urk)],
                Jw315AltijdBeoordelen: true, DiagnostiekEerst: null, Jw317Toegestaan: true, DoorlooptijdTermijn: "HK-317-4-BASIS", altijd),
            new("KDC", "Kinderdagcentrum", "KDC", [Heel(Almere), Heel(Dronten), Heel(Noordoostpolder), Heel(Urk), Heel(Lelystad)],
                false, null, false, null, altijd),
            new("BJGGZ", "Basis jeugd-GGZ", "JGGZ", [Heel(Almere), Heel(Dronten), Heel(Noordoostpolder), Heel(Urk), Heel(Lelystad)],
                false, null, false, null, altijd),
        ];

        RichtlijnCategorie A(decimal u, int max) => new("A", u, max, 12);
        RichtlijnCategorie B(decimal u, int max) => new("B", u, max, 12);
        Product Minuten(string code, string naam, ProductSoort soort, RichtlijnCategorie[] richtlijn, int? standaard, int? max, bool hard,
            string perceel = "MULTI", string? extra = null, int? groep = null, string? ratio = null, string categorie = "45", string? groepsvariant = null) =>
            new(P(code), naam, categorie, perceel, "01", "6", soort, richtlijn, standaard, max, hard, groep, ratio,
                extra is null ? null : P(extra), null, altijd, null, groepsvariant is null ? null : P(groepsvariant));
        Product Dummy(string code, string naam, string hoofd) =>
            new(P(code), naam, "45", "MULTI", "84", "6", ProductSoort.ExtraClient, [], null, null, false, null, null, null, P(hoofd), altijd, null);

        Product[] producten =
        [
            Minuten("45F11", "Diagnostiek", ProductSoort.Individueel,
                [new("6 maanden", null, 30, 6), new("12 maanden", null, 60, 12)], standaard: 6, max: 12, hard: true),
            Minuten("45F21", "Specialistische Begeleiding - Individueel", ProductSoort.Individueel, [A(2, 96), B(4, 192)], 12, 12, false, groepsvariant: "45F22"),
            Minuten("45F22", "Specialistische Begeleiding - Groep", ProductSoort.Groep, [], 12, 12, false, groep: 12, ratio: "1:4"),
            Minuten("45F23", "Specialistische Begeleiding - Gezin", ProductSoort.Gezin, [A(3, 144), B(4, 192)], 12, 12, false, extra: "45F24"),
            Dummy("45F24", "Specialistische Begeleiding - Gezin (extra cliënt)", "45F23"),
            Minuten("45F31", "Behandeling - Individueel", ProductSoort.Individueel, [A(2, 96), B(4, 192)], 12, 12, false, groepsvariant: "45F32"),
            Minuten("45F32", "Behandeling - Groep", ProductSoort.Groep, [], 12, 12, false, groep: 12),
            Minuten("45F33", "Behandeling - Gezin regulier", ProductSoort.Gezin, [A(5, 104), B(6, 145)], 12, 12, false, extra: "45F35"),
            Minuten("45F34", "Behandeling - Gezin intensief", ProductSoort.Gezin, [new("9 maanden", null, null, 9)], 9, 9, false, extra: "45F36"),
            Dummy("45F35", "Behandeling - Gezin regulier (extra cliënt)", "45F33"),
            Dummy("45F36", "Behandeling - Gezin intensief (extra cliënt)", "45F34"),
            Minuten("45F01", "Basis Begeleiding - Individueel", ProductSoort.Individueel, [A(2, 96), B(4, 192)], 12, 12, false, perceel: "BASIS", groepsvariant: "45F02"),
            Minuten("45F02", "Basis Begeleiding - Groep", ProductSoort.Groep, [A(4, 192), B(12, 576)], 12, 12, false, perceel: "BASIS", groep: 16, ratio: "1:4"),
            Minuten("41K01", "Kinderdagcentrum (testcode)", ProductSoort.Groep, [], null, null, false, perceel: "KDC", categorie: "41"),
            Minuten("54B01", "Basis jeugd-GGZ (testcode)", ProductSoort.Individueel, [], null, null, false, perceel: "BJGGZ", categorie: "54"),
        ];

        LeeftijdUitzondering[] multiUitzonderingen =
            [LeeftijdUitzondering.GezinslidInZelfdePerceel, LeeftijdUitzondering.OuderMetOpvoedvraag, LeeftijdUitzondering.Jeugdreclassering];
        Leeftijdsgrens[] leeftijden =
        [
            new("MULTI", 18, multiUitzonderingen, 3, altijd),
            new("BASIS", 18, [LeeftijdUitzondering.GezinslidInZelfdePerceel, LeeftijdUitzondering.Jeugdreclassering], 3, altijd),
        ];

        StapelingSelector Pc(string c) => new("perceel", c);
        StapelingSelector Pr(string c) => new("product", c);
        StapelingsRegel Cel(StapelingSelector a, StapelingSelector b, StapelingUitkomst u, string id, string uitleg) => new(a, b, u, id, uitleg, altijd);
        StapelingsRegel[] stapeling =
        [
            Cel(Pc("MULTI"), Pc("MULTI"), StapelingUitkomst.Toegestaan, "HK-10-MULTI", "binnen Multi mogen producten gestapeld worden."),
            Cel(Pc("BASIS"), Pc("BASIS"), StapelingUitkomst.Toegestaan, "HK-10-BASIS", "binnen Basis Begeleiding toegestaan."),
            Cel(Pc("MULTI"), Pc("BASIS"), StapelingUitkomst.Toegestaan, "HK-10-AFSCHALEN", "Multi naast Basis Begeleiding bij afschalen."),
            Cel(Pc("MULTI"), Pc("BJGGZ"), StapelingUitkomst.Beoordelen, "HK-10-JGGZ", "aanvullende JGGZ tijdens Multi via de procesregisseur."),
            Cel(Pr("45F11"), Pc("BJGGZ"), StapelingUitkomst.Toegestaan, "HK-10-JGGZ", "diagnostiek mag tijdelijk samenlopen met BJGGZ."),
            Cel(Pr("45F31"), Pc("BJGGZ"), StapelingUitkomst.Toegestaan, "HK-10-JGGZ", "behandeling individueel mag tijdelijk samenlopen met BJGGZ."),
            Cel(Pr("45F32"), Pc("BJGGZ"), StapelingUitkomst.Toegestaan, "HK-10-JGGZ", "behandeling groep mag tijdelijk samenlopen met BJGGZ."),
            Cel(Pr("45F33"), Pc("BJGGZ"), StapelingUitkomst.Toegestaan, "HK-10-JGGZ", "behandeling gezin mag tijdelijk samenlopen met BJGGZ."),
            Cel(Pr("45F34"), Pc("BJGGZ"), StapelingUitkomst.Toegestaan, "HK-10-JGGZ", "behandeling gezin intensief mag tijdelijk samenlopen met BJGGZ."),
            Cel(Pc("MULTI"), Pc("KDC"), StapelingUitkomst.Toegestaan, "HK-10-KDC", "aanvullende toewijzing naast KDC toegestaan."),
            Cel(Pc("BASIS"), Pc("KDC"), StapelingUitkomst.Toegestaan, "HK-10-KDC", "aanvullende toewijzing naast KDC toegestaan."),
            Cel(Pr("45F32"), Pc("KDC"), StapelingUitkomst.Verboden, "HK-10-KDC", "groepsbehandeling binnen het KDC mag niet gestapeld worden."),
            Cel(Pr("45F02"), Pc("KDC"), StapelingUitkomst.Verboden, "HK-10-KDC", "groepsbegeleiding naast KDC mag niet gestapeld worden."),
        ];

        Termijn[] termijnen =
        [
            new("HK-315-3", "Antwoord op JW315/JW317", Partij.Gemeente, 5, TermijnEenheid.Werkdagen, false, altijd),
            new("HK-317-4-MULTI", "Doorlooptijd JW317 Multi", Partij.Aanbieder, 10, TermijnEenheid.Werkdagen, true, altijd),
            new("HK-317-4-BASIS", "Doorlooptijd JW317 Basis Begeleiding", Partij.Aanbieder, 8, TermijnEenheid.Weken, true, altijd),
        ];

        Beleid[] beleid = [new(new TerugvalBeleid(4, 1000, 3), new EinddatumVerschuivenBeleid(1, 50, 6), 12, altijd)];

        return new Regelcatalogus("flevoland", "test-2027.1", gemeenten, percelen, producten, leeftijden, stapeling,
            StapelingUitkomst.Beoordelen, termijnen, beleid, []);
    }
}

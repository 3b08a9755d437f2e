using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Tests;

/// <summary>
/// One valid message per type, together using every element of the XSDs at least once, so that the
/// golden round-trip and XSD tests cover the whole reader and writer. Rule tests start from these and
/// change one value.
/// </summary>
internal static class Voorbeelden
{
    public const string Aanbieder = "01234567";
    public const string Gemeente = "0171";
    public const string GeldigBsn = "100002183";
    public const string AnderGeldigBsn = "123456782";

    private static readonly DateOnly Dag = new(2027, 3, 1);

    public static IReadOnlyList<IjwBericht> Alle =>
    [
        Jw301(), Jw302(), Jw305(), Jw306(), Jw307(), Jw308(), Jw315(), Jw316(), Jw317(), Jw318(), Jw319(), Jw320(), Jw323(), Jw325(),
    ];

    public static IjwBericht Van(Berichtsoort soort) => Alle.Single(b => b.Soort == soort);

    private static Header Heen(Berichtsoort soort, string afzender, string ontvanger, string id) =>
        Header.Voor(soort, afzender, ontvanger, new BerichtIdentificatie(id, Dag));

    private static Header Retour(Berichtsoort soort, string afzender, string ontvanger, string id) =>
        Heen(soort, afzender, ontvanger, id) with
        {
            IdentificatieRetour = "R-" + id,
            DagtekeningRetour = Dag.AddDays(1),
            XsltVersie = "1.0.0",
            XsdVersieRetour = XsdVersie.Huidig,
            RetourCodes = ["0200"],
        };

    private static VolledigeNaam VolledigeNaam => new(new Achternaam("Vries", "de"), new Achternaam("Berg", "van den"), "Sanne Marie", "SM", "1");
    private static VerkorteNaam VerkorteNaam => new(new Achternaam("Vries", "de"), "Sanne", "S");

    public static Toewijzingbericht Jw301() => new(Berichtsoort.JW301, Heen(Berichtsoort.JW301, Gemeente, Aanbieder, "TW-0001"), ToewijzingClient(null));

    public static Toewijzingbericht Jw302() => new(Berichtsoort.JW302, Retour(Berichtsoort.JW302, Gemeente, Aanbieder, "TW-0001"), ToewijzingClient(["0200"]));

    private static ToewijzingClient ToewijzingClient(IReadOnlyList<string>? codes) => new(
        GeldigBsn,
        new Geboortedatum(new DateOnly(2016, 9, 12), "1"),
        "2",
        VolledigeNaam,
        new Communicatie("1", "Nederlands"),
        "02",
        "06",
        "Toewijzing na VOT",
        [
            new Relatie("R1", 1, "10", new Geboortedatum(new DateOnly(1985, 1, 2), "2"), "1", VolledigeNaam with { Voornamen = "Piet", Voorletters = "P" },
                Contact(codes) with { Soort = "02", Emailadres = "ouder@example.nl" }, codes),
        ],
        [
            Contact(codes),
        ],
        [
            new ToegewezenProduct(12345, "NOP-2027-0001", new Product("45", "45F11"), new DateOnly(2027, 3, 2), new TimeOnly(10, 15, 0),
                new DateOnly(2027, 3, 8), new DateOnly(2027, 9, 7), null, new Omvang(1800, "01", "6"), null, "Conform VOT", codes),
            new ToegewezenProduct(12346, null, new Product("45", null), new DateOnly(2027, 3, 2), new TimeOnly(10, 15, 30),
                new DateOnly(2027, 3, 8), new DateOnly(2027, 12, 31), "03", null, 250000, null, codes),
        ],
        codes);

    private static Contact Contact(IReadOnlyList<string>? codes) => new("01",
        new Adres(new Huis(12, "a", "bis", "BY"), "8301AB", "Kerkstraat", "Emmeloord", "NL"),
        "Gezinshuis De Linde",
        new Telefoonnummers(new Telefoon("0527123456", "0031"), new Telefoon("0612345678", "0031")),
        "info@example.nl",
        new OpenPeriode(new DateOnly(2020, 1, 1), new DateOnly(2030, 12, 31)),
        codes);

    public static StartBericht Jw305() => new(Berichtsoort.JW305, Heen(Berichtsoort.JW305, Aanbieder, Gemeente, "ST-0001"), StartClient(null));

    public static StartBericht Jw306() => new(Berichtsoort.JW306, Retour(Berichtsoort.JW306, Aanbieder, Gemeente, "ST-0001"), StartClient(["0200"]));

    private static StartClient StartClient(IReadOnlyList<string>? codes) => new(
        GeldigBsn, new Geboortedatum(new DateOnly(2016, 9, 12), "1"), "1", VerkorteNaam,
        [
            new StartProduct(12345, new Product("45", "45F11"), new DateOnly(2027, 2, 20), new DateOnly(2027, 2, 25), "1", codes),
            new StartProduct(null, new Product("54", "54001"), null, new DateOnly(2027, 2, 1), "3", codes),
        ],
        codes);

    public static StopBericht Jw307() => new(Berichtsoort.JW307, Heen(Berichtsoort.JW307, Aanbieder, Gemeente, "SP-0001"), StopClient(null));

    public static StopBericht Jw308() => new(Berichtsoort.JW308, Retour(Berichtsoort.JW308, Aanbieder, Gemeente, "SP-0001"), StopClient(["0200"]));

    private static StopClient StopClient(IReadOnlyList<string>? codes) => new(
        GeldigBsn, new Geboortedatum(new DateOnly(2016, 9, 12), "2"), "1", VerkorteNaam,
        [
            new StopProduct(12345, new Product("45", "45F11"), new DateOnly(2027, 1, 8), new DateOnly(2027, 1, 10), "31", new DateOnly(2027, 2, 28), "1", codes),
        ],
        codes);

    public static VerzoekOmToewijzingBericht Jw315() => new(Berichtsoort.JW315, Heen(Berichtsoort.JW315, Aanbieder, Gemeente, "VOT-0001"), VotClient(null));

    public static VerzoekOmToewijzingBericht Jw316() => new(Berichtsoort.JW316, Retour(Berichtsoort.JW316, Aanbieder, Gemeente, "VOT-0001"), VotClient(["0200"]));

    private static VerzoekOmToewijzingClient VotClient(IReadOnlyList<string>? codes) => new(
        GeldigBsn, new Geboortedatum(new DateOnly(2016, 9, 12), "3"), "1", VerkorteNaam, "1", "Graag spoedig",
        [
            new AangevraagdProduct("NOP-2027-0001", 778899, new Product("45", "45F11"), new DateOnly(2027, 2, 20), new DateOnly(2027, 3, 8), new DateOnly(2027, 9, 7),
                new Omvang(1800, "01", "6"), null, new Verwijzer("02", null, "01999999"), "2", "Huisarts verwijst", codes),
            new AangevraagdProduct("NOP-2027-0002", null, new Product("54", null), null, new DateOnly(2027, 3, 8), new DateOnly(2027, 12, 31),
                null, 150000, new Verwijzer("03", "Jeugdarts GGD Flevoland", null), null, null, codes),
        ],
        codes);

    public static VerzoekOmWijzigingBericht Jw317() => new(Berichtsoort.JW317, Heen(Berichtsoort.JW317, Aanbieder, Gemeente, "VOW-0001"), VowClient(null));

    public static VerzoekOmWijzigingBericht Jw318() => new(Berichtsoort.JW318, Retour(Berichtsoort.JW318, Aanbieder, Gemeente, "VOW-0001"), VowClient(["0200"]));

    private static VerzoekOmWijzigingClient VowClient(IReadOnlyList<string>? codes) => new(
        GeldigBsn,
        new Verzoek("NOP-2027-0010", "2",
            [new OngewijzigdProduct(12346, codes)],
            [
                new TeWijzigenProduct(12345, new DateOnly(2027, 3, 8), new DateOnly(2027, 12, 31), new Omvang(1800, "01", "6"), null, codes),
                new TeWijzigenProduct(12347, new DateOnly(2027, 3, 8), new DateOnly(2027, 12, 31), null, 300000, codes),
            ],
            [
                new NieuwProduct(new Product("45", "45F12"), new DateOnly(2027, 4, 1), new DateOnly(2027, 9, 30), new Omvang(4, "04", "2"), null, codes),
                new NieuwProduct(new Product("54", null), new DateOnly(2027, 4, 1), new DateOnly(2027, 12, 31), null, 120000, codes),
            ],
            codes),
        codes);

    public static Antwoordbericht Jw319() => new(Berichtsoort.JW319, Heen(Berichtsoort.JW319, Gemeente, Aanbieder, "ANT-0001"), new Antwoord("NOP-2027-0010", "1", "8", new Woonplaatsbeginsel("0034")));

    public static Antwoordbericht Jw320() => new(Berichtsoort.JW320, Retour(Berichtsoort.JW320, Gemeente, Aanbieder, "ANT-0001"),
        new Antwoord("NOP-2027-0010", "1", "8", new Woonplaatsbeginsel("0034", ["0200"]), ["0200"]));

    public static Declaratiebericht Jw323() => new(Heen(Berichtsoort.JW323, Aanbieder, Gemeente, "DEC-0001"), new Declaratie(
        "D202703",
        new GeslotenPeriode(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31)),
        new DateOnly(2027, 4, 2),
        new BedragMetDc(201250, "D"),
        [
            new DeclaratieClient(GeldigBsn,
            [
                new Prestatie(new ProductReferentie("P-0001", null), 12345, "45", "45F11", new GeslotenPeriode(new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 31)),
                    300, "01", 125, new BedragMetDc(37500, "D")),
                new Prestatie(new ProductReferentie("P-0002", "P-0000"), 12345, "45", "45F11", new GeslotenPeriode(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28)),
                    100, "01", 125, new BedragMetDc(12500, "C")),
            ]),
            new DeclaratieClient(AnderGeldigBsn,
            [
                new Prestatie(new ProductReferentie("P-0003", null), 22222, "54", "54001", new GeslotenPeriode(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31)),
                    176250, "83", null, new BedragMetDc(176250, "D")),
            ]),
        ]));

    public static DeclaratieAntwoordbericht Jw325() => new(
        Heen(Berichtsoort.JW325, Gemeente, Aanbieder, "DA-0001") with
        {
            DeclaratieIdentificatie = new BerichtIdentificatie("DEC-0001", Dag),
            XsltVersie = "1.0.0",
            XsdVersieDeclaratie = XsdVersie.Huidig,
            RetourCodes = ["0200"],
        },
        new DeclaratieAntwoord("D202703", new BedragMetDc(201250, "D"), new BedragMetDc(213750, "D"),
        [
            new DeclaratieClient(GeldigBsn,
            [
                new Prestatie(new ProductReferentie("P-0002", "P-0000"), 12345, "45", "45F11", new GeslotenPeriode(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28)),
                    100, "01", 125, new BedragMetDc(12500, "C"), ["8017"]),
            ], ["0200"]),
        ], ["0200"]));
}

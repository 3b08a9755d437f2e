using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Lezen;

/// <summary>
/// Turns a schema-valid <see cref="Elementboom"/> into the typed records. Runs only after the schema pass
/// found no error, so every required element is there and every value parses.
/// </summary>
internal static class Berichtmapping
{
    public static IjwBericht Map(Berichtsoort soort, Elementboom b)
    {
        const int root = 0;
        var header = Header(b, b.Kind(root, "Header"));
        return soort switch
        {
            Berichtsoort.JW301 or Berichtsoort.JW302 => new Toewijzingbericht(soort, header, Opt(b, b.Kind(root, "Client"), ToewijzingClient)),
            Berichtsoort.JW305 or Berichtsoort.JW306 => new StartBericht(soort, header, Opt(b, b.Kind(root, "Client"), StartClient)),
            Berichtsoort.JW307 or Berichtsoort.JW308 => new StopBericht(soort, header, Opt(b, b.Kind(root, "Client"), StopClient)),
            Berichtsoort.JW315 or Berichtsoort.JW316 => new VerzoekOmToewijzingBericht(soort, header, Opt(b, b.Kind(root, "Client"), VotClient)),
            Berichtsoort.JW317 or Berichtsoort.JW318 => new VerzoekOmWijzigingBericht(soort, header, Opt(b, b.Kind(root, "Client"), VowClient)),
            Berichtsoort.JW319 or Berichtsoort.JW320 => new Antwoordbericht(soort, header, Opt(b, b.Kind(root, "Antwoord"), Antwoord)),
            Berichtsoort.JW323 => new Declaratiebericht(header, Declaratie(b, b.Kind(root, "Declaratie"))),
            Berichtsoort.JW325 => new DeclaratieAntwoordbericht(header, Opt(b, b.Kind(root, "DeclaratieAntwoord"), DeclaratieAntwoord)),
            _ => throw new ArgumentOutOfRangeException(nameof(soort)),
        };
    }

    private static T? Opt<T>(Elementboom b, int k, Func<Elementboom, int, T> lees)
        where T : class => k < 0 ? null : lees(b, k);

    private static List<string>? Codes(Elementboom b, int k) =>
        b.Kind(k, "RetourCodes") < 0 ? null : b.Lijst(k, "RetourCodes", "RetourCode", b.TekstVan);

    private static Header Header(Elementboom b, int h) => new(
        b.TekstVerplicht(h, "BerichtCode"),
        b.GetalVerplicht(h, "BerichtVersie"),
        b.GetalVerplicht(h, "BerichtSubversie"),
        b.TekstVerplicht(h, "Afzender"),
        b.TekstVerplicht(h, "Ontvanger"),
        BerichtIdentificatie(b, b.Kind(h, "BerichtIdentificatie"))!,
        XsdVersie(b, b.Kind(h, "XsdVersie"))!)
    {
        IdentificatieRetour = b.Tekst(h, "IdentificatieRetour"),
        DagtekeningRetour = b.Datum(h, "DagtekeningRetour"),
        DeclaratieIdentificatie = BerichtIdentificatie(b, b.Kind(h, "DeclaratieIdentificatie")),
        XsltVersie = b.Tekst(h, "XsltVersie"),
        XsdVersieRetour = XsdVersie(b, b.Kind(h, "XsdVersieRetour")),
        XsdVersieDeclaratie = XsdVersie(b, b.Kind(h, "XsdVersieDeclaratie")),
        RetourCodes = Codes(b, h),
    };

    private static BerichtIdentificatie? BerichtIdentificatie(Elementboom b, int k) =>
        k < 0 ? null : new(b.TekstVerplicht(k, "Identificatie"), b.DatumVerplicht(k, "Dagtekening"));

    private static XsdVersie? XsdVersie(Elementboom b, int k) =>
        k < 0 ? null : new(b.TekstVerplicht(k, "BasisschemaXsdVersie"), b.TekstVerplicht(k, "BerichtXsdVersie"));

    private static Product? Product(Elementboom b, int k) =>
        k < 0 ? null : new(b.TekstVerplicht(k, "Categorie"), b.Tekst(k, "Code"));

    private static Omvang? Omvang(Elementboom b, int k) =>
        k < 0 ? null : new(b.GetalVerplicht(k, "Volume"), b.TekstVerplicht(k, "Eenheid"), b.TekstVerplicht(k, "Frequentie"));

    private static Geboortedatum? Geboortedatum(Elementboom b, int k) =>
        k < 0 ? null : new(b.DatumVerplicht(k, "Datum"), b.Tekst(k, "DatumGebruik"));

    private static Achternaam? Achternaam(Elementboom b, int k) =>
        k < 0 ? null : new(b.TekstVerplicht(k, "Achternaam"), b.Tekst(k, "Voorvoegsel"));

    private static VerkorteNaam VerkorteNaam(Elementboom b, int k) =>
        new(Achternaam(b, b.Kind(k, "Geslachtsnaam"))!, b.Tekst(k, "Voornamen"), b.Tekst(k, "Voorletters"));

    private static VolledigeNaam VolledigeNaam(Elementboom b, int k) =>
        new(Achternaam(b, b.Kind(k, "Geslachtsnaam"))!, Achternaam(b, b.Kind(k, "Partnernaam")), b.Tekst(k, "Voornamen"), b.Tekst(k, "Voorletters"), b.TekstVerplicht(k, "NaamGebruik"));

    private static GeslotenPeriode GeslotenPeriode(Elementboom b, int k) =>
        new(b.DatumVerplicht(k, "Begindatum"), b.DatumVerplicht(k, "Einddatum"));

    private static BedragMetDc Bedrag(Elementboom b, int k, string bedrag) =>
        new(b.GetalVerplicht(k, bedrag), b.TekstVerplicht(k, "DebetCredit"));

    // JW301 / JW302
    private static ToewijzingClient ToewijzingClient(Elementboom b, int c) => new(
        b.TekstVerplicht(c, "Bsn"),
        Geboortedatum(b, b.Kind(c, "Geboortedatum"))!,
        b.TekstVerplicht(c, "Geslacht"),
        VolledigeNaam(b, b.Kind(c, "Naam")),
        b.Kind(c, "Communicatie") is var k and >= 0 ? new Communicatie(b.TekstVerplicht(k, "Vorm"), b.Tekst(k, "Taal")) : null,
        b.Tekst(c, "JuridischeStatus"),
        b.Tekst(c, "WettelijkeVertegenwoordiging"),
        b.Tekst(c, "Commentaar"),
        b.Lijst(c, "Relaties", "Relatie", r => Relatie(b, r)),
        b.Lijst(c, "Contactgegevens", "Contact", r => Contact(b, r)),
        b.Lijst(c, "ToegewezenProducten", "ToegewezenProduct", r => ToegewezenProduct(b, r)),
        Codes(b, c));

    private static Relatie Relatie(Elementboom b, int r) => new(
        b.TekstVerplicht(r, "Nummer"),
        b.Getal(r, "Volgorde"),
        b.TekstVerplicht(r, "Soort"),
        Geboortedatum(b, b.Kind(r, "Geboortedatum")),
        b.Tekst(r, "Geslacht"),
        VolledigeNaam(b, b.Kind(r, "Naam")),
        Contact(b, b.Kind(r, "Contact")),
        Codes(b, r));

    private static Contact Contact(Elementboom b, int c)
    {
        var a = b.Kind(c, "Adres");
        var h = b.Kind(a, "Huis");
        var t = b.Kind(c, "Telefoon");
        var p = b.Kind(c, "Periode");
        return new(
            b.TekstVerplicht(c, "Soort"),
            a < 0 ? null : new Adres(
                h < 0 ? null : new Huis(b.GetalVerplicht(h, "Huisnummer"), b.Tekst(h, "Huisletter"), b.Tekst(h, "HuisnummerToevoeging"), b.Tekst(h, "AanduidingWoonadres")),
                b.Tekst(a, "Postcode"), b.Tekst(a, "Straatnaam"), b.Tekst(a, "Plaatsnaam"), b.Tekst(a, "LandCode")),
            b.Tekst(c, "Organisatie"),
            t < 0 ? null : new Telefoonnummers(Telefoon(b, b.Kind(t, "Telefoon01"))!, Telefoon(b, b.Kind(t, "Telefoon02"))),
            b.Tekst(c, "Emailadres"),
            p < 0 ? null : new OpenPeriode(b.Datum(p, "Begindatum"), b.Datum(p, "Einddatum")),
            Codes(b, c));
    }

    private static Telefoon? Telefoon(Elementboom b, int k) =>
        k < 0 ? null : new(b.TekstVerplicht(k, "Telefoonnummer"), b.TekstVerplicht(k, "Landnummer"));

    private static ToegewezenProduct ToegewezenProduct(Elementboom b, int p) => new(
        b.GetalVerplicht(p, "ToewijzingNummer"),
        b.Tekst(p, "ReferentieAanbieder"),
        Product(b, b.Kind(p, "Product")),
        b.DatumVerplicht(p, "Toewijzingsdatum"),
        b.TijdVerplicht(p, "Toewijzingstijd"),
        b.DatumVerplicht(p, "Ingangsdatum"),
        b.Datum(p, "Einddatum"),
        b.Tekst(p, "RedenWijziging"),
        Omvang(b, b.Kind(p, "Omvang")),
        b.Getal(p, "Budget"),
        b.Tekst(p, "Commentaar"),
        Codes(b, p));

    // JW305 … JW308
    private static StartClient StartClient(Elementboom b, int c) => new(
        b.TekstVerplicht(c, "Bsn"),
        Geboortedatum(b, b.Kind(c, "Geboortedatum"))!,
        b.TekstVerplicht(c, "Geslacht"),
        VerkorteNaam(b, b.Kind(c, "Naam")),
        b.Lijst(c, "StartProducten", "StartProduct", p => new StartProduct(
            b.Getal(p, "ToewijzingNummer"),
            Product(b, b.Kind(p, "Product")),
            b.Datum(p, "ToewijzingIngangsdatum"),
            b.DatumVerplicht(p, "Begindatum"),
            b.TekstVerplicht(p, "StatusAanlevering"),
            Codes(b, p))),
        Codes(b, c));

    private static StopClient StopClient(Elementboom b, int c) => new(
        b.TekstVerplicht(c, "Bsn"),
        Geboortedatum(b, b.Kind(c, "Geboortedatum"))!,
        b.TekstVerplicht(c, "Geslacht"),
        VerkorteNaam(b, b.Kind(c, "Naam")),
        b.Lijst(c, "StopProducten", "StopProduct", p => new StopProduct(
            b.Getal(p, "ToewijzingNummer"),
            Product(b, b.Kind(p, "Product")),
            b.Datum(p, "ToewijzingIngangsdatum"),
            b.DatumVerplicht(p, "Begindatum"),
            b.TekstVerplicht(p, "RedenBeeindiging"),
            b.DatumVerplicht(p, "Einddatum"),
            b.TekstVerplicht(p, "StatusAanlevering"),
            Codes(b, p))),
        Codes(b, c));

    // JW315 / JW316
    private static VerzoekOmToewijzingClient VotClient(Elementboom b, int c) => new(
        b.TekstVerplicht(c, "Bsn"),
        Geboortedatum(b, b.Kind(c, "Geboortedatum"))!,
        b.TekstVerplicht(c, "Geslacht"),
        VerkorteNaam(b, b.Kind(c, "Naam")),
        b.Tekst(c, "GezagsdragerBekend"),
        b.Tekst(c, "Commentaar"),
        b.Lijst(c, "AangevraagdeProducten", "AangevraagdProduct", p =>
        {
            var v = b.Kind(p, "Verwijzer");
            return new AangevraagdProduct(
                b.TekstVerplicht(p, "ReferentieAanbieder"),
                b.Getal(p, "BeschikkingNummer"),
                Product(b, b.Kind(p, "Product")),
                b.Datum(p, "BeschikkingIngangsdatum"),
                b.DatumVerplicht(p, "ToewijzingIngangsdatum"),
                b.Datum(p, "ToewijzingEinddatum"),
                Omvang(b, b.Kind(p, "Omvang")),
                b.Getal(p, "Budget"),
                new Verwijzer(b.TekstVerplicht(v, "Type"), b.Tekst(v, "Naam"), b.Tekst(v, "ZorgverlenerCode")),
                b.Tekst(p, "Raamcontract"),
                b.Tekst(p, "Commentaar"),
                Codes(b, p));
        }),
        Codes(b, c));

    // JW317 / JW318
    private static VerzoekOmWijzigingClient VowClient(Elementboom b, int c)
    {
        var v = b.Kind(c, "Verzoek");
        return new(
            b.TekstVerplicht(c, "Bsn"),
            new Verzoek(
                b.TekstVerplicht(v, "ReferentieAanbieder"),
                b.TekstVerplicht(v, "RedenVerzoek"),
                b.Lijst(v, "OngewijzigdeProducten", "OngewijzigdProduct", p => new OngewijzigdProduct(b.GetalVerplicht(p, "ToewijzingNummer"), Codes(b, p))),
                b.Lijst(v, "TeWijzigenProducten", "TeWijzigenProduct", p => new TeWijzigenProduct(
                    b.GetalVerplicht(p, "ToewijzingNummer"),
                    b.DatumVerplicht(p, "GewensteIngangsdatum"),
                    b.Datum(p, "Einddatum"),
                    Omvang(b, b.Kind(p, "Omvang")),
                    b.Getal(p, "Budget"),
                    Codes(b, p))),
                b.Lijst(v, "NieuweProducten", "NieuwProduct", p => new NieuwProduct(
                    Product(b, b.Kind(p, "Product")),
                    b.DatumVerplicht(p, "GewensteIngangsdatum"),
                    b.Datum(p, "Einddatum"),
                    Omvang(b, b.Kind(p, "Omvang")),
                    b.Getal(p, "Budget"),
                    Codes(b, p))),
                Codes(b, v)),
            Codes(b, c));
    }

    // JW319 / JW320
    private static Antwoord Antwoord(Elementboom b, int a)
    {
        var w = b.Kind(a, "Woonplaatsbeginsel");
        return new(
            b.TekstVerplicht(a, "ReferentieAanbieder"),
            b.TekstVerplicht(a, "VerzoekAntwoord"),
            b.Tekst(a, "RedenAfwijzingVerzoek"),
            w < 0 ? null : new Woonplaatsbeginsel(b.TekstVerplicht(w, "Gemeente"), Codes(b, w)),
            Codes(b, a));
    }

    // JW323 / JW325
    private static Declaratie Declaratie(Elementboom b, int d) => new(
        b.TekstVerplicht(d, "DeclaratieNummer"),
        GeslotenPeriode(b, b.Kind(d, "DeclaratiePeriode")),
        b.DatumVerplicht(d, "DeclaratieDagtekening"),
        Bedrag(b, b.Kind(d, "TotaalIngediendBedrag"), "TotaalBedrag"),
        b.Lijst(d, "Clienten", "Client", c => DeclaratieClient(b, c)));

    private static DeclaratieAntwoord DeclaratieAntwoord(Elementboom b, int d) => new(
        b.TekstVerplicht(d, "DeclaratieNummer"),
        Bedrag(b, b.Kind(d, "TotaalIngediendBedrag"), "TotaalBedrag"),
        Bedrag(b, b.Kind(d, "TotaalToegekendBedrag"), "TotaalBedrag"),
        b.Lijst(d, "Clienten", "Client", c => DeclaratieClient(b, c)),
        Codes(b, d) ?? []);

    private static DeclaratieClient DeclaratieClient(Elementboom b, int c) => new(
        b.TekstVerplicht(c, "Bsn"),
        b.Lijst(c, "Prestaties", "Prestatie", p =>
        {
            var r = b.Kind(p, "ProductReferentie");
            return new Prestatie(
                new ProductReferentie(b.TekstVerplicht(r, "ReferentieNummer"), b.Tekst(r, "VorigReferentieNummer")),
                b.GetalVerplicht(p, "ToewijzingNummer"),
                b.TekstVerplicht(p, "ProductCategorie"),
                b.TekstVerplicht(p, "ProductCode"),
                GeslotenPeriode(b, b.Kind(p, "ProductPeriode")),
                b.GetalVerplicht(p, "GeleverdVolume"),
                b.TekstVerplicht(p, "Eenheid"),
                b.Getal(p, "ProductTarief"),
                Bedrag(b, b.Kind(p, "IngediendBedrag"), "Bedrag"),
                Codes(b, p));
        }),
        Codes(b, c));
}

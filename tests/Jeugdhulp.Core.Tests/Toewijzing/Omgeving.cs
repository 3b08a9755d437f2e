using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using static Jeugdhulp.Core.Tests.Toewijzing.FlevolandRegels;

namespace Jeugdhulp.Core.Tests.Toewijzing;

/// <summary>A clock that stands still, in UTC, so Toewijzingsdatum/-tijd are predictable.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset nu) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => nu;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>
/// The residents, contracts, clock and request builders shared by the engine tests. Almere is the default
/// municipality; requests start on 2027-04-01 and run 12 months unless a test says otherwise.
/// </summary>
internal static class Omgeving
{
    public static readonly DateTimeOffset Nu = new(2027, 3, 8, 10, 15, 30, TimeSpan.Zero);
    public static readonly DateOnly Vandaag = new(2027, 3, 8);
    public static readonly DateOnly Ingang = new(2027, 4, 1);
    public static readonly DateOnly Einde = new(2028, 3, 31);
    public const int VolgendNummer = 5000;

    public static readonly AgbCode Aanbieder = AgbCode.Parse("12345678").Waarde;
    public static readonly AgbCode AndereAanbieder = AgbCode.Parse("87654321").Waarde;

    public static readonly Bsn Kind = B("100023757");          // 2015, Almere, household H1
    public static readonly Bsn JongsteKind = B("100039595");   // 2019, Almere, H1
    public static readonly Bsn Ouder = B("100126704");         // 1985, Almere, H1
    public static readonly Bsn Achttienjarige = B("100174218"); // 18 since 2026-06-01, Almere, H2
    public static readonly Bsn BroerVanAchttienjarige = B("100372193"); // 2012, H2
    public static readonly Bsn Jeugdreclassant = B("100419707"); // 19, jeugdreclassering, H3
    public static readonly Bsn ZeewoldeKind = B("100475140");  // lives in Zeewolde
    public static readonly Bsn NopKind = B("100601844");       // Noordoostpolder, H4
    public static readonly Bsn LelystadKind = B("100617682");  // Lelystad, H5
    public static readonly Bsn Bijna18 = B("100665196");       // 18 on 2027-09-01, Almere, H6
    public static readonly Bsn Onbekend = B("100752305");      // not in the register
    public static readonly Bsn Alleenstaande = B("100768143"); // adult without children, Almere, H7

    public static IReadOnlyList<Inwoner> Register { get; } =
    [
        new(Kind, Almere, new DateOnly(2015, 5, 1), "H1", false),
        new(JongsteKind, Almere, new DateOnly(2019, 2, 1), "H1", false),
        new(Ouder, Almere, new DateOnly(1985, 1, 1), "H1", false),
        new(Achttienjarige, Almere, new DateOnly(2008, 6, 1), "H2", false),
        new(BroerVanAchttienjarige, Almere, new DateOnly(2012, 1, 1), "H2", false),
        new(Jeugdreclassant, Almere, new DateOnly(2008, 1, 1), "H3", true),
        new(ZeewoldeKind, Zeewolde, new DateOnly(2015, 1, 1), "H9", false),
        new(NopKind, Noordoostpolder, new DateOnly(2014, 1, 1), "H4", false),
        new(LelystadKind, Lelystad, new DateOnly(2014, 1, 1), "H5", false),
        new(Bijna18, Almere, new DateOnly(2009, 9, 1), "H6", false),
        new(Alleenstaande, Almere, new DateOnly(1990, 1, 1), "H7", false),
    ];

    /// <summary>The provider holds a contract for every catalogue product in every municipality of the region.</summary>
    public static IReadOnlyList<Contract> AlleContracten { get; } =
    [
        .. from g in new[] { Almere, Dronten, Lelystad, Noordoostpolder, Urk }
           from p in Catalogus.Producten
           select new Contract(g, Aanbieder, p.Code, Periode.Vanaf(Begin), 7000),
    ];

    public static Beoordelingsbronnen Bronnen(Regelcatalogus? catalogus = null, IEnumerable<Contract>? contracten = null) =>
        new(catalogus ?? Catalogus, contracten ?? AlleContracten, new Inwonersregister(Register), new FakeTimeProvider(Nu));

    public static Bsn B(string bsn) => Bsn.Parse(bsn).Waarde;

    public static Verwijzer Verwijzer(VerwijzerType type) =>
        type == VerwijzerType.Zelfverwijzer || type == VerwijzerType.Gemeente ? new(type, null, null) : new(type, "Dr. Jansen", "01234567");

    public static Omvang Minuten(int minuten) => new(minuten, Omvang.Minuut, Omvang.Totaal);

    public static AangevraagdProduct Aanvraag(
        string product, int minuten = 3000, DateOnly? ingang = null, DateOnly? einde = null,
        VerwijzerType verwijzer = VerwijzerType.Huisarts, string referentie = "REF-1", Omvang? omvang = null, DateOnly? verwijsdatum = null)
    {
        var catalogus = Catalogus.OpDatum(ingang ?? Ingang).Product(P(product));
        return new(referentie, P(product), catalogus?.Categorie ?? "45", ingang ?? Ingang, einde ?? Einde, omvang ?? Minuten(minuten),
            null, Verwijzer(verwijzer), verwijsdatum);
    }

    public static AangevraagdProduct Dummyaanvraag(string product, string referentie = "REF-D") =>
        Aanvraag(product, verwijzer: VerwijzerType.Zelfverwijzer, referentie: referentie, omvang: new Omvang(1, "84", Omvang.Totaal));

    public static VerzoekOmToewijzing Jw315(Bsn client, params AangevraagdProduct[] producten) =>
        Jw315(client, Almere, producten);

    public static VerzoekOmToewijzing Jw315(Bsn client, Gemeentecode gemeente, params AangevraagdProduct[] producten)
    {
        var geboren = Register.FirstOrDefault(i => i.Bsn == client)?.Geboortedatum ?? new DateOnly(2015, 1, 1);
        return new(Aanbieder, gemeente, client, geboren, Vandaag, Vandaag, producten);
    }

    public static VastgelegdeToewijzing Tw(
        int nummer, Bsn client, string product, DateOnly? ingang = null, DateOnly? einde = null, int minuten = 3000,
        VerwijzerType herkomst = VerwijzerType.Huisarts, AgbCode? aanbieder = null, int keerVerschoven = 0, Omvang? omvang = null)
    {
        var p = Catalogus.OpDatum(ingang ?? Ingang).Product(P(product));
        return new(nummer, client, aanbieder ?? Aanbieder, P(product), p?.Categorie ?? "45", ingang ?? Ingang, einde ?? Einde,
            omvang ?? (p?.Eenheid == "84" ? new Omvang(1, "84", Omvang.Totaal) : Minuten(minuten)), null,
            new DateOnly(2027, 1, 5), new TimeOnly(9, 0), $"REF-{nummer}", herkomst, keerVerschoven);
    }

    public static Clienttoestand Toestand(params VastgelegdeToewijzing[] eigen) => new(eigen, [], []);

    public static Clienttoestand Toestand(IEnumerable<VastgelegdeToewijzing> eigen, IEnumerable<VastgelegdeToewijzing> huishouden) =>
        new([.. eigen], [.. huishouden], []);

    /// <summary>
    /// A client who had Diagnostiek (ended more than 4 months before <see cref="Ingang"/>, so a new request is
    /// no relapse), so HK-315-11 does not send Multi requests to review.
    /// </summary>
    public static Clienttoestand MetDiagnostiek(Bsn client, params VastgelegdeToewijzing[] meer) =>
        Toestand([Tw(10, client, "45F11", new DateOnly(2026, 6, 1), new DateOnly(2026, 11, 30), 1800), .. meer]);

    public static Besluit Besluit315(VerzoekOmToewijzing verzoek, Clienttoestand? toestand = null, Beoordelingsbronnen? bronnen = null) =>
        new VerzoekOmToewijzingBeoordelen(bronnen ?? Bronnen()).Beoordeel(verzoek, toestand ?? Clienttoestand.Leeg, VolgendNummer).Besluiten.Single();

    public static VerzoekOmWijziging Jw317(
        Bsn client, IEnumerable<int>? ongewijzigd = null, IEnumerable<TeWijzigenProduct>? teWijzigen = null,
        IEnumerable<NieuwProduct>? nieuw = null, DateOnly? ontvangst = null) =>
        new(Aanbieder, Almere, client, ontvangst ?? Vandaag, ontvangst ?? Vandaag, "VOW-1", "2",
            [.. ongewijzigd ?? []], [.. teWijzigen ?? []], [.. nieuw ?? []]);

    public static NieuwProduct Nieuw(string product, int minuten, DateOnly ingang, DateOnly? einde) =>
        new(P(product), Catalogus.OpDatum(ingang).Product(P(product))?.Categorie ?? "45", ingang, einde, Minuten(minuten));

    public static Besluit Besluit317(VerzoekOmWijziging verzoek, Clienttoestand toestand, Beoordelingsbronnen? bronnen = null) =>
        new VerzoekOmWijzigingBeoordelen(bronnen ?? Bronnen()).Beoordeel(verzoek, toestand, VolgendNummer);

    /// <summary>The finding that decided a non-approved outcome.</summary>
    public static Bevinding Beslissend(Besluit besluit) =>
        besluit.Uitkomst == Uitkomst.Afgewezen
            ? besluit.Bevindingen.First(b => b.Uitkomst == Uitkomst.Afgewezen)
            : besluit.Bevindingen.First(b => b.Uitkomst == Uitkomst.Beoordelen);

    public static void AssertToegekend(Besluit besluit) =>
        Assert.True(besluit.Uitkomst == Uitkomst.Toegekend, "Verwacht toegekend, maar:\n" + besluit.Toelichting);

    public static void AssertAfgewezen(Besluit besluit, RedenAfwijzing reden, string regelId)
    {
        Assert.True(besluit.Uitkomst == Uitkomst.Afgewezen, $"Verwacht afgewezen op {regelId}, maar:\n" + besluit.Toelichting);
        Assert.Equal(reden, besluit.Reden);
        Assert.Equal(regelId, Beslissend(besluit).RegelId);
        Assert.Empty(besluit.Toewijzingen);
    }

    public static void AssertBeoordelen(Besluit besluit, string regelId)
    {
        Assert.True(besluit.Uitkomst == Uitkomst.Beoordelen, $"Verwacht beoordelen op {regelId}, maar:\n" + besluit.Toelichting);
        Assert.Null(besluit.Reden);
        Assert.Contains(besluit.Bevindingen, b => b.RegelId == regelId && b.Uitkomst == Uitkomst.Beoordelen);
        Assert.Empty(besluit.Toewijzingen);
    }
}

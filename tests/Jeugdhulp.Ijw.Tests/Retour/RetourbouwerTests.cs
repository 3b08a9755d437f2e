using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Ijw.Retour;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;

namespace Jeugdhulp.Ijw.Tests.Retour;

public class RetourbouwerTests
{
    private static readonly Retourgegevens Gegevens = new("RET-0001", new DateOnly(2027, 3, 3), "1.0.0");

    public static TheoryData<Berichtsoort> Heenberichten() =>
        [Berichtsoort.JW301, Berichtsoort.JW305, Berichtsoort.JW307, Berichtsoort.JW315, Berichtsoort.JW317, Berichtsoort.JW319];

    [Theory]
    [MemberData(nameof(Heenberichten))]
    public void Fout_op_XSLT_niveau_geeft_alleen_een_header_met_0001_en_XsltVersie(Berichtsoort soort)
    {
        var heen = Voorbeelden.Van(soort);

        var retour = Retourbouwer.Technisch(heen, Gegevens);

        Assert.Equal(soort.Retoursoort(), retour.Soort);
        Assert.Equal(["0001"], retour.Header.RetourCodes);
        Assert.Equal("1.0.0", retour.Header.XsltVersie);
        Assert.Equal(soort.Retoursoort()!.Value.BerichtCode(), retour.Header.BerichtCode);
        Assert.Equal(heen.Header.Afzender, retour.Header.Afzender);
        Assert.Equal(heen.Header.Ontvanger, retour.Header.Ontvanger);
        Assert.Equal(heen.Header.BerichtIdentificatie, retour.Header.BerichtIdentificatie);
        Assert.Equal(1, Klassen(retour));
        Assert.Empty(XsdValidatie.Fouten(IjwSchrijver.Schrijf(retour)));
    }

    [Theory]
    [MemberData(nameof(Heenberichten))]
    public void Zonder_fouten_is_de_retour_alleen_een_header_met_0200(Berichtsoort soort)
    {
        var retour = Retourbouwer.Bouw(Voorbeelden.Van(soort), Gegevens, new Klassecodes());

        Assert.Equal(["0200"], retour.Header.RetourCodes);
        Assert.Equal(1, Klassen(retour));
        Assert.Empty(XsdValidatie.Fouten(IjwSchrijver.Schrijf(retour)));
    }

    [Theory]
    [MemberData(nameof(Heenberichten))]
    public void Met_een_fout_krijgt_elke_klasse_een_code_en_is_de_retour_geldig(Berichtsoort soort)
    {
        var heen = Voorbeelden.Van(soort);
        var paden = Retourbouwer.Klassepaden(heen).ToList();
        var fout = paden[^1];
        var codes = new Klassecodes().Zet(fout, "9019");

        var retour = Retourbouwer.Bouw(heen, Gegevens, codes);

        Assert.Equal(paden, Retourbouwer.Klassepaden(retour));
        Assert.Equal(paden.Count, Klassen(retour));
        Assert.Empty(XsdValidatie.Fouten(IjwSchrijver.Schrijf(retour)));
        var xml = IjwSchrijver.SchrijfTekst(retour);
        Assert.Contains("<RetourCode>9019</RetourCode>", xml, StringComparison.Ordinal);
        Assert.Equal(paden.Count - 1, CountOf(xml, "<RetourCode>0200</RetourCode>"));
    }

    [Fact]
    public void Niet_beoordeelde_klassen_krijgen_0233()
    {
        var heen = Voorbeelden.Jw315();
        const string p1 = "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]";
        const string p2 = "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]";
        var codes = new Klassecodes().Zet("/Bericht/Client", "9374").NietBeoordeeld(p1).NietBeoordeeld(p2);

        var retour = Assert.IsType<VerzoekOmToewijzingBericht>(Retourbouwer.Bouw(heen, Gegevens, codes));

        Assert.Equal(["9374"], retour.Client!.RetourCodes);
        Assert.All(retour.Client.AangevraagdeProducten, p => Assert.Equal(["0233"], p.RetourCodes));
    }

    [Fact]
    public void Code_voor_een_klasse_die_het_bericht_niet_heeft_is_een_fout_van_de_aanroeper()
    {
        var codes = new Klassecodes().Zet("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[9]", "9019");

        Assert.Throws<ArgumentException>(() => Retourbouwer.Bouw(Voorbeelden.Jw315(), Gegevens, codes));
    }

    [Fact]
    public void Per_heenbericht_precies_een_retour_volgens_het_controleniveau()
    {
        var geldig = new Validatie(Voorbeelden.Jw315(), [], Controleniveau.Geldig);
        var xslt = new Validatie(Voorbeelden.Jw315(), [new("CS002", "x", "/Bericht/Client/Bsn")], Controleniveau.Bericht);
        var xsd = new Validatie(null, [new("XSD-PATROON", "x", "/Bericht/Client/Bsn")], Controleniveau.Schema);

        Assert.Equal(["0200"], Retourbouwer.VoorValidatie(geldig, Gegevens)!.Header.RetourCodes);
        Assert.Equal(["0001"], Retourbouwer.VoorValidatie(xslt, Gegevens)!.Header.RetourCodes);
        Assert.Null(Retourbouwer.VoorValidatie(xsd, Gegevens));
    }

    /// <summary>The number of classes in a retour that carry RetourCodes (header included).</summary>
    private static int Klassen(IjwBericht b) => CountOf(IjwSchrijver.SchrijfTekst(b), "<RetourCodes>");

    private static int CountOf(string tekst, string deel)
    {
        var n = 0;
        for (var i = tekst.IndexOf(deel, StringComparison.Ordinal); i >= 0; i = tekst.IndexOf(deel, i + 1, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}

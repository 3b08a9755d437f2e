using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Retour;
using Jeugdhulp.Ijw.Schrijven;

namespace Jeugdhulp.Ijw.Tests.Retour;

public class DeclaratieantwoordbouwerTests
{
    private static readonly Retourgegevens Gegevens = new("DA-0002", new DateOnly(2027, 4, 10), "1.0.0");

    // The example JW323: client 1 has P-0001 (37500 D) and P-0002 (12500 C), client 2 has P-0003 (176250 D); total 201250 D.
    private static readonly Declaratiebericht Jw323 = Voorbeelden.Jw323();

    [Fact]
    public void Volledig_toegekend_geeft_8001_en_toegekend_gelijk_aan_ingediend()
    {
        var jw325 = Declaratieantwoordbouwer.Bouw(Jw323, Gegevens, new Declaratiebeoordeling());

        Assert.Equal(["0200"], jw325.Header.RetourCodes);
        var a = jw325.DeclaratieAntwoord!;
        Assert.Equal(["8001"], a.RetourCodes);
        Assert.Empty(a.Clienten);
        Assert.Equal(Jw323.Declaratie.TotaalIngediendBedrag, a.TotaalToegekendBedrag);
        Assert.Empty(XsdValidatie.Fouten(IjwSchrijver.Schrijf(jw325)));
    }

    [Fact]
    public void Afgewezen_prestatie_komt_terug_met_code_en_toegekende_blijven_weg()
    {
        var jw325 = Declaratieantwoordbouwer.Bouw(Jw323, Gegevens, new Declaratiebeoordeling().WijsPrestatieAf("P-0003", "9338").WijsPrestatieAf("P-0003", "9321"));

        var a = jw325.DeclaratieAntwoord!;
        Assert.Equal(["0200"], a.RetourCodes);
        var client = Assert.Single(a.Clienten);
        Assert.Equal(Voorbeelden.AnderGeldigBsn, client.Bsn);
        Assert.Equal(["0200"], client.RetourCodes);
        var p = Assert.Single(client.Prestaties);
        Assert.Equal("P-0003", p.ProductReferentie.ReferentieNummer);
        Assert.Equal(["9338", "9321"], p.RetourCodes);
        // TR342: toegekend = ingediend minus the rejected 176250 D = 37500 D - 12500 C.
        Assert.Equal(new BedragMetDc(25000, "D"), a.TotaalToegekendBedrag);
        Assert.Empty(XsdValidatie.Fouten(IjwSchrijver.Schrijf(jw325)));
    }

    [Fact]
    public void Afgewezen_credit_verhoogt_het_toegekende_bedrag()
    {
        var a = Declaratieantwoordbouwer.Bouw(Jw323, Gegevens, new Declaratiebeoordeling().WijsPrestatieAf("P-0002", "8017")).DeclaratieAntwoord!;

        Assert.Equal(new BedragMetDc(213750, "D"), a.TotaalToegekendBedrag);
    }

    [Fact]
    public void Afgewezen_client_krijgt_de_code_en_zijn_prestaties_0233()
    {
        var jw325 = Declaratieantwoordbouwer.Bouw(Jw323, Gegevens, new Declaratiebeoordeling().WijsClientAf(Voorbeelden.GeldigBsn, "8187"));

        var client = Assert.Single(jw325.DeclaratieAntwoord!.Clienten);
        Assert.Equal(["8187"], client.RetourCodes);
        Assert.Equal(2, client.Prestaties.Count);
        Assert.All(client.Prestaties, p => Assert.Equal(["0233"], p.RetourCodes));
        Assert.Equal(new BedragMetDc(176250, "D"), jw325.DeclaratieAntwoord.TotaalToegekendBedrag);
        Assert.Empty(XsdValidatie.Fouten(IjwSchrijver.Schrijf(jw325)));
    }

    [Fact]
    public void Fout_op_de_declaratie_geeft_de_code_en_toegekend_nul()
    {
        var beoordeling = new Declaratiebeoordeling();
        beoordeling.DeclaratieCodes.Add("9333");

        var jw325 = Declaratieantwoordbouwer.Bouw(Jw323, Gegevens, beoordeling);

        Assert.Equal(["9333"], jw325.DeclaratieAntwoord!.RetourCodes);
        Assert.Equal(new BedragMetDc(0, "D"), jw325.DeclaratieAntwoord.TotaalToegekendBedrag);
        Assert.Empty(XsdValidatie.Fouten(IjwSchrijver.Schrijf(jw325)));
    }

    [Fact]
    public void Alles_afgewezen_geeft_toegekend_nul_debet()
    {
        var b = new Declaratiebeoordeling().WijsPrestatieAf("P-0001", "9338").WijsPrestatieAf("P-0002", "9338").WijsPrestatieAf("P-0003", "9338");

        var a = Declaratieantwoordbouwer.Bouw(Jw323, Gegevens, b).DeclaratieAntwoord!;

        Assert.Equal(new BedragMetDc(0, "D"), a.TotaalToegekendBedrag);
        Assert.Equal(3, a.Clienten.Sum(c => c.Prestaties.Count));
    }

    [Fact]
    public void Technische_afkeur_geeft_alleen_een_header_met_0001()
    {
        var jw325 = Declaratieantwoordbouwer.Technisch(Jw323, Gegevens);

        Assert.Equal(["0001"], jw325.Header.RetourCodes);
        Assert.Null(jw325.DeclaratieAntwoord);
        Assert.Equal(Jw323.Header.BerichtIdentificatie, jw325.Header.DeclaratieIdentificatie);
        Assert.Equal(Jw323.Header.Ontvanger, jw325.Header.Afzender);
        Assert.Empty(XsdValidatie.Fouten(IjwSchrijver.Schrijf(jw325)));
    }

    [Fact]
    public void Beoordeling_van_een_onbekende_prestatie_is_een_fout_van_de_aanroeper()
    {
        Assert.Throws<ArgumentException>(() => Declaratieantwoordbouwer.Bouw(Jw323, Gegevens, new Declaratiebeoordeling().WijsPrestatieAf("P-9999", "9338")));
    }

    [Fact]
    public void Codes_per_plaats_wijzen_bij_een_dubbel_referentienummer_alleen_die_prestatie_af()
    {
        // P-0001 twice for client 1 (TR314): the second occurrence is refused with 8021, the first approved.
        var c1 = Jw323.Declaratie.Clienten[0];
        var dubbel = Jw323 with
        {
            Declaratie = Jw323.Declaratie with
            {
                Clienten = [c1 with { Prestaties = [c1.Prestaties[0], c1.Prestaties[1], c1.Prestaties[0]] }, Jw323.Declaratie.Clienten[1]],
                TotaalIngediendBedrag = new BedragMetDc(238750, "D"),
            },
        };

        var jw325 = Declaratieantwoordbouwer.Bouw(dubbel, Gegevens, new Declaratiebeoordeling().WijsPrestatieAf(0, 2, "8021"));

        var client = Assert.Single(jw325.DeclaratieAntwoord!.Clienten);
        var p = Assert.Single(client.Prestaties);
        Assert.Equal(["8021"], p.RetourCodes);
        Assert.Equal(new BedragMetDc(201250, "D"), jw325.DeclaratieAntwoord.TotaalToegekendBedrag);
        Assert.Empty(XsdValidatie.Fouten(IjwSchrijver.Schrijf(jw325)));
    }

    [Fact]
    public void Een_plaats_buiten_de_declaratie_is_een_fout_van_de_aanroeper()
    {
        Assert.Throws<ArgumentException>(() => Declaratieantwoordbouwer.Bouw(Jw323, Gegevens, new Declaratiebeoordeling().WijsPrestatieAf(1, 1, "9338")));
    }
}

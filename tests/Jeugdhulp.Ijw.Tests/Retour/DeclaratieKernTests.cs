using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Ijw.Retour;

namespace Jeugdhulp.Ijw.Tests.Retour;

public class DeclaratieKernTests
{
    [Fact]
    public void Invoer_bevat_elke_prestatie_met_zijn_plaats_en_het_teken_apart()
    {
        var jw323 = Voorbeelden.Jw323();

        var invoer = DeclaratieKern.NaarInvoer(jw323);

        Assert.Equal(jw323.Header.Ontvanger, invoer.Gemeente);
        Assert.Equal(jw323.Header.Afzender, invoer.Aanbieder);
        Assert.Equal("D202703", invoer.DeclaratieNummer);
        Assert.Equal(3, invoer.Prestaties.Count);
        var credit = invoer.Prestaties[1];
        Assert.Equal((0, 1), (credit.Client, credit.Positie));
        Assert.True(credit.IsCredit);
        Assert.Equal(12500, credit.Bedrag);
        Assert.Equal(-12500, credit.Saldo);
        Assert.Equal("P-0000", credit.VorigReferentieNummer);
        var derde = invoer.Prestaties[2];
        Assert.Equal((1, 0), (derde.Client, derde.Positie));
        Assert.Equal(Voorbeelden.AnderGeldigBsn, derde.Bsn);
        Assert.Null(derde.Tarief);
    }

    [Fact]
    public void Beoordeling_draagt_de_codes_per_plaats_en_de_declaratiecodes_over()
    {
        var invoer = DeclaratieKern.NaarInvoer(Voorbeelden.Jw323());
        var oordeel = new Declaratieoordeel([], [
            new Prestatieoordeel(invoer.Prestaties[0], []),
            new Prestatieoordeel(invoer.Prestaties[1], [new Afkeur("8017", "TR323", "geen-debet", [("vorig", "x")]), new Afkeur("9307", "TR307", "begin-buiten-toewijzing", [])]),
            new Prestatieoordeel(invoer.Prestaties[2], []),
        ], [], 213750);

        var b = DeclaratieKern.NaarBeoordeling(oordeel);
        var afgewezen = DeclaratieKern.NaarBeoordeling(new Declaratieoordeel([new Afkeur("9333", "TR333", "nummer-niet-uniek", [("nummer", "z")])], [], [], 0));

        Assert.Equal(["8017", "9307"], b.PrestatieCodesOpPlaats[(0, 1)]);
        Assert.Single(b.PrestatieCodesOpPlaats);
        Assert.Empty(b.DeclaratieCodes);
        Assert.Equal(["9333"], afgewezen.DeclaratieCodes);
    }
}

using ClosedXML.Excel;

namespace Jeugdhulp.Store.Watals;

/// <summary>The what-if report as an Excel workbook: a sheet per rule/municipality/provider/product and a sheet of every change.</summary>
public static class WatalsExcel
{
    /// <summary>Writes <paramref name="verslag"/> as .xlsx bytes.</summary>
    public static byte[] Schrijf(Watalsverslag verslag)
    {
        ArgumentNullException.ThrowIfNull(verslag);
        using var boek = new XLWorkbook();
        var samenvatting = boek.Worksheets.Add("Samenvatting");
        var regels = verslag.Samenvatting().Split('\n');
        for (var i = 0; i < regels.Length; i++)
        {
            // Text cells: a line is never read as a formula or a number.
            samenvatting.Cell(i + 1, 1).SetValue(regels[i]);
        }

        var groepen = boek.Worksheets.Add("Per regel");
        Kop(groepen, "regel", "gemeente", "aanbieder", "product", "naar toegekend", "naar beoordelen", "naar afgewezen", "minuten", "euro",
            "declaratieregels geweigerd", "declaratieregels toegestaan");
        var rij = 2;
        foreach (var g in verslag.Groepen())
        {
            groepen.Cell(rij, 1).SetValue(g.RegelId);
            groepen.Cell(rij, 2).SetValue(g.Gemeente);
            groepen.Cell(rij, 3).SetValue(g.Aanbieder);
            groepen.Cell(rij, 4).SetValue(g.Product);
            groepen.Cell(rij, 5).SetValue(g.NaarToegekend);
            groepen.Cell(rij, 6).SetValue(g.NaarBeoordelen);
            groepen.Cell(rij, 7).SetValue(g.NaarAfgewezen);
            groepen.Cell(rij, 8).SetValue(g.Minuten);
            groepen.Cell(rij, 9).SetValue(g.Cent / 100m);
            groepen.Cell(rij, 10).SetValue(g.RegelsGeweigerd);
            groepen.Cell(rij, 11).SetValue(g.RegelsToegestaan);
            rij++;
        }

        var wijzigingen = boek.Worksheets.Add("Wijzigingen");
        Kop(wijzigingen, "soort", "dag", "referentie", "gemeente", "aanbieder", "product", "was", "wordt", "regels", "minuten", "cent");
        rij = 2;
        foreach (var r in verslag.Rijen())
        {
            for (var k = 0; k < r.Length; k++)
            {
                wijzigingen.Cell(rij, k + 1).SetValue(r[k]);
            }

            rij++;
        }

        using var uit = new MemoryStream();
        boek.SaveAs(uit);
        return uit.ToArray();
    }

    private static void Kop(IXLWorksheet blad, params string[] koppen)
    {
        for (var k = 0; k < koppen.Length; k++)
        {
            blad.Cell(1, k + 1).SetValue(koppen[k]);
            blad.Cell(1, k + 1).Style.Font.Bold = true;
        }
    }
}

using ClosedXML.Excel;
using Jeugdhulp.Core.Conversie;

namespace Jeugdhulp.Store.Conversie;

/// <summary>
/// The conversion plan as an Excel workbook for the region's spreadsheet: sheet <c>Plan</c> (the CSV's lines, every
/// cell text so codes keep their leading zeros and nothing is read as a formula) and sheet <c>Totalen</c> (per
/// municipality, provider and route). Used by <c>jeugdhulp conversie --plan</c> and the backoffice's conversion page.
/// </summary>
public static class ConversieplanExcel
{
    /// <summary>Writes <paramref name="plan"/> as .xlsx bytes.</summary>
    public static byte[] Schrijf(Conversieplan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var boek = new XLWorkbook();
        var blad = boek.Worksheets.Add("Plan");
        var kop = ConversieplanCsv.Kop.Split(',');
        for (var k = 0; k < kop.Length; k++)
        {
            blad.Cell(1, k + 1).Value = kop[k];
        }

        var rij = 2;
        foreach (var advies in plan.Adviezen)
        {
            var velden = ConversieplanCsv.Velden(advies);
            for (var k = 0; k < velden.Count; k++)
            {
                // Text, not numbers: codes such as 0034 keep their leading zeros.
                blad.Cell(rij, k + 1).SetValue(velden[k]);
            }

            rij++;
        }

        var totalen = boek.Worksheets.Add("Totalen");
        string[] kolommen = ["soort", "sleutel", "administratief", "lichteToets", "herindicatie", "zonderContract", "nietLopend", "totaal"];
        for (var k = 0; k < kolommen.Length; k++)
        {
            totalen.Cell(1, k + 1).Value = kolommen[k];
        }

        rij = 2;
        foreach (var (soort, r) in plan.PerGemeente.Select(r => ("gemeente", r)).Concat(plan.PerAanbieder.Select(r => ("aanbieder", r))).Append(("route", plan.Totaal)))
        {
            totalen.Cell(rij, 1).SetValue(soort);
            totalen.Cell(rij, 2).SetValue(r.Sleutel);
            int[] getallen = [r.Administratief, r.LichteToets, r.Herindicatie, r.ZonderContract, r.NietLopend, r.Totaal];
            for (var k = 0; k < getallen.Length; k++)
            {
                totalen.Cell(rij, k + 3).Value = getallen[k];
            }

            rij++;
        }

        using var uit = new MemoryStream();
        boek.SaveAs(uit);
        return uit.ToArray();
    }
}

using Jeugdhulp.Ijw.Berichten;

namespace Jeugdhulp.Ijw.Controles;

/// <summary>
/// The rules on Product, Omvang, Budget and Einddatum that the toegewezen product (JW301), the aangevraagd
/// product (JW315) and the products of a VOW (JW317) share: CD041, CD075–CD080 and CS338.
/// </summary>
internal static class Productregels
{
    /// <summary>From this date on the Omvang rules of iJw 3.x apply (CD080, CS338: "Einddatum after 2020 or empty").</summary>
    private static readonly DateOnly Grens = new(2020, 12, 31);

    // heeftProduct is false for a TeWijzigenProduct, which has no Product element: the rules that read Product do not apply.
    public static void Controleer(Bevindingen b, bool heeftProduct, Product? product, DateOnly? einddatum, Omvang? omvang, long? budget, string pad, string einddatumNaam)
    {
        var code = product?.Code;
        var naGrens = einddatum is null || einddatum > Grens;
        if (heeftProduct && code is not null && omvang is null)
        {
            b.Meld("CD041", "Omvang is verplicht als Product Code gevuld is.", pad + "/Omvang");
        }

        if (omvang is not null && budget is not null)
        {
            b.Meld("CD077", "Budget moet leeg blijven als Omvang gevuld is.", pad + "/Budget");
            b.Meld("CD078", "Omvang moet leeg blijven als Budget gevuld is.", pad + "/Omvang");
        }

        if (heeftProduct && budget is null && product is null)
        {
            b.Meld("CD079", "Product is verplicht als Budget leeg is.", pad + "/Product");
        }

        if (budget is not null && einddatum is null)
        {
            b.Meld("CD075", $"{einddatumNaam} is verplicht als Budget gevuld is.", pad + "/" + einddatumNaam);
        }

        if (omvang?.Frequentie == "2" && einddatum is null)
        {
            b.Meld("CD076", $"{einddatumNaam} is verplicht als Frequentie 2 (per week) is.", pad + "/" + einddatumNaam);
        }

        if (heeftProduct && code is null && naGrens && omvang is not null)
        {
            b.Meld("CD080", "Omvang moet leeg blijven als Product Code leeg is en de einddatum na 31-12-2020 ligt of leeg is.", pad + "/Omvang");
        }

        if (omvang is { Eenheid: "14" or "16" or "83" or "84" } && naGrens && omvang.Frequentie is not ("2" or "4" or "6"))
        {
            b.Meld("CS338", $"Bij Eenheid {omvang.Eenheid} moet Frequentie 2, 4 of 6 zijn, niet {omvang.Frequentie}.", pad + "/Omvang/Frequentie");
        }
    }
}

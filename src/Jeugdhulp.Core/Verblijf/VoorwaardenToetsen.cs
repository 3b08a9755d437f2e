using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Verblijf;

/// <summary>
/// HK-24-3 and HK-24-9: a 24-hour allocation rests on a beschikking preceded by a recorded dialogue with a
/// 24-hour specialist, and a perspectiefregisseur (lokale toegang when voluntary, GI when compulsory) is
/// recorded at the decision. In a crisis or under a spoedmachtiging the dialogue and the regisseur follow:
/// then they are not findings but deadlines (HK-24-3-DIALOOG, HK-24-9-REGISSEUR). A missing precondition
/// never refuses on its own: it is something a person must record before the allocation, so it is a review.
/// </summary>
public static class VoorwaardenToetsen
{
    /// <summary>Rule id of the dialogue deadline after a crisis.</summary>
    public const string DialoogTermijn = "HK-24-3-DIALOOG";

    /// <summary>Rule id of the regisseur deadline after a crisis.</summary>
    public const string RegisseurTermijn = "HK-24-9-REGISSEUR";

    /// <summary>The findings and deadlines for <paramref name="p"/> on its start date.</summary>
    public static Verblijfoordeel Toets(Verblijfplaatsing p, Regelset regels, Werkdagenkalender kalender)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(regels);
        var b = new List<Bevinding>();
        var termijnen = new List<Verplichting>();
        var gedwongen = p.Route == Plaatsingsroute.Gedwongen;

        b.Add(p.Beschikking is { } besch
            ? new Bevinding("HK-24-3", Uitkomst.Toegekend, null, $"Beschikking van {besch:yyyy-MM-dd}.")
            : new Bevinding("HK-24-3", Uitkomst.Beoordelen, null, "Geen beschikking vastgelegd: een 24-uurs toewijzing berust altijd op een beschikking."));

        if (p.Dialoog is { } d)
        {
            b.Add(new Bevinding("HK-24-3", Uitkomst.Toegekend, null, $"Dialoog met een 24-uurs specialist op {d:yyyy-MM-dd}."));
        }
        else if (p.IsCrisis)
        {
            Termijn(termijnen, regels, kalender, DialoogTermijn, p, "dialoog 24-uurs specialist");
            b.Add(new Bevinding("HK-24-3", Uitkomst.Toegekend, null, "Crisis of spoedmachtiging: de dialoog met een 24-uurs specialist volgt zo snel mogelijk (termijn)."));
        }
        else
        {
            b.Add(new Bevinding("HK-24-3", Uitkomst.Beoordelen, null, "Geen dialoog met een 24-uurs specialist vastgelegd: die gaat aan de beschikking vooraf."));
        }

        var verwacht = gedwongen ? Regisseur.Gi : Regisseur.LokaleToegang;
        if (p.Regisseur is { } r)
        {
            b.Add(r == verwacht
                ? new Bevinding("HK-24-9", Uitkomst.Toegekend, null, $"Perspectiefregisseur: {Naam(r)}.")
                : new Bevinding("HK-24-9", Uitkomst.Beoordelen, null, $"Perspectiefregisseur is {Naam(r)}, maar bij {(gedwongen ? "gedwongen" : "vrijwillig")} kader hoort dat {Naam(verwacht)} te zijn."));
        }
        else if (p.IsCrisis)
        {
            Termijn(termijnen, regels, kalender, RegisseurTermijn, p, "perspectiefregisseur vastleggen");
            b.Add(new Bevinding("HK-24-9", Uitkomst.Toegekend, null, $"Crisis: de perspectiefregisseur ({Naam(verwacht)}) wordt achteraf vastgelegd (termijn)."));
        }
        else
        {
            b.Add(new Bevinding("HK-24-9", Uitkomst.Beoordelen, null, $"Geen perspectiefregisseur vastgelegd; uiterlijk bij het besluit wordt {Naam(verwacht)} regisseur."));
        }

        return new(b, termijnen, regels.Label);
    }

    internal static string Naam(Regisseur r) => r == Regisseur.Gi ? "de GI" : "de lokale toegang";

    private static void Termijn(List<Verplichting> lijst, Regelset regels, Werkdagenkalender kalender, string id, Verblijfplaatsing p, string verwacht)
    {
        if (regels.Termijn(id) is { } t)
        {
            // Days of a stay count the first day as day 1, as in HK-24-8 ("within 14 days" is due on day 14).
            var vervalt = t.Eenheid == TermijnEenheid.Dagen ? Verblijfdagen.Dag(p.Ingang, t.Aantal) : TermijnenBewaken.Vervalt(t, p.Ingang, kalender);
            lijst.Add(new Verplichting(t.Partij, p.Gemeente, verwacht, p.Referentie, p.Client, vervalt, t.Id, t.Advies));
        }
    }
}

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
        var b = new Beoordeling();
        var termijnen = new List<Verplichting>();
        var gedwongen = p.Route == Plaatsingsroute.Gedwongen;

        if (p.Beschikking is { } besch)
        {
            b.Ok("HK-24-3", "beschikking", ("datum", $"{besch:yyyy-MM-dd}"));
        }
        else
        {
            b.Beoordelen("HK-24-3", "geen-beschikking");
        }

        if (p.Dialoog is { } d)
        {
            b.Ok("HK-24-3", "dialoog", ("datum", $"{d:yyyy-MM-dd}"));
        }
        else if (p.IsCrisis)
        {
            Termijn(termijnen, regels, kalender, DialoogTermijn, p, "dialoog 24-uurs specialist");
            b.Ok("HK-24-3", "dialoog-volgt");
        }
        else
        {
            b.Beoordelen("HK-24-3", "geen-dialoog");
        }

        if (p.IsCrisis && p.Regisseur is null)
        {
            Termijn(termijnen, regels, kalender, RegisseurTermijn, p, "perspectiefregisseur vastleggen");
        }

        // The expected regisseur is the GI when compulsory, else the lokale toegang. Its name is in the text (one
        // code per regisseur), so no Dutch travels as a parameter.
        switch (p.Regisseur, gedwongen)
        {
            case (Regisseur.Gi, true):
                b.Ok("HK-24-9", "regisseur-gi");
                break;
            case (Regisseur.LokaleToegang, false):
                b.Ok("HK-24-9", "regisseur-lokale-toegang");
                break;
            case (Regisseur.LokaleToegang, true):
                b.Beoordelen("HK-24-9", "lokale-toegang-bij-gedwongen-kader");
                break;
            case (Regisseur.Gi, false):
                b.Beoordelen("HK-24-9", "gi-bij-vrijwillig-kader");
                break;
            case (null, true) when p.IsCrisis:
                b.Ok("HK-24-9", "gi-volgt");
                break;
            case (null, false) when p.IsCrisis:
                b.Ok("HK-24-9", "lokale-toegang-volgt");
                break;
            case (null, true):
                b.Beoordelen("HK-24-9", "geen-regisseur-gi");
                break;
            default:
                b.Beoordelen("HK-24-9", "geen-regisseur-lokale-toegang");
                break;
        }

        return new(b.Bevindingen, termijnen, regels);
    }

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

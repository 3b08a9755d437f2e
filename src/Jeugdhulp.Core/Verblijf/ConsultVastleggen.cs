using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Verblijf;

/// <summary>The outcome of a consult (HK-24-6).</summary>
public enum Consultuitkomst
{
    /// <summary>Scale up to 24-hour care.</summary>
    Opschalen,

    /// <summary>Solve locally.</summary>
    LokaalOplossen,

    /// <summary>Further investigation (a separate local decision).</summary>
    NaderOnderzoek,

    /// <summary>A cross-domain question for the regional expert table.</summary>
    Expertteam,
}

/// <summary>A referrer's consult request (HK-24-6).</summary>
/// <param name="Gemeente">The municipality.</param>
/// <param name="Referentie">The request's reference.</param>
/// <param name="Basisinformatie">The basic information about the youth.</param>
/// <param name="Vraag">The concrete question.</param>
/// <param name="Ingediend">The day the request came in.</param>
/// <param name="Gewenst">The day the consult is wanted.</param>
public sealed record Consultaanvraag(string Gemeente, string Referentie, string Basisinformatie, string Vraag, DateOnly Ingediend, DateOnly Gewenst);

/// <summary>
/// HK-24-6: a consult request has basic information and a concrete question and comes in preferably 2 weeks
/// ahead (HK-24-6 in termijnen.json, advice: a signal, never a refusal); its outcome is one of four.
/// </summary>
public static class ConsultVastleggen
{
    /// <summary>The findings on a request.</summary>
    public static Verblijfoordeel Aanvraag(Consultaanvraag a, Regelset regels, Werkdagenkalender kalender)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(regels);
        var b = new Beoordeling();
        if (string.IsNullOrWhiteSpace(a.Basisinformatie) || string.IsNullOrWhiteSpace(a.Vraag))
        {
            b.Weigeren("HK-24-6", "onvolledig");
        }
        else
        {
            b.Ok("HK-24-6", "volledig");
        }

        var termijnen = new List<Verplichting>();
        if (regels.Termijn("HK-24-6") is { } voorkeur)
        {
            var uiterlijk = TermijnenBewaken.LaatsteDag(voorkeur, a.Gewenst, kalender);
            if (a.Ingediend > uiterlijk)
            {
                b.Ok("HK-24-6", "laat-ingediend", ("ingediend", $"{a.Ingediend:yyyy-MM-dd}"), ("aantal", $"{voorkeur.Aantal}"), ("eenheid", voorkeur.Eenheid.ToString().ToLowerInvariant()), ("gewenst", $"{a.Gewenst:yyyy-MM-dd}"));
                termijnen.Add(new Verplichting(voorkeur.Partij, a.Gemeente, "consultaanvraag vooraf", a.Referentie, null, uiterlijk, voorkeur.Id, true));
            }
        }

        return new(b.Bevindingen, termijnen, regels);
    }

    /// <summary>The finding recording the outcome; a further investigation is a separate local decision.</summary>
    public static Bevinding Vastleggen(Consultuitkomst uitkomst)
    {
        var b = new Beoordeling();
        switch (uitkomst)
        {
            case Consultuitkomst.Opschalen:
                b.Ok("HK-24-6", "uitkomst-opschalen");
                break;
            case Consultuitkomst.LokaalOplossen:
                b.Ok("HK-24-6", "uitkomst-lokaal");
                break;
            case Consultuitkomst.NaderOnderzoek:
                b.Ok("HK-24-6", "uitkomst-nader-onderzoek");
                break;
            default:
                b.Ok("HK-24-6", "uitkomst-expertteam");
                break;
        }

        return b.Bevindingen[0];
    }
}

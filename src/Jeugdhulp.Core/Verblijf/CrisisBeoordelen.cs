using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Verblijf;

/// <summary>
/// HK-24-8: a crisis placement lasts 1 to the data's maximum (28) days, never more; the follow-up perspective is
/// clear by day 14 and, without a follow-up placement by day 28, bridging care is signalled; via Veilig Thuis
/// or in the compulsory route the evaluation is due by day 14. Days count from the first day of the stay as
/// day 1. The numbers are the deadlines HK-24-8-MAX, HK-24-8-PERSPECTIEF, HK-24-8-VT-EVALUATIE and
/// HK-24-8-DWANG-EVALUATIE of termijnen.json.
/// </summary>
public static class CrisisBeoordelen
{
    /// <summary>Deadline id of the maximum stay (and the day bridging care is signalled).</summary>
    public const string Maximum = "HK-24-8-MAX";

    /// <summary>Deadline id of the follow-up perspective.</summary>
    public const string Perspectief = "HK-24-8-PERSPECTIEF";

    /// <summary>Deadline id of the evaluation via Veilig Thuis.</summary>
    public const string EvaluatieVeiligThuis = "HK-24-8-VT-EVALUATIE";

    /// <summary>Deadline id of the evaluation in the compulsory route.</summary>
    public const string EvaluatieGedwongen = "HK-24-8-DWANG-EVALUATIE";

    /// <summary>The findings on the crisis placement <paramref name="p"/> and the deadlines it opens.</summary>
    public static Verblijfoordeel Beoordeel(Verblijfplaatsing p, Regelset regels)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(regels);
        if (regels.Termijn(Maximum) is not { } max)
        {
            return Verblijfoordeel.ZonderRegels(regels, "HK-24-8");
        }

        var b = new Beoordeling();
        var t = new List<Verplichting>();
        if (p.Einde is not { } einde)
        {
            b.Afwijzen("HK-24-8", RedenAfwijzing.PastNietBinnenContract, "zonder-einddatum", ("max", $"{max.Aantal}"));
        }
        else if (Verblijfdagen.Aantal(p.Ingang, einde) is var dagen && (dagen < 1 || dagen > max.Aantal))
        {
            b.Afwijzen("HK-24-8", RedenAfwijzing.PastNietBinnenContract, "buiten-duur", ("max", $"{max.Aantal}"), ("uiterst", $"{Verblijfdagen.Dag(p.Ingang, max.Aantal):yyyy-MM-dd}"), ("dagen", $"{dagen}"));
        }
        else
        {
            b.Ok("HK-24-8", "crisisduur", ("dagen", $"{dagen}"), ("max", $"{max.Aantal}"));
        }

        if (p.Vervolgperspectief is null && regels.Termijn(Perspectief) is { } perspectief)
        {
            t.Add(Verplichting(p, perspectief, "vervolgperspectief crisisplaatsing"));
        }

        if (p.Vervolgplaatsing is null)
        {
            // Bridging care is a signal on the last crisis day: the stay may not go on, the youth needs somewhere.
            t.Add(Verplichting(p, max, "overbruggingszorg: geen vervolgplaatsing") with { Advies = true });
        }

        var evaluatie = p.Route switch
        {
            Plaatsingsroute.VeiligThuis => regels.Termijn(EvaluatieVeiligThuis),
            Plaatsingsroute.Gedwongen => regels.Termijn(EvaluatieGedwongen),
            _ => null,
        };
        if (evaluatie is not null && p.Evaluatie is null)
        {
            t.Add(Verplichting(p, evaluatie, "evaluatie crisisplaatsing"));
        }

        return new(b.Bevindingen, t, regels);
    }

    /// <summary>A deadline counted in days of the stay: "within 14 days" is due on day 14.</summary>
    private static Verplichting Verplichting(Verblijfplaatsing p, Termijn termijn, string verwacht) =>
        new(termijn.Partij, p.Gemeente, verwacht, p.Referentie, p.Client, Verblijfdagen.Dag(p.Ingang, termijn.Aantal), termijn.Id, termijn.Advies);
}

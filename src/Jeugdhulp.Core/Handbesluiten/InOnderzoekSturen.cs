using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Handbesluiten;

/// <summary>
/// The decision to send "aanvraag in onderzoek" (JW319, VerzoekAntwoord 2) for a request in review.
/// <paramref name="Toegestaan"/> false: nothing may be sent (the findings say why).
/// </summary>
/// <param name="Toegestaan">True when the JW319 may be sent.</param>
/// <param name="Uiterlijk">The answer deadline of HK-315-3 (5 werkdagen after receipt), when the rules have one.</param>
/// <param name="NieuweTermijn">The deadline for the final answer once sent (HK-315-3-ONDERZOEK), when allowed.</param>
/// <param name="Bevindingen">What was checked, as data (rule id, outcome, code, parameters).</param>
public sealed record Onderzoeksbesluit(bool Toegestaan, DateOnly? Uiterlijk, DateOnly? NieuweTermijn, IReadOnlyList<Bevinding> Bevindingen);

/// <summary>
/// HK-315-3: "if it cannot decide in time, it sends a JW319 saying so". The JW319 may be sent once per
/// request (TR360: VerzoekAntwoord 2 only while no answer exists yet); the request then stays in review
/// with a new deadline for the final JW301 or JW319. The spec names no such deadline, so it is data:
/// termijn <see cref="Termijnregel"/> in termijnen.json, counted from the receipt like HK-315-3
/// (interpretation, docs/WEBAPP.md: the Awb's eight weeks for a decision on an application).
/// </summary>
public static class InOnderzoekSturen
{
    /// <summary>The rule that asks for the JW319 "in onderzoek".</summary>
    public const string Regel = TermijnenBewaken.Antwoord;

    /// <summary>The deadline id of the final answer after "in onderzoek".</summary>
    public const string Termijnregel = "HK-315-3-ONDERZOEK";

    /// <summary>The iJw rule: VerzoekAntwoord 2 only if no answer exists yet.</summary>
    public const string EenmaalRegel = "TR360";

    /// <summary>
    /// Decides whether "in onderzoek" may be sent on <paramref name="vandaag"/> for a request received on
    /// <paramref name="ontvangen"/>; <paramref name="alInOnderzoek"/> is the day it was sent before, if ever.
    /// </summary>
    public static Onderzoeksbesluit Beslis(DateOnly ontvangen, DateOnly? alInOnderzoek, Regelset regels, Werkdagenkalender kalender, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(regels);
        ArgumentNullException.ThrowIfNull(kalender);
        var uiterlijk = regels.Termijn(Regel) is { } antwoord ? TermijnenBewaken.Vervalt(antwoord, ontvangen, kalender) : (DateOnly?)null;
        if (alInOnderzoek is { } eerder)
        {
            return new(false, uiterlijk, null, [new(EenmaalRegel, Uitkomst.Afgewezen, null, "al-in-onderzoek", [("op", $"{eerder:yyyy-MM-dd}")])]);
        }

        if (regels.Termijn(Termijnregel) is not { } termijn)
        {
            return new(false, uiterlijk, null, [new(Regel, Uitkomst.Afgewezen, null, "geen-onderzoekstermijn", [("regels", regels.Label), ("termijn", Termijnregel)])]);
        }

        var nieuw = TermijnenBewaken.Vervalt(termijn, ontvangen, kalender);
        if (nieuw <= vandaag)
        {
            // The new deadline would already have passed: "in onderzoek" promises nothing any more.
            return new(false, uiterlijk, nieuw, [new(Regel, Uitkomst.Afgewezen, null, "onderzoekstermijn-voorbij", [("nieuw", $"{nieuw:yyyy-MM-dd}")])]);
        }

        var code = uiterlijk is { } u && vandaag > u ? "in-onderzoek-na-termijn" : "in-onderzoek";
        return new(true, uiterlijk, nieuw,
        [
            new(EenmaalRegel, Uitkomst.Toegekend, null, "nog-geen-antwoord", []),
            new(Regel, Uitkomst.Toegekend, null, code, [("uiterlijk", $"{uiterlijk:yyyy-MM-dd}"), ("nieuw", $"{nieuw:yyyy-MM-dd}")]),
        ]);
    }

    /// <summary>
    /// True when the deadline watch offers "in onderzoek" on <paramref name="vandaag"/>: the last day of the
    /// HK-315-3 term (the 5th werkdag after receipt) and not sent yet.
    /// </summary>
    public static bool Aanbieden(DateOnly ontvangen, DateOnly? alInOnderzoek, Regelset regels, Werkdagenkalender kalender, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(regels);
        return alInOnderzoek is null && regels.Termijn(Termijnregel) is not null && regels.Termijn(Regel) is { } antwoord
            && TermijnenBewaken.Vervalt(antwoord, ontvangen, kalender) == vandaag;
    }

    /// <summary>
    /// The same offer on the deadline watch's list: an answer obligation under HK-315-3 (not yet "in onderzoek",
    /// which moves it to <see cref="Termijnregel"/>) that falls due on <paramref name="vandaag"/>.
    /// </summary>
    public static bool Aanbieden(Verplichting verplichting, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(verplichting);
        return verplichting.Regel == Regel && verplichting.Verwacht == "JW301/JW319" && verplichting.Vervaldatum == vandaag;
    }
}

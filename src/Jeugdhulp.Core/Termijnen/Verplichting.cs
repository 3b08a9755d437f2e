using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Termijnen;

/// <summary>An open obligation: something a party owes by a due date (issue 6, HK spec §12).</summary>
/// <param name="Partij">Who owes it: the municipality or the provider.</param>
/// <param name="Code">The owing party's code (gemeentecode or AGB code).</param>
/// <param name="Verwacht">The awaited message or decision, e.g. <c>JW305</c>, <c>JW301/JW319</c>, <c>signaal 18 jaar</c>.</param>
/// <param name="Referentie">The ToewijzingNummer or ReferentieAanbieder it is about.</param>
/// <param name="Client">The client (masked when printed); null when the item concerns several (a JW323).</param>
/// <param name="Vervaldatum">The last day it is on time.</param>
/// <param name="Regel">The rule id of the deadline (e.g. HK-305-1).</param>
/// <param name="Advies">True when the deadline is a signal, not a breach.</param>
public sealed record Verplichting(
    Partij Partij,
    string Code,
    string Verwacht,
    string Referentie,
    Bsn? Client,
    DateOnly Vervaldatum,
    string Regel,
    bool Advies)
{
    /// <summary>The product it concerns when one is known (an allocation, a no-show, a JW317 line); null otherwise.</summary>
    public ProductCode? Product { get; init; }

    /// <summary>Calendar days left until the due date; negative when overdue.</summary>
    public int DagenOver(DateOnly vandaag) => Vervaldatum.DayNumber - vandaag.DayNumber;

    /// <summary>True when the due date has passed.</summary>
    public bool IsTeLaat(DateOnly vandaag) => vandaag > Vervaldatum;
}

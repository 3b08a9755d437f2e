using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Inwoners;

/// <summary>
/// A resident as the municipality's register knows them: where they live (woonplaatsbeginsel, HK-315-4),
/// their date of birth (age limits, HK-PRD-6) and their household (family products, HK-PRD-4).
/// </summary>
/// <param name="Bsn">The resident's BSN.</param>
/// <param name="Gemeente">The municipality responsible under the woonplaatsbeginsel.</param>
/// <param name="Geboortedatum">Date of birth.</param>
/// <param name="Huishouden">Household id shared by family members; null when unknown.</param>
/// <param name="Jeugdreclassering">True when a jeugdreclassering measure applies (HK-PRD-6 exception).</param>
public sealed record Inwoner(
    Bsn Bsn,
    Gemeentecode Gemeente,
    DateOnly Geboortedatum,
    string? Huishouden,
    bool Jeugdreclassering)
{
    /// <summary>Age in whole years on <paramref name="datum"/>.</summary>
    public int LeeftijdOp(DateOnly datum)
    {
        var leeftijd = datum.Year - Geboortedatum.Year;
        if (datum < Geboortedatum.AddYears(leeftijd))
        {
            leeftijd--;
        }

        return leeftijd;
    }
}

using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.NoShow;

/// <summary>
/// A provider's report of a no-show (unplanned absence, HK-323-4). iJw 3.2 has no no-show element, so the
/// region registers it outside the messages. Only facts are recorded (HK-NS-4): who reports, for which
/// client and allocation, on which day. There is deliberately no free-text field, so treatment content
/// cannot be shared through it.
/// </summary>
/// <param name="Aanbieder">The reporting provider (AGB code).</param>
/// <param name="Client">The client who did not show up.</param>
/// <param name="ToewijzingNummer">The allocation the no-show belongs to.</param>
/// <param name="Datum">The day of the missed appointment.</param>
/// <param name="Product">The product of the sub-product where it happened; when given it must be the allocation's product.</param>
public sealed record NoShowMelding(AgbCode Aanbieder, Bsn Client, int ToewijzingNummer, DateOnly Datum, ProductCode? Product = null);

/// <summary>An earlier, not cancelled no-show of the same client in the same municipality.</summary>
/// <param name="ToewijzingNummer">Its allocation.</param>
/// <param name="Product">The product it was registered on.</param>
/// <param name="Datum">The day of the missed appointment.</param>
public sealed record EerdereNoShow(int ToewijzingNummer, ProductCode Product, DateOnly Datum);

/// <summary>What follows a registered no-show (HK spec §11).</summary>
public enum NoShowStap
{
    /// <summary>HK-NS-1: the provider discusses the first no-show with the resident.</summary>
    Bespreken = 1,

    /// <summary>HK-NS-2: the provider reports the second to the municipality and warns the resident.</summary>
    MeldenEnWaarschuwen = 2,

    /// <summary>HK-NS-3: care is paused; the municipality decides on continuing within the deadline.</summary>
    Pauzeren = 3,
}

/// <summary>The outcome of an accepted no-show report.</summary>
/// <param name="Product">The allocation's product the no-show counts on.</param>
/// <param name="Jaar">The calendar year it counts in.</param>
/// <param name="Volgnummer">1, 2 or 3: which no-show this is for the client and product in that year.</param>
/// <param name="Stap">The follow-up step.</param>
/// <param name="Regel">The rule id of the step (HK-NS-1, HK-NS-2, HK-NS-3).</param>
/// <param name="Code">The follow-up as a code; with the rule id the key of its text.</param>
/// <param name="Parameters">The values the text names (the decision deadline).</param>
/// <param name="BesluitUiterlijk">For the third: the day the municipality's decision is due (HK-NS-3).</param>
public sealed record NoShowUitslag(ProductCode Product, int Jaar, int Volgnummer, NoShowStap Stap, string Regel, string Code,
    IReadOnlyList<Parameter> Parameters, DateOnly? BesluitUiterlijk)
{
    /// <summary>The follow-up in Dutch, for the provider, rendered from the text table.</summary>
    public string Vervolg => Tekst.Bevinding(Regel, Code, Parameters);

    /// <summary>
    /// The version label of the rule catalogue the report was judged on (<see cref="Regels.Regelcatalogus.Versie"/>, e.g.
    /// <c>2027.3+v12</c>), stored with the registration for the dossier (issue 20, item 3).
    /// </summary>
    public string? Regelversie { get; init; }
}

/// <summary>
/// A refused no-show report or decision as data: the code the API and CLI give (e.g. NS-MAXIMUM), the rule and
/// the values behind it. The Dutch reason is rendered from <see cref="Tekst"/> under (rule, code).
/// </summary>
/// <param name="Code">The refusal code; with the rule id the key of its text.</param>
/// <param name="Regel">The rule id it applies.</param>
/// <param name="Parameters">The values the text names.</param>
public sealed record NoShowWeigering(string Code, string Regel, IReadOnlyList<Parameter> Parameters)
{
    /// <summary>The Dutch reason, naming the rule at the end.</summary>
    public string Melding => $"{Tekst.Bevinding(Regel, Code, Parameters)} ({Regel})";

    /// <summary>The coded error the callers hand on.</summary>
    public Fout Fout => new(Code, Melding);
}

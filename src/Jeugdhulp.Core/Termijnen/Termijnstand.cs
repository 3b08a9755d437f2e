using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Termijnen;

/// <summary>A JW315 product request or JW317 waiting for a human decision.</summary>
/// <param name="Berichtcode">JW315 or JW317.</param>
/// <param name="Gemeente">The municipality that must answer.</param>
/// <param name="Aanbieder">The provider that asked.</param>
/// <param name="Client">The client.</param>
/// <param name="Referentie">The ReferentieAanbieder.</param>
/// <param name="Ontvangen">The day the message was received.</param>
public sealed record WachtendVerzoek(string Berichtcode, string Gemeente, string Aanbieder, Bsn Client, string Referentie, DateOnly Ontvangen);

/// <summary>The current version of an allocation with what the provider reported about it.</summary>
/// <param name="Gemeente">The allocating municipality.</param>
/// <param name="Nummer">The ToewijzingNummer.</param>
/// <param name="Aanbieder">The provider's AGB code.</param>
/// <param name="Client">The client.</param>
/// <param name="Product">The product code.</param>
/// <param name="Ingangsdatum">Start of the allocation.</param>
/// <param name="Einddatum">End of the allocation, when known.</param>
/// <param name="StartOntvangen">True when an active JW305 is recorded.</param>
/// <param name="StopOntvangen">True when an active JW307 is recorded.</param>
public sealed record LopendeToewijzing(
    string Gemeente,
    long Nummer,
    string Aanbieder,
    Bsn Client,
    ProductCode Product,
    DateOnly Ingangsdatum,
    DateOnly? Einddatum,
    bool StartOntvangen,
    bool StopOntvangen);

/// <summary>The state the deadline watch needs, read in one go from the store.</summary>
/// <param name="Verzoeken">Requests waiting for review.</param>
/// <param name="Toewijzingen">Current allocations.</param>
/// <param name="Geboortedata">Clients' birth dates where known.</param>
public sealed record Termijnstand(
    IReadOnlyList<WachtendVerzoek> Verzoeken,
    IReadOnlyList<LopendeToewijzing> Toewijzingen,
    IReadOnlyDictionary<Bsn, DateOnly> Geboortedata);

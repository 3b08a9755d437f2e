using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Termijnen;

/// <summary>A JW315 product request or JW317 waiting for a human decision.</summary>
/// <param name="Berichtcode">JW315 or JW317.</param>
/// <param name="Gemeente">The municipality that must answer.</param>
/// <param name="Aanbieder">The provider that asked.</param>
/// <param name="Client">The client.</param>
/// <param name="Referentie">The ReferentieAanbieder.</param>
/// <param name="Ontvangen">The day the message was received.</param>
/// <param name="WoonplaatsOnzeker">
/// True when the woonplaatsbeginsel (HK-315-4) is one of the open points: a rejection on it must come
/// within 2 weeks of receipt (HK-WD-2, OP359).
/// </param>
/// <param name="Verwijsdatum">The medical referral's date when known (HK-ROUTE-1); null otherwise.</param>
/// <param name="InOnderzoekTot">After "aanvraag in onderzoek" (JW319 VerzoekAntwoord 2): the new deadline of the final answer.</param>
public sealed record WachtendVerzoek(string Berichtcode, string Gemeente, string Aanbieder, Bsn Client, string Referentie, DateOnly Ontvangen,
    bool WoonplaatsOnzeker = false, DateOnly? Verwijsdatum = null, DateOnly? InOnderzoekTot = null);

/// <summary>A received message whose answer is not in the outbox yet: a retour (HK-WD-2, OP090) or, for a JW323, the JW325 (HK-325-1).</summary>
/// <param name="Berichtcode">JW315, JW317, JW305, JW307 or JW323.</param>
/// <param name="Gemeente">The receiving municipality, who owes the answer.</param>
/// <param name="Aanbieder">The sender.</param>
/// <param name="Identificatie">The message's Identificatie.</param>
/// <param name="Client">The client when the message has exactly one; null for a declaration.</param>
/// <param name="Ontvangen">The day it was received.</param>
public sealed record OnbeantwoordBericht(string Berichtcode, string Gemeente, string Aanbieder, string Identificatie, Bsn? Client, DateOnly Ontvangen);

/// <summary>A third no-show of a client, product and calendar year without the municipality's decision (HK-NS-3).</summary>
/// <param name="Gemeente">The municipality that decides.</param>
/// <param name="Nummer">The allocation of the third no-show.</param>
/// <param name="Client">The client.</param>
/// <param name="Product">The product.</param>
/// <param name="Gemeld">The day the third no-show was reported.</param>
public sealed record OpenNoShowBesluit(string Gemeente, long Nummer, Bsn Client, ProductCode Product, DateOnly Gemeld);

/// <summary>A JW317 (in review or approved) with the days its changes take effect, for the lead-time advice (HK-317-4).</summary>
/// <param name="Gemeente">The municipality.</param>
/// <param name="Aanbieder">The provider.</param>
/// <param name="Referentie">The ReferentieAanbieder.</param>
/// <param name="Client">The client.</param>
/// <param name="Ontvangen">The day it was received.</param>
/// <param name="Ingangen">Per new product, or changed line that starts on a new date: the product and that date.</param>
public sealed record OntvangenWijziging(string Gemeente, string Aanbieder, string Referentie, Bsn Client, DateOnly Ontvangen,
    IReadOnlyList<(ProductCode Product, DateOnly Ingang)> Ingangen);

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
/// <param name="Leveringen">
/// The delivery periods the provider reported: each active JW305 start up to its JW307 stop (open when not
/// stopped). Every month that overlaps one (within the allocation) must be declared (HK-323-1).
/// </param>
/// <param name="GedeclareerdeMaanden">First days of the months a received JW323 declares on this allocation.</param>
/// <param name="Toewijzingsdatum">
/// The day the first JW301 for this number was sent (the provider's receipt, HK-305-1); null when unknown.
/// </param>
public sealed record LopendeToewijzing(
    string Gemeente,
    long Nummer,
    string Aanbieder,
    Bsn Client,
    ProductCode Product,
    DateOnly Ingangsdatum,
    DateOnly? Einddatum,
    bool StartOntvangen,
    bool StopOntvangen,
    IReadOnlyList<Periode>? Leveringen = null,
    IReadOnlyCollection<DateOnly>? GedeclareerdeMaanden = null,
    DateOnly? Toewijzingsdatum = null)
{
    /// <summary>
    /// The referrer type of the original request (route of origin); null when unknown. A GI or justice origin
    /// (04/08) is the veiligheidsketen: its stop falls under the GI's JW307 deadline, and a relapse needs a new
    /// bepaling instead of the terugval window (HK-315-9).
    /// </summary>
    public VerwijzerType? Herkomst { get; init; }

    /// <summary>True when withdrawn (RedenWijziging 13, HK-301-6): it never counts as care, so it opens no terugval window.</summary>
    public bool IsVerwijderd { get; init; }
}

/// <summary>The state the deadline watch needs, read in one go from the store.</summary>
/// <param name="Verzoeken">Requests waiting for review.</param>
/// <param name="Toewijzingen">Current allocations.</param>
/// <param name="Geboortedata">Clients' birth dates where known.</param>
/// <param name="Onbeantwoord">Received messages without their retour or JW325.</param>
/// <param name="NoShowBesluiten">Third no-shows waiting for the municipality's decision.</param>
/// <param name="Wijzigingen">JW317s not rejected, for the lead-time advice.</param>
/// <param name="Verblijf">The 24-hour care records (HK spec §14); null when not read.</param>
/// <param name="Conversie">Running care of providers without a regional contract after the transition, still open (HK-CONV-3).</param>
public sealed record Termijnstand(
    IReadOnlyList<WachtendVerzoek> Verzoeken,
    IReadOnlyList<LopendeToewijzing> Toewijzingen,
    IReadOnlyDictionary<Bsn, DateOnly> Geboortedata,
    IReadOnlyList<OnbeantwoordBericht>? Onbeantwoord = null,
    IReadOnlyList<OpenNoShowBesluit>? NoShowBesluiten = null,
    IReadOnlyList<OntvangenWijziging>? Wijzigingen = null,
    Verblijf.Verblijfstand? Verblijf = null,
    IReadOnlyList<ContractlozeConversie>? Conversie = null);

/// <summary>
/// HK-CONV-3: an old allocation whose provider has no regional contract for the new product after the transition;
/// the care must be finished or handed over by <paramref name="Uiterlijk"/> (a conversion work item still open).
/// </summary>
/// <param name="Gemeente">Municipality.</param>
/// <param name="Nummer">The old ToewijzingNummer.</param>
/// <param name="Aanbieder">The provider without a regional contract.</param>
/// <param name="Client">The client.</param>
/// <param name="Uiterlijk">The last day of the period (transition + afrondenBinnenMaanden).</param>
public sealed record ContractlozeConversie(string Gemeente, long Nummer, string Aanbieder, Bsn Client, DateOnly Uiterlijk);

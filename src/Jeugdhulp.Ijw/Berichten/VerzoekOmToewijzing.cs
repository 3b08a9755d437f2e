using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Berichten;

// JW315 Verzoek om toewijzing and its retour JW316.

/// <summary>JW315 or JW316.</summary>
public sealed record VerzoekOmToewijzingBericht(Berichtsoort Soort, Header Header, VerzoekOmToewijzingClient? Client) : IjwBericht(Soort, Header);

public sealed record VerzoekOmToewijzingClient(
    string Bsn,
    Geboortedatum Geboortedatum,
    string Geslacht,
    VerkorteNaam Naam,
    string? GezagsdragerBekend,
    string? Commentaar,
    IReadOnlyList<AangevraagdProduct> AangevraagdeProducten,
    IReadOnlyList<string>? RetourCodes = null);

public sealed record AangevraagdProduct(
    string ReferentieAanbieder,
    long? BeschikkingNummer,
    Product? Product,
    DateOnly? BeschikkingIngangsdatum,
    DateOnly ToewijzingIngangsdatum,
    DateOnly? ToewijzingEinddatum,
    Omvang? Omvang,
    long? Budget,
    Verwijzer Verwijzer,
    string? Raamcontract,
    string? Commentaar,
    IReadOnlyList<string>? RetourCodes = null);

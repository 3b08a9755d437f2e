using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Berichten;

// JW317 Verzoek om wijziging and its retour JW318.

/// <summary>JW317 or JW318.</summary>
public sealed record VerzoekOmWijzigingBericht(Berichtsoort Soort, Header Header, VerzoekOmWijzigingClient? Client) : IjwBericht(Soort, Header);

public sealed record VerzoekOmWijzigingClient(string Bsn, Verzoek Verzoek, IReadOnlyList<string>? RetourCodes = null);

public sealed record Verzoek(
    string ReferentieAanbieder,
    string RedenVerzoek,
    IReadOnlyList<OngewijzigdProduct> OngewijzigdeProducten,
    IReadOnlyList<TeWijzigenProduct> TeWijzigenProducten,
    IReadOnlyList<NieuwProduct> NieuweProducten,
    IReadOnlyList<string>? RetourCodes = null);

public sealed record OngewijzigdProduct(long ToewijzingNummer, IReadOnlyList<string>? RetourCodes = null);

public sealed record TeWijzigenProduct(
    long ToewijzingNummer,
    DateOnly GewensteIngangsdatum,
    DateOnly? Einddatum,
    Omvang? Omvang,
    long? Budget,
    IReadOnlyList<string>? RetourCodes = null);

public sealed record NieuwProduct(
    Product? Product,
    DateOnly GewensteIngangsdatum,
    DateOnly? Einddatum,
    Omvang? Omvang,
    long? Budget,
    IReadOnlyList<string>? RetourCodes = null);

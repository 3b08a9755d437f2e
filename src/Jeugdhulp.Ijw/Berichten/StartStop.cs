using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Berichten;

// JW305 Start zorg / JW306 retour and JW307 Stop zorg / JW308 retour.

/// <summary>JW305 or JW306.</summary>
public sealed record StartBericht(Berichtsoort Soort, Header Header, StartClient? Client) : IjwBericht(Soort, Header);

/// <summary>JW307 or JW308.</summary>
public sealed record StopBericht(Berichtsoort Soort, Header Header, StopClient? Client) : IjwBericht(Soort, Header);

public sealed record StartClient(
    string Bsn,
    Geboortedatum Geboortedatum,
    string Geslacht,
    VerkorteNaam Naam,
    IReadOnlyList<StartProduct> StartProducten,
    IReadOnlyList<string>? RetourCodes = null);

public sealed record StopClient(
    string Bsn,
    Geboortedatum Geboortedatum,
    string Geslacht,
    VerkorteNaam Naam,
    IReadOnlyList<StopProduct> StopProducten,
    IReadOnlyList<string>? RetourCodes = null);

/// <summary>IV096: ToewijzingNummer is the key for inspanning/output; Product + Begindatum for taakgericht.</summary>
public sealed record StartProduct(
    long? ToewijzingNummer,
    Product? Product,
    DateOnly? ToewijzingIngangsdatum,
    DateOnly Begindatum,
    string StatusAanlevering,
    IReadOnlyList<string>? RetourCodes = null);

public sealed record StopProduct(
    long? ToewijzingNummer,
    Product? Product,
    DateOnly? ToewijzingIngangsdatum,
    DateOnly Begindatum,
    string RedenBeeindiging,
    DateOnly Einddatum,
    string StatusAanlevering,
    IReadOnlyList<string>? RetourCodes = null);

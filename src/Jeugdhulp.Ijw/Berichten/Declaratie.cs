using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Berichten;

// JW323 Declaratie and JW325 Declaratie-antwoord.

/// <summary>JW323.</summary>
public sealed record Declaratiebericht(Header Header, Declaratie Declaratie) : IjwBericht(Berichtsoort.JW323, Header);

public sealed record Declaratie(
    string DeclaratieNummer,
    GeslotenPeriode DeclaratiePeriode,
    DateOnly DeclaratieDagtekening,
    BedragMetDc TotaalIngediendBedrag,
    IReadOnlyList<DeclaratieClient> Clienten);

/// <summary>A client in a JW323, or in a JW325 (with RetourCodes).</summary>
public sealed record DeclaratieClient(string Bsn, IReadOnlyList<Prestatie> Prestaties, IReadOnlyList<string>? RetourCodes = null);

/// <summary>A prestatie in a JW323, or a rejected one in a JW325 (with RetourCodes).</summary>
public sealed record Prestatie(
    ProductReferentie ProductReferentie,
    long ToewijzingNummer,
    string ProductCategorie,
    string ProductCode,
    GeslotenPeriode ProductPeriode,
    long GeleverdVolume,
    string Eenheid,
    long? ProductTarief,
    BedragMetDc IngediendBedrag,
    IReadOnlyList<string>? RetourCodes = null);

/// <summary>JW325: Header with RetourCodes; DeclaratieAntwoord absent only when the JW323 failed at XSLT level.</summary>
public sealed record DeclaratieAntwoordbericht(Header Header, DeclaratieAntwoord? DeclaratieAntwoord) : IjwBericht(Berichtsoort.JW325, Header);

public sealed record DeclaratieAntwoord(
    string DeclaratieNummer,
    BedragMetDc TotaalIngediendBedrag,
    BedragMetDc TotaalToegekendBedrag,
    IReadOnlyList<DeclaratieClient> Clienten,
    IReadOnlyList<string> RetourCodes);

using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Berichten;

// JW319 Antwoordbericht and its retour JW320. No Client, no Bsn.

/// <summary>JW319 or JW320.</summary>
public sealed record Antwoordbericht(Berichtsoort Soort, Header Header, Antwoord? Antwoord) : IjwBericht(Soort, Header);

public sealed record Antwoord(
    string ReferentieAanbieder,
    string VerzoekAntwoord,
    string? RedenAfwijzingVerzoek,
    Woonplaatsbeginsel? Woonplaatsbeginsel,
    IReadOnlyList<string>? RetourCodes = null);

public sealed record Woonplaatsbeginsel(string Gemeente, IReadOnlyList<string>? RetourCodes = null);

using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>The unit a deadline is counted in.</summary>
public enum TermijnEenheid
{
    /// <summary>Werkdagen per HK-WD-1.</summary>
    Werkdagen,

    /// <summary>Calendar days.</summary>
    Dagen,

    /// <summary>Calendar weeks.</summary>
    Weken,

    /// <summary>Calendar months.</summary>
    Maanden,

    /// <summary>Calendar years.</summary>
    Jaren,
}

/// <summary>The party that owes a deadline.</summary>
public enum Partij
{
    /// <summary>The municipality.</summary>
    Gemeente,

    /// <summary>The provider.</summary>
    Aanbieder,

    /// <summary>The referrer.</summary>
    Verwijzer,

    /// <summary>The region.</summary>
    Regio,
}

/// <summary>A deadline of HK spec §12, as data.</summary>
/// <param name="Id">Stable id, the HK rule id it comes from (e.g. HK-315-3).</param>
/// <param name="Omschrijving">Dutch description.</param>
/// <param name="Partij">Who owes it.</param>
/// <param name="Aantal">How many units.</param>
/// <param name="Eenheid">The unit.</param>
/// <param name="Advies">True for advice (a signal, not a breach), e.g. the JW317 lead time.</param>
/// <param name="Geldigheid">When it is in force.</param>
public sealed record Termijn(
    string Id,
    string Omschrijving,
    Partij Partij,
    int Aantal,
    TermijnEenheid Eenheid,
    bool Advies,
    Periode Geldigheid);

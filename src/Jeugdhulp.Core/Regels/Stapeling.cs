using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>Outcome of combining a requested product with a running allocation (HK spec §10).</summary>
public enum StapelingUitkomst
{
    /// <summary>May be combined.</summary>
    Toegestaan,

    /// <summary>Needs the procesregisseur or an additional decision: a human looks at it.</summary>
    Beoordelen,

    /// <summary>May not be combined: rejection with reden 6.</summary>
    Verboden,
}

/// <summary>
/// Who a stacking rule is about: a single product (<c>product:45F32</c>) or a whole lot
/// (<c>perceel:KDC</c>). A product selector is more specific than a lot selector.
/// </summary>
/// <param name="Soort">"product" or "perceel".</param>
/// <param name="Code">The product code or lot code.</param>
public sealed record StapelingSelector(string Soort, string Code)
{
    /// <inheritdoc />
    public override string ToString() => $"{Soort}:{Code}";
}

/// <summary>
/// One cell of the stacking/concurrence matrix: <see cref="A"/> with <see cref="B"/> (symmetric) has
/// outcome <see cref="Uitkomst"/>. The most specific matching cell wins.
/// </summary>
/// <param name="A">One side.</param>
/// <param name="B">The other side.</param>
/// <param name="Uitkomst">Allowed, review or forbidden.</param>
/// <param name="RegelId">The HK rule id this cell implements.</param>
/// <param name="Toelichting">Dutch explanation shown with the decision.</param>
/// <param name="Geldigheid">When the cell is in force.</param>
public sealed record StapelingsRegel(
    StapelingSelector A,
    StapelingSelector B,
    StapelingUitkomst Uitkomst,
    string RegelId,
    string Toelichting,
    Periode Geldigheid);

using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toewijzing;

/// <summary>
/// An allocation (JW301 ToegewezenProduct) as the municipality has recorded it: the latest version of
/// this number (IV013).
/// </summary>
/// <param name="Nummer">ToewijzingNummer.</param>
/// <param name="Client">The client it is for.</param>
/// <param name="Aanbieder">The provider.</param>
/// <param name="Product">Product code.</param>
/// <param name="Categorie">Product category.</param>
/// <param name="Ingangsdatum">Start.</param>
/// <param name="Einddatum">End; null when open-ended.</param>
/// <param name="Omvang">Size; null for a budget allocation.</param>
/// <param name="Budget">Budget in eurocent, when any.</param>
/// <param name="Toewijzingsdatum">Decision date (IV013).</param>
/// <param name="Toewijzingstijd">Decision time (IV013).</param>
/// <param name="ReferentieAanbieder">The request reference it answered, if any (TR379).</param>
/// <param name="Herkomst">The referrer type of the original request (route of origin, HK-317-1).</param>
/// <param name="KerenEinddatumVerschoven">How often the end date was moved via HK-317-5.</param>
/// <param name="RedenWijziging">iJw RedenWijziging of the latest version; "13" means deleted.</param>
/// <param name="OorspronkelijkeEinddatum">
/// The end date of the first version, for the 50% rule of HK-317-5; null means <see cref="Einddatum"/>.
/// </param>
public sealed record VastgelegdeToewijzing(
    int Nummer,
    Bsn Client,
    AgbCode Aanbieder,
    ProductCode Product,
    string Categorie,
    DateOnly Ingangsdatum,
    DateOnly? Einddatum,
    Omvang? Omvang,
    long? Budget,
    DateOnly Toewijzingsdatum,
    TimeOnly Toewijzingstijd,
    string? ReferentieAanbieder,
    VerwijzerType Herkomst,
    int KerenEinddatumVerschoven = 0,
    string? RedenWijziging = null,
    DateOnly? OorspronkelijkeEinddatum = null)
{
    /// <summary>iJw RedenWijziging "Verwijderd" (withdrawal, HK-301-6).</summary>
    public const string Verwijderd = "13";

    /// <summary>True when withdrawn (RedenWijziging 13, CS335): it never counts as care.</summary>
    public bool IsVerwijderd => RedenWijziging == Verwijderd;

    /// <summary>The period of the allocation.</summary>
    public Periode Periode => Periode.Maak(Ingangsdatum, Einddatum is { } e && e < Ingangsdatum ? Ingangsdatum : Einddatum).Waarde;

    /// <summary>True when not deleted and running on <paramref name="dag"/>.</summary>
    public bool LooptOp(DateOnly dag) => !IsVerwijderd && Periode.Bevat(dag);

    /// <summary>True when not deleted and sharing a day with <paramref name="periode"/>.</summary>
    public bool Overlapt(Periode periode) => !IsVerwijderd && Periode.Overlapt(periode);
}

/// <summary>A request of this client that is still open (no JW301 or final JW319 yet), for OP347.</summary>
/// <param name="Aanbieder">The provider.</param>
/// <param name="ReferentieAanbieder">Its reference.</param>
/// <param name="Product">Requested product.</param>
/// <param name="Periode">Requested period.</param>
public sealed record OpenVerzoek(AgbCode Aanbieder, string ReferentieAanbieder, ProductCode Product, Periode Periode);

/// <summary>
/// What the municipality knows about the client when it decides: the client's own allocations (current,
/// past and deleted, every provider), the allocations of the other members of the household (for the
/// family, dummy and age rules) and the client's open requests.
/// </summary>
/// <param name="Toewijzingen">The client's allocations in this municipality.</param>
/// <param name="Huishouden">Allocations of the other household members in this municipality.</param>
/// <param name="OpenVerzoeken">The client's requests still being assessed.</param>
/// <param name="GedeclareerdeMinuten">
/// Per ToewijzingNummer of the client's own allocations: the minutes of the approved declarations (debet
/// minus credit), for HK-317-5 ("de toegekende minuten zijn nog niet verbruikt"); null or a missing number
/// means nothing is declared.
/// </param>
/// <param name="GemeenteProcesregie">
/// The ToewijzingNummers of the client's allocations on which the municipality holds procesregie (HK-317-7); null
/// or a missing number means it does not.
/// </param>
public sealed record Clienttoestand(
    IReadOnlyList<VastgelegdeToewijzing> Toewijzingen,
    IReadOnlyList<VastgelegdeToewijzing> Huishouden,
    IReadOnlyList<OpenVerzoek> OpenVerzoeken,
    IReadOnlyDictionary<int, long>? GedeclareerdeMinuten = null,
    IReadOnlySet<int>? GemeenteProcesregie = null)
{
    /// <summary>A client the municipality has never allocated anything to.</summary>
    public static Clienttoestand Leeg { get; } = new([], [], []);
}

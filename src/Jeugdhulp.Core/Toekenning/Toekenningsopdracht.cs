using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toekenning;

/// <summary>The route of a municipality's own allocation (HK-ROUTE-2, HK-ROUTE-3).</summary>
public enum Toegangsroute
{
    /// <summary>Maatwerkrapportage of the lokale toegang (HK-ROUTE-2, HK-301-4); referrer type 01.</summary>
    LokaleToegang,

    /// <summary>Jeugdhulpbepaling of a gecertificeerde instelling (HK-ROUTE-3, HK-301-3); referrer type 04.</summary>
    GecertificeerdeInstelling,
}

/// <summary>Who holds procesregie over a trajectory (HK-317-7, the Leidraad Procesregie).</summary>
public enum Procesregiehouder
{
    /// <summary>Nobody holds it.</summary>
    Niemand,

    /// <summary>The municipality, through a procesregisseur of the lokale toegang.</summary>
    Gemeente,

    /// <summary>The gecertificeerde instelling.</summary>
    GecertificeerdeInstelling,

    /// <summary>The medical referrer.</summary>
    MedischeVerwijzer,
}

/// <summary>Who holds procesregie, and for the municipality the procesregisseur's team.</summary>
/// <param name="Houder">Who holds it.</param>
/// <param name="Team">The procesregisseur's team (only for <see cref="Procesregiehouder.Gemeente"/>).</param>
public sealed record Procesregie(Procesregiehouder Houder, string? Team);

/// <summary>
/// One allocation the municipality issues itself (HK-301-3, HK-301-4): from the form, the API or one CSV line.
/// </summary>
/// <param name="Gemeente">The issuing municipality.</param>
/// <param name="Client">The youth's BSN (or, HK-PRD-5, the parent's); null when the client has none or must stay anonymous (HK-ROUTE-4).</param>
/// <param name="Route">Lokale toegang or GI.</param>
/// <param name="Verwijzer">Who in the lokale toegang or which GI decided (name), kept with the decision.</param>
/// <param name="Aanbieder">The provider.</param>
/// <param name="Product">The product code.</param>
/// <param name="Ingangsdatum">Start.</param>
/// <param name="Einddatum">End (the catalogue's products all have a maximum duration, so normally filled).</param>
/// <param name="Omvang">Volume with unit and frequency; for a family product the family's budget.</param>
/// <param name="Gezinsleden">For a family product (HK-PRD-4): the other children directly part of the help.</param>
/// <param name="Commentaar">Free text kept with the decision.</param>
/// <param name="Motivering">The written reason for exceeding a guideline; required when a check asks for a person.</param>
/// <param name="Procesregie">Who holds procesregie over this trajectory; null = nobody recorded.</param>
public sealed record Toekenningsopdracht(
    Gemeentecode Gemeente,
    Bsn? Client,
    Toegangsroute Route,
    string? Verwijzer,
    AgbCode Aanbieder,
    ProductCode Product,
    DateOnly Ingangsdatum,
    DateOnly? Einddatum,
    Omvang? Omvang,
    IReadOnlyList<Bsn> Gezinsleden,
    string? Commentaar = null,
    string? Motivering = null,
    Procesregie? Procesregie = null)
{
    /// <summary>The referrer type the allocation is recorded with (route of origin, HK-317-1).</summary>
    public VerwijzerType Herkomst => Route == Toegangsroute.GecertificeerdeInstelling ? VerwijzerType.GecertificeerdeInstelling : VerwijzerType.Gemeente;
}

/// <summary>The moment the municipality decides (IV013), in Dutch local time: the caller converts the clock to Europe/Amsterdam.</summary>
/// <param name="Datum">Toewijzingsdatum.</param>
/// <param name="Tijd">Toewijzingstijd, to the second.</param>
public sealed record Toewijzingsmoment(DateOnly Datum, TimeOnly Tijd)
{
    /// <summary>The moment <paramref name="nu"/> in <paramref name="zone"/>, to the second.</summary>
    public static Toewijzingsmoment In(DateTimeOffset nu, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var lokaal = TimeZoneInfo.ConvertTime(nu, zone).DateTime;
        return new(DateOnly.FromDateTime(lokaal), new TimeOnly(lokaal.Hour, lokaal.Minute, lokaal.Second));
    }
}

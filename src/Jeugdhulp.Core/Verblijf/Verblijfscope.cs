using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Verblijf;

/// <summary>
/// The 24-hour scope inside the JW315 engine: a request for a product that <c>verblijf.json</c> names gets the
/// findings of <see cref="ScopeBepalen"/> (HK-24-1 etmalen per week from the Omvang, HK-24-4 ages). A JW315 does
/// not say whether intensive ambulatory care follows a residential allocation, so HK-24-5 goes to a person.
/// </summary>
internal static class Verblijfscope
{
    /// <summary>Adds the 24-hour findings to <paramref name="b"/> when <paramref name="product"/> is 24-hour care.</summary>
    public static void Toets(Beoordeling b, Regelset regels, Product product, AangevraagdProduct gevraagd, DateOnly geboren)
    {
        if (regels.Verblijf?.Soort(product.Code) is not { } soort)
        {
            return;
        }

        if (soort == VerblijfSoort.IntensiefAmbulant)
        {
            b.Beoordelen("HK-24-5", "afschalen-onbekend");
            return;
        }

        if (EtmalenPerWeek(gevraagd) is not { } perWeek)
        {
            b.Beoordelen("HK-24-1", "etmalen-onbekend", ("omvang", $"{gevraagd.Omvang}"));
            return;
        }

        foreach (var bevinding in ScopeBepalen.Bepaal(new Verblijfaanvraag(product.Code, gevraagd.Ingangsdatum, perWeek, false, geboren), regels).Bevindingen)
        {
            b.Neem(bevinding);
        }
    }

    /// <summary>The average etmalen per week of an Omvang in etmalen (unit 14); null when it cannot be known.</summary>
    internal static decimal? EtmalenPerWeek(AangevraagdProduct gevraagd)
    {
        if (gevraagd.Omvang is not { Eenheid: "14" } omvang)
        {
            return null;
        }

        return omvang.Frequentie switch
        {
            "1" => omvang.Volume * 7m,
            "2" => omvang.Volume,
            "6" when gevraagd.Einddatum is { } eind => Verblijfdagen.PerWeek(omvang.Volume, gevraagd.Ingangsdatum, eind),
            _ => null,
        };
    }
}

using System.Globalization;
using Jeugdhulp.Core.Regels;

namespace Jeugdhulp.Demo;

/// <summary>
/// The 24-hour part of the region: seed 003 gives all 24-hour care to a Samenwerkingsverband of three providers,
/// so the region gets three synthetic providers with a contract for every 24-hour product and the meerzorg carrier
/// in every municipality. Made after the rest of the region (its own branch of the seed), so the ambulatory
/// providers, contracts and households stay what they were.
/// </summary>
internal sealed partial class Regio
{
    private static readonly string[] Verblijfnamen = ["Kustlicht", "Meerstad", "Polderhuis"];

    /// <summary>The Samenwerkingsverband's providers (empty when the rules have no 24-hour products).</summary>
    public List<Aanbieder> Verblijfaanbieders { get; } = [];

    /// <summary>
    /// Rough tariffs in eurocent per etmaal (per minute for intensive ambulatory care, per hour for meerzorg): the
    /// order of magnitude of Dutch 24-hour youth care, pleegzorg lowest and Jeugdzorg Plus highest. The region's
    /// real tariffs are in its contracts; these only make the declarations plausible.
    /// </summary>
    private static long Verblijftarief(VerblijfSoort? soort) => soort switch
    {
        VerblijfSoort.Pleegzorg => 5_500,
        VerblijfSoort.BegeleidWonen => 19_000,
        VerblijfSoort.BegeleidWonenPlus => 24_000,
        VerblijfSoort.BehandeldWonen => 32_000,
        VerblijfSoort.LtaSgLvg => 38_000,
        VerblijfSoort.LtaMtfcp => 42_000,
        VerblijfSoort.Crisis => 40_000,
        VerblijfSoort.JeugdzorgPlus => 52_000,
        VerblijfSoort.IntensiefAmbulant => 160,
        _ => 8_500,
    };

    /// <summary>The 24-hour products and the meerzorg carrier in force on the start, in code order.</summary>
    public List<Product> Verblijfproducten() => Regels.Verblijf is not { } v
        ? []
        : [.. Regels.Producten.Where(p => v.Soort(p.Code) is not null || p.Code == v.Meerzorg.Product).OrderBy(p => p.Code.Waarde, StringComparer.Ordinal)];

    /// <summary>Adds the Samenwerkingsverband's providers and their contracts.</summary>
    public void MaakSamenwerkingsverband(Toeval t)
    {
        var producten = Verblijfproducten();
        if (producten.Count == 0)
        {
            return;
        }

        var agbs = Aanbieders.Select(a => a.Agb).ToHashSet(StringComparer.Ordinal);
        foreach (var naam in Verblijfnamen)
        {
            string agb;
            do
            {
                agb = "98" + t.Getal(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            }
            while (!agbs.Add(agb));

            var a = new Aanbieder(agb, "Jeugdhulp met Verblijf " + naam);
            Aanbieders.Add(a);
            Verblijfaanbieders.Add(a);
            foreach (var g in Gemeenten)
            {
                foreach (var p in producten)
                {
                    var basis = Verblijftarief(Regels.Verblijf!.Soort(p.Code));
                    Contracten.Add(new Contractregel(g, agb, p.Code.Waarde, basis + (basis * t.Tussen(-4, 4) / 100)));
                    contractSleutels.Add((agb, g, p.Code.Waarde));
                }
            }
        }

        Contracten.Sort((x, y) => string.CompareOrdinal($"{x.Gemeente},{x.Aanbieder},{x.Product}", $"{y.Gemeente},{y.Aanbieder},{y.Product}"));
    }
}

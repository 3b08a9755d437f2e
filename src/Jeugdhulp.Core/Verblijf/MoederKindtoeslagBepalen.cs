using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Verblijf;

/// <summary>One use of the moeder-kindtoeslag: a child staying with its mother in a mother-and-child facility (HK-24-11).</summary>
/// <param name="Gemeente">The municipality.</param>
/// <param name="Referentie">The record's reference.</param>
/// <param name="Kind">The child.</param>
/// <param name="Aanbieder">The facility's provider (AGB code).</param>
/// <param name="BesluitMoeder">The reference of the mother's youth-care decision; null or empty when there is none.</param>
/// <param name="Van">First etmaal.</param>
/// <param name="Tot">Last etmaal (inclusive).</param>
/// <param name="Rapportage">The day the provider's 3-month report came in; null while not.</param>
public sealed record MoederKindgebruik(string Gemeente, string Referentie, Bsn Kind, string Aanbieder, string? BesluitMoeder, DateOnly Van, DateOnly Tot, DateOnly? Rapportage);

/// <summary>The toeslag for a use: findings, deadlines and the amount per calendar year (euro).</summary>
/// <param name="Oordeel">Findings and deadlines.</param>
/// <param name="Bedragen">Per year: etmalen and amount; empty when refused.</param>
public sealed record MoederKindtoeslag(Verblijfoordeel Oordeel, IReadOnlyList<(int Jaar, int Etmalen, decimal Bedrag)> Bedragen)
{
    /// <summary>The total amount.</summary>
    public decimal Totaal => Bedragen.Sum(b => b.Bedrag);
}

/// <summary>
/// HK-24-11: €84.03 per etmaal per child (2019 price, indexed per year as data in verblijf.json), only on the
/// mother's youth-care decision (no separate decision for the child: the partnership records the use); the
/// provider reports after 3 months (HK-24-11 in termijnen.json), a deadline. A year without a tariff gets no
/// amount and goes to a person: the product never guesses an index.
/// </summary>
public static class MoederKindtoeslagBepalen
{
    /// <summary>The toeslag for <paramref name="g"/>.</summary>
    public static MoederKindtoeslag Bepaal(MoederKindgebruik g, Regelset regels, Werkdagenkalender kalender)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(regels);
        if (regels.Verblijf is not { } v)
        {
            return new(Verblijfoordeel.ZonderRegels(regels, "HK-24-11"), []);
        }

        var b = new Beoordeling();
        var t = new List<Verplichting>();
        if (string.IsNullOrWhiteSpace(g.BesluitMoeder))
        {
            b.Afwijzen("HK-24-11", RedenAfwijzing.PastNietBinnenContract, "geen-besluit-moeder");
            return new(new(b.Bevindingen, t, regels), []);
        }

        b.Ok("HK-24-11", "besluit-moeder", ("besluit", g.BesluitMoeder));
        var bedragen = new List<(int, int, decimal)>();
        for (var jaar = g.Van.Year; jaar <= g.Tot.Year; jaar++)
        {
            var van = jaar == g.Van.Year ? g.Van : new DateOnly(jaar, 1, 1);
            var tot = jaar == g.Tot.Year ? g.Tot : new DateOnly(jaar, 12, 31);
            var etmalen = Verblijfdagen.Aantal(van, tot);
            if (v.Tarief(jaar) is { } tarief)
            {
                var bedrag = etmalen * tarief.BedragPerEtmaal;
                bedragen.Add((jaar, etmalen, bedrag));
                b.Ok("HK-24-11", "bedrag", ("jaar", $"{jaar}"), ("etmalen", $"{etmalen}"), ("tarief", $"{tarief.BedragPerEtmaal:0.00}"), ("bedrag", $"{bedrag:0.00}"));
            }
            else
            {
                b.Beoordelen("HK-24-11", "geen-tarief", ("jaar", $"{jaar}"), ("etmalen", $"{etmalen}"));
            }
        }

        if (g.Rapportage is null && regels.Termijn("HK-24-11") is { } rapport)
        {
            t.Add(new Verplichting(rapport.Partij, g.Aanbieder, "rapportage moeder-kindtoeslag", g.Referentie, g.Kind, TermijnenBewaken.Vervalt(rapport, g.Van, kalender), rapport.Id, rapport.Advies));
        }

        return new(new(b.Bevindingen, t, regels), bedragen);
    }
}

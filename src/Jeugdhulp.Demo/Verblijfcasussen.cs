using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Verblijf;

namespace Jeugdhulp.Demo;

/// <summary>What happens to a crisis placement after its first day (HK-24-8).</summary>
internal enum Crisisverloop
{
    /// <summary>A regular placement, no crisis.</summary>
    Geen,

    /// <summary>Perspective, dialogue and regisseur recorded in the first two weeks; a follow-up placement before day 28.</summary>
    Vervolg,

    /// <summary>Nothing recorded after the first day: the day-14 perspective (and the dialogue and regisseur) run late.</summary>
    ZonderPerspectief,

    /// <summary>A perspective but no follow-up placement: the day-28 bridging signal is due.</summary>
    Overbrugging,
}

/// <summary>
/// One planned 24-hour trajectory: the municipality allocates it itself (HK-ROUTE-2 lokale toegang, HK-ROUTE-3 GI)
/// after its beschikking on <see cref="Dag"/>, and records the placement. Optionally a consult first (HK-24-6), a
/// meerzorg request (HK-24-10) and, for a young mother, the moeder-kindtoeslag for her baby (HK-24-11).
/// </summary>
internal sealed record Verblijfcasus(
    DateOnly Dag,
    string Gemeente,
    Huishouden Huishouden,
    Persoon Client,
    Product Product,
    Aanbieder Aanbieder,
    Plaatsingsroute Route,
    bool Gi,
    int Maanden,
    Crisisverloop Crisis,
    bool Consult,
    bool Meerzorg,
    Persoon? Baby);

/// <summary>
/// The 24-hour trajectories of a run, in the proportions of docs/VERBLIJF.md ("The demo region"): about one client in
/// twelve in 24-hour care (CBS: roughly 40 of every 470 thousand youths with jeugdhulp had it with verblijf), five
/// crises per 1,000 clients per month (at least three, one of each <see cref="Crisisverloop"/>), meerzorg for about one
/// in five placements of an LVG or residential product with a ZZP, a moeder-kindtoeslag per 250 clients (at least
/// one) and a consult before a third of the regular placements, plus one consult per 100 clients that ends otherwise.
/// Drawn from its own branch of the seed, after the rest of the region.
/// </summary>
internal static class Verblijfcasussen
{
    /// <summary>Share of the clients in 24-hour care.</summary>
    public const double AandeelVerblijf = 1.0 / 12;

    /// <summary>Crises per client per month.</summary>
    public const double CrisesPerClientPerMaand = 0.005;

    /// <summary>Share of the placements with a ZZP that ask meerzorg.</summary>
    public const double AandeelMeerzorg = 0.2;

    /// <summary>Clients per moeder-kindtoeslag.</summary>
    public const int ClientenPerMoederKind = 250;

    /// <summary>Regular products and their weight: pleegzorg most, then Behandeld Wonen (the national mix, roughly).</summary>
    private static readonly (VerblijfSoort Soort, double Gewicht)[] Mix =
    [
        (VerblijfSoort.Pleegzorg, 40), (VerblijfSoort.BehandeldWonen, 20), (VerblijfSoort.BegeleidWonen, 5), (VerblijfSoort.BegeleidWonenPlus, 5),
        (VerblijfSoort.JeugdzorgPlus, 8), (VerblijfSoort.LtaSgLvg, 12), (VerblijfSoort.LtaMtfcp, 3),
    ];

    /// <summary>The ZZP of the meerzorg table (verblijf.json) that goes with a product, or null when it has none.</summary>
    public static string? Zzp(Product p, VerblijfSoort? soort) => soort switch
    {
        VerblijfSoort.LtaSgLvg => p.Naam.EndsWith('5') ? "LVG5" : "LVG4",
        VerblijfSoort.BehandeldWonen => "Behandeld Wonen",
        VerblijfSoort.BegeleidWonen => "Begeleid Wonen",
        VerblijfSoort.BegeleidWonenPlus => "Begeleid Wonen Plus",
        _ => null,
    };

    public static List<Verblijfcasus> Maak(Regio regio, Toeval t, int clienten, int maanden, DateOnly eind)
    {
        var lijst = new List<Verblijfcasus>();
        if (regio.Regels.Verblijf is not { } v || regio.Verblijfaanbieders.Count == 0)
        {
            return lijst;
        }

        var producten = regio.Verblijfproducten();
        Product? Van(VerblijfSoort soort) => producten.FirstOrDefault(p => v.Soort(p.Code) == soort);
        var mix = Mix.Where(m => Van(m.Soort) is not null).ToList();
        if (Van(VerblijfSoort.Crisis) is not { } crisisproduct || mix.Count == 0)
        {
            return lijst;
        }

        var dagen = Math.Max(1, eind.DayNumber - regio.Start.DayNumber + 1);
        var regulier = Math.Max(1, (int)Math.Round(clienten * AandeelVerblijf));
        for (var i = 0; i < regulier; i++)
        {
            var soort = mix[t.Gewogen([.. mix.Select(m => m.Gewicht)])].Soort;
            var alle = producten.Where(p => v.Soort(p.Code) == soort).ToList();
            var product = t.Kies(alle);
            var (h, client) = Client(regio, t, soort is VerblijfSoort.JeugdzorgPlus or VerblijfSoort.LtaMtfcp ? 12 : soort is VerblijfSoort.BegeleidWonen or VerblijfSoort.BegeleidWonenPlus ? 16 : 4);
            var gi = soort == VerblijfSoort.JeugdzorgPlus || t.Kans(0.2);
            var meerzorg = Zzp(product, soort) is not null && t.Kans(AandeelMeerzorg);
            lijst.Add(new Verblijfcasus(regio.Start.AddDays(t.Getal(dagen)), h.Gemeente, h, client, product, t.Kies(regio.Verblijfaanbieders),
                Plaatsingsroute.Regulier, gi, t.Kans(0.6) ? 6 : 12, Crisisverloop.Geen, t.Kans(1.0 / 3), meerzorg, null));
        }

        // Every run that has placements with a ZZP shows meerzorg: one early enough to be decided in the run, and
        // (when there is one) one late enough to be still open at the end, with its decision deadline.
        var metZzp = lijst.Where(c => Zzp(c.Product, v.Soort(c.Product.Code)) is not null).OrderBy(c => c.Dag).ToList();
        if (!metZzp.Any(c => c.Meerzorg && c.Dag <= eind.AddDays(-40)) && metZzp.FirstOrDefault(c => c.Dag <= eind.AddDays(-40)) is { } vroeg)
        {
            lijst[lijst.IndexOf(vroeg)] = vroeg with { Meerzorg = true };
        }

        if (!metZzp.Any(c => c.Meerzorg && c.Dag > eind.AddDays(-25)) && metZzp.LastOrDefault(c => c.Dag > eind.AddDays(-25) && c.Dag < eind.AddDays(-5)) is { } laat)
        {
            lijst[lijst.IndexOf(laat)] = laat with { Meerzorg = true };
        }

        // Moeder-kindtoeslag: a young mother in Begeleid Wonen Plus with her baby (only on her own decision, HK-24-11).
        if (Van(VerblijfSoort.BegeleidWonenPlus) is { } bwPlus)
        {
            for (var i = 0; i < Math.Max(1, clienten / ClientenPerMoederKind); i++)
            {
                var gemeente = regio.Gemeenten[t.Gewogen(regio.GemeenteGewichten)];
                var h = regio.NieuwHuishouden(t, gemeente);
                var moeder = regio.VoegToe(t, h, 17) with { Geslacht = "2" };
                h.Leden[^1] = moeder;
                var baby = regio.VoegToe(t, h, 0);
                lijst.Add(new Verblijfcasus(regio.Start.AddDays(t.Getal(Math.Max(1, dagen - 30))), gemeente, h, moeder, bwPlus, t.Kies(regio.Verblijfaanbieders),
                    Plaatsingsroute.Regulier, false, 6, Crisisverloop.Geen, false, false, baby));
            }
        }

        // Crises: the earlier ones get a follow-up; the last two start late enough to still run on the first werkdag
        // after the run, one without anything recorded (day 14 overdue), one waiting for a follow-up (day 28 signal).
        var crises = Math.Max(3, (int)Math.Round(clienten * maanden * CrisesPerClientPerMaand));
        for (var i = 0; i < crises; i++)
        {
            var verloop = i == crises - 2 ? Crisisverloop.ZonderPerspectief : i == crises - 1 ? Crisisverloop.Overbrugging : Crisisverloop.Vervolg;
            var dag = verloop switch
            {
                Crisisverloop.ZonderPerspectief => eind.AddDays(-t.Tussen(15, 20)),
                Crisisverloop.Overbrugging => eind.AddDays(-t.Tussen(22, 25)),
                _ => regio.Start.AddDays(t.Getal(Math.Max(1, dagen - 35))),
            };
            var route = new[] { Plaatsingsroute.Crisis, Plaatsingsroute.VeiligThuis, Plaatsingsroute.Gedwongen }[t.Gewogen([40, 30, 30])];
            var (h, client) = Client(regio, t, 4);
            lijst.Add(new Verblijfcasus(dag < regio.Start ? regio.Start : dag, h.Gemeente, h, client, crisisproduct, t.Kies(regio.Verblijfaanbieders),
                route, route == Plaatsingsroute.Gedwongen, 0, verloop, false, false, null));
        }

        return [.. lijst.OrderBy(c => c.Dag)];
    }

    /// <summary>A new household with a child of at least <paramref name="vanaf"/> (up to 17) as the client.</summary>
    private static (Huishouden, Persoon) Client(Regio regio, Toeval t, int vanaf)
    {
        var h = regio.NieuwHuishouden(t, regio.Gemeenten[t.Gewogen(regio.GemeenteGewichten)]);
        var kinderen = h.Kinderen(regio.Start).Where(k => k.LeeftijdOp(regio.Start) >= vanaf && k.LeeftijdOp(regio.Start) <= 16).ToList();
        return (h, kinderen.Count > 0 ? t.Kies(kinderen) : regio.VoegToe(t, h, t.Tussen(vanaf, 16)));
    }
}

using Jeugdhulp.Core.Regels;

namespace Jeugdhulp.Demo;

/// <summary>
/// The care trajectories of the run: per client a household in a municipality (by population), a first
/// request on a day in the run, and what the provider does: Diagnostiek first and then treatment or family
/// care (the usual medical route), straight to guidance (review, HK-315-11), a GI referral (review), Basis
/// Begeleiding (review, HK-315-6) — and about one in seven with a deliberate mistake (<see cref="Afwijking"/>).
/// </summary>
internal static class Casussen
{
    public static List<Casus> Maak(Regio regio, Toeval t, int aantal, DateOnly eind)
    {
        var lijst = new List<Casus>(aantal);
        // A steady inflow up to the last day, so the region's last week has fresh requests like any other week.
        var dagen = Math.Max(1, eind.DayNumber - regio.Start.DayNumber + 1);
        for (var i = 0; i < aantal; i++)
        {
            var gemeente = regio.Gemeenten[t.Gewogen(regio.GemeenteGewichten)];
            var h = regio.NieuwHuishouden(t, gemeente);
            var dag = regio.Start.AddDays(t.Getal(dagen));
            lijst.Add(Maak(regio, t, h, dag));
        }

        return [.. lijst.OrderBy(c => c.Dag)];
    }

    private static Casus Maak(Regio regio, Toeval t, Huishouden h, DateOnly dag)
    {
        var g = h.Gemeente;
        var aanbod = regio.ProductenIn(g);
        var diag = aanbod.FirstOrDefault(regio.IsDiagnostiek);
        var individueel = aanbod.Where(p => p.Soort == ProductSoort.Individueel && p != diag && !AltijdBeoordelen(regio, p)).ToList();
        var basis = aanbod.Where(p => p.Soort == ProductSoort.Individueel && AltijdBeoordelen(regio, p)).ToList();
        var gezin = aanbod.Where(p => p.Soort == ProductSoort.Gezin).ToList();
        var kinderen = h.Kinderen(regio.Start).Where(k => k.LeeftijdOp(regio.Start) < 18).OrderBy(k => k.Geboortedatum).ToList();
        var index = t.Kies(kinderen.Where(k => k.LeeftijdOp(regio.Start) >= 4).ToList());
        var jongste = kinderen[^1];
        var gewoon = individueel.Concat(gezin).ToList();
        var eerste = diag ?? (gewoon.Count > 0 ? t.Kies(gewoon) : t.Kies(aanbod));

        var afwijking = (Afwijking)t.Gewogen([84, 3, 2, 2.5, 2, 1.5, diag is null ? 0 : 1.5, diag is null ? 0 : 2]);
        switch (afwijking)
        {
            case Afwijking.GeenContract:
                var zonder = regio.Aanbieders.Where(a => !regio.HeeftContract(a.Agb, g, eerste.Code.Waarde)).ToList();
                if (zonder.Count > 0)
                {
                    return new Casus(dag, t.Kies(zonder), g, index, h, eerste, afwijking, Vervolg.Geen);
                }

                break;

            case Afwijking.NietInPerceel:
                // The 24-uurs products (issue 14) are left out: their lots have no participants yet, and leaving
                // them out keeps the demo's answers what they were before they were added as data.
                var verblijf = regio.Regels.Verblijf;
                var elders = regio.Regels.Producten
                    .Where(p => p.Soort is ProductSoort.Individueel or ProductSoort.Gezin && !aanbod.Contains(p))
                    .Where(p => verblijf is null || (verblijf.Soort(p.Code) is null && p.Code != verblijf.Meerzorg.Product))
                    .OrderBy(p => p.Code.Waarde, StringComparer.Ordinal).ToList();
                if (elders.Count > 0)
                {
                    var product = t.Kies(elders);
                    var met = regio.Aanbieders.Where(a => regio.Contracten.Any(c => c.Aanbieder == a.Agb && c.Product == product.Code.Waarde)).ToList();
                    return new Casus(dag, t.Kies(met.Count > 0 ? met : regio.Aanbieders), g, index, h, product, afwijking, Vervolg.Geen);
                }

                break;

            case Afwijking.Leeftijd:
                var volwassen = regio.VoegToe(t, h, t.Tussen(18, 22));
                if (Aanbieder(regio, t, g, eerste) is { } a1)
                {
                    return new Casus(dag, a1, g, volwassen, h, eerste, afwijking, Vervolg.Geen);
                }

                break;

            case Afwijking.Woonplaats:
                var andere = regio.Gemeenten.Where(x => x != g && regio.AanbiedersMet(x, eerste.Code.Waarde).Count > 0).ToList();
                if (andere.Count > 0)
                {
                    var g2 = t.Kies(andere);
                    return new Casus(dag, t.Kies(regio.AanbiedersMet(g2, eerste.Code.Waarde)), g2, index, h, eerste, afwijking, Vervolg.Geen);
                }

                break;

            case Afwijking.OnbekendBsn:
                var onbekend = index with { InRegister = false };
                h.Leden[h.Leden.IndexOf(index)] = onbekend;
                if (Aanbieder(regio, t, g, eerste) is { } a2)
                {
                    return new Casus(dag, a2, g, onbekend, h, eerste, afwijking, Vervolg.Geen);
                }

                break;

            case Afwijking.TeLang when diag is not null:
                if (Aanbieder(regio, t, g, diag) is { } a3)
                {
                    return new Casus(dag, a3, g, index, h, diag, afwijking, Vervolg.Geen, Maanden: diag.MaxDuurMaanden is { } m ? m + 6 : 18);
                }

                break;

            case Afwijking.TeVeelUren when diag is not null:
                if (Aanbieder(regio, t, g, diag) is { } a4)
                {
                    return new Casus(dag, a4, g, index, h, diag, afwijking, Vervolg.Individueel, Maanden: 6);
                }

                break;
        }

        // The usual trajectories.
        var kanGezin = gezin.Count > 0 && kinderen.Count >= 2;
        var soort = t.Gewogen([diag is null ? 0 : 45, diag is not null && kanGezin ? 17 : 0, individueel.Count > 0 ? 12 : 0, 3, basis.Count > 0 ? 12 : 0,
            diag is null && gezin.Count > 0 ? 60 : 0]);
        switch (soort)
        {
            case 0 when diag is not null:
                return Gewoon(regio, t, dag, h, index, diag, Vervolg.Individueel);
            case 1 when diag is not null:
                return Gewoon(regio, t, dag, h, jongste, diag, Vervolg.Gezin);
            case 2:
                return Gewoon(regio, t, dag, h, index, t.Kies(individueel), Vervolg.Geen);
            case 3:
                var product = gezin.Count > 0 && kinderen.Count >= 2 ? t.Kies(gezin) : gewoon.Count > 0 ? t.Kies(gewoon) : eerste;
                var client = product.Soort == ProductSoort.Gezin ? jongste : index;
                return Gewoon(regio, t, dag, h, client, product, product.Soort == ProductSoort.Gezin ? Vervolg.Dummies : Vervolg.Geen, Simulatie.GiVerwijzer());
            case 4:
                return Gewoon(regio, t, dag, h, index, t.Kies(basis), Vervolg.Geen);
            default:
                var p = gezin.Count > 0 ? t.Kies(gezin) : eerste;
                return Gewoon(regio, t, dag, h, p.Soort == ProductSoort.Gezin ? jongste : index, p, p.Soort == ProductSoort.Gezin ? Vervolg.Dummies : Vervolg.Geen);
        }
    }

    private static Casus Gewoon(Regio regio, Toeval t, DateOnly dag, Huishouden h, Persoon client, Product product, Vervolg vervolg,
        Ijw.Berichten.Verwijzer? verwijzer = null)
    {
        var aanbieder = Aanbieder(regio, t, h.Gemeente, product) ?? t.Kies(regio.Aanbieders);
        return new Casus(dag, aanbieder, h.Gemeente, client, h, product, Afwijking.Geen, vervolg, verwijzer);
    }

    private static Aanbieder? Aanbieder(Regio regio, Toeval t, string gemeente, Product product) =>
        regio.AanbiedersMet(gemeente, product.Code.Waarde) is { Count: > 0 } met ? t.Kies(met) : null;

    private static bool AltijdBeoordelen(Regio regio, Product p) => regio.Regels.Perceel(p.Perceel) is { Jw315AltijdBeoordelen: true };
}

using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Verblijf;

/// <summary>A request for 24-hour care to test against the scope of the partnership.</summary>
/// <param name="Product">The requested product.</param>
/// <param name="Ingangsdatum">Start of the stay.</param>
/// <param name="EtmalenPerWeek">Average etmalen per week over the trajectory (<see cref="Verblijfdagen.PerWeek"/>).</param>
/// <param name="AfschalenUitVerblijf">True when this follows a residential allocation that is scaled down (HK-24-5).</param>
/// <param name="Geboortedatum">The youth's birth date, when known (Begeleid Wonen ages, HK-24-4).</param>
public sealed record Verblijfaanvraag(ProductCode Product, DateOnly Ingangsdatum, decimal EtmalenPerWeek, bool AfschalenUitVerblijf, DateOnly? Geboortedatum);

/// <summary>
/// HK-24-1, HK-24-2, HK-24-4, HK-24-5: is the requested care regional 24-hour care? Out-of-scope kinds are
/// refused with the region's reason (reden 4); fewer than the minimum etmalen per week is short stay, local
/// (refused) — except intensive ambulatory care when scaling down, which is regional only then; Begeleid Wonen
/// is for youths up to 17 or young adults 18–22. Every number and list comes from <c>verblijf.json</c>.
/// </summary>
public static class ScopeBepalen
{
    /// <summary>The findings on <paramref name="aanvraag"/> under the rules in force on its start date.</summary>
    public static Verblijfoordeel Bepaal(Verblijfaanvraag aanvraag, Regelset regels)
    {
        ArgumentNullException.ThrowIfNull(aanvraag);
        ArgumentNullException.ThrowIfNull(regels);
        if (regels.Verblijf is not { } v)
        {
            return Verblijfoordeel.ZonderRegels(regels, "HK-24-2");
        }

        var b = new List<Bevinding>();
        var product = regels.Product(aanvraag.Product);
        if (v.Soort(aanvraag.Product) is not { } soort)
        {
            var buiten = v.BuitenScope.FirstOrDefault(x => x.Producten.Contains(aanvraag.Product) || (product is not null && x.Percelen.Contains(product.Perceel)));
            b.Add(new Bevinding("HK-24-2", Uitkomst.Afgewezen, RedenAfwijzing.PastNietBinnenContract, buiten is not null
                ? $"{aanvraag.Product} ({buiten.Naam}) valt buiten de 24-uurs jeugdhulp van het samenwerkingsverband: {buiten.Reden}"
                : $"{aanvraag.Product} is geen product van de 24-uurs jeugdhulp van het samenwerkingsverband."));
            return new(b, [], regels.Label);
        }

        b.Add(new Bevinding("HK-24-2", Uitkomst.Toegekend, null, $"{aanvraag.Product} ({product?.Naam ?? soort.ToString()}) valt binnen de 24-uurs jeugdhulp."));
        if (soort == VerblijfSoort.IntensiefAmbulant)
        {
            b.Add(aanvraag.AfschalenUitVerblijf
                ? new Bevinding("HK-24-5", Uitkomst.Toegekend, null, "Intensief ambulant bij afschalen uit verblijf: regionaal, ook met minder dan 4 etmalen per week.")
                : new Bevinding("HK-24-5", Uitkomst.Afgewezen, RedenAfwijzing.PastNietBinnenContract,
                    "Intensief ambulante hulp ter voorkoming van verblijf is een lokaal product; regionaal alleen bij afschalen uit verblijf."));
        }
        else if (aanvraag.EtmalenPerWeek < v.MinEtmalenPerWeek)
        {
            b.Add(new Bevinding("HK-24-1", Uitkomst.Afgewezen, RedenAfwijzing.PastNietBinnenContract,
                $"Gemiddeld {aanvraag.EtmalenPerWeek} etmalen per week is minder dan {v.MinEtmalenPerWeek}: kortdurend verblijf, lokale jeugdhulp."));
        }
        else
        {
            b.Add(new Bevinding("HK-24-1", Uitkomst.Toegekend, null, $"Gemiddeld {aanvraag.EtmalenPerWeek} etmalen per week, ten minste {v.MinEtmalenPerWeek}."));
        }

        if (soort is VerblijfSoort.BegeleidWonen or VerblijfSoort.BegeleidWonenPlus)
        {
            b.Add(Leeftijd(aanvraag, v.BegeleidWonen));
        }

        return new(b, [], regels.Label);
    }

    private static Bevinding Leeftijd(Verblijfaanvraag aanvraag, BegeleidWonenLeeftijd grens)
    {
        if (aanvraag.Geboortedatum is not { } geboren)
        {
            return new Bevinding("HK-24-4", Uitkomst.Beoordelen, null, "Geboortedatum onbekend: de leeftijdsgrens van Begeleid Wonen kan niet worden getoetst.");
        }

        var leeftijd = Productcontroles.LeeftijdOp(geboren, aanvraag.Ingangsdatum);
        return leeftijd <= grens.MaxLeeftijdJeugd
            ? new Bevinding("HK-24-4", Uitkomst.Toegekend, null, $"Begeleid Wonen: {leeftijd} jaar, tot en met {grens.MaxLeeftijdJeugd}.")
            : leeftijd >= grens.JongvolwassenVanaf && leeftijd <= grens.JongvolwassenTot
                ? new Bevinding("HK-24-4", Uitkomst.Toegekend, null,
                    $"Begeleid Wonen: {leeftijd} jaar, jongvolwassene ({grens.JongvolwassenVanaf}–{grens.JongvolwassenTot}) met verlengde jeugdhulp. Bij dominante psychiatrische problematiek gaat Beschermd Wonen voor.")
                : new Bevinding("HK-24-4", Uitkomst.Afgewezen, RedenAfwijzing.Leeftijdsgrens,
                    $"Begeleid Wonen is voor jeugdigen tot en met {grens.MaxLeeftijdJeugd} of jongvolwassenen van {grens.JongvolwassenVanaf} tot en met {grens.JongvolwassenTot}; cliënt is {leeftijd}.");
    }
}

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

        var b = new Beoordeling();
        var product = regels.Product(aanvraag.Product);
        if (v.Soort(aanvraag.Product) is not { } soort)
        {
            var buiten = v.BuitenScope.FirstOrDefault(x => x.Producten.Contains(aanvraag.Product) || (product is not null && x.Percelen.Contains(product.Perceel)));
            if (buiten is not null)
            {
                b.Afwijzen("HK-24-2", RedenAfwijzing.PastNietBinnenContract, "buiten-scope", ("product", $"{aanvraag.Product}"), ("naam", buiten.Naam), ("reden", buiten.Reden));
            }
            else
            {
                b.Afwijzen("HK-24-2", RedenAfwijzing.PastNietBinnenContract, "geen-verblijfproduct", ("product", $"{aanvraag.Product}"));
            }

            return new(b.Bevindingen, [], regels);
        }

        b.Ok("HK-24-2", "binnen-scope", ("product", $"{aanvraag.Product}"), ("naam", product?.Naam ?? soort.ToString()));
        var min = $"{v.MinEtmalenPerWeek}";
        if (soort == VerblijfSoort.IntensiefAmbulant && aanvraag.AfschalenUitVerblijf)
        {
            b.Ok("HK-24-5", "afschalen", ("min", min));
        }
        else if (soort == VerblijfSoort.IntensiefAmbulant)
        {
            b.Afwijzen("HK-24-5", RedenAfwijzing.PastNietBinnenContract, "lokaal");
        }
        else if (aanvraag.EtmalenPerWeek < v.MinEtmalenPerWeek)
        {
            b.Afwijzen("HK-24-1", RedenAfwijzing.PastNietBinnenContract, "kortdurend", ("etmalen", $"{aanvraag.EtmalenPerWeek}"), ("min", min));
        }
        else
        {
            b.Ok("HK-24-1", "etmalen", ("etmalen", $"{aanvraag.EtmalenPerWeek}"), ("min", min));
        }

        if (soort is VerblijfSoort.BegeleidWonen or VerblijfSoort.BegeleidWonenPlus)
        {
            Leeftijd(b, aanvraag, v.BegeleidWonen);
        }

        return new(b.Bevindingen, [], regels);
    }

    private static void Leeftijd(Beoordeling b, Verblijfaanvraag aanvraag, BegeleidWonenLeeftijd grens)
    {
        if (aanvraag.Geboortedatum is not { } geboren)
        {
            b.Beoordelen("HK-24-4", "geboortedatum-onbekend");
            return;
        }

        var jaren = Productcontroles.LeeftijdOp(geboren, aanvraag.Ingangsdatum);
        var leeftijd = $"{jaren}";
        if (jaren <= grens.MaxLeeftijdJeugd)
        {
            b.Ok("HK-24-4", "jeugdige", ("leeftijd", leeftijd), ("max", $"{grens.MaxLeeftijdJeugd}"));
        }
        else if (jaren >= grens.JongvolwassenVanaf && jaren <= grens.JongvolwassenTot)
        {
            b.Ok("HK-24-4", "jongvolwassene", ("leeftijd", leeftijd), ("vanaf", $"{grens.JongvolwassenVanaf}"), ("tot", $"{grens.JongvolwassenTot}"));
        }
        else
        {
            b.Afwijzen("HK-24-4", RedenAfwijzing.Leeftijdsgrens, "te-oud", ("max", $"{grens.MaxLeeftijdJeugd}"), ("vanaf", $"{grens.JongvolwassenVanaf}"), ("tot", $"{grens.JongvolwassenTot}"), ("leeftijd", leeftijd));
        }
    }
}

using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toekenning;

/// <summary>
/// The checks of a municipality's own allocation (HK-301-3, HK-301-4), shared by a new allocation and a change
/// (a change checks the same rules): woonplaats, lot, contract, unit, age, duration, guideline intensity and
/// stacking. Each is the JW315 engine's own check (<see cref="Productcontroles"/>), so a rule lives in one place.
/// </summary>
internal static class Toekenningscontroles
{
    /// <summary>The rule id under which the contract and catalogue checks of <paramref name="herkomst"/> are reported.</summary>
    public static string RouteRegel(VerwijzerType herkomst) =>
        herkomst == VerwijzerType.GecertificeerdeInstelling ? "HK-301-3" : "HK-301-4";

    /// <summary>Runs every check for <paramref name="client"/> on <paramref name="product"/> in the period.</summary>
    public static void Controleer(
        Beoordeling b, Beoordelingsbronnen bronnen, Regelset regels, Gemeentecode gemeente, AgbCode aanbieder, Bsn client,
        DateOnly? geboortedatum, Product product, Periode periode, Omvang? omvang, Clienttoestand toestand, string routeRegel)
    {
        var inwoner = Productcontroles.Woonplaatsbeginsel(b, bronnen, regels, client, gemeente);
        Productcontroles.Perceeldeelname(b, regels, gemeente, product);
        Productcontroles.Contract(b, bronnen, gemeente, aanbieder, product, periode.Begin, routeRegel);
        Productcontroles.Eenheid(b, product, omvang);
        if ((inwoner?.Geboortedatum ?? geboortedatum) is { } geboren)
        {
            Productcontroles.Leeftijd(b, bronnen, regels, client, inwoner, geboren, product, periode.Begin, periode.Eind, toestand);
        }
        else
        {
            b.Afwijzen("HK-PRD-6", RedenAfwijzing.Leeftijdsgrens, "geboortedatum-onbekend", ("client", $"{client.Gemaskeerd}"));
        }

        Productcontroles.Duur(b, product, periode.Begin, periode.Eind, alleenHardeGrens: false);
        Productcontroles.Volume(b, product, omvang, periode.Begin, periode.Eind);
        Productcontroles.Stapeling(b, regels, product, periode, toestand.Toewijzingen);
    }

    /// <summary>The status the findings come to: a hard rule blocks; a guideline finding needs a written reason.</summary>
    public static Toekenningsstatus Status(Beoordeling b, string? motivering) => b.Uitkomst switch
    {
        Uitkomst.Afgewezen => Toekenningsstatus.Geblokkeerd,
        Uitkomst.Beoordelen when string.IsNullOrWhiteSpace(motivering) => Toekenningsstatus.MotiveringNodig,
        _ => Toekenningsstatus.Toegekend,
    };

    /// <summary>The decision from the findings; <paramref name="regels"/> are kept only when allowed.</summary>
    public static Toekenningsbesluit Besluit(Beoordeling b, Regelset regelset, string? motivering, IReadOnlyList<ToegewezenProduct> regels,
        VerwijzerType? herkomst = null)
    {
        var status = Status(b, motivering);
        var besluit = b.Maak("", regelset, [], []);
        return new Toekenningsbesluit(status, besluit.Bevindingen, besluit.Signalen, status == Toekenningsstatus.Toegekend ? regels : [],
            string.IsNullOrWhiteSpace(motivering) ? null : motivering.Trim(), regelset.Label)
        {
            Herkomst = herkomst,
        };
    }

    /// <summary>The resident, when the register knows them.</summary>
    public static Inwoner? Inwoner(Beoordelingsbronnen bronnen, Bsn bsn) => bronnen.Inwoners.Zoek(bsn);
}

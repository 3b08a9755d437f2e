using Jeugdhulp.Core.Regels;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Retour;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// A JW323 is answered with a JW325 (IV087). This use case applies only the checks that need nothing but
/// the stored allocations; every other declaration check belongs to the declarations feature. A prestatie
/// is never approved without these: linked to an allocation (TR338 → 9338), of this client and provider
/// (TR304 → 8187), same category and code (TR339/TR340 → 9339/9340), period inside the allocation
/// (TR307/TR308 → 9307/9308), and never on a dummy (extra-client) allocation (HK-323-8 → 9338: a dummy
/// is no declarable toegewezen product).
/// </summary>
internal static class DeclaratieRouteren
{
    public static string Verwerk(Berichtcontext ctx, Declaratiebericht bericht, Regelcatalogus catalogus)
    {
        var gemeente = bericht.Header.Ontvanger;
        var aanbieder = bericht.Header.Afzender;
        var beoordeling = new Declaratiebeoordeling();
        var vanAanbieder = Staat.VanAanbieder(ctx.Tx, gemeente, aanbieder);
        foreach (var client in bericht.Declaratie.Clienten)
        {
            foreach (var p in client.Prestaties)
            {
                foreach (var code in Controleer(ctx, gemeente, aanbieder, client.Bsn, p, vanAanbieder, catalogus))
                {
                    beoordeling.WijsPrestatieAf(p.ProductReferentie.ReferentieNummer, code);
                    ctx.Meldingen.Add($"Prestatie {p.ProductReferentie.ReferentieNummer}: retourcode {code}.");
                }
            }
        }

        ctx.StuurRetour("JW325", bericht, Declaratieantwoordbouwer.Bouw(bericht, ctx.Retourgegevens, beoordeling));
        return beoordeling.PrestatieCodes.Count == 0 ? Uitkomsten.Accepted : Uitkomsten.Rejected;
    }

    private static IEnumerable<string> Controleer(Berichtcontext ctx, string gemeente, string aanbieder, string bsn, Prestatie p,
        Dictionary<long, Core.Toewijzing.VastgelegdeToewijzing> vanAanbieder, Regelcatalogus catalogus)
    {
        if (!vanAanbieder.TryGetValue(p.ToewijzingNummer, out var t))
        {
            // Another provider's number is TR304; no allocation at all is TR338. Rare: one extra look-up.
            yield return Staat.Actueel(ctx.Tx, gemeente, p.ToewijzingNummer) is null ? "9338" : "8187";
            yield break;
        }

        if (t.IsVerwijderd)
        {
            yield return "9338";
            yield break;
        }

        if (t.Aanbieder.Waarde != aanbieder || t.Client.Waarde != bsn)
        {
            yield return "8187";
            yield break;
        }

        if (catalogus.OpDatum(t.Ingangsdatum).Product(t.Product) is { IsDeclareerbaar: false })
        {
            yield return "9338";
            yield break;
        }

        if (p.ProductCategorie != t.Categorie)
        {
            yield return "9339";
        }

        if (p.ProductCode != t.Product.Waarde)
        {
            yield return "9340";
        }

        if (p.ProductPeriode.Begindatum < t.Ingangsdatum)
        {
            yield return "9307";
        }

        if (t.Einddatum is { } eind && p.ProductPeriode.Einddatum > eind)
        {
            yield return "9308";
        }
    }
}

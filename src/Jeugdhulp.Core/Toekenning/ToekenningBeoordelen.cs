using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toekenning;

/// <summary>
/// Issues an allocation the municipality decides itself, from a maatwerkrapportage of the lokale toegang
/// (HK-ROUTE-2, HK-301-4) or a jeugdhulpbepaling of a GI (HK-ROUTE-3, HK-301-3). The same checks as a JW315
/// request; a hard rule blocks, a guideline finding needs a written reason. A family product (HK-PRD-4) puts
/// the volume on the youngest child taking part and a dummy on every other named child. A client without a BSN
/// (HK-ROUTE-4) gets no message at all. Pure: the same inputs give the same decision.
/// </summary>
public sealed class ToekenningBeoordelen
{
    private readonly Beoordelingsbronnen bronnen;

    /// <summary>Creates the use case over its sources.</summary>
    public ToekenningBeoordelen(Beoordelingsbronnen bronnen) =>
        this.bronnen = bronnen ?? throw new ArgumentNullException(nameof(bronnen));

    /// <summary>
    /// Decides <paramref name="opdracht"/>. <paramref name="toestanden"/> holds the state of the client and of every
    /// named family member; <paramref name="volgendNummer"/> is the first free ToewijzingNummer (each line takes the next).
    /// </summary>
    public Toekenningsbesluit Beoordeel(Toekenningsopdracht opdracht, DateOnly? geboortedatum, IReadOnlyDictionary<Bsn, Clienttoestand> toestanden,
        int volgendNummer, Toewijzingsmoment moment)
    {
        ArgumentNullException.ThrowIfNull(opdracht);
        ArgumentNullException.ThrowIfNull(toestanden);
        ArgumentNullException.ThrowIfNull(moment);
        var regels = bronnen.Regels(opdracht.Ingangsdatum);
        var b = new Beoordeling();
        var routeRegel = Toekenningscontroles.RouteRegel(opdracht.Herkomst);

        if (opdracht.Client is not { } client)
        {
            b.Ok("HK-ROUTE-4", "zonder-bsn");
            var zonder = Toekenningscontroles.Besluit(b, regels, opdracht.Motivering, []);
            return zonder with { Status = Toekenningsstatus.GeenBerichtenverkeer };
        }

        Route(b, opdracht);
        var periode = Periode.Maak(opdracht.Ingangsdatum, opdracht.Einddatum);
        if (!periode.IsGeldig)
        {
            b.Afwijzen("CS003", RedenAfwijzing.PastNietBinnenContract, "periode-ongeldig", ("fout", periode.Fouten[0].Melding));
            return Toekenningscontroles.Besluit(b, regels, opdracht.Motivering, []);
        }

        var product = regels.Product(opdracht.Product);
        if (product is null)
        {
            b.Afwijzen(routeRegel, RedenAfwijzing.PastNietBinnenContract, "product-onbekend", ("product", $"{opdracht.Product}"), ("datum", $"{regels.Datum:yyyy-MM-dd}"));
            return Toekenningscontroles.Besluit(b, regels, opdracht.Motivering, []);
        }

        if (product.Soort == ProductSoort.ExtraClient)
        {
            b.Afwijzen("HK-PRD-4", RedenAfwijzing.PastNietBinnenContract, "dummy-toekennen", ("product", product.Code.Waarde), ("hoofd", $"{product.HoofdProduct}"));
            return Toekenningscontroles.Besluit(b, regels, opdracht.Motivering, []);
        }

        var (ontvanger, dummies) = Gezin(b, opdracht, client, product);
        if (b.HeeftAfwijzing)
        {
            return Toekenningscontroles.Besluit(b, regels, opdracht.Motivering, []);
        }

        var toestand = toestanden.GetValueOrDefault(ontvanger) ?? Clienttoestand.Leeg;
        Toekenningscontroles.Controleer(b, bronnen, regels, opdracht.Gemeente, opdracht.Aanbieder, ontvanger,
            ontvanger == client ? geboortedatum : null, product, periode.Waarde, opdracht.Omvang, toestand, routeRegel);

        var lijnen = new List<ToegewezenProduct>
        {
            new(volgendNummer, ontvanger, null, product.Code, product.Categorie, moment.Datum, moment.Tijd, opdracht.Ingangsdatum,
                opdracht.Einddatum, null, opdracht.Omvang, null),
        };
        if (product.ExtraClientProduct is { } dummycode && regels.Product(dummycode) is { } dummy)
        {
            foreach (var lid in dummies)
            {
                // OP259 for the dummy too: a child holds one dummy of a family product at a time.
                Productcontroles.Stapeling(b, regels, dummy, periode.Waarde, (toestanden.GetValueOrDefault(lid) ?? Clienttoestand.Leeg).Toewijzingen);
                lijnen.Add(new(volgendNummer + lijnen.Count, lid, null, dummy.Code, dummy.Categorie, moment.Datum, moment.Tijd,
                    opdracht.Ingangsdatum, opdracht.Einddatum, null, new Omvang(1, dummy.Eenheid, dummy.Frequentie), null));
            }
        }

        return Toekenningscontroles.Besluit(b, regels, opdracht.Motivering, lijnen, opdracht.Herkomst);
    }

    /// <summary>HK-ROUTE-2 / HK-ROUTE-3: the route decides the referrer type; a GI's bepaling names the GI.</summary>
    private static void Route(Beoordeling b, Toekenningsopdracht opdracht)
    {
        if (opdracht.Route == Toegangsroute.GecertificeerdeInstelling)
        {
            if (string.IsNullOrWhiteSpace(opdracht.Verwijzer))
            {
                b.Afwijzen("HK-ROUTE-3", RedenAfwijzing.PastNietBinnenContract, "geen-gi");
            }
            else
            {
                b.Ok("HK-ROUTE-3", "bepaling", ("gi", opdracht.Verwijzer.Trim()));
            }
        }
        else
        {
            b.Ok("HK-ROUTE-2", "maatwerkrapportage");
        }
    }

    /// <summary>
    /// HK-PRD-4: for a family product the volume goes to the youngest named child directly part of the help, a dummy
    /// to every other; every named member must live in the client's household. Other products take no family members.
    /// Returns who receives the volume and who the dummies.
    /// </summary>
    private (Bsn Ontvanger, IReadOnlyList<Bsn> Dummies) Gezin(Beoordeling b, Toekenningsopdracht opdracht, Bsn client, Product product)
    {
        var leden = opdracht.Gezinsleden.Where(l => l != client).Distinct().ToList();
        if (product.Soort != ProductSoort.Gezin)
        {
            if (leden.Count > 0)
            {
                b.Afwijzen("HK-PRD-4", RedenAfwijzing.PastNietBinnenContract, "geen-gezinsproduct", ("product", product.Code.Waarde));
            }

            return (client, []);
        }

        var hoofd = bronnen.Inwoners.Zoek(client);
        var deelnemers = new List<(Bsn Bsn, DateOnly Geboren)>();
        if (hoofd is not null)
        {
            deelnemers.Add((client, hoofd.Geboortedatum));
        }

        foreach (var lid in leden)
        {
            var inwoner = bronnen.Inwoners.Zoek(lid);
            if (inwoner is null || hoofd is null || inwoner.Huishouden is null || inwoner.Huishouden != hoofd.Huishouden)
            {
                b.Afwijzen("HK-PRD-4", RedenAfwijzing.PastNietBinnenContract, "ander-huishouden", ("lid", $"{lid.Gemaskeerd}"), ("client", $"{client.Gemaskeerd}"));
                continue;
            }

            deelnemers.Add((lid, inwoner.Geboortedatum));
        }

        if (leden.Count == 0 || deelnemers.Count == 0)
        {
            b.Ok("HK-PRD-4", "gezin-zonder-leden", ("product", product.Code.Waarde));
            return (client, []);
        }

        // The youngest child gets the volume; a parent (HK-PRD-5) named with the children is no child, so is never youngest by accident.
        var jongste = deelnemers.MaxBy(d => d.Geboren).Bsn;
        var dummies = deelnemers.Select(d => d.Bsn).Where(d => d != jongste).ToList();
        b.Ok("HK-PRD-4", "gezin-jongste", ("product", product.Code.Waarde), ("jongste", $"{jongste.Gemaskeerd}"), ("aantal", $"{dummies.Count}"), ("dummy", $"{product.ExtraClientProduct}"));
        return (jongste, dummies);
    }
}

using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toewijzing;

/// <summary>The decisions on a JW315, one per product request, and the next free ToewijzingNummer.</summary>
/// <param name="Besluiten">One decision per AangevraagdProduct, in the order of the request.</param>
/// <param name="VolgendVrijNummer">The first number not used by these decisions.</param>
public sealed record Verzoekuitslag(IReadOnlyList<Besluit> Besluiten, int VolgendVrijNummer);

/// <summary>
/// Assesses a JW315 verzoek om toewijzing: every product request separately (HK-301-1) against the rules in
/// force on its requested start date, the client's state and the contracts (HK spec §5, §3, §10). Pure:
/// the same inputs and clock give the same decisions.
/// </summary>
public sealed class VerzoekOmToewijzingBeoordelen
{
    private readonly Beoordelingsbronnen bronnen;

    /// <summary>Creates the use case over its sources.</summary>
    public VerzoekOmToewijzingBeoordelen(Beoordelingsbronnen bronnen) =>
        this.bronnen = bronnen ?? throw new ArgumentNullException(nameof(bronnen));

    /// <summary>
    /// Decides every product request. <paramref name="volgendNummer"/> is the next free ToewijzingNummer
    /// (the store guarantees uniqueness, TR332); each approved request takes the next one.
    /// </summary>
    public Verzoekuitslag Beoordeel(VerzoekOmToewijzing verzoek, Clienttoestand toestand, int volgendNummer)
    {
        ArgumentNullException.ThrowIfNull(verzoek);
        ArgumentNullException.ThrowIfNull(toestand);
        var besluiten = new List<Besluit>();
        var eerder = new List<AangevraagdProduct>();
        foreach (var gevraagd in verzoek.Producten)
        {
            var besluit = BeoordeelProduct(verzoek, gevraagd, eerder, toestand, volgendNummer);
            volgendNummer += besluit.NieuweNummers.Count;
            besluiten.Add(besluit);

            // OP347: an earlier request in this message that was not rejected is a pending request too.
            if (besluit.Uitkomst != Uitkomst.Afgewezen)
            {
                eerder.Add(gevraagd);
            }
        }

        return new Verzoekuitslag(besluiten, volgendNummer);
    }

    private Besluit BeoordeelProduct(
        VerzoekOmToewijzing verzoek, AangevraagdProduct gevraagd, List<AangevraagdProduct> eerder, Clienttoestand toestand, int nummer)
    {
        var regels = bronnen.Regels(gevraagd.Ingangsdatum);
        var b = new Beoordeling();
        var inwoner = Productcontroles.Woonplaatsbeginsel(b, bronnen, regels, verzoek.Client, verzoek.Gemeente);

        var periode = Periode.Maak(gevraagd.Ingangsdatum, gevraagd.Einddatum);
        if (!periode.IsGeldig)
        {
            b.Afwijzen("CS003", RedenAfwijzing.PastNietBinnenContract, "periode-ongeldig", ("fout", periode.Fouten[0].Melding));
            return b.Maak(gevraagd.ReferentieAanbieder, regels, [], []);
        }

        var product = Productcontroles.InCatalogus(b, regels, gevraagd.Product, gevraagd.Categorie, "HK-315-5");
        if (product is null)
        {
            return b.Maak(gevraagd.ReferentieAanbieder, regels, [], []);
        }

        var perceel = regels.Perceel(product.Perceel);
        Productcontroles.Perceeldeelname(b, regels, verzoek.Gemeente, product);
        Productcontroles.Contract(b, bronnen, verzoek.Gemeente, verzoek.Aanbieder, product, gevraagd.Ingangsdatum, "HK-315-5");
        Productcontroles.Eenheid(b, product, gevraagd.Omvang);
        var vorige = Terugvalbasis(regels, product, gevraagd, verzoek.Aanbieder, toestand);
        Verwijzing(b, regels, product, gevraagd.Verwijzer, vorige);
        if (product.Soort == ProductSoort.ExtraClient)
        {
            Dummy(b, product, gevraagd, verzoek, toestand);
        }

        Productcontroles.Leeftijd(b, bronnen, regels, verzoek.Client, inwoner, verzoek.Geboortedatum, product,
            gevraagd.Ingangsdatum, gevraagd.Einddatum, toestand);

        var terugval = Terugval(b, regels, gevraagd, vorige);
        Productcontroles.Duur(b, product, gevraagd.Ingangsdatum, gevraagd.Einddatum, alleenHardeGrens: terugval);
        if (!terugval)
        {
            Productcontroles.Volume(b, product, gevraagd.Omvang, gevraagd.Ingangsdatum, gevraagd.Einddatum);
        }

        Verblijf.Verblijfscope.Toets(b, regels, product, gevraagd, inwoner?.Geboortedatum ?? verzoek.Geboortedatum);

        if (product.Soort == ProductSoort.Gezin)
        {
            Gezinsproduct(b, product, verzoek, gevraagd, inwoner, periode.Waarde, toestand);
        }

        if (perceel?.Jw315AltijdBeoordelen == true)
        {
            b.Beoordelen("HK-315-6", "altijd-beoordelen", ("perceel", $"{perceel.Naam}"));
        }

        if (perceel?.DiagnostiekEerst is { } diagnostiek && product.Code != diagnostiek && gevraagd.Verwijzer.IsMedischeRoute && !terugval)
        {
            // Advice staff cannot follow is no advice: where the municipality does not buy Diagnostiek (Lelystad
            // takes part in Multi only for Gezinsbehandeling Intensief), "Diagnostiek first" does not apply.
            if (!Productcontroles.Ingekocht(bronnen, regels, verzoek.Gemeente, diagnostiek, gevraagd.Ingangsdatum))
            {
                b.Ok("HK-315-11", "diagnostiek-niet-ingekocht", ("gemeente", $"{Productcontroles.GemeenteNaam(regels, verzoek.Gemeente)}"), ("ingangsdatum", $"{gevraagd.Ingangsdatum:yyyy-MM-dd}"), ("diagnostiek", $"{diagnostiek}"));
            }
            else if (toestand.Toewijzingen.Any(t => !t.IsVerwijderd && t.Product == diagnostiek))
            {
                b.Ok("HK-315-11", "diagnostiek-gehad", ("diagnostiek", $"{diagnostiek}"));
            }
            else
            {
                b.Beoordelen("HK-315-11", "diagnostiek-eerst", ("diagnostiek", $"{diagnostiek}"));
            }
        }

        Productcontroles.Stapeling(b, regels, product, periode.Waarde, toestand.Toewijzingen);
        GestapeldVerzoek(b, product, periode.Waarde, verzoek.Aanbieder, eerder, toestand);
        Signalen(b, bronnen, regels, verzoek.Gemeente, product, gevraagd);

        if (b.Uitkomst == Uitkomst.Beoordelen && regels.Termijn("HK-315-3") is { } antwoord)
        {
            var uiterlijk = bronnen.Plus(verzoek.Ontvangstdatum, antwoord);
            b.Signaal("HK-315-3", "antwoordtermijn-onderzoek", uiterlijk, ("uiterlijk", $"{uiterlijk:yyyy-MM-dd}"));
        }

        var (datum, tijd) = bronnen.Nu();
        var regel = new ToegewezenProduct(nummer, verzoek.Client, gevraagd.ReferentieAanbieder, product.Code, product.Categorie,
            datum, tijd, gevraagd.Ingangsdatum, gevraagd.Einddatum, RedenWijziging: null, gevraagd.Omvang, gevraagd.Budget);
        return b.Maak(gevraagd.ReferentieAanbieder, regels, [regel], [nummer]);
    }

    /// <summary>
    /// HK-315-10 (referrer type of the route; the medical referrers are rule data, §15 C-14), its terugval
    /// exception (HK-315-9: a relapse is granted whatever the referrer type, §15 C-7) and HK-315-8 (dummy
    /// requests use type 06; dummies exist only for the family products, §15 C-15).
    /// </summary>
    private static void Verwijzing(Beoordeling b, Regelset regels, Product product, Verwijzer verwijzer, VastgelegdeToewijzing? terugval)
    {
        var type = $"{(int)verwijzer.Type:00}";
        // The lists named in a finding are built only for the finding that names them: this runs for every request.
        string Gezinsproducten() => string.Join(", ", regels.Gezinsproducten);
        if (product.Soort == ProductSoort.ExtraClient)
        {
            if (verwijzer.Type == VerwijzerType.Zelfverwijzer)
            {
                b.Ok("HK-315-8", "dummy-verwijzer", ("gezinsproducten", Gezinsproducten()));
            }
            else
            {
                b.Afwijzen("HK-315-8", RedenAfwijzing.PastNietBinnenContract, "dummy-verwijzer-onjuist", ("product", product.Code.Waarde), ("type", $"{type}"));
            }

            return;
        }

        // The seed names no referrer for a relapse and the original referrer may have been the lokale toegang;
        // a GI or justice referrer means the GI is still involved, whose own route applies (HK-315-9 "Let op").
        if (terugval is not null && !Verwijzer.IsGedwongenKader(verwijzer.Type))
        {
            b.Ok("HK-315-10", "terugval", ("type", $"{type}"));
            return;
        }

        switch (verwijzer.Type)
        {
            case VerwijzerType.Huisarts or VerwijzerType.Jeugdarts or VerwijzerType.MedischSpecialist:
                var medisch = regels.Beleid?.MedischeVerwijzers.FirstOrDefault(m => m.Type == type);
                if (regels.Beleid is null)
                {
                    b.Beoordelen("HK-315-10", "geen-beleid", ("regels", $"{regels.Label}"), ("type", $"{type}"));
                }
                else if (medisch is null)
                {
                    b.Afwijzen("HK-315-10", RedenAfwijzing.PastNietBinnenContract, "niet-medisch", ("type", $"{type}"), ("lijst", string.Join("; ", regels.Beleid.MedischeVerwijzers.Select(m => $"{m.Type} {m.Omschrijving}"))));
                }
                else if (string.IsNullOrWhiteSpace(verwijzer.Naam) && string.IsNullOrWhiteSpace(verwijzer.ZorgverlenerCode))
                {
                    b.Afwijzen("HK-315-10", RedenAfwijzing.PastNietBinnenContract, "medisch-onvolledig", ("type", $"{type}"));
                }
                else
                {
                    b.Ok("HK-315-10", "medisch", ("type", $"{type}"), ("omschrijving", $"{medisch.Omschrijving}"));
                }

                break;
            case VerwijzerType.Gemeente:
                b.Afwijzen("HK-315-10", RedenAfwijzing.PastNietBinnenContract, "gemeente");
                break;
            case VerwijzerType.GecertificeerdeInstelling or VerwijzerType.Justitie:
                b.Beoordelen("HK-315-10", "gedwongen-kader", ("type", $"{type}"));
                break;
            default:
                b.Afwijzen("HK-315-10", RedenAfwijzing.PastNietBinnenContract, "alleen-dummy", ("type", $"{type}"), ("gezinsproducten", Gezinsproducten()));
                break;
        }
    }

    /// <summary>HK-315-8: 1 stuks, and a running family allocation of the same provider in the household.</summary>
    private static void Dummy(Beoordeling b, Product product, AangevraagdProduct gevraagd, VerzoekOmToewijzing verzoek, Clienttoestand toestand)
    {
        if (gevraagd.Omvang is { Volume: not 1 })
        {
            b.Afwijzen("HK-315-8", RedenAfwijzing.PastNietBinnenContract, "dummy-volume", ("product", product.Code.Waarde), ("volume", $"{gevraagd.Omvang.Volume}"));
        }

        var hoofd = product.HoofdProduct;
        var gezinstoewijzing = toestand.Huishouden.FirstOrDefault(t =>
            t.Client != verzoek.Client && t.Product == hoofd && t.Aanbieder == verzoek.Aanbieder && t.LooptOp(gevraagd.Ingangsdatum));
        if (gezinstoewijzing is null)
        {
            b.Beoordelen("HK-315-8", "dummy-zonder-gezinstoewijzing", ("hoofd", $"{hoofd}"));
        }
        else
        {
            b.Ok("HK-315-8", "dummy-bij-gezinstoewijzing", ("nummer", $"{gezinstoewijzing.Nummer}"), ("hoofd", $"{hoofd}"));
        }
    }

    /// <summary>
    /// HK-315-9: the allocation this request resumes when it is a relapse — the last one of the product with
    /// this provider, ended at most the policy's window before the requested start, with none running — or null.
    /// </summary>
    private static VastgelegdeToewijzing? Terugvalbasis(Regelset regels, Product product, AangevraagdProduct gevraagd, AgbCode aanbieder, Clienttoestand toestand)
    {
        if (regels.Beleid?.Terugval is not { } beleid)
        {
            return null;
        }

        var geldig = toestand.Toewijzingen.Where(t => !t.IsVerwijderd && t.Product == product.Code).ToList();
        if (geldig.Any(t => t.Einddatum is null || t.Einddatum >= gevraagd.Ingangsdatum))
        {
            return null;
        }

        var vorige = geldig.Where(t => t.Aanbieder == aanbieder).MaxBy(t => t.Einddatum);
        return vorige?.Einddatum is { } einde && gevraagd.Ingangsdatum <= Maanden.Verschuif(einde, beleid.VensterMaanden) ? vorige : null;
    }

    /// <summary>
    /// HK-315-9: a relapse (<paramref name="vorige"/> not null) is approved up to the policy's minutes and
    /// months; more or longer goes to review; a GI origin means a new bepaling by the GI. Returns true when
    /// the request is a relapse.
    /// </summary>
    private static bool Terugval(Beoordeling b, Regelset regels, AangevraagdProduct gevraagd, VastgelegdeToewijzing? vorige)
    {
        if (vorige?.Einddatum is not { } einde || regels.Beleid?.Terugval is not { } beleid)
        {
            return false;
        }

        Parameter[] kop = [("venster", $"{beleid.VensterMaanden}"), ("vorige", $"{vorige.Nummer}"), ("einde", $"{einde:yyyy-MM-dd}")];
        if (Verwijzer.IsGedwongenKader(vorige.Herkomst))
        {
            b.Afwijzen("HK-315-9", RedenAfwijzing.PastNietBinnenContract, "gedwongen-kader", kop);
            return true;
        }

        var minuten = gevraagd.Omvang?.InMinuten;
        var uiterst = Maanden.EindeNa(gevraagd.Ingangsdatum, beleid.DuurMaanden);
        if (minuten is { } m && m <= beleid.Minuten && gevraagd.Einddatum is { } eind && eind <= uiterst)
        {
            b.Ok("HK-315-9", "hervatting", [.. kop, ("gevraagd", $"{m}"), ("eind", $"{eind:yyyy-MM-dd}"), ("minuten", $"{beleid.Minuten}"), ("duurMaanden", $"{beleid.DuurMaanden}")]);
        }
        else
        {
            b.Beoordelen("HK-315-9", "meer-dan-terugval", [.. kop, ("minuten", $"{beleid.Minuten}"), ("duurMaanden", $"{beleid.DuurMaanden}"), ("uiterst", $"{uiterst:yyyy-MM-dd}")]);
        }

        return true;
    }

    /// <summary>
    /// HK-PRD-4: the minutes of a family product belong to the youngest child directly involved; the others
    /// hold the dummy. A younger involved sibling, a family allocation on another member, or this product's
    /// dummy already on the client goes to review. For a product with <see cref="Product.ExtraToewijzingMetTarief"/>
    /// such a second tariffed allocation is the seed's exception (HK-PRD-3): a person decides, on the
    /// referrer's motivation.
    /// </summary>
    private void Gezinsproduct(Beoordeling b, Product product, VerzoekOmToewijzing verzoek, AangevraagdProduct gevraagd, Inwoner? inwoner, Periode periode, Clienttoestand toestand)
    {
        var geboren = inwoner?.Geboortedatum ?? verzoek.Geboortedatum;
        var anderen = toestand.Huishouden.Where(t => t.Client != verzoek.Client && t.Aanbieder == verzoek.Aanbieder && t.Overlapt(periode)).ToList();
        var alGezin = anderen.FirstOrDefault(t => t.Product == product.Code);

        // The household link the family products imply: whoever holds this product's dummy with this provider
        // is part of a family whose tariffed allocation is on someone else, even when the register has no household.
        var eigenDummy = toestand.Toewijzingen.FirstOrDefault(t => t.Product == product.ExtraClientProduct && t.Aanbieder == verzoek.Aanbieder && t.Overlapt(periode));
        var jonger = anderen.Where(t => t.Product == product.ExtraClientProduct)
            .Select(t => bronnen.Inwoners.Zoek(t.Client))
            .OfType<Inwoner>()
            .Where(h => h.Geboortedatum > geboren)
            .ToList();
        if (alGezin is not null)
        {
            b.Beoordelen("HK-PRD-4", "gezinslid-heeft-product", ("nummer", $"{alGezin.Nummer}"), ("product", product.Code.Waarde), ("extraClientProduct", $"{product.ExtraClientProduct}"));
        }
        else if (eigenDummy is not null)
        {
            b.Beoordelen("HK-PRD-4", "client-heeft-dummy", ("nummer", $"{eigenDummy.Nummer}"), ("extraClientProduct", $"{product.ExtraClientProduct}"), ("product", product.Code.Waarde));
        }
        else if (jonger.Count > 0)
        {
            b.Beoordelen("HK-PRD-4", "jonger-gezinslid", ("extraClientProduct", $"{product.ExtraClientProduct}"), ("product", product.Code.Waarde));
        }
        else
        {
            b.Ok("HK-PRD-4", "jongste", ("product", product.Code.Waarde));
        }

        if ((alGezin ?? eigenDummy) is { } naast && product.ExtraToewijzingMetTarief)
        {
            var onderbouwing = string.IsNullOrWhiteSpace(gevraagd.Commentaar)
                ? "het verzoek bevat geen toelichting: vraag de onderbouwing van de verwijzer op"
                : "controleer of de toelichting in het verzoek de onderbouwing van de verwijzer bevat";
            b.Beoordelen("HK-PRD-3", "tweede-tarief", ("product", product.Code.Waarde), ("nummer", $"{naast.Nummer}"), ("onderbouwing", $"{onderbouwing}"));
        }
    }

    /// <summary>OP347: no second request for the same product in an overlapping period (open or in this message).</summary>
    private static void GestapeldVerzoek(Beoordeling b, Product product, Periode periode, AgbCode aanbieder, List<AangevraagdProduct> eerder, Clienttoestand toestand)
    {
        var open = toestand.OpenVerzoeken.FirstOrDefault(v => v.Product == product.Code && v.Periode.Overlapt(periode));
        var inBericht = eerder.FirstOrDefault(e => e.Product == product.Code &&
            Periode.Maak(e.Ingangsdatum, e.Einddatum) is { IsGeldig: true } p && p.Waarde.Overlapt(periode));
        if (open is not null || inBericht is not null)
        {
            var referentie = open?.ReferentieAanbieder ?? inBericht!.ReferentieAanbieder;
            var bij = open is not null && open.Aanbieder != aanbieder ? " (bij een andere aanbieder)" : "";
            b.Afwijzen("OP347", RedenAfwijzing.Stapeling, "gestapeld-verzoek", ("referentie", $"{referentie}"), ("bij", $"{bij}"), ("product", product.Code.Waarde));
        }
        else
        {
            b.Ok("OP347", "geen-ander-verzoek", ("product", product.Code.Waarde));
        }
    }

    private static void Signalen(Beoordeling b, Beoordelingsbronnen bronnen, Regelset regels, Gemeentecode gemeente, Product product, AangevraagdProduct gevraagd)
    {
        var conventie = Verwijsdatum.UitCommentaar(gevraagd.Commentaar);
        if (!conventie.IsGeldig && gevraagd.Verwijsdatum is null && gevraagd.Verwijzer.IsMedischeRoute)
        {
            b.Signaal("HK-ROUTE-1", "verwijsdatum-onbekend", null, ("fout", conventie.Fouten[0].Melding));
        }

        if (gevraagd.Verwijsdatum is { } verwezen && gevraagd.Verwijzer.IsMedischeRoute && regels.Beleid is { } beleid)
        {
            var uiterlijk = verwezen.AddMonths(beleid.IntakeNaVerwijzingMaanden);
            if (gevraagd.Ingangsdatum > uiterlijk)
            {
                b.Signaal("HK-ROUTE-1", "intake-te-laat", uiterlijk, ("intakeNaVerwijzingMaanden", $"{beleid.IntakeNaVerwijzingMaanden}"), ("verwezen", $"{verwezen:yyyy-MM-dd}"), ("uiterlijk", $"{uiterlijk:yyyy-MM-dd}"));
            }
        }

        // Only group products this municipality buys on that date: the hint must be one staff can follow. Asked only where
        // the hint can apply (an individual product other than the lot's Diagnostiek): every request passes here, and
        // the list was built for all of them (the what-if replay's costliest hint).
        if (product.Soort != ProductSoort.Individueel || regels.Perceel(product.Perceel)?.DiagnostiekEerst == product.Code)
        {
            return;
        }

        List<string>? groepen = null;
        foreach (var p in regels.Groepsproducten(product.Perceel))
        {
            if (Productcontroles.Ingekocht(bronnen, regels, gemeente, p.Code, gevraagd.Ingangsdatum))
            {
                (groepen ??= []).Add(p.Code.Waarde);
            }
        }

        if (groepen is not null)
        {
            b.Signaal("HK-PRD-7", "groep-tenzij", null, ("groepen", $"{string.Join(", ", groepen)}"), ("product", product.Code.Waarde));
        }
    }
}

using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
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
            b.Afwijzen("CS003", RedenAfwijzing.PastNietBinnenContract, periode.Fouten[0].Melding);
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
            b.Beoordelen("HK-315-6",
                $"Een JW315 voor perceel {perceel.Naam} wordt nooit automatisch toegewezen: informeer de lokale toegang, die eerst contact zoekt met de aanbieder.");
        }

        if (perceel?.DiagnostiekEerst is { } diagnostiek && product.Code != diagnostiek && gevraagd.Verwijzer.IsMedischeRoute && !terugval)
        {
            // Advice staff cannot follow is no advice: where the municipality does not buy Diagnostiek (Lelystad
            // takes part in Multi only for Gezinsbehandeling Intensief), "Diagnostiek first" does not apply.
            if (!Productcontroles.Ingekocht(bronnen, regels, verzoek.Gemeente, diagnostiek, gevraagd.Ingangsdatum))
            {
                b.Ok("HK-315-11",
                    $"{Productcontroles.GemeenteNaam(regels, verzoek.Gemeente)} koopt op {gevraagd.Ingangsdatum:yyyy-MM-dd} geen diagnostiek ({diagnostiek}) in; eerst diagnostiek is hier niet van toepassing.");
            }
            else if (toestand.Toewijzingen.Any(t => !t.IsVerwijderd && t.Product == diagnostiek))
            {
                b.Ok("HK-315-11", $"Cliënt heeft eerder een toewijzing voor {diagnostiek} (diagnostiek) gehad.");
            }
            else
            {
                b.Beoordelen("HK-315-11",
                    $"Vanuit de medische route wordt eerst {diagnostiek} (diagnostiek) aangevraagd; cliënt heeft geen diagnostiek-toewijzing. De gemeente wil procesregie voeren.");
            }
        }

        Productcontroles.Stapeling(b, regels, product, periode.Waarde, toestand.Toewijzingen);
        GestapeldVerzoek(b, product, periode.Waarde, verzoek.Aanbieder, eerder, toestand);
        Signalen(b, bronnen, regels, verzoek.Gemeente, product, gevraagd);

        if (b.Uitkomst == Uitkomst.Beoordelen && regels.Termijn("HK-315-3") is { } antwoord)
        {
            var uiterlijk = bronnen.Plus(verzoek.Ontvangstdatum, antwoord);
            b.Signaal("HK-315-3",
                $"Antwoord (JW301 of JW319) uiterlijk {uiterlijk:yyyy-MM-dd}; lukt de beoordeling niet op tijd, stuur dan een JW319 'aanvraag in onderzoek'.", uiterlijk);
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
        var gezinsproducten = string.Join(", ", regels.Producten.Where(p => p.Soort == ProductSoort.Gezin && p.ExtraClientProduct is not null)
            .Select(p => p.Code.Waarde).Order(StringComparer.Ordinal));
        if (product.Soort == ProductSoort.ExtraClient)
        {
            if (verwijzer.Type == VerwijzerType.Zelfverwijzer)
            {
                b.Ok("HK-315-8", $"Dummy-verzoek met verwijzer type 06 (§15 C-15: dummies alleen bij de gezinsproducten {gezinsproducten}).");
            }
            else
            {
                b.Afwijzen("HK-315-8", RedenAfwijzing.PastNietBinnenContract,
                    $"Een dummy-verzoek ({product.Code}) heeft verwijzer type 06 (zelfverwijzer/geen verwijzer); ontvangen is type {type}.");
            }

            return;
        }

        // The seed names no referrer for a relapse and the original referrer may have been the lokale toegang;
        // a GI or justice referrer means the GI is still involved, whose own route applies (HK-315-9 "Let op").
        if (terugval is not null && !Verwijzer.IsGedwongenKader(verwijzer.Type))
        {
            b.Ok("HK-315-10",
                $"Verwijzer type {type}: bij een terugval (HK-315-9) telt het verwijzertype niet (§15 C-7); de oorspronkelijke verwijzer kan de lokale toegang zijn geweest.");
            return;
        }

        switch (verwijzer.Type)
        {
            case VerwijzerType.Huisarts or VerwijzerType.Jeugdarts or VerwijzerType.MedischSpecialist:
                var medisch = regels.Beleid?.MedischeVerwijzers.FirstOrDefault(m => m.Type == type);
                var lijst = string.Join("; ", (regels.Beleid?.MedischeVerwijzers ?? []).Select(m => $"{m.Type} {m.Omschrijving}"));
                if (regels.Beleid is null)
                {
                    b.Beoordelen("HK-315-10", $"Regelset {regels.Label} noemt geen medische verwijzers (geen beleid): stel vast of type {type} de medische route is.");
                }
                else if (medisch is null)
                {
                    b.Afwijzen("HK-315-10", RedenAfwijzing.PastNietBinnenContract,
                        $"Verwijzer type {type} hoort volgens de regeldata niet bij de medische route (§15 C-14: {lijst}).");
                }
                else if (string.IsNullOrWhiteSpace(verwijzer.Naam) && string.IsNullOrWhiteSpace(verwijzer.ZorgverlenerCode))
                {
                    b.Afwijzen("HK-315-10", RedenAfwijzing.PastNietBinnenContract,
                        $"Verwijzer type {type} (medische route) zonder naam of zorgverlenercode: de verwijzer is niet correct gevuld.");
                }
                else
                {
                    b.Ok("HK-315-10", $"Verwijzing via de medische route: type {type}, {medisch.Omschrijving} (§15 C-14: de brede definitie van medische verwijzer).");
                }

                break;
            case VerwijzerType.Gemeente:
                b.Afwijzen("HK-315-10", RedenAfwijzing.PastNietBinnenContract,
                    "Verwijzer type 01 (gemeente) is geen JW315-route: de lokale toegang wijst zelf toe.");
                break;
            case VerwijzerType.GecertificeerdeInstelling or VerwijzerType.Justitie:
                b.Beoordelen("HK-315-10",
                    $"Verwijzer type {type}: afwijkende route (JB/JR); toets de bepaling van de GI of de justitiële verwijzing.");
                break;
            default:
                b.Afwijzen("HK-315-10", RedenAfwijzing.PastNietBinnenContract,
                    $"Verwijzer type {type} is alleen toegestaan voor een dummy-verzoek (extra cliënt bij een gezinsproduct; §15 C-15: dummies bestaan alleen bij {gezinsproducten}).");
                break;
        }
    }

    /// <summary>HK-315-8: 1 stuks, and a running family allocation of the same provider in the household.</summary>
    private static void Dummy(Beoordeling b, Product product, AangevraagdProduct gevraagd, VerzoekOmToewijzing verzoek, Clienttoestand toestand)
    {
        if (gevraagd.Omvang is { Volume: not 1 })
        {
            b.Afwijzen("HK-315-8", RedenAfwijzing.PastNietBinnenContract,
                $"Een dummy ({product.Code}) wordt aangevraagd voor 1 stuks; gevraagd is {gevraagd.Omvang.Volume}.");
        }

        var hoofd = product.HoofdProduct;
        var gezinstoewijzing = toestand.Huishouden.FirstOrDefault(t =>
            t.Client != verzoek.Client && t.Product == hoofd && t.Aanbieder == verzoek.Aanbieder && t.LooptOp(gevraagd.Ingangsdatum));
        if (gezinstoewijzing is null)
        {
            b.Beoordelen("HK-315-8",
                $"Geen lopende toewijzing voor gezinsproduct {hoofd} bij deze aanbieder in het huishouden: controleer bij welk gezinsproduct de dummy hoort.");
        }
        else
        {
            b.Ok("HK-315-8", $"Dummy bij lopende gezinstoewijzing {gezinstoewijzing.Nummer} ({hoofd}) in het huishouden.");
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

        var kop = $"Terugval binnen {beleid.VensterMaanden} maanden na het einde van toewijzing {vorige.Nummer} ({einde:yyyy-MM-dd})";
        if (Verwijzer.IsGedwongenKader(vorige.Herkomst))
        {
            b.Afwijzen("HK-315-9", RedenAfwijzing.PastNietBinnenContract,
                $"{kop}, maar die toewijzing kwam van een GI of justitie: vraag de GI om een nieuwe bepaling.");
            return true;
        }

        var minuten = gevraagd.Omvang?.InMinuten;
        var uiterst = Maanden.EindeNa(gevraagd.Ingangsdatum, beleid.DuurMaanden);
        if (minuten is { } m && m <= beleid.Minuten && gevraagd.Einddatum is { } eind && eind <= uiterst)
        {
            b.Ok("HK-315-9", $"{kop}: hervatting met {m} minuten tot en met {eind:yyyy-MM-dd} (ten hoogste {beleid.Minuten} minuten voor {beleid.DuurMaanden} maanden).");
        }
        else
        {
            b.Beoordelen("HK-315-9",
                $"{kop}: bij terugval wijst de gemeente ten hoogste {beleid.Minuten} minuten voor {beleid.DuurMaanden} maanden toe (t/m {uiterst:yyyy-MM-dd}); meer, langer of andere hulp gaat via de procesregisseur.");
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
            b.Beoordelen("HK-PRD-4",
                $"Een ander gezinslid heeft al toewijzing {alGezin.Nummer} voor {product.Code} bij deze aanbieder: voor een extra gezinslid hoort een dummy ({product.ExtraClientProduct}).");
        }
        else if (eigenDummy is not null)
        {
            b.Beoordelen("HK-PRD-4",
                $"Cliënt heeft al dummy {eigenDummy.Nummer} ({product.ExtraClientProduct}) bij deze aanbieder: de toewijzing met tarief voor {product.Code} staat op een ander gezinslid.");
        }
        else if (jonger.Count > 0)
        {
            b.Beoordelen("HK-PRD-4",
                $"Een jonger gezinslid dat direct bij de hulp betrokken is, heeft een dummy ({product.ExtraClientProduct}): de minuten van {product.Code} horen op het jongste kind.");
        }
        else
        {
            b.Ok("HK-PRD-4", $"Geen jonger betrokken gezinslid bekend: de minuten van {product.Code} komen op deze cliënt.");
        }

        if ((alGezin ?? eigenDummy) is { } naast && product.ExtraToewijzingMetTarief)
        {
            var onderbouwing = string.IsNullOrWhiteSpace(gevraagd.Commentaar)
                ? "het verzoek bevat geen toelichting: vraag de onderbouwing van de verwijzer op"
                : "controleer of de toelichting in het verzoek de onderbouwing van de verwijzer bevat";
            b.Beoordelen("HK-PRD-3",
                $"Een tweede toewijzing met tarief voor {product.Code} in hetzelfde gezin (naast toewijzing {naast.Nummer}) is de extra toewijzing met tarief die alleen bij hoge uitzondering kan, met onderbouwing door de verwijzer: {onderbouwing}.");
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
            b.Afwijzen("OP347", RedenAfwijzing.Stapeling,
                $"Er is al een verzoek ({referentie}){bij} voor {product.Code} in een overlappende periode: geen gestapeld verzoek voor hetzelfde product.");
        }
        else
        {
            b.Ok("OP347", $"Geen ander verzoek voor {product.Code} in deze periode.");
        }
    }

    private static void Signalen(Beoordeling b, Beoordelingsbronnen bronnen, Regelset regels, Gemeentecode gemeente, Product product, AangevraagdProduct gevraagd)
    {
        var conventie = Verwijsdatum.UitCommentaar(gevraagd.Commentaar);
        if (!conventie.IsGeldig && gevraagd.Verwijsdatum is null && gevraagd.Verwijzer.IsMedischeRoute)
        {
            b.Signaal("HK-ROUTE-1", conventie.Fouten[0].Melding + " De termijn van de intake na de verwijzing is niet gecontroleerd.", null);
        }

        if (gevraagd.Verwijsdatum is { } verwezen && gevraagd.Verwijzer.IsMedischeRoute && regels.Beleid is { } beleid)
        {
            var uiterlijk = verwezen.AddMonths(beleid.IntakeNaVerwijzingMaanden);
            if (gevraagd.Ingangsdatum > uiterlijk)
            {
                b.Signaal("HK-ROUTE-1",
                    $"De zorg start meer dan {beleid.IntakeNaVerwijzingMaanden} maanden na de verwijzing van {verwezen:yyyy-MM-dd}: de intake moest uiterlijk {uiterlijk:yyyy-MM-dd} starten.", uiterlijk);
            }
        }

        // Only group products this municipality buys on that date: the hint must be one staff can follow.
        var groepen = regels.Producten.Where(p => p.Perceel == product.Perceel && p.Soort == ProductSoort.Groep
                && Productcontroles.Ingekocht(bronnen, regels, gemeente, p.Code, gevraagd.Ingangsdatum))
            .Select(p => p.Code.Waarde).Order(StringComparer.Ordinal).ToList();
        if (product.Soort == ProductSoort.Individueel && groepen.Count > 0 && regels.Perceel(product.Perceel)?.DiagnostiekEerst != product.Code)
        {
            b.Signaal("HK-PRD-7", $"Groep, tenzij: overweeg een groepsproduct ({string.Join(", ", groepen)}) in plaats van {product.Code}.", null);
        }
    }
}

using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Retour;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// A JW317 (HK-301-2): one JW318 retour, then the engine's decision on the request as a whole: approved →
/// the new allocation versions and one JW301 with every current line; rejected → one JW319; review →
/// stored for a person.
/// </summary>
internal static class Jw317Verwerken
{
    public static string Verwerk(Berichtcontext ctx, VerzoekOmWijzigingBericht bericht, VerzoekOmWijzigingBeoordelen engine)
    {
        var k = bericht.Client ?? throw new InvalidOperationException("Een geldige JW317 heeft een Client.");
        var gemeente = bericht.Header.Ontvanger;
        var aanbieder = bericht.Header.Afzender;
        var bsn = Bsn.Parse(k.Bsn).Waarde;
        var v = k.Verzoek;

        var (toestand, volgend) = Staat.LaadToestand(ctx.Tx, gemeente, bsn);
        // A pre-check reserves no ToewijzingNummers: it proposes the counter's next ones, as the real run would.
        var besluit = Beslis(bericht, ctx.Vandaag, verzoek => ctx.Proef
            ? engine.Beoordeel(verzoek, toestand, volgend)
            : Nummers.Beslis(ctx.Tx, gemeente, volgend, n => engine.Beoordeel(verzoek, toestand, n), b => b.NieuweNummers.Count));

        ctx.StuurRetour("JW318", bericht, Retourbouwer.Bouw(bericht, ctx.Retourgegevens, null));

        // The explanation and the rule ids are rendered from the findings on every read: once here for the report; the request line
            // stores no explanation, only the rule set's label its rendering names (Store/Bevindingen/Toelichtingen, migration 0037).
        var verslag = Berichtcontext.Verslag(besluit);
        if (!ctx.Proef)
        {
            var verzoekregel = new VerzoekRegel(0, ctx.JournaalId, 1, "JW317", gemeente, aanbieder, k.Bsn, v.ReferentieAanbieder,
                null, null, null, null, null, null, null,
                besluit.Uitkomst == Uitkomst.Beoordelen ? Staat.StatusReview : Staat.StatusBesloten,
                Berichtcontext.Woord(besluit.Uitkomst), (int?)besluit.Reden, string.Join(",", verslag.Regels), Bevindingen.Toelichtingen.Weergegeven,
                besluit.VerantwoordelijkeGemeente?.Waarde, besluit.Regelversie, besluit.Regelset);
            Staat.BewaarVerzoek(ctx.Tx, verzoekregel);
            Bevindingen.BevindingenVastleggen.Bewaar(ctx.Tx, verzoekregel, besluit);
        }

        ctx.Besluiten.Add(verslag);
        ctx.Genomen.Add(besluit);

        if (besluit.Uitkomst == Uitkomst.Toegekend)
        {
            if (!ctx.Proef)
            {
                LegVast(ctx.Tx, gemeente, aanbieder, toestand, besluit.Toewijzingen, ctx.JournaalId);
            }

            var client = Staat.LeesClient(ctx.Tx, gemeente, k.Bsn)
                ?? throw new InvalidOperationException("Geen cliëntgegevens (uit een JW315) om de JW301 te vullen.");
            ctx.StuurToewijzing(Jw315Verwerken.Sleutel(1), 1, gemeente, aanbieder, client, besluit.Toewijzingen);
        }
        else if (besluit.Uitkomst == Uitkomst.Afgewezen)
        {
            ctx.StuurAfwijzing(Jw315Verwerken.Sleutel(1), 1, gemeente, aanbieder, v.ReferentieAanbieder, (int)besluit.Reden!,
                besluit.VerantwoordelijkeGemeente?.Waarde);
        }

        return Berichtcontext.Woord(besluit.Uitkomst);
    }

    /// <summary>
    /// The decision on a JW317 with the engine call given (the pipeline's, or the what-if replay's on a state in
    /// memory): a new product without a (known) code is rejected here, the rest goes to the engine.
    /// </summary>
    public static Besluit Beslis(VerzoekOmWijzigingBericht bericht, DateOnly vandaag, Func<VerzoekOmWijziging, Besluit> beoordeel) =>
        NaarVerzoek(bericht, vandaag) is { } verzoek
            ? beoordeel(verzoek)
            : OnvolledigVerzoek.NieuwProductZonderCode((bericht.Client ?? throw new InvalidOperationException("Een geldige JW317 heeft een Client.")).Verzoek.ReferentieAanbieder);

    /// <summary>The request in domain terms, received on <paramref name="ontvangen"/>; null when a new product has no (valid) product code.</summary>
    internal static VerzoekOmWijziging? NaarVerzoek(VerzoekOmWijzigingBericht bericht, DateOnly ontvangen)
    {
        var k = bericht.Client ?? throw new InvalidOperationException("Een geldige JW317 heeft een Client.");
        var v = k.Verzoek;
        var nieuw = new List<Core.Toewijzing.NieuwProduct>();
        foreach (var p in v.NieuweProducten)
        {
            if (p.Product?.Code is { } code && ProductCode.Parse(code).TryGet(out var product))
            {
                nieuw.Add(new Core.Toewijzing.NieuwProduct(product, p.Product.Categorie, p.GewensteIngangsdatum, p.Einddatum, Jw315Verwerken.Omvang(p.Omvang), p.Budget));
            }
        }

        return nieuw.Count < v.NieuweProducten.Count
            ? null
            : new VerzoekOmWijziging(AgbCode.Parse(bericht.Header.Afzender).Waarde, Gemeentecode.Parse(bericht.Header.Ontvanger).Waarde, Bsn.Parse(k.Bsn).Waarde,
                bericht.Header.BerichtIdentificatie.Dagtekening, ontvangen, v.ReferentieAanbieder, v.RedenVerzoek,
                [.. v.OngewijzigdeProducten.Select(o => checked((int)o.ToewijzingNummer))],
                [.. v.TeWijzigenProducten.Select(t => new Core.Toewijzing.TeWijzigenProduct(checked((int)t.ToewijzingNummer), t.GewensteIngangsdatum, t.Einddatum,
                    Jw315Verwerken.Omvang(t.Omvang), t.Budget))],
                nieuw);
    }

    /// <summary>Records the new versions of the approved JW301's lines (unchanged lines keep their version); an engine or a person approved.</summary>
    internal static void LegVast(StoreTransactie tx, string gemeente, string aanbieder, Clienttoestand toestand,
        IReadOnlyList<Core.Toewijzing.ToegewezenProduct> regels, long journaalId)
    {
        var huidig = toestand.Toewijzingen.ToDictionary(t => t.Nummer);
        foreach (var regel in regels)
        {
            var vorige = huidig.GetValueOrDefault(regel.ToewijzingNummer);
            if (vorige is not null && Ongewijzigd(vorige, regel))
            {
                continue;
            }

            var verschoven = vorige is not null && vorige.Einddatum != regel.Einddatum
                && regel.RedenWijziging == VerzoekOmWijzigingBeoordelen.Verlenging;
            Staat.LegToewijzingVast(tx, gemeente, aanbieder, regel,
                vorige?.Herkomst ?? (toestand.Toewijzingen.Count > 0 ? toestand.Toewijzingen[0].Herkomst : (Core.Toewijzing.VerwijzerType?)null) ?? Core.Toewijzing.VerwijzerType.Gemeente,
                (vorige?.KerenEinddatumVerschoven ?? 0) + (verschoven ? 1 : 0),
                vorige is null ? null : vorige.OorspronkelijkeEinddatum ?? vorige.Einddatum, journaalId);
        }
    }

    private static bool Ongewijzigd(VastgelegdeToewijzing t, Core.Toewijzing.ToegewezenProduct r) =>
        t.Ingangsdatum == r.Ingangsdatum && t.Einddatum == r.Einddatum && t.Omvang == r.Omvang && t.Budget == r.Budget
        && t.RedenWijziging == r.RedenWijziging && t.Product == r.Product;
}

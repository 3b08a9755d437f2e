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

        Besluit besluit;
        var nieuw = new List<Core.Toewijzing.NieuwProduct>();
        foreach (var p in v.NieuweProducten)
        {
            if (p.Product?.Code is { } code && ProductCode.Parse(code).TryGet(out var product))
            {
                nieuw.Add(new Core.Toewijzing.NieuwProduct(product, p.Product.Categorie, p.GewensteIngangsdatum, p.Einddatum, Jw315Verwerken.Omvang(p.Omvang), p.Budget));
            }
        }

        var (toestand, volgend) = Staat.LaadToestand(ctx.Tx, gemeente, bsn);
        if (nieuw.Count < v.NieuweProducten.Count)
        {
            besluit = new Besluit(v.ReferentieAanbieder, Uitkomst.Afgewezen, RedenAfwijzing.PastNietBinnenContract, null,
                [new Bevinding("HK-317-3", Uitkomst.Afgewezen, RedenAfwijzing.PastNietBinnenContract, "Een nieuw product zonder (geldige) productcode.")],
                [], [], [], "", "Afgewezen, reden 4 (past niet binnen contract): een nieuw product zonder productcode.");
        }
        else
        {
            var verzoek = new VerzoekOmWijziging(AgbCode.Parse(aanbieder).Waarde, Gemeentecode.Parse(gemeente).Waarde, bsn,
                bericht.Header.BerichtIdentificatie.Dagtekening, ctx.Vandaag, v.ReferentieAanbieder, v.RedenVerzoek,
                [.. v.OngewijzigdeProducten.Select(o => checked((int)o.ToewijzingNummer))],
                [.. v.TeWijzigenProducten.Select(t => new Core.Toewijzing.TeWijzigenProduct(checked((int)t.ToewijzingNummer), t.GewensteIngangsdatum, t.Einddatum,
                    Jw315Verwerken.Omvang(t.Omvang), t.Budget))],
                nieuw);
            besluit = Nummers.Beslis(ctx.Tx, gemeente, volgend, n => engine.Beoordeel(verzoek, toestand, n), b => b.NieuweNummers.Count);
        }

        ctx.StuurRetour("JW318", bericht, Retourbouwer.Bouw(bericht, ctx.Retourgegevens, null));
        Staat.BewaarVerzoek(ctx.Tx, new VerzoekRegel(0, ctx.JournaalId, 1, "JW317", gemeente, aanbieder, k.Bsn, v.ReferentieAanbieder,
            null, null, null, null, null, null, null,
            besluit.Uitkomst == Uitkomst.Beoordelen ? Staat.StatusReview : Staat.StatusBesloten,
            Berichtcontext.Woord(besluit.Uitkomst), (int?)besluit.Reden, string.Join(",", besluit.RegelIds), besluit.Toelichting,
            besluit.VerantwoordelijkeGemeente?.Waarde));
        ctx.Besluiten.Add(Berichtcontext.Verslag(besluit));

        if (besluit.Uitkomst == Uitkomst.Toegekend)
        {
            var huidig = toestand.Toewijzingen.ToDictionary(t => t.Nummer);
            foreach (var regel in besluit.Toewijzingen)
            {
                var vorige = huidig.GetValueOrDefault(regel.ToewijzingNummer);
                if (vorige is not null && Ongewijzigd(vorige, regel))
                {
                    continue;
                }

                var verschoven = vorige is not null && vorige.Einddatum != regel.Einddatum
                    && regel.RedenWijziging == VerzoekOmWijzigingBeoordelen.Verlenging;
                Staat.LegToewijzingVast(ctx.Tx, gemeente, aanbieder, regel,
                    vorige?.Herkomst ?? (toestand.Toewijzingen.Count > 0 ? toestand.Toewijzingen[0].Herkomst : (Core.Toewijzing.VerwijzerType?)null) ?? Core.Toewijzing.VerwijzerType.Gemeente,
                    (vorige?.KerenEinddatumVerschoven ?? 0) + (verschoven ? 1 : 0),
                    vorige is null ? null : vorige.OorspronkelijkeEinddatum ?? vorige.Einddatum, ctx.JournaalId);
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

    private static bool Ongewijzigd(VastgelegdeToewijzing t, Core.Toewijzing.ToegewezenProduct r) =>
        t.Ingangsdatum == r.Ingangsdatum && t.Einddatum == r.Einddatum && t.Omvang == r.Omvang && t.Budget == r.Budget
        && t.RedenWijziging == r.RedenWijziging && t.Product == r.Product;
}

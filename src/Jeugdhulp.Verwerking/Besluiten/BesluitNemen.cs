using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Toewijzingnummers;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>A staff member's decision on a request waiting for review.</summary>
/// <param name="Referentie">ReferentieAanbieder of the request line.</param>
/// <param name="Toekennen">True to approve; false to reject with <paramref name="Reden"/>.</param>
/// <param name="Reden">RedenAfwijzingVerzoek 1–9 when rejecting.</param>
/// <param name="Toelichting">Free text added to the stored explanation.</param>
/// <param name="Medewerker">Who decides (audit log).</param>
/// <param name="Gemeente">When set, only a request of this municipality is decided (a staff member's own gemeente).</param>
/// <param name="VerzoekId">When set, only this request line (the web app's item) is decided.</param>
public sealed record Handbesluit(string Referentie, bool Toekennen, int? Reden, string? Toelichting, string Medewerker,
    string? Gemeente = null, long? VerzoekId = null);

/// <summary>
/// Decides a review item (a JW315 product request or a JW317 the engine left to a person) and writes its
/// one answer: a JW301 (new allocation, new ToewijzingNummer) or a JW319. The answer goes into the outbox
/// slot of that request line, so the database refuses a second answer. Approving a JW317 needs the rules
/// (<c>regels</c>): its one JW301 carries the whole recalculated situation (HK-301-2,
/// <see cref="WijzigingToekennenVastleggen"/>).
/// </summary>
public static class BesluitNemen
{
    /// <summary>
    /// Decides, stores and writes the answer file (not when <paramref name="outboxMap"/> is null: the answer stays in the outbox table); the report names the file, or a coded error.
    /// The answer is dated <paramref name="vandaag"/> at <paramref name="klok"/>'s time of day in Europe/Amsterdam (null: the store's clock).
    /// </summary>
    public static Resultaat<Bestandsverslag> Neem(Datastore store, Handbesluit besluit, DateOnly vandaag, string? outboxMap, TimeProvider? klok = null,
        Regelcatalogus? regels = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(besluit);
        if (!besluit.Toekennen && besluit.Reden is not (>= 1 and <= 9))
        {
            return Resultaat<Bestandsverslag>.Mislukt("BESLUIT-REDEN", "Een afwijzing heeft een reden 1 t/m 9 (RedenAfwijzingVerzoek).");
        }

        // The engine's sources are read before the transaction (they open their own sessions), only when a JW317 may be approved.
        var bronnen = besluit.Toekennen && regels is not null && IsWijziging(store, besluit)
            ? Bronnen.Laad(store, regels, new Beslisklok(vandaag, klok ?? store.Klok)) : null;
        Bestandsverslag verslag;
        IReadOnlyList<string>? regelIds = null;
        string? regelversie = null;
        using (var tx = store.BeginTransactie())
        {
            var kandidaten = Staat.TeBeoordelen(tx, besluit.Referentie)
                .Where(k => (besluit.Gemeente is null || k.Gemeente == besluit.Gemeente) && (besluit.VerzoekId is null || k.Id == besluit.VerzoekId))
                .ToList();
            if (kandidaten.Count == 0)
            {
                return Resultaat<Bestandsverslag>.Mislukt("BESLUIT-ONBEKEND",
                    $"Er staat geen verzoek met referentie '{besluit.Referentie}' ter beoordeling.");
            }

            if (kandidaten.Count > 1)
            {
                return Resultaat<Bestandsverslag>.Mislukt("BESLUIT-DUBBEL",
                    $"Referentie '{besluit.Referentie}' hoort bij {kandidaten.Count} verzoeken ter beoordeling (aanbieders {string.Join(", ", kandidaten.Select(k => k.Aanbieder))}).");
            }

            var v = kandidaten[0];
            var tijd = Bedrijfstijd.Tijd(new Beslisklok(vandaag, klok ?? store.Klok));
            var ctx = new Berichtcontext(tx, v.JournaalId, vandaag, tijd, outboxMap);
            var sleutel = Jw315Verwerken.Sleutel(v.Volgnummer);
            var toelichting = $"{v.Toelichting}\nBesluit medewerker: {(besluit.Toekennen ? "toegekend" : $"afgewezen, reden {besluit.Reden}")}."
                + (string.IsNullOrWhiteSpace(besluit.Toelichting) ? "" : " " + besluit.Toelichting.Trim());
            string uitkomst;
            if (besluit.Toekennen && v.Berichtcode == "JW317" && bronnen is not null)
            {
                if (!Staat.BesluitVerzoek(tx, v.Id, Uitkomsten.Approved, null, null, toelichting, besluit.Medewerker))
                {
                    return AlBesloten(besluit.Referentie);
                }

                var toekenning = WijzigingToekennenVastleggen.Toekennen(ctx, v, bronnen);
                if (!toekenning.Toegestaan)
                {
                    // Nothing is committed: the claim above rolls back with the transaction.
                    return Resultaat<Bestandsverslag>.Mislukt("BESLUIT-JW317-AFGEWEZEN",
                        string.Join(" ", toekenning.Bevindingen.Where(b => b.Uitkomst == Uitkomst.Afgewezen).Select(b => $"{b.Melding} ({b.RegelId})")));
                }

                regelIds = toekenning.RegelIds;
                // The engine ran again on the rules in force now: the decision records that version. The other
                // decisions apply no rules of their own and keep the version of the engine's review.
                regelversie = bronnen.Catalogus.Versie;
                uitkomst = Uitkomsten.Approved;
            }
            else if (besluit.Toekennen)
            {
                if (v.Berichtcode != "JW315" || v.Productcode is null || v.Categorie is null || v.Ingangsdatum is null)
                {
                    return Resultaat<Bestandsverslag>.Mislukt("BESLUIT-JW317",
                        "Een verzoek om wijziging (JW317) kan hier alleen worden afgewezen: de JW301 moet de hele nieuwe situatie bevatten.");
                }

                var client = Staat.LeesClient(tx, v.Gemeente, v.ClientBsn);
                if (client is null)
                {
                    return Resultaat<Bestandsverslag>.Mislukt("BESLUIT-CLIENT", "De cliëntgegevens van dit verzoek ontbreken.");
                }

                if (!Staat.BesluitVerzoek(tx, v.Id, Uitkomsten.Approved, null, null, toelichting, besluit.Medewerker))
                {
                    return AlBesloten(besluit.Referentie);
                }

                var nummer = tx.ReserveerToewijzingnummers(Gemeentecode.Parse(v.Gemeente).Waarde, 1);
                if (!nummer.TryGet(out var reeks))
                {
                    return Resultaat<Bestandsverslag>.Mislukt(nummer.Fouten);
                }

                var regel = new ToegewezenProduct(checked((int)reeks.Eerste), Bsn.Parse(v.ClientBsn).Waarde, v.Referentie,
                    ProductCode.Parse(v.Productcode).Waarde, v.Categorie, vandaag, tijd,
                    v.Ingangsdatum.Value, v.Einddatum, null, v.Omvang, v.Budget);
                Staat.LegToewijzingVast(tx, v.Gemeente, v.Aanbieder, regel, (VerwijzerType)(v.VerwijzerType ?? (int)VerwijzerType.Gemeente), 0, null, v.JournaalId);
                ctx.StuurToewijzing(sleutel, v.Volgnummer, v.Gemeente, v.Aanbieder, client, [regel]);
                uitkomst = Uitkomsten.Approved;
            }
            else
            {
                string? verantwoordelijk = null;
                if (besluit.Reden == (int)RedenAfwijzing.Woonplaatsbeginsel)
                {
                    verantwoordelijk = tx.Commando("SELECT gemeente FROM inwoners WHERE bsn = @bsn").Met("@bsn", v.ClientBsn).ExecuteScalar() as string;
                    if (verantwoordelijk is null || verantwoordelijk == v.Gemeente)
                    {
                        return Resultaat<Bestandsverslag>.Mislukt("BESLUIT-WOONPLAATS",
                            "Reden 8 (woonplaatsbeginsel) vraagt de verantwoordelijke gemeente (TR377); die is voor deze cliënt niet bekend als andere gemeente.");
                    }
                }

                if (!Staat.BesluitVerzoek(tx, v.Id, Uitkomsten.Rejected, besluit.Reden, verantwoordelijk, toelichting, besluit.Medewerker))
                {
                    return AlBesloten(besluit.Referentie);
                }

                ctx.StuurAfwijzing(sleutel, v.Volgnummer, v.Gemeente, v.Aanbieder, v.Referentie, besluit.Reden!.Value, verantwoordelijk);
                uitkomst = Uitkomsten.Rejected;
            }

            Staat.NoteerBesluit(tx, v.Id, besluit.Toelichting, regelIds is null ? null : string.Join(",", regelIds), regelversie);
            tx.Audit(besluit.Medewerker, Gemeentecode.Parse(v.Gemeente).Waarde,
                string.Create(CultureInfo.InvariantCulture, $"besluit {uitkomst} op verzoek {v.Referentie}"), Bsn.Parse(v.ClientBsn).Waarde);
            tx.Commit();
            verslag = new Bestandsverslag(v.Referentie, v.Berichtcode, null, uitkomst,
                [new Beslissing(v.Referentie, uitkomst, besluit.Toekennen ? null : besluit.Reden, regelIds ?? [.. v.Regels.Split(',', StringSplitOptions.RemoveEmptyEntries)], toelichting)],
                ctx.Outbox, []);
        }

        var fouten = store.Materialiseer(outboxMap).Fouten;
        return fouten.Count > 0 ? Resultaat<Bestandsverslag>.Mislukt(fouten) : Resultaat<Bestandsverslag>.Ok(verslag);
    }

    private static bool IsWijziging(Datastore store, Handbesluit besluit)
    {
        using var sessie = store.OpenSessie();
        return sessie.Commando("SELECT COUNT(*) FROM verzoeken WHERE referentie = @referentie AND status = 'review' AND berichtcode = 'JW317'")
            .Met("@referentie", besluit.Referentie).LeesLongOfNull() > 0;
    }

    /// <remarks>
    /// Someone else decided between our read and our claim (PostgreSQL: the claim waited for their
    /// commit and then matched nothing). The claim comes before any answer is written, so there is never a
    /// second answer.
    /// </remarks>
    private static Resultaat<Bestandsverslag> AlBesloten(string referentie) =>
        Resultaat<Bestandsverslag>.Mislukt("BESLUIT-AL-GENOMEN", $"Over verzoek '{referentie}' is intussen al besloten.");
}

using System.Globalization;
using Jeugdhulp.Core.Handbesluiten;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Store.Outbox;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>A staff member sends "aanvraag in onderzoek" for a request in review.</summary>
/// <param name="VerzoekId">The request line (the web app's item).</param>
/// <param name="Gemeente">The staff member's municipality: only its own requests.</param>
/// <param name="Medewerker">Who sends it (audit log, decided-item page).</param>
/// <param name="Notitie">The note kept with it.</param>
public sealed record Onderzoeksopdracht(long VerzoekId, Gemeentecode Gemeente, string Medewerker, string? Notitie);

/// <summary>What was sent: the new deadline for the final answer and the JW319 written.</summary>
public sealed record Onderzoeksverslag(string Referentie, DateOnly NieuweTermijn, IReadOnlyList<string> Outbox);

/// <summary>
/// Sends a JW319 with VerzoekAntwoord 2 ("aanvraag in onderzoek", HK-315-3) for a JW315 product request or
/// a JW317 in review: the Core decision (<see cref="InOnderzoekSturen"/>) says whether and with which new
/// deadline; the request stays in review. The JW319 goes into its own outbox slot ("onderzoek N") of the
/// request's journal row, so the database refuses a second one, and the final answer keeps its own slot.
/// </summary>
public static class InOnderzoekNemen
{
    /// <summary>
    /// Slots of the "in onderzoek" JW319s: the message Identificatie is "journaalId-slot", so they must not
    /// meet the answer slots 1..n of a JW315's product requests.
    /// </summary>
    private const int SlotBasis = 500;

    /// <summary>The outbox key of the "in onderzoek" JW319 for request line <paramref name="volgnummer"/>.</summary>
    public static string Sleutel(int volgnummer) => string.Create(CultureInfo.InvariantCulture, $"onderzoek {volgnummer}");

    public static Resultaat<Onderzoeksverslag> Neem(Datastore store, Regelcatalogus catalogus, Onderzoeksopdracht opdracht, DateOnly vandaag,
        string? outboxMap, TimeProvider? klok = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(opdracht);
        ArgumentException.ThrowIfNullOrWhiteSpace(opdracht.Medewerker);
        Onderzoeksverslag verslag;
        using (var tx = store.BeginTransactie())
        {
            var v = Staat.TeBeoordelenOpId(tx, opdracht.VerzoekId, opdracht.Gemeente.Waarde);
            if (v is null)
            {
                return Resultaat<Onderzoeksverslag>.Mislukt("ONDERZOEK-ONBEKEND", "Dit verzoek staat niet (meer) ter beoordeling.");
            }

            var (ontvangen, eerder) = Stand(tx, v.Id);
            var besluit = InOnderzoekSturen.Beslis(ontvangen, eerder, catalogus.OpDatum(vandaag), new Werkdagenkalender(catalogus.ExtraVrijeDagen), vandaag);
            if (!besluit.Toegestaan || besluit.NieuweTermijn is not { } nieuw)
            {
                return Resultaat<Onderzoeksverslag>.Mislukt("ONDERZOEK-GEWEIGERD", string.Join(" ", besluit.Bevindingen.Where(b => b.Uitkomst != Core.Toewijzing.Uitkomst.Toegekend).Select(b => $"{b.Melding} ({b.RegelId})")));
            }

            var geclaimd = tx.Commando("""
                UPDATE verzoeken SET onderzoek_op = @op, onderzoek_tot = @tot, onderzoek_door = @door, onderzoek_notitie = @notitie
                WHERE id = @id AND status = 'review' AND onderzoek_op IS NULL
                """).Met("@op", vandaag).Met("@tot", nieuw).Met("@door", opdracht.Medewerker)
                .Met("@notitie", string.IsNullOrWhiteSpace(opdracht.Notitie) ? null : opdracht.Notitie.Trim()).Met("@id", v.Id).ExecuteNonQuery();
            if (geclaimd != 1)
            {
                return Resultaat<Onderzoeksverslag>.Mislukt("ONDERZOEK-AL-GESTUURD", $"Voor verzoek '{v.Referentie}' is intussen al een antwoord gestuurd.");
            }

            var tijd = Bedrijfstijd.Tijd(new Beslisklok(vandaag, klok ?? store.Klok));
            var ctx = new Berichtcontext(tx, v.JournaalId, vandaag, tijd, outboxMap);
            var slot = SlotBasis + v.Volgnummer;
            ctx.Stuur(Sleutel(v.Volgnummer), new Antwoordbericht(Berichtsoort.JW319, ctx.Header(Berichtsoort.JW319, v.Gemeente, v.Aanbieder, slot),
                new Ijw.Berichten.Antwoord(v.Referentie, "2", null, null)), v.Aanbieder, slot);
            tx.Audit(opdracht.Medewerker, opdracht.Gemeente,
                string.Create(CultureInfo.InvariantCulture, $"aanvraag in onderzoek op verzoek {v.Referentie} (antwoord uiterlijk {nieuw:yyyy-MM-dd})"), Bsn.Parse(v.ClientBsn).Waarde);
            tx.Commit();
            verslag = new Onderzoeksverslag(v.Referentie, nieuw, ctx.Outbox);
        }

        var fouten = store.Materialiseer(outboxMap).Fouten;
        return fouten.Count > 0 ? Resultaat<Onderzoeksverslag>.Mislukt(fouten) : Resultaat<Onderzoeksverslag>.Ok(verslag);
    }

    /// <summary>The Dutch day of receipt and the day "in onderzoek" was sent, if ever.</summary>
    private static (DateOnly Ontvangen, DateOnly? Eerder) Stand(StoreTransactie tx, long id)
    {
        using var r = tx.Commando("SELECT j.ontvangen_op, v.onderzoek_op FROM verzoeken v JOIN journaal j ON j.id = v.journaal_id WHERE v.id = @id")
            .Met("@id", id).ExecuteReader();
        r.Read();
        return (Bedrijfstijd.Dag(r.GetFieldValue<DateTimeOffset>(0)), r.DatumOfNull(1));
    }
}

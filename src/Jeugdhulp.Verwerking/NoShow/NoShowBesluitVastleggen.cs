using System.Globalization;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.NoShow;

/// <summary>The recorded decision after a third no-show.</summary>
/// <param name="Gemeente">The municipality.</param>
/// <param name="ToewijzingNummer">The allocation.</param>
/// <param name="Besluit">"voortzetten" or "beeindigen".</param>
/// <param name="Einddatum">The new end date when ended.</param>
/// <param name="Outbox">The answer files written (the JW301 when ended).</param>
public sealed record NoShowBesluitVerslag(string Gemeente, int ToewijzingNummer, string Besluit, DateOnly? Einddatum, IReadOnlyList<string> Outbox);

/// <summary>
/// Records the municipality's decision after a third no-show (HK-NS-3). Ending the allocation writes a new
/// allocation version and its JW301 with the adjusted end date (HK-301-5) the way <see cref="BesluitNemen"/>
/// does: <c>Staat.LegToewijzingVast</c> and the outbox, in the same transaction as the decision. The JW301
/// answers the third report's journal row, so the database refuses a second one.
/// </summary>
public static class NoShowBesluitVastleggen
{
    private const string Sleutel = "besluit no-show";

    /// <summary>
    /// Decides on the open third no-show of allocation <paramref name="nummer"/>'s client and product
    /// (the oldest when there are several years) and writes the answer files to <paramref name="outboxMap"/> (none when null: the answer stays in the outbox table).
    /// </summary>
    public static Resultaat<NoShowBesluitVerslag> NeemNoShowBesluit(this Datastore store, Gemeentecode? gemeente, int nummer, NoShowBesluit besluit,
        DateOnly vandaag, string? outboxMap, string wie)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(besluit);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        NoShowBesluitVerslag verslag;
        using (var tx = store.BeginTransactie())
        {
            var g = gemeente?.Waarde ?? Enige(tx, nummer);
            if (g is null || Staat.Actueel(tx, g, nummer) is not { } t)
            {
                return Resultaat<NoShowBesluitVerslag>.Mislukt("NS-BESLUIT-ONBEKEND",
                    gemeente is null && g is null && Telling(tx, nummer) > 1
                        ? $"Toewijzingnummer {nummer} bestaat in meer gemeenten; noem de gemeente."
                        : $"Er is geen toewijzing {nummer}{(gemeente is null ? "" : " in gemeente " + gemeente.Value.Waarde)}.");
            }

            var derde = NoShowsLezen.Derden(tx, g)
                .Where(n => n.Client == t.Client && n.Product == t.Product && n.Besluit is null)
                .OrderBy(n => n.Datum).FirstOrDefault();
            if (derde is null)
            {
                return Resultaat<NoShowBesluitVerslag>.Mislukt("NS-BESLUIT-GEEN",
                    $"Voor toewijzing {nummer} wacht geen besluit na een derde no-show ({NoShowRegistreren.Besluitregel}).");
            }

            // The real time of day in Amsterdam on the processing date (IV013), also under --today.
            var tijd = Bedrijfstijd.Tijd(new Beslisklok(vandaag, tx.Store.Klok));
            var uitkomst = NoShowBesluiten.Beoordeel(t, derde.Datum, besluit, vandaag, tijd);
            if (!uitkomst.TryGet(out var regel))
            {
                return Resultaat<NoShowBesluitVerslag>.Mislukt(uitkomst.Fouten);
            }

            var client = regel is null ? null : Staat.LeesClient(tx, g, t.Client.Waarde);
            if (regel is not null && client is null)
            {
                return Resultaat<NoShowBesluitVerslag>.Mislukt("BESLUIT-CLIENT", "De cliëntgegevens (uit een JW315) om de JW301 te vullen ontbreken.");
            }

            var woord = besluit.Voortzetten ? NoShowsLezen.Voortzetten : NoShowsLezen.Beeindigen;
            var geclaimd = tx.Commando("""
                UPDATE noshows SET besluit = @besluit, besluit_einddatum = @eind, besloten_op = @nu, besloten_door = @wie
                WHERE id = @id AND gemeente = @gemeente AND besluit IS NULL AND geannuleerd_op IS NULL
                """)
                .Met("@besluit", woord).Met("@eind", besluit.Einddatum).Met("@nu", tx.Nu).Met("@wie", wie).Met("@id", derde.Id).Met("@gemeente", g)
                .ExecuteNonQuery();
            if (geclaimd != 1)
            {
                return Resultaat<NoShowBesluitVerslag>.Mislukt("NS-BESLUIT-AL-GENOMEN", $"Over de no-shows op toewijzing {nummer} is intussen al besloten.");
            }

            var outbox = new List<string>();
            if (regel is not null)
            {
                Staat.LegToewijzingVast(tx, g, t.Aanbieder.Waarde, regel, t.Herkomst, t.KerenEinddatumVerschoven, t.OorspronkelijkeEinddatum ?? t.Einddatum, derde.JournaalId);
                var ctx = new Berichtcontext(tx, derde.JournaalId, vandaag, tijd, outboxMap);
                ctx.StuurToewijzing(Sleutel, 1, g, t.Aanbieder.Waarde, client!, [regel]);
                outbox.AddRange(ctx.Outbox);
            }

            tx.Audit(wie, Gemeentecode.Parse(g).Waarde,
                string.Create(CultureInfo.InvariantCulture, $"besluit na derde no-show: {woord} toewijzing {nummer}{(besluit.Einddatum is { } e ? $" per {e:yyyy-MM-dd}" : "")}"), t.Client);
            tx.Commit();
            verslag = new NoShowBesluitVerslag(g, nummer, woord, besluit.Einddatum, outbox);
        }

        var fouten = store.Materialiseer(outboxMap).Fouten;
        return fouten.Count > 0 ? Resultaat<NoShowBesluitVerslag>.Mislukt(fouten) : Resultaat<NoShowBesluitVerslag>.Ok(verslag);
    }

    private static long Telling(StoreTransactie tx, int nummer) =>
        tx.Commando("SELECT COUNT(*) FROM toewijzingen WHERE nummer = @nummer AND actueel = 1").Met("@nummer", (long)nummer).LeesLongOfNull() ?? 0;

    /// <summary>The municipality holding allocation <paramref name="nummer"/>, when exactly one does.</summary>
    private static string? Enige(StoreTransactie tx, int nummer) =>
        Telling(tx, nummer) == 1
            ? tx.Commando("SELECT gemeente FROM toewijzingen WHERE nummer = @nummer AND actueel = 1").Met("@nummer", (long)nummer).ExecuteScalar() as string
            : null;
}

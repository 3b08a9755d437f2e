using System.Globalization;
using System.Text.Json;
using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.NoShow;

/// <summary>An accepted no-show report: its id (to cancel it), the municipality and what follows.</summary>
/// <param name="Id">The registration's id.</param>
/// <param name="Gemeente">The municipality of the allocation.</param>
/// <param name="Uitslag">Which no-show this is and the follow-up step (HK-NS-1..3).</param>
public sealed record NoShowRegistratie(long Id, string Gemeente, NoShowUitslag Uitslag);

/// <summary>
/// Registers and cancels no-show reports (HK-323-4). The rules are Core's <see cref="NoShowRegistreren"/>;
/// this use case finds the allocation and the client's earlier reports, journals the report (berichtcode
/// NOSHOW, facts only) and stores it, all in one transaction.
/// </summary>
public static class NoShowVastleggen
{
    /// <summary>The journal's berichtcode for a no-show report (not an iJw message).</summary>
    public const string Berichtcode = "NOSHOW";

    /// <summary>
    /// The reports of one allocation on one day so far, cancelled ones included (each report gets an Identificatie of its own).
    /// By the index of migration 0043: the partial one-a-day index holds only reports not cancelled, so it could not serve
    /// this and every report read the whole table.
    /// </summary>
    internal const string KeerQuery = "SELECT COUNT(*) FROM noshows WHERE gemeente = @gemeente AND nummer = @nummer AND datum = @datum";

    /// <summary>
    /// Checks and stores <paramref name="melding"/>. <paramref name="gemeente"/> may be left out when the
    /// ToewijzingNummer identifies one allocation of this provider and client (numbers are unique per
    /// municipality only, TR332). A refused report is a coded error naming the rule; nothing is stored.
    /// </summary>
    public static Resultaat<NoShowRegistratie> RegistreerNoShow(this Datastore store, NoShowMelding melding, Gemeentecode? gemeente,
        Regelcatalogus catalogus, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(melding);
        ArgumentNullException.ThrowIfNull(catalogus);
        using var tx = store.BeginTransactie();
        var gevonden = Toewijzing(tx, gemeente?.Waarde, melding.ToewijzingNummer, melding.Aanbieder, melding.Client);
        if (!gevonden.TryGet(out var t))
        {
            return Resultaat<NoShowRegistratie>.Mislukt(gevonden.Fouten);
        }

        // Serialises reports for one client (PostgreSQL: row locks on the client's current allocations;
        // SQLite already writes one transaction at a time), so two reports at once cannot both be the third.
        if (t.Gemeente is { } g)
        {
            tx.Commando("UPDATE toewijzingen SET actueel = actueel WHERE gemeente = @gemeente AND client_bsn = @bsn AND actueel = 1")
                .Met("@gemeente", g).Met("@bsn", melding.Client.Waarde).ExecuteNonQuery();
        }

        var eerdere = t.Gemeente is { } gm ? Eerdere(tx, gm, melding.Client) : [];
        var uitslag = NoShowRegistreren.Beoordeel(melding, t.Toewijzing, eerdere, catalogus, new Werkdagenkalender(catalogus.ExtraVrijeDagen), vandaag);
        if (!uitslag.TryGet(out var u))
        {
            return Resultaat<NoShowRegistratie>.Mislukt(uitslag.Fouten);
        }

        var gemeenteCode = t.Gemeente!;
        var nummer = (long)melding.ToewijzingNummer;
        var keer = tx.Commando(KeerQuery)
            .Met("@gemeente", gemeenteCode).Met("@nummer", nummer).Met("@datum", melding.Datum).LeesLongOfNull() ?? 0;
        // Longer than iJw's 12 characters, so it can never collide with a message Identificatie of the provider.
        var identificatie = string.Create(CultureInfo.InvariantCulture, $"NOSHOW-{gemeenteCode}-{nummer}-{melding.Datum:yyyyMMdd}-{keer + 1}");
        var inhoud = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["gemeente"] = gemeenteCode,
            ["aanbieder"] = melding.Aanbieder.Waarde,
            ["bsn"] = melding.Client.Waarde,
            ["toewijzingNummer"] = nummer.ToString(CultureInfo.InvariantCulture),
            ["product"] = u.Product.Waarde,
            ["datum"] = melding.Datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        if (tx.Journaliseer(melding.Aanbieder.Waarde, gemeenteCode, identificatie, Berichtcode, inhoud) is not JournaalUitkomst.Nieuw journaal)
        {
            return Resultaat<NoShowRegistratie>.Mislukt("NS-DUBBEL", $"Deze no-show is zojuist al gemeld ({NoShowRegistreren.Regel}).");
        }

        tx.ZetJournaalStatus(journaal.JournaalId, Uitkomsten.Accepted);
        var id = tx.Commando("""
            INSERT INTO noshows (journaal_id, gemeente, nummer, aanbieder, client_bsn, productcode, datum, regelversie)
            VALUES (@journaal_id, @gemeente, @nummer, @aanbieder, @bsn, @product, @datum, @regelversie)
            RETURNING id
            """)
            .Met("@journaal_id", journaal.JournaalId).Met("@gemeente", gemeenteCode).Met("@nummer", nummer)
            .Met("@aanbieder", melding.Aanbieder.Waarde).Met("@bsn", melding.Client.Waarde).Met("@product", u.Product.Waarde)
            .Met("@datum", melding.Datum).Met("@regelversie", u.Regelversie).LeesLongOfNull()!.Value;
        tx.Audit(melding.Aanbieder.Waarde, Gemeentecode.Parse(gemeenteCode).Waarde,
            string.Create(CultureInfo.InvariantCulture, $"no-show {u.Volgnummer} gemeld op toewijzing {nummer} ({melding.Datum:yyyy-MM-dd})"), melding.Client);
        tx.Commit();
        return Resultaat<NoShowRegistratie>.Ok(new NoShowRegistratie(id, gemeenteCode, u));
    }

    /// <summary>
    /// Cancels a report of <paramref name="aanbieder"/> (a mistaken report). Refused when it is already
    /// cancelled, or when the municipality has decided after a third no-show of that client, product and year.
    /// </summary>
    public static Resultaat<GeregistreerdeNoShow> AnnuleerNoShow(this Datastore store, long id, AgbCode aanbieder, string wie)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        using var tx = store.BeginTransactie();
        var n = NoShowsLezen.Lees(tx, "n.id = @id", c => c.Met("@id", id)).FirstOrDefault();
        if (n is null || n.Aanbieder != aanbieder.Waarde)
        {
            return Resultaat<GeregistreerdeNoShow>.Mislukt("NS-ONBEKEND", $"Er is geen no-show {id} van aanbieder {aanbieder}.");
        }

        if (n.Geannuleerd)
        {
            return Resultaat<GeregistreerdeNoShow>.Mislukt("NS-GEANNULEERD", $"No-show {id} is al geannuleerd.");
        }

        var besloten = tx.Commando("""
            SELECT COUNT(*) FROM noshows WHERE gemeente = @gemeente AND client_bsn = @bsn AND productcode = @product
                AND besluit IS NOT NULL AND geannuleerd_op IS NULL AND datum >= @van AND datum <= @tot
            """)
            .Met("@gemeente", n.Gemeente).Met("@bsn", n.Client.Waarde).Met("@product", n.Product.Waarde)
            .Met("@van", new DateOnly(n.Datum.Year, 1, 1)).Met("@tot", new DateOnly(n.Datum.Year, 12, 31)).LeesLongOfNull();
        if (besloten > 0)
        {
            return Resultaat<GeregistreerdeNoShow>.Mislukt("NS-BESLOTEN",
                $"De gemeente heeft na de derde no-show van {n.Datum.Year} op {n.Product} al besloten ({NoShowRegistreren.Besluitregel}); annuleren kan niet meer.");
        }

        // The read above found the report by id alone (the provider does not name the municipality); the write names it, so
        // on PostgreSQL it touches that one partition (migration 0040).
        tx.Commando("UPDATE noshows SET geannuleerd_op = @nu, geannuleerd_door = @wie WHERE id = @id AND gemeente = @gemeente AND geannuleerd_op IS NULL")
            .Met("@nu", tx.Nu).Met("@wie", wie).Met("@id", id).Met("@gemeente", n.Gemeente).ExecuteNonQuery();
        tx.Audit(wie, Gemeentecode.Parse(n.Gemeente).Waarde,
            string.Create(CultureInfo.InvariantCulture, $"no-show {id} geannuleerd op toewijzing {n.ToewijzingNummer}"), n.Client);
        tx.Commit();
        return Resultaat<GeregistreerdeNoShow>.Ok(n with { Geannuleerd = true });
    }

    /// <summary>The client's active reports in the municipality, for the count.</summary>
    private static List<EerdereNoShow> Eerdere(StoreTransactie tx, string gemeente, Bsn client)
    {
        var lijst = new List<EerdereNoShow>();
        using var r = tx.Commando("SELECT nummer, productcode, datum FROM noshows WHERE gemeente = @gemeente AND client_bsn = @bsn AND geannuleerd_op IS NULL")
            .Met("@gemeente", gemeente).Met("@bsn", client.Waarde).ExecuteReader();
        while (r.Read())
        {
            lijst.Add(new EerdereNoShow(checked((int)r.GetInt64(0)), ProductCode.Parse(r.GetString(1)).Waarde, r.GetFieldValue<DateOnly>(2)));
        }

        return lijst;
    }

    /// <summary>
    /// The municipalities with a current allocation of number <c>@nummer</c>, in code order, for a report that does not name
    /// its municipality. Numbers come from one counter per municipality (TR332, <c>toewijzingnummers</c>; the conversion's
    /// import moves it too), so every municipality with allocations has a counter row: the few counters are read and each is
    /// looked up by its unique (gemeente, nummer) key. The number alone was looked for before, which no index serves (they
    /// all start with gemeente): every current allocation of the region read once per report, 93 ms a report at 1.17
    /// million (session 18).
    /// </summary>
    internal const string GemeentenMetNummerQuery = """
        SELECT n.gemeente FROM toewijzingnummers n
        WHERE EXISTS (SELECT 1 FROM toewijzingen t WHERE t.gemeente = n.gemeente AND t.nummer = @nummer AND t.actueel = 1)
        ORDER BY n.gemeente
        """;

    /// <summary>
    /// The current allocation with this number. Without a municipality: the one in whichever municipality
    /// has that number, preferring the provider's own for this client; two equal candidates need the
    /// municipality to be named.
    /// </summary>
    internal static Resultaat<(string? Gemeente, Core.Toewijzing.VastgelegdeToewijzing? Toewijzing)> Toewijzing(
        StoreTransactie tx, string? gemeente, int nummer, AgbCode aanbieder, Bsn client)
    {
        if (gemeente is not null)
        {
            var t = Staat.Actueel(tx, gemeente, nummer);
            return Resultaat<(string?, Core.Toewijzing.VastgelegdeToewijzing?)>.Ok((t is null ? null : gemeente, t));
        }

        var kandidaten = new List<string>();
        using (var r = tx.Commando(GemeentenMetNummerQuery).Met("@nummer", (long)nummer).ExecuteReader())
        {
            while (r.Read())
            {
                kandidaten.Add(r.GetString(0));
            }
        }

        var gevonden = kandidaten.Select(g => (Gemeente: g, Toewijzing: Staat.Actueel(tx, g, nummer)!)).ToList();
        var eigen = gevonden.Where(x => x.Toewijzing.Aanbieder == aanbieder && x.Toewijzing.Client == client).ToList();
        var keuze = eigen.Count > 0 ? eigen : gevonden;
        return keuze.Count switch
        {
            0 => Resultaat<(string?, Core.Toewijzing.VastgelegdeToewijzing?)>.Ok((null, null)),
            1 => Resultaat<(string?, Core.Toewijzing.VastgelegdeToewijzing?)>.Ok((keuze[0].Gemeente, keuze[0].Toewijzing)),
            _ => Resultaat<(string?, Core.Toewijzing.VastgelegdeToewijzing?)>.Mislukt("NS-GEMEENTE",
                $"Toewijzingnummer {nummer} bestaat in meer gemeenten ({string.Join(", ", keuze.Select(k => k.Gemeente))}); noem de gemeente."),
        };
    }
}

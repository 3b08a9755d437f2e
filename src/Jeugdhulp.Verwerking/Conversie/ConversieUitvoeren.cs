using System.Globalization;
using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Toewijzingnummers;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Conversie;

/// <summary>What one execution run did.</summary>
/// <param name="Clienten">Clients handled now (each in its own transaction).</param>
/// <param name="Omgezet">Allocations converted administratively now.</param>
/// <param name="Werk">Allocations handed to a person now (lichte toets, herindicatie, HK-CONV-3).</param>
/// <param name="AlGedaan">Clients an earlier run had handled already: skipped.</param>
/// <param name="Berichten">JW301s created now.</param>
/// <param name="Fouten">Files that could not be written (rows stay unwritten for the next run).</param>
public sealed record Conversieverslag(int Clienten, int Omgezet, int Werk, int AlGedaan, int Berichten, IReadOnlyList<Fout> Fouten);

/// <summary>
/// Executes a conversion plan (HK-CONV-2). Per client, one transaction: each administrative conversion ends
/// the old allocation (re-sent with einddatum the day before the transition and RedenWijziging 03
/// Contractwijziging, HK-301-5) and issues the new one, in one JW301 per provider; every other allocation
/// becomes work for staff with its reason and, for HK-CONV-3, its deadline. What the run did is recorded
/// per old allocation under its key, so a second run, or the rest of a killed one, never does it twice.
/// </summary>
public static class ConversieUitvoeren
{
    /// <summary>RedenWijziging 03 Contractwijziging: the old allocation ends because the contract changes.</summary>
    public const string Contractwijziging = "03";

    /// <summary>Executes <paramref name="plan"/>; <paramref name="voortgang"/> hears (clients done, clients in plan) after each.</summary>
    public static Conversieverslag VoerConversieUit(this Datastore store, Conversieplan plan, string? outboxMap, Action<int, int>? voortgang = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plan);
        var gedaan = Gedaan(store);
        var clienten = plan.Adviezen.Where(a => a.Route is not null)
            .GroupBy(a => (a.Toewijzing.Gemeente.Waarde, a.Toewijzing.Client.Waarde))
            .ToList();
        int klaar = 0, omgezet = 0, werk = 0, alGedaan = 0, berichten = 0;
        foreach (var client in clienten)
        {
            var open = client.Where(a => !gedaan.Contains((a.Toewijzing.Gemeente.Waarde, a.Toewijzing.Nummer))).ToList();
            if (open.Count == 0)
            {
                alGedaan++;
            }
            else
            {
                using var tx = store.BeginTransactie();
                var (o, w, b) = Client(tx, open);
                tx.Commit();
                omgezet += o;
                werk += w;
                berichten += b;
            }

            voortgang?.Invoke(++klaar, clienten.Count);
        }

        var fouten = SchrijfBerichten(store, outboxMap);
        return new Conversieverslag(clienten.Count - alGedaan, omgezet, werk, alGedaan, berichten, fouten);
    }

    private static HashSet<(string, long)> Gedaan(Datastore store)
    {
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("SELECT gemeente, nummer FROM conversie_uitgevoerd").ExecuteReader();
        var set = new HashSet<(string, long)>();
        while (r.Read())
        {
            set.Add((r.GetString(0), r.GetInt64(1)));
        }

        return set;
    }

    private static (int Omgezet, int Werk, int Berichten) Client(StoreTransactie tx, List<Conversieadvies> adviezen)
    {
        var nu = tx.Nu;
        var datum = DateOnly.FromDateTime(nu.UtcDateTime);
        // The date follows the processing clock (fixed under --today); the time of day is the real one in Amsterdam (IV013).
        var tijd = Bedrijfstijd.Tijd(new Beslisklok(datum, tx.Store.Klok));
        var eerste = adviezen[0].Toewijzing;
        var gemeente = eerste.Gemeente;
        var clientgegevens = new Clientgegevens(eerste.Client.Waarde, eerste.Geboortedatum, null, eerste.Geslacht, eerste.Achternaam,
            eerste.Voorvoegsel, null, eerste.Voorletters);
        var berichten = 0;
        var omgezet = 0;
        foreach (var perAanbieder in adviezen.Where(a => a.IsAdministratief).GroupBy(a => a.Toewijzing.Aanbieder.Waarde))
        {
            var lijst = perAanbieder.ToList();
            var reeks = tx.ReserveerToewijzingnummers(gemeente, lijst.Count);
            if (!reeks.IsGeldig)
            {
                // Out of numbers: the client stays for a person, the run goes on with the others.
                foreach (var a in lijst)
                {
                    Leg(tx, a, ConversieBepalen.Naam(ConversieRoute.Administratief), null, reeks.Fouten[0].Code, "open", nu);
                }

                continue;
            }

            var regels = new List<Core.Toewijzing.ToegewezenProduct>();
            var nummer = reeks.Waarde.Eerste;
            foreach (var a in lijst)
            {
                var t = a.Toewijzing;
                var einde = a.Overgangsdatum.AddDays(-1) < t.Periode.Begin ? t.Periode.Begin : a.Overgangsdatum.AddDays(-1);
                var oud = new Core.Toewijzing.ToegewezenProduct(checked((int)t.Nummer), t.Client, null, t.Product, t.Product.Waarde[..2],
                    datum, tijd, t.Periode.Begin, einde, Contractwijziging, t.Omvang, null);
                var nieuw = new Core.Toewijzing.ToegewezenProduct(checked((int)nummer), t.Client, null, a.NieuwProduct!.Value, a.Categorie!,
                    datum, tijd, a.Overgangsdatum, a.NieuweEinddatum, null, a.NieuweOmvang, null);
                Staat.LegToewijzingVast(tx, gemeente.Waarde, perAanbieder.Key, oud, VerwijzerType.Gemeente, 0, null, null);
                Staat.LegToewijzingVast(tx, gemeente.Waarde, perAanbieder.Key, nieuw, VerwijzerType.Gemeente, 0, null, null);
                Leg(tx, a, ConversieBepalen.Naam(ConversieRoute.Administratief), nummer, null, "afgerond", nu);
                regels.Add(oud);
                regels.Add(nieuw);
                nummer++;
                omgezet++;
            }

            // Our Identificatie (at most 12 characters) from the first new number: unique per municipality.
            var identificatie = string.Create(CultureInfo.InvariantCulture, $"CV{reeks.Waarde.Eerste}");
            var header = Header.Voor(Berichtsoort.JW301, gemeente.Waarde, perAanbieder.Key, new BerichtIdentificatie(identificatie, datum));
            var inhoud = IjwSchrijver.Schrijf(Berichtcontext.Toewijzing(header, clientgegevens, regels));
            tx.Commando("""
                INSERT INTO conversie_berichten (gemeente, aanbieder, bestandsnaam, inhoud, aangemaakt_op)
                VALUES (@gemeente, @aanbieder, @naam, @inhoud, @op)
                """).Met("@gemeente", gemeente.Waarde).Met("@aanbieder", perAanbieder.Key)
                .Met("@naam", $"{perAanbieder.Key}_JW301_{gemeente.Waarde}-{identificatie}.xml").Met("@inhoud", inhoud).Met("@op", nu)
                .ExecuteNonQuery();
            berichten++;
        }

        if (omgezet > 0)
        {
            Staat.BewaarClient(tx, gemeente.Waarde, clientgegevens);
        }

        var werk = 0;
        foreach (var a in adviezen.Where(a => !a.IsAdministratief))
        {
            Leg(tx, a, ConversieBepalen.Naam(a.Route!.Value), null, a.Contractsignaal is not null ? "HK-CONV-3" : ConversieBepalen.Naam(a.Route!.Value), "open", nu);
            werk++;
        }

        return (omgezet, werk, berichten);
    }

    private static void Leg(StoreTransactie tx, Conversieadvies a, string route, long? nieuwNummer, string? werk, string status, DateTimeOffset nu) =>
        tx.Commando("""
            INSERT INTO conversie_uitgevoerd (gemeente, nummer, client_bsn, aanbieder, route, nieuw_nummer, werk, status, bevindingen, uiterlijk, op)
            VALUES (@gemeente, @nummer, @bsn, @aanbieder, @route, @nieuw, @werk, @status, @bevindingen, @uiterlijk, @op)
            """)
            .Met("@gemeente", a.Toewijzing.Gemeente.Waarde).Met("@nummer", a.Toewijzing.Nummer).Met("@bsn", a.Toewijzing.Client.Waarde)
            .Met("@aanbieder", a.Toewijzing.Aanbieder.Waarde).Met("@route", route).Met("@nieuw", nieuwNummer).Met("@werk", werk)
            .Met("@status", status).Met("@bevindingen", Conversiebevindingen.Json(a.Bevindingen)).Met("@uiterlijk", a.Contractsignaal?.Uiterlijk)
            .Met("@op", nu).ExecuteNonQuery();

    /// <summary>Writes the conversion's unwritten JW301s as files, as the outbox does (never half, never twice).</summary>
    private static List<Fout> SchrijfBerichten(Datastore store, string? outboxMap)
    {
        if (outboxMap is null)
        {
            return [];
        }

        using var sessie = store.OpenSessie();
        var rijen = new List<(long Id, string Naam, byte[] Inhoud)>();
        using (var r = sessie.Commando("SELECT id, bestandsnaam, inhoud FROM conversie_berichten WHERE geschreven_op IS NULL ORDER BY id").ExecuteReader())
        {
            while (r.Read())
            {
                rijen.Add((r.GetInt64(0), r.GetString(1), (byte[])r.GetValue(2)));
            }
        }

        var blok = Materialiseren.SchrijfBestanden(outboxMap, rijen);
        using var tx = sessie.BeginTransactie();
        var markeer = tx.Commando("UPDATE conversie_berichten SET geschreven_op = @op WHERE id = @id");
        foreach (var id in blok.Klaar)
        {
            markeer.Met("@op", tx.Nu).Met("@id", id).ExecuteNonQuery();
        }

        tx.Commit();
        return blok.Fouten;
    }
}

using System.Globalization;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Retour;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// JW305 start and JW307 stop: each product is linked to the current allocation by ToewijzingNummer
/// (same client, same provider) and recorded under its key (IV096: ToewijzingNummer + Begindatum).
/// Retour codes per product: 9019 not linkable, 9074 a status-1 key already received (TR074), 9063 a
/// status-3 without an earlier delivery (TR063), 9069 a stop without a current start, 9071 deleting a
/// start that is already stopped. A stop before the allocation's end with another reason than 31
/// "volgens plan" gives a new JW301 version with Einddatum = the stop date (HK-301-5).
/// </summary>
internal static class StartStopVerwerken
{
    private const string Start = "start";
    private const string Stop = "stop";

    public static string Verwerk(Berichtcontext ctx, StartBericht bericht)
    {
        var k = bericht.Client ?? throw new InvalidOperationException("Een geldige JW305 heeft een Client.");
        var codes = new Klassecodes();
        for (var i = 0; i < k.StartProducten.Count; i++)
        {
            var p = k.StartProducten[i];
            var pad = $"/Bericht/Client/StartProducten/StartProduct[{i + 1}]";
            var code = Verwerk(ctx, bericht.Header, k.Bsn, Start, p.ToewijzingNummer, p.Begindatum, null, null, p.StatusAanlevering, i + 1);
            if (code is not null)
            {
                codes.Zet(pad, code);
                ctx.Retourcodes.Add(code);
                ctx.Meldingen.Add($"StartProduct {i + 1}: retourcode {code} ({Tekst.Retourcode(code) ?? code}).");
            }
        }

        ctx.StuurRetour("JW306", bericht, Retourbouwer.Bouw(bericht, ctx.Retourgegevens, codes));
        return codes.IsLeeg ? Uitkomsten.Accepted : Uitkomsten.Rejected;
    }

    public static string Verwerk(Berichtcontext ctx, StopBericht bericht)
    {
        var k = bericht.Client ?? throw new InvalidOperationException("Een geldige JW307 heeft een Client.");
        var codes = new Klassecodes();
        for (var i = 0; i < k.StopProducten.Count; i++)
        {
            var p = k.StopProducten[i];
            var pad = $"/Bericht/Client/StopProducten/StopProduct[{i + 1}]";
            var code = Verwerk(ctx, bericht.Header, k.Bsn, Stop, p.ToewijzingNummer, p.Begindatum, p.Einddatum, p.RedenBeeindiging,
                p.StatusAanlevering, i + 1);
            if (code is not null)
            {
                codes.Zet(pad, code);
                ctx.Retourcodes.Add(code);
                ctx.Meldingen.Add($"StopProduct {i + 1}: retourcode {code} ({Tekst.Retourcode(code) ?? code}).");
            }
        }

        ctx.StuurRetour("JW308", bericht, Retourbouwer.Bouw(bericht, ctx.Retourgegevens, codes));
        return codes.IsLeeg ? Uitkomsten.Accepted : Uitkomsten.Rejected;
    }

    private static string? Verwerk(Berichtcontext ctx, Header header, string bsn, string soort, long? nummer, DateOnly begin,
        DateOnly? eind, string? reden, string status, int slot)
    {
        var gemeente = header.Ontvanger;
        var toewijzing = nummer is { } n ? Staat.Actueel(ctx.Tx, gemeente, n) : null;
        if (toewijzing is null || toewijzing.IsVerwijderd || toewijzing.Client.Waarde != bsn || toewijzing.Aanbieder.Waarde != header.Afzender)
        {
            return "9019";
        }

        var tx = ctx.Tx;
        var bestaand = Actief(tx, gemeente, toewijzing.Nummer, soort, begin);
        if (status == "3")
        {
            if (bestaand is not { } id)
            {
                return "9063";
            }

            if (soort == Start && Actief(tx, gemeente, toewijzing.Nummer, Stop, begin) is not null)
            {
                return "9071";
            }

            // Under its municipality: the key and the partition on PostgreSQL (migration 0040), so only that partition is read.
            tx.Commando("UPDATE startstop SET actief = 0 WHERE gemeente = @gemeente AND id = @id").Met("@gemeente", gemeente).Met("@id", id).ExecuteNonQuery();
            return null;
        }

        if (bestaand is not null)
        {
            return "9074";
        }

        if (soort == Stop && Actief(tx, gemeente, toewijzing.Nummer, Start, begin) is null)
        {
            return "9069";
        }

        tx.Commando("""
            INSERT INTO startstop (journaal_id, soort, gemeente, nummer, begindatum, einddatum, reden_beeindiging, actief)
            VALUES (@journaal_id, @soort, @gemeente, @nummer, @begindatum, @einddatum, @reden, 1)
            """)
            .Met("@journaal_id", ctx.JournaalId).Met("@soort", soort).Met("@gemeente", gemeente).Met("@nummer", (long)toewijzing.Nummer)
            .Met("@begindatum", begin).Met("@einddatum", eind).Met("@reden", reden).ExecuteNonQuery();

        // HK-301-5: every end before the allocation's Einddatum is an early end, "volgens plan" (31) too; only a
        // temporary stop (20, "levering tijdelijk beëindigd") leaves the allocation as it is (TR413).
        if (soort == Stop && eind is { } e && reden != "20" && (toewijzing.Einddatum is null || e < toewijzing.Einddatum))
        {
            VroegtijdigEinde(ctx, header, toewijzing, e, reden!, slot);
        }

        return null;
    }

    /// <summary>
    /// HK-301-5: a new JW301 version with the stop date as Einddatum. RedenWijziging follows the
    /// RedenBeeindiging: 02 overlijden → 02, 38 overstap → 09, 39 uitstroom ander domein → 06, 36 door de
    /// gemeente → 05 (verkorting), every other early end (initiated by client or provider) → 12
    /// "geïnitieerd door de aanbieder", since the provider reported it.
    /// </summary>
    private static void VroegtijdigEinde(Berichtcontext ctx, Header header, VastgelegdeToewijzing t, DateOnly eind, string reden, int slot)
    {
        var redenWijziging = reden switch
        {
            "02" => "02",
            "38" => "09",
            "39" => "06",
            "36" => "05",
            _ => "12",
        };
        var regel = new Core.Toewijzing.ToegewezenProduct(t.Nummer, t.Client, t.ReferentieAanbieder, t.Product, t.Categorie, ctx.Vandaag, ctx.Tijd,
            t.Ingangsdatum, eind < t.Ingangsdatum ? t.Ingangsdatum : eind, redenWijziging, t.Omvang, t.Budget);
        Staat.LegToewijzingVast(ctx.Tx, header.Ontvanger, header.Afzender, regel, t.Herkomst, t.KerenEinddatumVerschoven,
            t.OorspronkelijkeEinddatum ?? t.Einddatum, ctx.JournaalId);
        var client = Staat.LeesClient(ctx.Tx, header.Ontvanger, t.Client.Waarde)
            ?? throw new InvalidOperationException("Geen cliëntgegevens (uit een JW315) om de JW301 te vullen.");
        ctx.StuurToewijzing(string.Create(CultureInfo.InvariantCulture, $"stop {slot}"), slot, header.Ontvanger, header.Afzender, client, [regel]);
    }

    private static long? Actief(StoreTransactie tx, string gemeente, long nummer, string soort, DateOnly begin) =>
        tx.Commando("""
            SELECT id FROM startstop WHERE gemeente = @gemeente AND nummer = @nummer AND soort = @soort AND begindatum = @begindatum AND actief = 1
            """).Met("@gemeente", gemeente).Met("@nummer", nummer).Met("@soort", soort).Met("@begindatum", begin).LeesLongOfNull();
}

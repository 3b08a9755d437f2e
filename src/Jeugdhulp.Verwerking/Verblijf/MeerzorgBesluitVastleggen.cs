using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Toekenning;

namespace Jeugdhulp.Store.Verblijf;

/// <summary>What deciding a meerzorg request came to.</summary>
/// <param name="Oordeel">Core's findings on the request (HK-24-10); null with an error before the check.</param>
/// <param name="Geschreven">True when the decision was recorded now.</param>
/// <param name="Nummer">The Begeleiding Individueel allocation when granted.</param>
/// <param name="Outbox">The JW301 files written for it.</param>
/// <param name="Fout">Why nothing was recorded.</param>
public sealed record Meerzorgbesluitverslag(Verblijfoordeel? Oordeel, bool Geschreven, int? Nummer, IReadOnlyList<string> Outbox, Fout? Fout)
{
    /// <summary>When granting: the allocation path's own checks (contract, lot, age, residence) with their rule ids.</summary>
    public Toekenningsbesluit? Toewijzingscontrole { get; init; }
}

/// <summary>
/// The municipality's decision on a recorded meerzorg request (HK-24-10). Refusing needs a reason. Granting is
/// allowed only when Core grants it (help plan, both checks positive, a known ZZP, at most half a year): a
/// longer period or an open check stays with a person, who records the checks or shortens the period first.
/// Granted, it becomes an allocation of the regional Begeleiding Individueel product with the asked hours per
/// week, written through the municipality's own allocation path (<see cref="ToekenningVastleggen"/>: the same
/// Core checks, contract, JW301 in the outbox, timeline and audit), so its declarations run through the ordinary
/// JW323 pipeline. It may start before the request (retroactive). The allocation is journalled under a key
/// from its content, so a decision retried after a crash finds the allocation already written and only
/// completes the record: nothing twice.
/// </summary>
public static class MeerzorgBesluitVastleggen
{
    /// <summary>
    /// Decides request <paramref name="referentie"/> of <paramref name="gemeente"/>. <paramref name="gelezen"/>: the contracts
    /// and register read once, for the allocation when granting (see <see cref="ToekenningVastleggen.Verwerk"/>).
    /// </summary>
    public static Meerzorgbesluitverslag BesluitMeerzorg(this Datastore store, Regelcatalogus catalogus, Gemeentecode gemeente, string referentie, bool toekennen,
        string? motivering, Clientpersoon? persoon, string wie, Toewijzingsmoment moment, string? outboxMap, bool alleenControleren = false,
        Beoordelingsbronnen? gelezen = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(moment);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        var vastgelegd = store.LeesVerblijf(gemeente, referentie).Meerzorg.FirstOrDefault(m => m.Aanvraag.Referentie == referentie);
        if (vastgelegd is null)
        {
            return Mislukt(null, "VERBLIJF-ONBEKEND", $"Gemeente {gemeente} heeft geen meerzorgaanvraag {referentie}.");
        }

        if (vastgelegd.Besluit is not null)
        {
            return Mislukt(null, "VERBLIJF-MEERZORG-BESLOTEN", $"Over meerzorgaanvraag {referentie} is al besloten ({vastgelegd.Besluit}).");
        }

        var a = vastgelegd.Aanvraag;
        var besluit = MeerzorgBeoordelen.Beoordeel(a, catalogus.OpDatum(a.Van), new Werkdagenkalender(catalogus.ExtraVrijeDagen));
        if (!toekennen)
        {
            if (string.IsNullOrWhiteSpace(motivering))
            {
                return Mislukt(besluit.Oordeel, "VERBLIJF-MOTIVERING", "Een afwijzing van meerzorg vraagt een motivering.");
            }

            if (alleenControleren)
            {
                return new(besluit.Oordeel, false, null, [], null);
            }

            return Leg(store, gemeente, a, MeerzorgBesluiten.Afgewezen, null, wie, motivering, besluit.Oordeel.Regelversie)
                ? new(besluit.Oordeel, true, null, [], null)
                : Mislukt(besluit.Oordeel, "VERBLIJF-MEERZORG-BESLOTEN", $"Over meerzorgaanvraag {referentie} is intussen al besloten.");
        }

        if (besluit.Toewijzing is not { } t)
        {
            return Mislukt(besluit.Oordeel, "VERBLIJF-MEERZORG-NIET-TOEKENBAAR",
                $"Meerzorgaanvraag {referentie} kan niet worden toegekend: {string.Join(", ", besluit.Oordeel.Bevindingen.Where(b => b.Uitkomst != Uitkomst.Toegekend).Select(b => $"{b.RegelId} {b.Code}"))}.");
        }

        var opdracht = new Toekenningsopdracht(gemeente, a.Client, Toegangsroute.LokaleToegang, null, AgbCode.Parse(a.Aanbieder).Waarde, t.Product, t.Van, t.Tot,
            t.Omvang, [], $"meerzorg {referentie}", motivering);
        var verslag = store.Verwerk(catalogus, [new Toekenningsactie.Toekennen(opdracht, persoon)], wie, moment, outboxMap, alleenControleren, gelezen)[0];
        if (alleenControleren)
        {
            // The allocation path checked without writing: blocked (or needing a reason) is what granting would come to.
            return verslag.Fout is { } f ? Mislukt(besluit.Oordeel, f.Code, f.Melding) with { Toewijzingscontrole = verslag.Besluit }
                : verslag.Besluit?.Reden is { } reden
                    ? Mislukt(besluit.Oordeel, "VERBLIJF-MEERZORG-TOEKENNING", $"De toewijzing voor meerzorg kan niet worden vastgelegd ({reden.RegelId}): {reden.Melding}")
                        with { Toewijzingscontrole = verslag.Besluit }
                    : new(besluit.Oordeel, false, null, [], null) { Toewijzingscontrole = verslag.Besluit };
        }

        if (!verslag.Geschreven && !verslag.Herhaling)
        {
            return Mislukt(besluit.Oordeel, verslag.Fout?.Code ?? "VERBLIJF-MEERZORG-TOEKENNING",
                verslag.Fout?.Melding ?? $"De toewijzing voor meerzorg is niet vastgelegd: {verslag.Besluit?.Toelichting}") with { Toewijzingscontrole = verslag.Besluit };
        }

        var nummer = verslag.Nummers.Count > 0 ? verslag.Nummers[0] : (int?)null;
        Leg(store, gemeente, a, MeerzorgBesluiten.Toegekend, nummer, wie, motivering, besluit.Oordeel.Regelversie);
        return new(besluit.Oordeel, true, nummer, verslag.Outbox, null) { Toewijzingscontrole = verslag.Besluit };
    }

    private static bool Leg(Datastore store, Gemeentecode gemeente, Meerzorgaanvraag a, string woord, int? nummer, string wie, string? motivering, string? regelversie)
    {
        using var tx = store.BeginTransactie();
        var n = tx.Commando("""
            UPDATE verblijf_meerzorg SET besluit = @besluit, besloten_op = @op, nummer = @nummer, door = @door, op = @op, regelversie = @regelversie
            WHERE gemeente = @gemeente AND referentie = @referentie AND besluit IS NULL
            """)
            .Met("@regelversie", regelversie).Met("@besluit", woord).Met("@op", tx.EchtNu).Met("@nummer", (long?)nummer).Met("@door", wie)
            .Met("@gemeente", gemeente.Waarde).Met("@referentie", a.Referentie).ExecuteNonQuery();
        if (n != 1)
        {
            return false;
        }

        tx.Audit(wie, gemeente, string.Create(CultureInfo.InvariantCulture,
            $"meerzorg {a.Referentie} {woord}{(nummer is { } nr ? $" (toewijzing {nr})" : "")}{(motivering is null ? "" : ": " + motivering)}"), a.Client);
        tx.Commit();
        return true;
    }

    private static Meerzorgbesluitverslag Mislukt(Verblijfoordeel? oordeel, string code, string melding) => new(oordeel, false, null, [], new Fout(code, melding));
}

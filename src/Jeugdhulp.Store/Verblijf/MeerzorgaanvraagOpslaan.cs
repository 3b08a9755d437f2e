using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Audit;

namespace Jeugdhulp.Store.Verblijf;

/// <summary>
/// Records a meerzorg request (HK-24-10) and its progress through the independent and the financial check:
/// recording again with the same reference updates the request until it is decided (then refused: a decided
/// request is changed by a new one). The decision itself (with the allocation when granted) is
/// <c>MeerzorgBesluitVastleggen</c> in Verwerking, which builds the JW301.
/// </summary>
public static class MeerzorgaanvraagOpslaan
{
    /// <summary>
    /// The checks <see cref="LegMeerzorgaanvraagVast"/> runs, without writing (for a confirmation step). A request is
    /// recorded whatever Core finds (it is a request; the decision comes later), so only bad input stops it.
    /// </summary>
    public static Verblijfvastlegging ControleerMeerzorgaanvraag(Regelcatalogus catalogus, Meerzorgaanvraag a)
    {
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(a);
        return !Gemeentecode.Parse(a.Gemeente).IsGeldig || string.IsNullOrWhiteSpace(a.Referentie) || !AgbCode.Parse(a.Aanbieder).IsGeldig
            ? Verblijfvastlegging.Mislukt("VERBLIJF-INVOER", $"Gemeente '{a.Gemeente}', een referentie en een geldige AGB-code ('{a.Aanbieder}') zijn verplicht.")
            : new(MeerzorgBeoordelen.Beoordeel(a, catalogus.OpDatum(a.Van), new Werkdagenkalender(catalogus.ExtraVrijeDagen)).Oordeel, false, null);
    }

    /// <summary>Writes <paramref name="a"/> and returns Core's findings on it (<see cref="MeerzorgBeoordelen"/>).</summary>
    public static Verblijfvastlegging LegMeerzorgaanvraagVast(this Datastore store, Regelcatalogus catalogus, Meerzorgaanvraag a, string wie)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        var controle = ControleerMeerzorgaanvraag(catalogus, a);
        if (controle.Oordeel is not { } oordeel)
        {
            return controle;
        }

        var gemeente = Gemeentecode.Parse(a.Gemeente).Waarde;
        using var tx = store.BeginTransactie();
        using (var r = tx.Commando("SELECT client_bsn, besluit FROM verblijf_meerzorg WHERE gemeente = @gemeente AND referentie = @referentie")
            .Met("@gemeente", a.Gemeente).Met("@referentie", a.Referentie).ExecuteReader())
        {
            if (r.Read() && (r.GetString(0) != a.Client.Waarde || !r.IsDBNull(1)))
            {
                return Verblijfvastlegging.Mislukt("VERBLIJF-MEERZORG-BESLOTEN",
                    $"Meerzorgaanvraag {a.Referentie} is al besloten of hoort bij een andere jeugdige; leg een nieuwe aanvraag vast.");
            }
        }

        tx.Commando("""
            INSERT INTO verblijf_meerzorg (gemeente, referentie, client_bsn, aanbieder, zzp, extra_uren, van, tot, ontvangen, hulpplan,
                onafhankelijke_toets, financiele_toets, regels, door, op, regelversie)
            VALUES (@gemeente, @referentie, @bsn, @aanbieder, @zzp, @uren, @van, @tot, @ontvangen, @hulpplan, @onafhankelijk, @financieel, @regels, @door, @op,
                @regelversie)
            ON CONFLICT (gemeente, referentie) DO UPDATE SET aanbieder = excluded.aanbieder, zzp = excluded.zzp, extra_uren = excluded.extra_uren,
                van = excluded.van, tot = excluded.tot, ontvangen = excluded.ontvangen, hulpplan = excluded.hulpplan,
                onafhankelijke_toets = excluded.onafhankelijke_toets, financiele_toets = excluded.financiele_toets, regels = excluded.regels,
                door = excluded.door, op = excluded.op, regelversie = excluded.regelversie
            """)
            .Met("@gemeente", a.Gemeente).Met("@referentie", a.Referentie).Met("@bsn", a.Client.Waarde).Met("@aanbieder", a.Aanbieder).Met("@zzp", a.Zzp)
            .Met("@uren", (long)a.ExtraUrenPerWeek).Met("@van", a.Van).Met("@tot", a.Tot).Met("@ontvangen", a.Ontvangen).Met("@hulpplan", a.Hulpplan ? 1L : 0L)
            .Met("@onafhankelijk", a.OnafhankelijkeToets.ToString()).Met("@financieel", a.FinancieleToets.ToString())
            .Met("@regels", string.Join(",", oordeel.RegelIds)).Met("@door", wie).Met("@op", tx.EchtNu).Met("@regelversie", oordeel.Regelversie).ExecuteNonQuery();
        tx.Audit(wie, gemeente, string.Create(CultureInfo.InvariantCulture,
            $"meerzorgaanvraag {a.Referentie} vastgelegd ({a.Zzp}, {a.ExtraUrenPerWeek} uur/week, {a.Van:yyyy-MM-dd} t/m {a.Tot:yyyy-MM-dd})"), a.Client);
        tx.Commit();
        return new(oordeel, true, null);
    }

    /// <summary>Records that granted meerzorg <paramref name="referentie"/> was reassessed (HK-24-10-DUUR): its deadline closes.</summary>
    public static Verblijfvastlegging LegHerbeoordelingVast(this Datastore store, Gemeentecode gemeente, string referentie, string wie)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        using var tx = store.BeginTransactie();
        var n = tx.Commando("""
            UPDATE verblijf_meerzorg SET herbeoordeeld = 1, door = @door, op = @op
            WHERE gemeente = @gemeente AND referentie = @referentie AND besluit = @toegekend AND herbeoordeeld = 0
            """)
            .Met("@door", wie).Met("@op", tx.EchtNu).Met("@gemeente", gemeente.Waarde).Met("@referentie", referentie)
            .Met("@toegekend", MeerzorgBesluiten.Toegekend).ExecuteNonQuery();
        if (n != 1)
        {
            return Verblijfvastlegging.Mislukt("VERBLIJF-MEERZORG", $"Gemeente {gemeente} heeft geen toegekende, nog niet herbeoordeelde meerzorg {referentie}.");
        }

        tx.Audit(wie, gemeente, $"meerzorg {referentie} herbeoordeeld (HK-24-10-DUUR)", null);
        tx.Commit();
        return new(null, true, null);
    }
}

using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Audit;

namespace Jeugdhulp.Store.Verblijf;

/// <summary>
/// Records a moeder-kindtoeslag use (HK-24-11) with its amount from Core (<see cref="MoederKindtoeslagBepalen"/>):
/// without the mother's youth-care decision it is refused and nothing is written; recording again (e.g. the
/// 3-month report's arrival, a longer stay) updates the row.
/// </summary>
public static class MoederKindOpslaan
{
    /// <summary>The checks <see cref="LegMoederKindVast"/> runs, without writing (for a confirmation step).</summary>
    public static Verblijfvastlegging ControleerMoederKind(Regelcatalogus catalogus, MoederKindgebruik g)
    {
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(g);
        return Invoerfout(g) ?? new(MoederKindtoeslagBepalen.Bepaal(g, catalogus.OpDatum(g.Van), new Werkdagenkalender(catalogus.ExtraVrijeDagen)).Oordeel, false, null);
    }

    private static Verblijfvastlegging? Invoerfout(MoederKindgebruik g) =>
        !Gemeentecode.Parse(g.Gemeente).IsGeldig || string.IsNullOrWhiteSpace(g.Referentie) || g.Tot < g.Van
            ? Verblijfvastlegging.Mislukt("VERBLIJF-INVOER", $"Gemeente '{g.Gemeente}', een referentie en een periode (van ≤ tot) zijn verplicht.")
            : null;

    /// <summary>Checks and writes <paramref name="g"/>.</summary>
    public static Verblijfvastlegging LegMoederKindVast(this Datastore store, Regelcatalogus catalogus, MoederKindgebruik g, string wie)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(g);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        if (Invoerfout(g) is { } fout)
        {
            return fout;
        }

        var gemeente = Gemeentecode.Parse(g.Gemeente).Waarde;
        var toeslag = MoederKindtoeslagBepalen.Bepaal(g, catalogus.OpDatum(g.Van), new Werkdagenkalender(catalogus.ExtraVrijeDagen));
        if (toeslag.Oordeel.Uitkomst == Uitkomst.Afgewezen)
        {
            return new(toeslag.Oordeel, false, null);
        }

        using var tx = store.BeginTransactie();
        var bestaand = tx.Commando("SELECT kind_bsn FROM verblijf_moederkind WHERE gemeente = @gemeente AND referentie = @referentie")
            .Met("@gemeente", g.Gemeente).Met("@referentie", g.Referentie).ExecuteScalar() as string;
        if (bestaand is not null && bestaand != g.Kind.Waarde)
        {
            return Verblijfvastlegging.Mislukt("VERBLIJF-REFERENTIE", $"Referentie {g.Referentie} hoort bij een ander kind.");
        }

        var bedrag = toeslag.Oordeel.Uitkomst == Uitkomst.Toegekend ? toeslag.Totaal.ToString("0.00", CultureInfo.InvariantCulture) : null;
        tx.Commando("""
            INSERT INTO verblijf_moederkind (gemeente, referentie, kind_bsn, aanbieder, besluit_moeder, van, tot, rapportage, bedrag, door, op, regelversie)
            VALUES (@gemeente, @referentie, @bsn, @aanbieder, @besluit, @van, @tot, @rapportage, @bedrag, @door, @op, @regelversie)
            ON CONFLICT (gemeente, referentie) DO UPDATE SET aanbieder = excluded.aanbieder, besluit_moeder = excluded.besluit_moeder,
                van = excluded.van, tot = excluded.tot, rapportage = excluded.rapportage, bedrag = excluded.bedrag, door = excluded.door, op = excluded.op,
                regelversie = excluded.regelversie
            """)
            .Met("@gemeente", g.Gemeente).Met("@referentie", g.Referentie).Met("@bsn", g.Kind.Waarde).Met("@aanbieder", g.Aanbieder)
            .Met("@besluit", g.BesluitMoeder).Met("@van", g.Van).Met("@tot", g.Tot).Met("@rapportage", g.Rapportage).Met("@bedrag", bedrag)
            .Met("@door", wie).Met("@op", tx.EchtNu).Met("@regelversie", toeslag.Oordeel.Regelversie).ExecuteNonQuery();
        tx.Audit(wie, gemeente, string.Create(CultureInfo.InvariantCulture,
            $"moeder-kindtoeslag {g.Referentie} vastgelegd ({g.Van:yyyy-MM-dd} t/m {g.Tot:yyyy-MM-dd}, op besluit {g.BesluitMoeder})"), g.Kind);
        tx.Commit();
        return new(toeslag.Oordeel, true, null);
    }
}

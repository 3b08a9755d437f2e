using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Import;

/// <summary>
/// Imports a residents file: each resident in the file is inserted or replaced by BSN (including a move
/// to another gemeente); residents the file does not mention stay. One transaction: a refused file or a
/// failure halfway changes nothing.
/// </summary>
public static class InwonersImporteren
{
    /// <summary>
    /// Residents per round trip: one read of which of them exist, then their upserts as multi-row statements
    /// (<see cref="Meerrijig.VoegToe"/>) sent with the next block's read. One resident at a time was two round trips each on
    /// PostgreSQL: a register of a million took ~3.5 minutes.
    /// </summary>
    internal const int Blok = 1000;

    private const string Kop = "INSERT INTO inwoners (bsn, gemeente, geboortedatum, huishouden, jeugdreclassering)";

    private static readonly string[] Kolommen = ["bsn", "gemeente", "geboortedatum", "huishouden", "jeugdreclassering"];

    private const string BijConflict = """
        ON CONFLICT (bsn) DO UPDATE SET
            gemeente = excluded.gemeente,
            geboortedatum = excluded.geboortedatum,
            huishouden = excluded.huishouden,
            jeugdreclassering = excluded.jeugdreclassering
        """;

    /// <summary>
    /// Upserts <paramref name="inwoners"/>. Refused, naming both records (1-based, in file order), when a
    /// BSN occurs twice: which row would be true?
    /// </summary>
    public static Resultaat<ImportVerslag> ImporteerInwoners(this Datastore store, IReadOnlyList<Inwoner> inwoners)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(inwoners);

        var fouten = new List<Fout>();
        var gezien = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inwoners.Count; i++)
        {
            var bsn = inwoners[i].Bsn;
            if (bsn.Waarde is not null && !gezien.TryAdd(bsn.Waarde, i))
            {
                fouten.Add(new Fout("INWONER-DUBBEL", $"BSN {bsn.Gemaskeerd} staat ook in record {gezien[bsn.Waarde] + 1}.", $"record {i + 1}"));
            }
        }

        if (fouten.Count > 0)
        {
            return Resultaat<ImportVerslag>.Mislukt(fouten);
        }

        using var tx = store.BeginTransactie();
        var bestaand = $"SELECT COUNT(*) FROM inwoners WHERE {tx.In("bsn", "bsns")}";
        var toegevoegd = 0;
        var bijgewerkt = 0;
        foreach (var blok in inwoners.Chunk(Blok))
        {
            // No BSN occurs twice in the file (checked above), so the count before this block's upserts is the number of
            // them that update a resident, and one multi-row upsert never meets its own key twice.
            var al = Convert.ToInt32(tx.Commando(bestaand).MetLijst(tx, "bsns", blok.Select(i => i.Bsn.Waarde).ToList())
                .ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            bijgewerkt += al;
            toegevoegd += blok.Length - al;
            tx.VoegToe(Kop, Kolommen,
                [.. blok.Select(i => new object?[] { i.Bsn.Waarde, i.Gemeente.Waarde, i.Geboortedatum, i.Huishouden, i.Jeugdreclassering })],
                BijConflict);
        }

        Gemeentepartities.MaakAan(tx, inwoners.Select(i => i.Gemeente.Waarde));
        tx.Commit();
        return Resultaat<ImportVerslag>.Ok(new ImportVerslag(toegevoegd, bijgewerkt, 0));
    }
}

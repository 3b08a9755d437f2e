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
    private const string Bestaat = "SELECT 1 FROM inwoners WHERE bsn = @bsn";

    private const string Upsert = """
        INSERT INTO inwoners (bsn, gemeente, geboortedatum, huishouden, jeugdreclassering)
        VALUES (@bsn, @gemeente, @geboortedatum, @huishouden, @jeugdreclassering)
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
        var toegevoegd = 0;
        var bijgewerkt = 0;
        foreach (var inwoner in inwoners)
        {
            if (tx.Commando(Bestaat).Met("@bsn", inwoner.Bsn.Waarde).ExecuteScalar() is null)
            {
                toegevoegd++;
            }
            else
            {
                bijgewerkt++;
            }

            tx.Commando(Upsert)
                .Met("@bsn", inwoner.Bsn.Waarde)
                .Met("@gemeente", inwoner.Gemeente.Waarde)
                .Met("@geboortedatum", inwoner.Geboortedatum)
                .Met("@huishouden", inwoner.Huishouden)
                .Met("@jeugdreclassering", inwoner.Jeugdreclassering)
                .ExecuteNonQuery();
        }

        Gemeentepartities.MaakAan(tx, inwoners.Select(i => i.Gemeente.Waarde));
        tx.Commit();
        return Resultaat<ImportVerslag>.Ok(new ImportVerslag(toegevoegd, bijgewerkt, 0));
    }
}

using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Inhoud;

namespace Jeugdhulp.Store.Outbox;

/// <summary>What one materialisation run did.</summary>
/// <param name="Geschreven">Files written now.</param>
/// <param name="AlAanwezig">Files found already in place with the right content (a crash after the rename).</param>
/// <param name="Fouten">Rows that could not be written (left unwritten, tried again next run).</param>
public sealed record MaterialisatieVerslag(int Geschreven, int AlAanwezig, IReadOnlyList<Fout> Fouten);

/// <summary>What writing one block of answer files did: the outbox ids now on disk (to be marked), counts, problems.</summary>
internal sealed record Bestandsblok(List<long> Klaar, int Geschreven, int AlAanwezig, List<Fout> Fouten);

/// <summary>
/// Writes committed answers that are not yet on disk as files, once. Per block of rows: each file is
/// written to a hidden temporary name, the contents are flushed to disk, the files are renamed into place,
/// the folder is synced, and only then are the rows marked written. A crash anywhere in between leaves either no file (written next run) or the complete
/// file (recognised by its content next run), never a half file and never a second copy: file names are
/// unique per answer.
/// </summary>
public static class Materialiseren
{
    private const string Ongeschreven = """
        SELECT o.id, o.bestandsnaam, oi.inhoud FROM outbox o JOIN outboxinhoud oi ON oi.outbox_id = o.id
        WHERE o.geschreven_op IS NULL AND o.id > @vanaf
        ORDER BY o.id
        LIMIT @aantal
        """;

    private const string MarkeerReeks = """
        UPDATE outbox SET geschreven_op = @nu WHERE id BETWEEN @van AND @tot AND geschreven_op IS NULL
        """;

    /// <summary>
    /// Writes every unwritten answer into <paramref name="outboxMap"/>, <paramref name="blok"/> rows at a time.
    /// Null: answers are not delivered as files (they stay in the outbox table for the API), so nothing is written.
    /// </summary>
    public static MaterialisatieVerslag Materialiseer(this Datastore store, string? outboxMap, int blok = 1000)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (outboxMap is null)
        {
            return new MaterialisatieVerslag(0, 0, []);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(outboxMap);
        ArgumentOutOfRangeException.ThrowIfLessThan(blok, 1);

        PriveBestanden.MaakMap(outboxMap);
        using var sessie = store.OpenSessie();
        var geschreven = 0;
        var alAanwezig = 0;
        var fouten = new List<Fout>();
        long vanaf = 0;
        while (true)
        {
            var rijen = new List<(long Id, string Naam, byte[] Inhoud)>(blok);
            using (var r = sessie.Commando(Ongeschreven).Met("@vanaf", vanaf).Met("@aantal", blok).ExecuteReader())
            {
                while (r.Read())
                {
                    rijen.Add((r.GetInt64(0), r.GetString(1), Inhoudsvorm.Lees(r, 2)));
                }
            }

            if (rijen.Count == 0)
            {
                break;
            }

            vanaf = rijen[^1].Id;
            var b = SchrijfBestanden(outboxMap, rijen);
            fouten.AddRange(b.Fouten);
            geschreven += b.Geschreven;
            alAanwezig += b.AlAanwezig;
            using var tx = sessie.BeginTransactie();
            tx.MarkeerGeschreven(b.Klaar);
            tx.Commit();
        }

        return new MaterialisatieVerslag(geschreven, alAanwezig, fouten);
    }

    /// <summary>
    /// Writes committed answers <paramref name="rijen"/> (id, file name, content) as files: each to a hidden
    /// temporary name, one flush of the file system (syncfs) for all contents, the renames, one fsync of the
    /// folder. Touches no database, so it can run on another thread while the next batch is processed; the
    /// caller then marks <see cref="Bestandsblok.Klaar"/> with <see cref="MarkeerGeschreven"/>. A crash before
    /// that mark leaves complete files that <see cref="Materialiseer"/> recognises by content: never a second copy.
    /// </summary>
    internal static Bestandsblok SchrijfBestanden(string? outboxMap, IReadOnlyList<(long Id, string Naam, byte[] Inhoud)> rijen)
    {
        var fouten = new List<Fout>();

        // No folder: nothing to write and nothing to mark; the rows stay unwritten for a run that has one.
        if (outboxMap is null || rijen.Count == 0)
        {
            return new Bestandsblok([], 0, 0, fouten);
        }

        PriveBestanden.MaakMap(outboxMap);
        var geschreven = 0;
        var alAanwezig = 0;
        var klaar = new List<long>(rijen.Count);
        var teHernoemen = new List<(long Id, string Tijdelijk, string Doel, byte[] Inhoud)>(rijen.Count);
        foreach (var (id, naam, inhoud) in rijen)
        {
            var doel = Path.Combine(outboxMap, naam);
            var tijdelijk = Path.Combine(outboxMap, "." + naam + ".tmp");

            // One open, one write, one close: no FileStream buffer in between. Created 0600 (client data).
            using (var f = PriveBestanden.OpenOmTeSchrijven(tijdelijk, FileMode.Create))
            {
                var h = f.SafeFileHandle;
                RandomAccess.Write(h, inhoud, 0);
                if (!Bestandssysteem.KanHeelBestandssysteemSynchroniseren)
                {
                    RandomAccess.FlushToDisk(h);
                }
            }

            teHernoemen.Add((id, tijdelijk, doel, inhoud));
        }

        // Contents durable before any rename (one syncfs per block on Linux instead of an fsync per
        // file: the difference between hundreds and many thousands of files per second), so a name
        // never points at a half-written file.
        if (Bestandssysteem.KanHeelBestandssysteemSynchroniseren)
        {
            Bestandssysteem.SyncBestandssysteem(outboxMap);
        }

        foreach (var (id, tijdelijk, doel, inhoud) in teHernoemen)
        {
            // Not overwriting: a file already under that name was written by an earlier run that crashed
            // before it could mark the row (same content: done), or is someone else's (left alone, reported).
            try
            {
                File.Move(tijdelijk, doel, overwrite: false);
                geschreven++;
                klaar.Add(id);
                continue;
            }
            catch (IOException) when (File.Exists(doel))
            {
                File.Delete(tijdelijk);
            }

            if (File.ReadAllBytes(doel).AsSpan().SequenceEqual(inhoud))
            {
                alAanwezig++;
                klaar.Add(id);
            }
            else
            {
                fouten.Add(new Fout("OUTBOX-CONFLICT",
                    "Er staat al een bestand met deze naam en andere inhoud; het antwoord is niet geschreven.", doel));
            }
        }

        // The renames must be durable before the database says the files exist.
        Bestandssysteem.SyncMap(outboxMap);
        return new Bestandsblok(klaar, geschreven, alAanwezig, fouten);
    }

    /// <summary>
    /// Marks rows written, one statement per run of consecutive ids. Only the narrow outbox row changes: the
    /// answer's bytes are in outboxinhoud and are not rewritten (migration 0009). Only ids in <paramref name="ids"/> are in
    /// a run, so a range never covers another writer's row.
    /// </summary>
    internal static void MarkeerGeschreven(this StoreTransactie tx, List<long> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        ids.Sort();
        var nu = tx.Nu;
        var van = ids[0];
        for (var i = 1; i <= ids.Count; i++)
        {
            if (i < ids.Count && (ids[i] == ids[i - 1] + 1 || ids[i] == ids[i - 1]))
            {
                continue;
            }

            tx.Commando(MarkeerReeks).Met("@nu", nu).Met("@van", van).Met("@tot", ids[i - 1]).ExecuteNonQuery();
            if (i < ids.Count)
            {
                van = ids[i];
            }
        }
    }
}

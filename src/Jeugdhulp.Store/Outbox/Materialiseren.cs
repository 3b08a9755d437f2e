using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Outbox;

/// <summary>What one materialisation run did.</summary>
/// <param name="Geschreven">Files written now.</param>
/// <param name="AlAanwezig">Files found already in place with the right content (a crash after the rename).</param>
/// <param name="Fouten">Rows that could not be written (left unwritten, tried again next run).</param>
public sealed record MaterialisatieVerslag(int Geschreven, int AlAanwezig, IReadOnlyList<Fout> Fouten);

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
        SELECT id, bestandsnaam, inhoud FROM outbox
        WHERE geschreven_op IS NULL AND id > @vanaf
        ORDER BY id
        LIMIT @aantal
        """;

    /// <summary>Writes every unwritten answer into <paramref name="outboxMap"/>, <paramref name="blok"/> rows at a time.</summary>
    public static MaterialisatieVerslag Materialiseer(this Datastore store, string outboxMap, int blok = 1000)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(outboxMap);
        ArgumentOutOfRangeException.ThrowIfLessThan(blok, 1);

        Directory.CreateDirectory(outboxMap);
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
                    rijen.Add((r.GetInt64(0), r.GetString(1), (byte[])r.GetValue(2)));
                }
            }

            if (rijen.Count == 0)
            {
                break;
            }

            vanaf = rijen[^1].Id;
            var klaar = new List<long>(rijen.Count);
            var teHernoemen = new List<(long Id, string Tijdelijk, string Doel)>(rijen.Count);
            foreach (var (id, naam, inhoud) in rijen)
            {
                var doel = Path.Combine(outboxMap, naam);
                if (File.Exists(doel))
                {
                    // Written by an earlier run that crashed before it could mark the row.
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

                    continue;
                }

                var tijdelijk = Path.Combine(outboxMap, "." + naam + ".tmp");
                using (var f = new FileStream(tijdelijk, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    f.Write(inhoud);
                    if (!Bestandssysteem.KanHeelBestandssysteemSynchroniseren)
                    {
                        f.Flush(flushToDisk: true);
                    }
                }

                teHernoemen.Add((id, tijdelijk, doel));
            }

            // Contents durable before any rename (one syncfs per block on Linux instead of an fsync per
            // file: the difference between hundreds and many thousands of files per second), so a name
            // never points at a half-written file.
            if (Bestandssysteem.KanHeelBestandssysteemSynchroniseren && teHernoemen.Count > 0)
            {
                Bestandssysteem.SyncBestandssysteem(outboxMap);
            }

            foreach (var (id, tijdelijk, doel) in teHernoemen)
            {
                File.Move(tijdelijk, doel, overwrite: true);
                geschreven++;
                klaar.Add(id);
            }

            // The renames must be durable before the database says the files exist.
            Bestandssysteem.SyncMap(outboxMap);
            using var tx = sessie.BeginTransactie();
            var nu = tx.Nu;
            foreach (var id in klaar)
            {
                tx.Commando("UPDATE outbox SET geschreven_op = @nu WHERE id = @id AND geschreven_op IS NULL")
                    .Met("@nu", nu).Met("@id", id).ExecuteNonQuery();
            }

            tx.Commit();
        }

        return new MaterialisatieVerslag(geschreven, alAanwezig, fouten);
    }
}

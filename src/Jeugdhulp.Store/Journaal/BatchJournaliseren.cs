using System.Security.Cryptography;

namespace Jeugdhulp.Store.Journaal;

/// <summary>
/// Journals a whole batch with multi-row inserts where the engine gains from them (PostgreSQL: one round
/// trip per block of messages instead of one per message; see <see cref="Provider.DatabaseProvider"/>). The outcomes are exactly those of
/// journalling the messages one by one, in order: only the new originals are inserted in bulk; every
/// message that meets a conflict (a re-delivery, a 9056 case, a duplicate within the batch) goes through
/// <see cref="Journaliseren.Journaliseer(StoreTransactie, string, string, string, string, byte[], byte[], string)"/>.
/// </summary>
public static class BatchJournaliseren
{
    /// <summary>Journals <paramref name="berichten"/> inside <paramref name="tx"/>; one outcome per message, same order.</summary>
    public static IReadOnlyList<JournaalUitkomst> Journaliseer(this StoreTransactie tx, IReadOnlyList<InkomendBericht> berichten)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(berichten);
        var uitkomsten = new JournaalUitkomst?[berichten.Count];
        var nu = tx.Nu;
        var blok = tx.Store.Provider.RijenPerInsert;
        if (blok <= 1)
        {
            return [.. berichten.Select(b => tx.Journaliseer(b.Afzender, b.Ontvanger, b.Identificatie, b.Berichtcode, b.Inhoud, gemeente: b.Gemeente))];
        }

        for (var start = 0; start < berichten.Count; start += blok)
        {
            var aantal = Math.Min(blok, berichten.Count - start);
            VoegOrigineleToe(tx, berichten, start, aantal, nu, uitkomsten);
        }

        for (var i = 0; i < berichten.Count; i++)
        {
            if (uitkomsten[i] is null)
            {
                var b = berichten[i];
                uitkomsten[i] = tx.Journaliseer(b.Afzender, b.Ontvanger, b.Identificatie, b.Berichtcode, b.Inhoud, gemeente: b.Gemeente);
            }
        }

        return uitkomsten!;
    }

    private static void VoegOrigineleToe(StoreTransactie tx, IReadOnlyList<InkomendBericht> berichten, int start, int aantal,
        DateTimeOffset nu, JournaalUitkomst?[] uitkomsten)
    {
        var cmd = tx.Commando($"""
            INSERT INTO journaal (afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op)
            VALUES {Sql.Waarden(aantal, "a", "o", "b", "i", "s", "@t")}
            ON CONFLICT DO NOTHING
            RETURNING id, afzender, identificatie, sha256
            """);
        var shas = new byte[aantal][];
        var p = 0;
        for (var i = 0; i < aantal; i++)
        {
            var b = berichten[start + i];
            ArgumentException.ThrowIfNullOrEmpty(b.Afzender);
            ArgumentException.ThrowIfNullOrEmpty(b.Ontvanger);
            ArgumentException.ThrowIfNullOrEmpty(b.Identificatie);
            ArgumentException.ThrowIfNullOrEmpty(b.Berichtcode);
            ArgumentNullException.ThrowIfNull(b.Inhoud);
            shas[i] = SHA256.HashData(b.Inhoud);
            cmd.ZetOp(p++, "a", i, b.Afzender);
            cmd.ZetOp(p++, "o", i, b.Ontvanger);
            cmd.ZetOp(p++, "b", i, b.Berichtcode);
            cmd.ZetOp(p++, "i", i, b.Identificatie);
            cmd.ZetOp(p++, "s", i, shas[i]);
        }

        cmd.ZetOp(p, "t", -1, nu);

        // The inserted rows, by key. A key occurs at most once: originals are unique per (afzender, Identificatie).
        var ingevoegd = new Dictionary<(string, string), (long Id, byte[] Sha)>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                ingevoegd[(r.GetString(1), r.GetString(2))] = (r.GetInt64(0), (byte[])r.GetValue(3));
            }
        }

        // Rows are inserted in VALUES order, so a key's row belongs to the first message with that key and
        // content; later messages with the same key take the one-by-one path.
        var inhoud = new List<(long Id, byte[] Inhoud)>(aantal);
        var gemeenten = new List<string>(aantal);
        for (var i = 0; i < aantal; i++)
        {
            var b = berichten[start + i];
            if (ingevoegd.TryGetValue((b.Afzender, b.Identificatie), out var rij) && rij.Sha.AsSpan().SequenceEqual(shas[i]))
            {
                ingevoegd.Remove((b.Afzender, b.Identificatie));
                uitkomsten[start + i] = new JournaalUitkomst.Nieuw(rij.Id);
                inhoud.Add((rij.Id, b.Inhoud));
                gemeenten.Add(b.Gemeente ?? b.Ontvanger);
            }
        }

        tx.VoegInhoudenToe("journaalinhoud", "journaal_id", inhoud, gemeenten);
    }
}

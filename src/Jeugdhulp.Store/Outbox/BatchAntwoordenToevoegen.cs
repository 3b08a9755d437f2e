namespace Jeugdhulp.Store.Outbox;

/// <summary>
/// Stores a batch of answers, with multi-row inserts where the engine gains from them (PostgreSQL). Same outcome as adding them one by one: an answer
/// that meets a conflict (already stored, or twice in the batch) goes through
/// <see cref="AntwoordToevoegen.VoegAntwoordToe"/>, which returns the existing id or throws on a
/// different answer under the same key.
/// </summary>
public static class BatchAntwoordenToevoegen
{
    /// <summary>Adds <paramref name="antwoorden"/>; returns their outbox ids in the same order.</summary>
    public static IReadOnlyList<long> VoegAntwoordenToe(this StoreTransactie tx, IReadOnlyList<Antwoord> antwoorden)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(antwoorden);
        var ids = new long?[antwoorden.Count];
        var nu = tx.Nu;
        var blok = tx.Store.Provider.RijenPerInsert;
        if (blok <= 1)
        {
            return [.. antwoorden.Select(a => tx.VoegAntwoordToe(a.JournaalId, a.Berichtcode, a.Ontvanger, a.Bestandsnaam, a.Inhoud))];
        }

        for (var start = 0; start < antwoorden.Count; start += blok)
        {
            var aantal = Math.Min(blok, antwoorden.Count - start);
            var cmd = tx.Commando($"""
                INSERT INTO outbox (journaal_id, berichtcode, ontvanger, bestandsnaam, aangemaakt_op)
                VALUES {Sql.Waarden(aantal, "j", "b", "o", "n", "@t")}
                ON CONFLICT DO NOTHING
                RETURNING id, bestandsnaam, journaal_id, berichtcode
                """);
            var p = 0;
            for (var i = 0; i < aantal; i++)
            {
                var a = antwoorden[start + i];
                ArgumentException.ThrowIfNullOrEmpty(a.Berichtcode);
                ArgumentException.ThrowIfNullOrEmpty(a.Ontvanger);
                ArgumentNullException.ThrowIfNull(a.Inhoud);
                AntwoordToevoegen.ControleerBestandsnaam(a.Bestandsnaam);
                cmd.ZetOp(p++, "j", i, a.JournaalId);
                cmd.ZetOp(p++, "b", i, a.Berichtcode);
                cmd.ZetOp(p++, "o", i, a.Ontvanger);
                cmd.ZetOp(p++, "n", i, a.Bestandsnaam);
            }

            cmd.ZetOp(p, "t", -1, nu);
            var ingevoegd = new Dictionary<(string, long, string), long>();
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    ingevoegd[(r.GetString(1), r.GetInt64(2), r.GetString(3))] = r.GetInt64(0);
                }
            }

            // A row belongs to the first answer with its file name, journal row and code: a later answer with
            // the same three meets exactly the same conflicts, so it cannot be the one that was inserted.
            var inhoud = new List<(long Id, byte[] Inhoud)>(aantal);
            for (var i = 0; i < aantal; i++)
            {
                var a = antwoorden[start + i];
                if (ingevoegd.Remove((a.Bestandsnaam, a.JournaalId, a.Berichtcode), out var id))
                {
                    ids[start + i] = id;
                    inhoud.Add((id, a.Inhoud));
                }
            }

            tx.VoegInhoudenToe("outboxinhoud", "outbox_id", inhoud);
        }

        for (var i = 0; i < antwoorden.Count; i++)
        {
            if (ids[i] is null)
            {
                var a = antwoorden[i];
                ids[i] = tx.VoegAntwoordToe(a.JournaalId, a.Berichtcode, a.Ontvanger, a.Bestandsnaam, a.Inhoud);
            }
        }

        return [.. ids.Select(id => id!.Value)];
    }
}

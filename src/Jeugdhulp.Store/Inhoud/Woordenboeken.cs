using System.Data.Common;
using Jeugdhulp.Store.Provider;

namespace Jeugdhulp.Store.Inhoud;

/// <summary>
/// Keeps the zstd dictionaries with the data (table <c>inhoudwoordenboek</c>, migration 0025): on opening, the
/// dictionaries this program ships and the database lacks are added, and those the database has are made known
/// to <see cref="Inhoudsvorm"/>, so blobs written by an older or newer program with a dictionary this one does
/// not ship still read.
/// </summary>
internal static class Woordenboeken
{
    public static void Synchroniseer(DatabaseProvider provider, DateTimeOffset nu)
    {
        using var verbinding = provider.OpenVerbinding();
        using var tx = provider.BeginSchrijftransactie(verbinding);
        foreach (var (versie, woordenboek) in Inhoudsvorm.Meegeleverd())
        {
            using var cmd = Commando(verbinding, tx,
                "INSERT INTO inhoudwoordenboek (versie, woordenboek, toegevoegd_op) VALUES (@versie, @woordenboek, @nu) ON CONFLICT DO NOTHING");
            cmd.Met("@versie", versie).Met("@woordenboek", woordenboek).Met("@nu", nu).ExecuteNonQuery();
        }

        using (var cmd = Commando(verbinding, tx, "SELECT versie, woordenboek FROM inhoudwoordenboek"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                Inhoudsvorm.Ken(Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), (byte[])r.GetValue(1));
            }
        }

        tx.Commit();
    }

    private static DbCommand Commando(DbConnection verbinding, DbTransaction tx, string sql)
    {
        var cmd = verbinding.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}

using System.Globalization;
using System.Reflection;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Provider;

namespace Jeugdhulp.Store.Migraties;

/// <summary>
/// Brings a database to the schema this program expects: the dialect's scripts
/// (Migrations/&lt;Dialect&gt;/NNNN_name.sql, embedded) that are newer than the recorded version are applied
/// in order, all in one transaction together with their rows in <c>schema_version</c>. Running it again
/// changes nothing; a database migrated by a newer program is refused rather than misread.
/// </summary>
internal static class Migrator
{
    internal sealed record Migratie(int Versie, string Naam, string Sql);

    /// <summary>The dialect's scripts in order; numbered 1, 2, 3 … without gaps (checked: a gap is a bug).</summary>
    internal static IReadOnlyList<Migratie> Scripts(string dialect)
    {
        var assembly = typeof(Migrator).Assembly;
        var voorvoegsel = $"Jeugdhulp.Store.Migrations.{dialect}.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(voorvoegsel, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Lees(assembly, n, n[voorvoegsel.Length..^4]))
            .OrderBy(m => m.Versie)
            .ToList();
        // Strictly increasing, not necessarily consecutive: parallel branches each own a number, and one may be
        // merged before a lower one. A database migrates every number above its version, in order.
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Versie < 1 || (i > 0 && scripts[i].Versie == scripts[i - 1].Versie))
            {
                throw new InvalidOperationException($"Migraties voor {dialect} hebben een dubbel of ongeldig nummer bij '{scripts[i].Naam}'.");
            }
        }

        return scripts;
    }

    /// <summary>Migrates and returns the schema version now in force.</summary>
    public static Resultaat<int> Migreer(DatabaseProvider provider, TimeProvider tijd)
    {
        var scripts = Scripts(provider.Dialect);
        using var verbinding = provider.OpenVerbinding();
        using var tx = provider.BeginSchrijftransactie(verbinding);
        provider.VergrendelVoorMigratie(verbinding, tx);

        using (var cmd = verbinding.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = provider.SchemaVersieTabel;
            cmd.ExecuteNonQuery();
        }

        // Every applied number, not just the highest: a lower number merged later (another branch's) still runs.
        var toegepast = new HashSet<int>();
        using (var cmd = verbinding.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT versie FROM schema_version";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                toegepast.Add(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture));
            }
        }

        var huidig = toegepast.Count == 0 ? 0 : toegepast.Max();
        var hoogste = scripts.Count == 0 ? 0 : scripts[^1].Versie;
        if (huidig > hoogste)
        {
            return Resultaat<int>.Mislukt("STORE-SCHEMA-NIEUWER",
                $"De database heeft schemaversie {huidig}, maar deze versie van jeugdhulp kent schema's tot en met {hoogste}. " +
                "Gebruik de nieuwere versie van jeugdhulp die deze database heeft bijgewerkt.",
                provider.Beschrijving);
        }

        foreach (var m in scripts.Where(m => !toegepast.Contains(m.Versie)))
        {
            using (var cmd = verbinding.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = m.Sql;
                cmd.ExecuteNonQuery();
            }

            using (var cmd = verbinding.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO schema_version (versie, naam, toegepast_op) VALUES (@versie, @naam, @op)";
                cmd.Met("@versie", m.Versie).Met("@naam", m.Naam).Met("@op", tijd.GetUtcNow());
                cmd.ExecuteNonQuery();
            }
        }

        tx.Commit();

        // A migration can write much (0007 copies every journalled message); checkpoint it like any commit.
        provider.NaCommit();
        return Resultaat<int>.Ok(Math.Max(huidig, hoogste));
    }

    private static Migratie Lees(Assembly assembly, string resource, string naam)
    {
        var streep = naam.IndexOf('_', StringComparison.Ordinal);
        if (streep <= 0 || !int.TryParse(naam.AsSpan(0, streep), NumberStyles.None, CultureInfo.InvariantCulture, out var versie))
        {
            throw new InvalidOperationException($"Migratie '{resource}' heet niet NNNN_naam.sql.");
        }

        using var stroom = assembly.GetManifestResourceStream(resource)!;
        using var lezer = new StreamReader(stroom);
        return new Migratie(versie, naam, lezer.ReadToEnd());
    }
}

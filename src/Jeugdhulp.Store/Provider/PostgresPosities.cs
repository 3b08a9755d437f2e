using System.Collections.Concurrent;
using System.Text;

namespace Jeugdhulp.Store.Provider;

/// <summary>
/// The store's SQL names its parameters (<c>@naam</c>, shared with SQLite). Npgsql sends PostgreSQL positional ones
/// (<c>$1</c>) and so parses and rewrites the text of a command with named parameters on every execution — for the
/// pipeline's deferred writes (a new <see cref="Npgsql.NpgsqlBatchCommand"/> each, about 24 per JW315) that parse was a
/// tenth of the database thread's CPU (perf, bench/RESULTS.md session 8). Here each text is rewritten once, and the deferred
/// copy is sent with positional parameters, which Npgsql passes on as they are.
/// </summary>
internal static class PostgresPosities
{
    private static readonly ConcurrentDictionary<string, Herschreven?> Teksten = new(StringComparer.Ordinal);

    /// <summary>A text with its parameters by position: <see cref="Namen"/>[i] (without the <c>@</c>) is <c>$i+1</c>.</summary>
    internal sealed record Herschreven(string Sql, IReadOnlyList<string> Namen);

    /// <summary>
    /// <paramref name="sql"/> with every <c>@naam</c> replaced by <c>$n</c> (the same name, the same n), once per text; null
    /// when the text holds something this small scanner does not follow (a dollar sign, a double quote, a comment, a
    /// semicolon, a backslash, a <c>:naam</c> parameter, an unclosed quote): such a text keeps Npgsql's own parsing. Single-quoted literals are copied as they are.
    /// </summary>
    internal static Herschreven? Herschrijf(string sql) => Teksten.GetOrAdd(sql, Scan);

    private static Herschreven? Scan(string sql)
    {
        if (sql.AsSpan().IndexOfAny("$\";\\") >= 0 || sql.Contains("--", StringComparison.Ordinal) || sql.Contains("/*", StringComparison.Ordinal))
        {
            return null;
        }

        var uit = new StringBuilder(sql.Length);
        var namen = new List<string>();
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c == '\'')
            {
                var eind = sql.IndexOf('\'', i + 1);
                if (eind < 0)
                {
                    return null;
                }

                // A doubled quote inside a literal is two literals back to back here: the same characters either way.
                uit.Append(sql, i, eind - i + 1);
                i = eind;
                continue;
            }

            if (c == '@' && i + 1 < sql.Length && IsBegin(sql[i + 1]) && (i == 0 || !IsDeel(sql[i - 1])))
            {
                var start = i + 1;
                var eind = start;
                while (eind < sql.Length && IsDeel(sql[eind]))
                {
                    eind++;
                }

                var naam = sql[start..eind];
                var positie = namen.FindIndex(n => string.Equals(n, naam, StringComparison.OrdinalIgnoreCase));
                if (positie < 0)
                {
                    namen.Add(naam);
                    positie = namen.Count - 1;
                }

                uit.Append('$').Append(positie + 1);
                i = eind - 1;
                continue;
            }

            if (c == ':' && i + 1 < sql.Length && IsBegin(sql[i + 1]) && (i == 0 || sql[i - 1] != ':'))
            {
                // Npgsql also reads ":naam" as a parameter (a cast is "::"): leave such a text to Npgsql.
                return null;
            }

            if (c == '@')
            {
                // An operator such as @> or a name glued to something before it: leave the text to Npgsql.
                return null;
            }

            uit.Append(c);
        }

        return new Herschreven(uit.ToString(), namen);
    }

    private static bool IsBegin(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsDeel(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

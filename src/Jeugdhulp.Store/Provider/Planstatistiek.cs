namespace Jeugdhulp.Store.Provider;

/// <summary>
/// Keeps PostgreSQL's statistics of the pipeline's tables within a factor of two of their size, so the plans it keeps for
/// prepared statements stay right as the tables grow. PostgreSQL plans a prepared statement (Npgsql prepares the hot path's
/// statements, <see cref="PostgresProvider"/>) five times with its parameter values, then once with the parameters as
/// unknowns (a generic plan) and keeps that until the statistics of a table it reads change. Planned over an empty or
/// never-analysed table every index that starts with <c>gemeente</c> costs about the same, and the plan kept can walk all
/// allocations of the municipality per call: measured with psql at 1,000,000 allocations, 922 ms for retiring an
/// allocation's version (the one hot statement Npgsql auto-prepares; it does not auto-prepare the multi-statement state
/// command, which is planned per call) and 743 ms for the declared-minutes join when prepared, against under 1 ms with a
/// plan made on statistics (docs/POSTGRESQL.md).
/// ANALYZE replaces the statistics and invalidates the plans that read the table: the next call plans again, on the
/// table's real size. Planning every call instead (plan_cache_mode = force_custom_plan) was measured at 0.4–0.5 ms per
/// statement once warm (0.01 ms generic) against an execution of 0.04–0.2 ms, so the generic plans are kept and their statistics renewed.
/// Nothing on SQLite (its planner has no cached generic plans; its statistics are not involved).
/// </summary>
internal static class Planstatistiek
{
    /// <summary>The tables the pipeline reads per message (their plans are the ones that matter).</summary>
    internal static readonly string[] Tabellen =
    [
        "toewijzingen", "verzoeken", "clienten", "journaal", "outbox", "declaratieprestaties", "procesregie", "inwoners",
        "toewijzingnummers", "verzoekbevindingen",
    ];

    /// <summary>
    /// The tables whose size in pages is more than twice (and at least 8 pages more than) what their last analysis saw; a
    /// table never analysed has 0 pages on record. One query: the sizes come from the files, not from counting rows.
    /// A partitioned table (migration 0036) is judged per partition: the parent has no pages of its own, and each
    /// partition's plans are made on its own statistics (a municipality's partition doubles on its own clock). A plain table
    /// is itself (pg_partition_tree gives no row for it).
    /// </summary>
    private const string Verouderd = """
        SELECT c.oid::regclass::text FROM unnest(@tabellen::text[]) AS n(naam)
        CROSS JOIN LATERAL (SELECT to_regclass(n.naam) UNION SELECT relid FROM pg_partition_tree(to_regclass(n.naam)) WHERE isleaf) AS d(oid)
        JOIN pg_class c ON c.oid = d.oid
        WHERE c.relkind = 'r' AND pg_relation_size(c.oid) / current_setting('block_size')::bigint > GREATEST(2 * c.relpages, c.relpages + 8)
        """;

    /// <summary>
    /// Analyses the pipeline's tables that have doubled since their statistics were made; outside a transaction (call it
    /// between the group commits). Returns the tables analysed.
    /// </summary>
    public static IReadOnlyList<string> HoudBij(StoreSessie sessie)
    {
        ArgumentNullException.ThrowIfNull(sessie);
        if (!sessie.Store.Provider.IsPostgres)
        {
            return [];
        }

        var verouderd = new List<string>();
        using (var r = sessie.Commando(Verouderd).Met("@tabellen", Tabellen).ExecuteReader())
        {
            while (r.Read())
            {
                verouderd.Add(r.GetString(0));
            }
        }

        foreach (var tabel in verouderd)
        {
            // The name comes from pg_class through regclass (quoted where needed), never from input.
            sessie.Commando($"ANALYZE {tabel}").ExecuteNonQuery();
        }

        return verouderd;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Verwerking;
using Npgsql;

namespace Jeugdhulp.Pijplijnbench;

/// <summary>
/// The pipeline benchmark (issue 8): in one run on this machine, the raw XmlReader pass over the generated
/// JW315 bytes (the floor), reading + checking alone, <c>xmllint --schema</c> on a sample of the same
/// files, and the whole pipeline (<see cref="BerichtVerwerken"/>: check, journal, decide, state, answers
/// stored and written as files) on SQLite and, when a connection string is given, on PostgreSQL; in
/// messages per second and as a ratio to the floor, with the memory curve of the streamed run.
/// </summary>
internal static partial class Program
{
    private static readonly XmlReaderSettings Instellingen = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    private static readonly DateOnly Vandaag = new(2027, 3, 2);

    public static int Main(string[] args)
    {
        var o = Opties.Lees(args);
        if (o is null)
        {
            Console.Error.WriteLine("""
                gebruik: Jeugdhulp.Pijplijnbench [pipeline] [--count N] [--batch N] [--inwoners N] [--sample N] [--floor N]
                         [--only floor|zstd|sqlite|pg|jw323] [--pg VERBINDING] [--fetch] [--keep] [--every N] [--answers files|table|both] [--warm]
                         [--toewijzingen N] [--gemeenten N] [--spread]
                  --count     JW315 messages through the pipeline (default 20000)
                  --answers   files: answers in the outbox table and written as files (process, serve);
                              table: only in the outbox table, delivered over the API (--zonder-bestanden);
                              both (default): SQLite runs both, PostgreSQL files
                  --pg        PostgreSQL connection string (default: JEUGDHULP_TEST_PG); without it SQLite only
                  --fetch     delete each answer file once reported (a provider collecting it): for runs of millions
                  --every     print rate and memory every N messages (default count/10)
                  --keep      keep the run's folder and, on PostgreSQL, its schema (bench_…) to look into; drop them by hand
                  --toewijzingen  PostgreSQL: load N allocations of other clients by COPY before the run (plans at size)
                  --gemeenten PostgreSQL: give N more (made-up, empty) municipalities their partitions before the run, as
                              importing them would (gemeentepartities): the national deployment's partition count
                  --spread    with --gemeenten N: the N made-up municipalities (9000, 9001, …) are real copies of
                              Noordoostpolder (0171): its contracts and residents imported under their code through the
                              importers (one import per municipality, which makes its partitions), its rule data
                              (gemeenten, percelen, conversie) copied; the stream is spread over 0171 and them, by
                              household in turn (every group commit touches many municipalities). Also on SQLite
                  --warm      run each pipeline twice in this process: first cold, then warm (JIT done, pools filled)
                """);
            return 2;
        }

        var repo = RepoRoot();
        var sjabloon = File.ReadAllText(Path.Combine(repo, "tests", "Jeugdhulp.Ijw.Tests", "Golden", "jw315.xml"));
        var generator = new Berichtgenerator(sjabloon, o.Inwoners ?? (int)Math.Min(o.Aantal, 100_000), o.Spreiden
            ? [Berichtgenerator.Gemeente, .. Enumerable.Range(0, o.Gemeenten).Select(Verzonnen)]
            : null);
        Console.WriteLine($"# Pipeline benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Geheugen()}, {Environment.OSVersion}, .NET {Environment.Version}, " +
            $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, load {Belasting()}");
        Console.WriteLine($"messages: {o.Aantal:N0} JW315 of {generator.Bericht(0).Length:N0} bytes (2 product requests each), " +
            $"{generator.Inwoners:N0} residents, batch {o.Batch}" +
            (o.Spreiden ? $", spread over {generator.Gemeenten.Count:N0} municipalities" : ""));
        Console.WriteLine();

        double? vloer = null;
        if (o.Alleen is null or "floor")
        {
            vloer = Vloer(generator, o);
            Xmllint(generator, o, repo);
        }

        if (o.Alleen is null or "floor" or "zstd")
        {
            Zstd(generator, o);
        }

        if (o.Alleen is null or "sqlite")
        {
            if (o.Antwoorden is "files" or "both")
            {
                Pijplijnen("SQLite", generator, o, repo, vloer, null, bestanden: true);
            }

            if (o.Antwoorden is "table" or "both")
            {
                Pijplijnen("SQLite, answers in the table only", generator, o, repo, vloer, null, bestanden: false);
            }
        }

        var pg = o.Pg ?? Environment.GetEnvironmentVariable("JEUGDHULP_TEST_PG");
        if (o.Alleen is null or "pg" && !string.IsNullOrWhiteSpace(pg))
        {
            Pijplijnen(o.Antwoorden is "table" ? "PostgreSQL, answers in the table only" : "PostgreSQL", generator, o, repo, vloer, pg, bestanden: o.Antwoorden is not "table");
        }
        else if (o.Alleen is "pg")
        {
            Console.Error.WriteLine("--only pg needs --pg or JEUGDHULP_TEST_PG");
            return 2;
        }

        if (o.Alleen is null or "jw323")
        {
            // The declarations benchmark (bench/Jeugdhulp.Bench.Declaratie), same code and output.
            Console.WriteLine();
            Console.WriteLine("## one JW323 with 100,000 prestaties (bench/Jeugdhulp.Bench.Declaratie)");
            Jeugdhulp.Bench.Declaratie.Declaratiebench.Run(["--prestaties", "100000", "--rondes", "3"]);
        }

        return 0;
    }

    /// <summary>The floor (bare XmlReader pass) and the read+check rate, over the same generated bytes, best of five.</summary>
    private static double Vloer(Berichtgenerator g, Opties o)
    {
        var n = (int)Math.Min(o.Vloer, o.Aantal);
        var berichten = g.Berichten(n).ToArray();
        long tekens = 0;
        var vloer = Beste(5, () =>
        {
            foreach (var b in berichten)
            {
                tekens += XmlReaderPass(b);
            }
        });
        var controle = Beste(5, () =>
        {
            foreach (var b in berichten)
            {
                if (!IjwValidatie.Valideer(b, Vandaag).IsGeldig)
                {
                    throw new InvalidOperationException("Een gegenereerd bericht is ongeldig.");
                }
            }
        });
        var maken = Beste(5, () =>
        {
            for (var i = 0; i < n; i++)
            {
                tekens += g.Bericht(i).Length;
            }
        });
        Console.WriteLine($"floor: XmlReader pass over {n:N0} messages (best of 5): {Rate(n, vloer)} ({vloer.TotalMicroseconds / n:F1} µs/msg)");
        Console.WriteLine($"read + check (IjwValidatie, level 1+2): {Rate(n, controle)} ({controle.TotalMicroseconds / n:F1} µs/msg), {vloer / controle:P0} of floor");
        Console.WriteLine($"generating the messages (included in the pipeline figures): {maken.TotalMicroseconds / n:F1} µs/msg");
        GC.KeepAlive(tekens);
        return n / vloer.TotalSeconds;
    }

    /// <summary>
    /// The stored form (Store/Inhoud/Inhoudsvorm: zstd level 1 with the shipped dictionary): bytes and µs per
    /// compress and decompress of the generated JW315s (best of five passes), on one thread.
    /// </summary>
    private static void Zstd(Berichtgenerator g, Opties o)
    {
        var n = (int)Math.Min(o.Vloer, o.Aantal);
        var berichten = g.Berichten(n).ToArray();
        var gepakt = new byte[n][];
        long ruw = berichten.Sum(b => (long)b.Length);
        var pakken = Beste(5, () =>
        {
            for (var i = 0; i < n; i++)
            {
                gepakt[i] = Jeugdhulp.Store.Inhoud.Inhoudsvorm.Pak(berichten[i]);
            }
        });
        long uit = 0;
        var uitpakken = Beste(5, () =>
        {
            for (var i = 0; i < n; i++)
            {
                uit += Jeugdhulp.Store.Inhoud.Inhoudsvorm.Uitpak(gepakt[i]).Length;
            }
        });
        GC.KeepAlive(uit);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"zstd (stored form, dictionary {Jeugdhulp.Store.Inhoud.Inhoudsvorm.HuidigeVersie}): {ruw / (double)n:F0} → {gepakt.Sum(b => (long)b.Length) / (double)n:F0} bytes per JW315; compress {pakken.TotalMicroseconds / n:F2} µs, decompress {uitpakken.TotalMicroseconds / n:F2} µs per message (best of 5)"));
    }

    private static int XmlReaderPass(byte[] b)
    {
        using var stroom = new MemoryStream(b, writable: false);
        using var xr = XmlReader.Create(stroom, Instellingen);
        var n = 0;
        while (xr.Read())
        {
            if (xr.NodeType == XmlNodeType.Text)
            {
                n += xr.Value.Length;
            }
        }

        return n;
    }

    /// <summary><c>xmllint --noout --schema JW315.xsd</c> over a sample written to disk: one process for all files (its best case).</summary>
    private static void Xmllint(Berichtgenerator g, Opties o, string repo)
    {
        var xsd = Path.Combine(repo, "..", "shared", "ijw-xsd", "JW315.xsd");
        if (!File.Exists(xsd))
        {
            Console.WriteLine($"xmllint: skipped, no XSD at {xsd}");
            return;
        }

        var map = Directory.CreateTempSubdirectory("pijplijnbench-xmllint-").FullName;
        try
        {
            var n = (int)Math.Min(o.Steekproef, o.Aantal);
            var bestanden = new List<string>(n);
            for (var i = 0; i < n; i++)
            {
                var pad = Path.Combine(map, string.Create(CultureInfo.InvariantCulture, $"{i:D7}.xml"));
                File.WriteAllBytes(pad, g.Bericht(i));
                bestanden.Add(pad);
            }

            var tijd = Beste(3, () =>
            {
                var psi = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
                foreach (var a in (string[])["--noout", "--schema", xsd, .. bestanden])
                {
                    psi.ArgumentList.Add(a);
                }

                using var p = Process.Start(psi) ?? throw new InvalidOperationException("xmllint start niet");
                var fout = p.StandardError.ReadToEndAsync();
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                var geldig = fout.Result.Split('\n').Count(r => r.EndsWith(" validates", StringComparison.Ordinal));
                if (p.ExitCode != 0 || geldig != n)
                {
                    throw new InvalidOperationException($"xmllint: exit {p.ExitCode}, {geldig} of {n} valid");
                }
            });
            Console.WriteLine($"xmllint --noout --schema JW315.xsd on {n:N0} of the same files (one process, best of 3): {Rate(n, tijd)}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("xmllint: not installed (apt-get install libxml2-utils)");
        }
        finally
        {
            Directory.Delete(map, recursive: true);
        }
    }

    /// <summary>Pipeline runs so far in this process: the first is cold (JIT, empty pools), later ones warm.</summary>
    private static int pijplijnRuns;

    /// <summary>
    /// One pipeline run, labelled cold or warm; with <c>--warm</c> a second, warm one on a fresh database.
    /// "Cold" is the first pipeline run of the process (what a fresh <c>jeugdhulp process</c> meets); after
    /// the floor runs (no <c>--only</c>) the XML reader and checks are already compiled, so it says so.
    /// </summary>
    private static void Pijplijnen(string naam, Berichtgenerator g, Opties o, string repo, double? vloer, string? pg, bool bestanden)
    {
        for (var k = 0; k < (o.Warm ? 2 : 1); k++)
        {
            var staat = pijplijnRuns++ > 0 ? "warm" : vloer is null ? "cold" : "cold pipeline, after the floor runs";
            Pijplijn($"{naam} [{staat}]", g, o, repo, vloer, pg, bestanden);
        }
    }

    /// <summary>
    /// Imports the residents of <see cref="Berichtgenerator.Register"/> through the importer, and with <c>--spread</c> the
    /// made-up municipalities' contracts and residents.
    /// </summary>
    private static void ImporteerRegister(string naam, Berichtgenerator g, Opties o, Datastore store, IReadOnlyList<Contract> contracten)
    {
        var klok = Stopwatch.StartNew();
        var register = g.Register().ToLookup(i => i.Gemeente.Waarde, StringComparer.Ordinal);
        Controleer(store.ImporteerInwoners([.. register[Berichtgenerator.Gemeente]]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{naam}: {register[Berichtgenerator.Gemeente].Count():N0} residents of {Berichtgenerator.Gemeente} imported in {klok.Elapsed.TotalSeconds:F1} s"));
        if (o.Spreiden && o.Gemeenten > 0)
        {
            // The made-up municipalities as copies of Noordoostpolder, each imported as a municipality joining would be:
            // its contracts (which makes its partitions on PostgreSQL) and its residents, one import each.
            var maak = Stopwatch.StartNew();
            var voorbeeld = contracten.Where(c => c.Gemeente.Waarde == Berichtgenerator.Gemeente).ToList();
            for (var i = 0; i < o.Gemeenten; i++)
            {
                var code = Gemeentecode.Parse(Verzonnen(i)).Waarde;
                Controleer(store.ImporteerContracten([.. voorbeeld.Select(c => c with { Gemeente = code })]));
                Controleer(store.ImporteerInwoners([.. register[code.Waarde]]));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{naam}: {o.Gemeenten:N0} more municipalities (copies of {Berichtgenerator.Gemeente}: {voorbeeld.Count} contracts, ~{g.Inwoners / g.Gemeenten.Count:N0} residents each) imported in {maak.Elapsed.TotalSeconds:F1} s"));
        }
    }

    private static void Pijplijn(string naam, Berichtgenerator g, Opties o, string repo, double? vloer, string? pg, bool bestanden)
    {
        var map = Directory.CreateTempSubdirectory("pijplijnbench-").FullName;
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        if (pg is not null)
        {
            Beheer(pg, $"CREATE SCHEMA {schema}");
        }

        try
        {
            var verbinding = pg is null ? null : new NpgsqlConnectionStringBuilder(pg) { SearchPath = schema }.ToString();
            var opties = new StoreOpties(map, verbinding, new byte[32]);
            using var store = Datastore.Open(opties, new VasteKlok(Vandaag)).Waarde;
            var contracten = ContractenCsv.Lees(File.ReadAllText(Path.Combine(repo, "demo", "contracten.csv"))).Waarde;
            Controleer(store.ImporteerContracten(contracten));
            // In a method of its own: the register of residents (a million objects in a national run) is garbage once
            // imported. As a local of this method it stayed reachable for the whole run (this method runs once, as tier-0
            // code, which keeps every local alive), and the run's memory figures were the bench's, not the pipeline's.
            ImporteerRegister(naam, g, o, store, contracten);
            if (!o.Spreiden && verbinding is not null && o.Gemeenten > 0)
            {
                // The national deployment: ~340 municipalities, each with its partitions of every partitioned table (empty here:
                // what is measured is what their number costs the plans and locks of this municipality's statements).
                // Through the importers' own call, one transaction per municipality: all of them in one would need more
                // locks than max_locks_per_transaction allows (docs/POSTGRESQL.md, "At 340 municipalities").
                var maak = Stopwatch.StartNew();
                long partities = 0;
                for (var i = 0; i < o.Gemeenten; i++)
                {
                    using var tx = store.BeginTransactie();
                    partities += Gemeentepartities.MaakAan(tx, [Verzonnen(i)]);
                    tx.Commit();
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{naam}: {o.Gemeenten:N0} more municipalities, {partities:N0} partitions made in {maak.Elapsed.TotalSeconds:F1} s"));
            }

            if (verbinding is not null && o.Toewijzingen > 0)
            {
                // PostgreSQL at size: allocations of other clients, by binary COPY, before the run (not analysed).
                var vul = Stopwatch.StartNew();
                Jeugdhulp.Store.Tests.Infrastructuur.Toewijzingenvulling.Vul(verbinding, Berichtgenerator.Gemeente, o.Toewijzingen);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{naam}: {o.Toewijzingen:N0} allocations of other clients loaded by COPY in {vul.Elapsed.TotalSeconds:F1} s"));
            }

            var catalogus = Regels(Path.Combine(repo, "rules", "flevoland"), o.Spreiden ? g.Gemeenten.Skip(1).ToList() : []);

            // Without files the answers stay in the outbox table, as with `process --zonder-bestanden`.
            var outbox = bestanden ? Path.Combine(map, "outbox") : null;
            Fasetijden.Reset();
            var verwerken = new BerichtVerwerken(store, catalogus, Vandaag, outbox, o.Batch);
            var invoer = g.Berichten(o.Aantal).Select((b, i) => new Invoer(string.Create(CultureInfo.InvariantCulture, $"B{i}.xml"), b));
            var uitkomsten = new Dictionary<string, long>(StringComparer.Ordinal);
            var elke = o.Elke ?? Math.Max(o.Batch, o.Aantal / 10);
            long n = 0;
            long antwoorden = 0;
            var proces = Process.GetCurrentProcess();
            var cpu0 = proces.TotalProcessorTime;
            var gebruiker0 = proces.UserProcessorTime;
            var klok = Stopwatch.StartNew();
            var vorige = TimeSpan.Zero;
            Console.WriteLine();
            Console.WriteLine($"## pipeline on {naam}: {o.Aantal:N0} messages");
            Console.WriteLine("| messages | msg/s (interval) | msg/s (so far) | working set | GC heap |");
            Console.WriteLine("|---:|---:|---:|---:|---:|");
            foreach (var v in verwerken.Verwerk(invoer))
            {
                n++;
                uitkomsten[v.Uitkomst] = uitkomsten.GetValueOrDefault(v.Uitkomst) + 1;
                antwoorden += v.Outbox.Count;
                if (o.Ophalen && bestanden)
                {
                    foreach (var f in v.Outbox)
                    {
                        File.Delete(f);
                    }
                }

                if (n % elke == 0)
                {
                    var nu = klok.Elapsed;
                    proces.Refresh();
                    Console.WriteLine($"| {n:N0} | {elke / (nu - vorige).TotalSeconds:N0} | {n / nu.TotalSeconds:N0} | {Mb(proces.WorkingSet64)} | {Mb(GC.GetTotalMemory(false))} |");
                    vorige = nu;
                }
            }

            var tijd = klok.Elapsed;
            proces.Refresh();
            var cpu = proces.TotalProcessorTime - cpu0;
            var gebruiker = proces.UserProcessorTime - gebruiker0;
            var snelheid = n / tijd.TotalSeconds;
            Console.WriteLine();
            Console.WriteLine($"{naam}: {n:N0} messages in {tijd.TotalSeconds:F1} s = {snelheid:N0} msg/s" +
                (vloer is { } f0 ? $" = {snelheid / f0:P1} of the floor" : "") +
                $"; {antwoorden:N0} answers{(bestanden ? " (files)" : " (outbox table only)")}; outcomes {string.Join(", ", uitkomsten.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key} {u.Value:N0}"))}");
            // After the clock stopped: what the stream's outcomes were made of (a message is "rejected" when all its
            // request lines are), per outcome and reason of its request lines.
            Console.WriteLine($"{naam}: request lines by municipality, outcome and reason: {Uitkomsten(store)}");

            Console.WriteLine($"{naam}: peak working set {Mb(proces.PeakWorkingSet64)}, GC heap now {Mb(GC.GetTotalMemory(false))}, " +
                $"gen2 collections {GC.CollectionCount(2)}, materialisation errors {verwerken.Materialisatiefouten.Count}");
            Console.WriteLine($"{naam}: 10,000,000 messages at this rate: {10_000_000 / snelheid / 60:F1} min");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{naam}: CPU time of this process {cpu.TotalMicroseconds / n:F0} µs/msg (user {gebruiker.TotalMicroseconds / n:F0}, system {(cpu - gebruiker).TotalMicroseconds / n:F0}); wall {tijd.TotalMicroseconds / n:F0} µs/msg; answer files {Fasetijden.Stand().Single(f => f.Fase == Fasetijden.Fase.Bestanden).Tijd.TotalMicroseconds / Math.Max(1, antwoorden):F0} µs each (writer thread)"));
            Console.WriteLine($"{naam}: time per message by phase (µs): " + string.Join(", ",
                Fasetijden.Stand().Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Fase} {f.Tijd.TotalMicroseconds / n:F1}"))) +
                string.Create(CultureInfo.InvariantCulture, $"; total {tijd.TotalMicroseconds / n:F1}"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (pg is not null)
            {
                NpgsqlConnection.ClearAllPools();
                Grootten(pg, schema, o.Aantal);
                if (o.Bewaar)
                {
                    // Kept to look into (per index, per column: where the bytes are); dropped by hand.
                    Console.WriteLine($"kept PostgreSQL schema: {schema}");
                }
                else
                {
                    if (o.Gemeenten > 0)
                    {
                        VerwijderPartities(pg, schema);
                    }

                    Beheer(pg, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
                }
            }

            if (!o.Bewaar)
            {
                Directory.Delete(map, recursive: true);
            }
            else
            {
                Console.WriteLine($"kept: {map}");
            }
        }
    }

    /// <summary>
    /// Bytes per message of each table the run wrote on PostgreSQL (pg_total_relation_size: heap, TOAST and indexes, summed
    /// over a partitioned table's partitions; pg_partition_tree gives no row for a plain table), largest first.
    /// </summary>
    private static void Grootten(string pg, string schema, long aantal)
    {
        using var c = new NpgsqlConnection(pg);
        c.Open();
        using var cmd = new NpgsqlCommand("""
            SELECT c.relname, coalesce((SELECT SUM(pg_total_relation_size(t.relid)) FROM pg_partition_tree(c.oid) t), pg_total_relation_size(c.oid))::bigint,
                (SELECT COUNT(*) FROM pg_partition_tree(c.oid) t WHERE t.isleaf)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            ORDER BY 2 DESC
            """, c);
        cmd.Parameters.AddWithValue("schema", schema);
        using var r = cmd.ExecuteReader();
        var regels = new List<string>();
        long totaal = 0;
        while (r.Read())
        {
            var bytes = r.GetInt64(1);
            totaal += bytes;
            if (bytes >= 65536)
            {
                regels.Add(string.Create(CultureInfo.InvariantCulture, $"{r.GetString(0)} {bytes / (double)aantal:F0}{(r.GetInt64(2) > 1 ? $" ({r.GetInt64(2)} partitions)" : "")}"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bytes per message by table (pg_total_relation_size, tables of 64 KiB or more): {string.Join(", ", regels)}; all tables {totaal / (double)aantal:F0}"));
    }

    /// <summary>Made-up municipality <paramref name="i"/>: CBS codes from 9000 up (no real municipality has them).</summary>
    private static string Verzonnen(int i) => (9000 + i).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>
    /// The region's rule data; each municipality of <paramref name="kopieen"/> gets a copy of every entry of Noordoostpolder's
    /// (an object in a list whose <c>gemeente</c> or <c>code</c> is 0171: its municipality entry, its lot participations,
    /// its conversion table), so its messages are decided as 0171's are.
    /// </summary>
    private static Regelcatalogus Regels(string map, IReadOnlyList<string> kopieen)
    {
        var bestanden = Directory.GetFiles(map, "*.json").Order(StringComparer.Ordinal)
            .Select(p => new RegelBestand(Path.GetFileName(p), Kopieer(File.ReadAllText(p), kopieen))).ToList();
        var r = RegelLader.Laad(bestanden);
        return r.IsGeldig ? r.Waarde : throw new InvalidOperationException(string.Join("; ", r.Fouten));
    }

    /// <summary>
    /// The request lines' decisions of 0171 and of the made-up copies (each copy's count the same as 0171's when every
    /// message is decided as 0171's are; a reason the copies alone have would show a receiver not known to the rules).
    /// </summary>
    private static string Uitkomsten(Datastore store)
    {
        using var tx = store.BeginTransactie();
        using var r = tx.Commando($"""
            SELECT CASE WHEN gemeente = '{Berichtgenerator.Gemeente}' THEN gemeente ELSE 'copies' END, COUNT(DISTINCT gemeente), uitkomst,
                COALESCE(CAST(reden AS text), '-'), COUNT(*)
            FROM verzoeken GROUP BY 1, 3, 4 ORDER BY 1, 3, 4
            """).ExecuteReader();
        var regels = new List<string>();
        while (r.Read())
        {
            regels.Add(string.Create(CultureInfo.InvariantCulture,
                $"{r.GetString(0)}{(r.GetString(0) == "copies" ? $" ({r.GetInt64(1)})" : "")} {r.GetString(2)}/{r.GetString(3)} {r.GetInt64(4):N0}"));
        }

        return string.Join(", ", regels);
    }

    private static string Kopieer(string json, IReadOnlyList<string> kopieen)
    {
        if (kopieen.Count == 0)
        {
            return json;
        }

        var wortel = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            ?? throw new InvalidOperationException("lege regeldata");
        var gekopieerd = 0;
        void Loop(JsonNode? knoop)
        {
            if (knoop is JsonObject o)
            {
                foreach (var (_, waarde) in o.ToList())
                {
                    Loop(waarde);
                }
            }
            else if (knoop is JsonArray a)
            {
                foreach (var element in a.ToList())
                {
                    Loop(element);
                    if (element is JsonObject e && (e["gemeente"] ?? e["code"]) is JsonValue v
                        && v.TryGetValue<string>(out var code) && code == Berichtgenerator.Gemeente)
                    {
                        var sleutel = e.ContainsKey("gemeente") ? "gemeente" : "code";
                        foreach (var k in kopieen)
                        {
                            var kopie = e.DeepClone().AsObject();
                            kopie[sleutel] = k;
                            a.Add(kopie);
                            gekopieerd++;
                        }
                    }
                }
            }
        }

        Loop(wortel);
        return gekopieerd == 0 ? json : wortel.ToJsonString();
    }

    private static void Controleer<T>(Jeugdhulp.Core.Waarden.Resultaat<T> r)
    {
        if (!r.IsGeldig)
        {
            throw new InvalidOperationException(string.Join("; ", r.Fouten));
        }
    }

    /// <summary>
    /// Drops the municipalities' partitions one by one before the schema: at ~340 municipalities the schema has ~15,000
    /// relations, more locks than one DROP SCHEMA may hold (PostgreSQL: "out of shared memory", max_locks_per_transaction).
    /// A referenced table's partitions (the declarations', which the prestaties' foreign key depends on) go with the schema.
    /// </summary>
    private static void VerwijderPartities(string pg, string schema)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg) { Pooling = false, SearchPath = schema }.ToString());
        c.Open();
        var delen = new List<string>();
        using (var cmd = new NpgsqlCommand("""
            SELECT format('DROP TABLE %I', p.relname) FROM gemeentepartitietabellen t JOIN pg_inherits i ON i.inhparent = to_regclass(t.tabel)
            JOIN pg_class p ON p.oid = i.inhrelid
            WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.contype = 'f' AND k.confrelid = to_regclass(t.tabel))
            """, c))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                delen.Add(r.GetString(0));
            }
        }

        foreach (var sql in delen)
        {
            using var cmd = new NpgsqlCommand(sql, c);
            cmd.ExecuteNonQuery();
        }
    }

    private static void Beheer(string pg, string sql)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pg) { Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static TimeSpan Beste(int keer, Action actie)
    {
        var beste = TimeSpan.MaxValue;
        for (var k = 0; k < keer; k++)
        {
            var s = Stopwatch.StartNew();
            actie();
            var t = s.Elapsed;
            beste = t < beste ? t : beste;
        }

        return beste;
    }

    private static string Rate(long n, TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{n / t.TotalSeconds:N0} msg/s");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):N0} MiB");

    private static string Geheugen() => string.Create(CultureInfo.InvariantCulture,
        $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):N1} GiB");

    private static string Belasting() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string RepoRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Jeugdhulp.slnx")))
                {
                    return d.FullName;
                }
            }
        }

        throw new InvalidOperationException("Jeugdhulp.slnx niet gevonden boven de werkmap of " + AppContext.BaseDirectory);
    }
}

/// <summary>Command-line options.</summary>
internal sealed record Opties(long Aantal, int Batch, int? Inwoners, int Steekproef, long Vloer, string? Alleen, string? Pg, bool Ophalen, bool Bewaar, long? Elke, string Antwoorden = "both",
    int Toewijzingen = 0, bool Warm = false, int Gemeenten = 0, bool Spreiden = false)
{
    public static Opties? Lees(string[] args)
    {
        var o = new Opties(20_000, BerichtVerwerken.StandaardBatch, null, 1_000, 20_000, null, null, false, false, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Waarde() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i]);
            long Getal() => long.Parse(Waarde(), NumberStyles.None, CultureInfo.InvariantCulture);
            try
            {
                o = args[i] switch
                {
                    "pipeline" => o,
                    "--count" => o with { Aantal = Getal() },
                    "--batch" => o with { Batch = checked((int)Getal()) },
                    "--inwoners" => o with { Inwoners = checked((int)Getal()) },
                    "--sample" => o with { Steekproef = checked((int)Getal()) },
                    "--floor" => o with { Vloer = Getal() },
                    "--only" => o with { Alleen = Waarde() },
                    "--pg" => o with { Pg = Waarde() },
                    "--fetch" => o with { Ophalen = true },
                    "--keep" => o with { Bewaar = true },
                    "--every" => o with { Elke = Getal() },
                    "--answers" => o with { Antwoorden = Waarde() },
                    "--toewijzingen" => o with { Toewijzingen = checked((int)Getal()) },
                    "--warm" => o with { Warm = true },
                    "--gemeenten" => o with { Gemeenten = checked((int)Getal()) },
                    "--spread" => o with { Spreiden = true },
                    _ => null,
                };
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                return null;
            }

            if (o is null)
            {
                return null;
            }
        }

        return o.Alleen is null or "floor" or "zstd" or "sqlite" or "pg" or "jw323" && o.Antwoorden is "files" or "table" or "both" ? o : null;
    }
}

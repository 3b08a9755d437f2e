using System.Diagnostics;
using System.Globalization;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Bench.Declaratie;

/// <summary>
/// Times one large JW323 end to end (read and check the XML, journal, load the state, assess every prestatie,
/// book, write the JW325 and its file) on a fresh store: <c>--prestaties N</c> clients with one allocation and
/// one prestatie each (1 % refused), first an April declaration on an empty history, then a May declaration
/// that must read April's booked prestaties, then the pre-check of a June declaration. A stopwatch, not
/// BenchmarkDotNet: one run takes seconds and the figure that matters is the wall time of one message.
/// Usage: <c>dotnet run -c Release --project bench/Jeugdhulp.Bench.Declaratie -- [--prestaties 100000] [--rondes 3] [--db PG-VERBINDING]</c>.
/// The pipeline benchmark (<c>bench/Jeugdhulp.Pijplijnbench</c>) runs the same through <see cref="Declaratiebench.Run"/>.
/// </summary>
internal static class Program
{
    public static int Main(string[] args) => Declaratiebench.Run(args);
}

/// <summary>The benchmark itself, callable from the pipeline benchmark so that one command reports both.</summary>
public static class Declaratiebench
{
    private const string Gemeente = "0171";
    private const string Aanbieder = "01234567";

    /// <summary>Runs the benchmark with the command-line options above; the report goes to standard output.</summary>
    public static int Run(string[] args)
    {
        var n = Optie(args, "--prestaties", 100_000);
        var rondes = Optie(args, "--rondes", 3);
        var db = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault();
        var root = ZoekRoot();
        var catalogus = RegelLader.Laad(Directory.GetFiles(Path.Combine(root, "rules", "flevoland"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => new RegelBestand(Path.GetFileName(f), File.ReadAllText(f)))).Waarde;
        var contracten = ContractenCsv.Lees(File.ReadAllText(Path.Combine(root, "demo", "contracten.csv"))).Waarde;
        var bsns = Bsns(n);
        var bestanden = Enumerable.Range(4, 3).Select(m => Jw323(bsns, m)).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n} prestaties per JW323 ({bestanden[0].Length / 1024.0 / 1024.0:0.0} MB); {(db is null ? "SQLite" : "PostgreSQL")}; {rondes} ronde(s)"));

        var tijden = new List<double>[3] { [], [], [] };
        var cpus = new List<double>[3] { [], [], [] };
        for (var r = 0; r < rondes; r++)
        {
            var map = Directory.CreateTempSubdirectory("jeugdhulp-bench-declaratie-").FullName;
            try
            {
                var opties = StoreOpties.Kies(map, db, _ => null).Waarde;
                using var store = Datastore.Open(opties).Waarde;
                if (db is not null)
                {
                    Leeg(store);
                }

                store.ImporteerContracten(contracten);
                Toewijzingen(store, bsns);
                for (var i = 0; i < 2; i++)
                {
                    // 100,000 prestaties are 85 MB, above OP179's 25 MB: the bench measures the pipeline, not the limit.
                    var verwerken = new BerichtVerwerken(store, catalogus, new DateOnly(2027, 7, 3), Path.Combine(map, "outbox"),
                        maxBericht: 1024 * Jeugdhulp.Ijw.Lezen.Berichtgrootte.Mb);
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var klok = Stopwatch.StartNew();
                    var verslag = verwerken.Verwerk([new Invoer($"maand{i}.xml", bestanden[i])]).Single();
                    klok.Stop();
                    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    tijden[i].Add(klok.Elapsed.TotalSeconds);
                    cpus[i].Add(cpu.TotalSeconds);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"ronde {r + 1}, {(i == 0 ? "april (lege historie)" : "mei (leest april)")}: {klok.Elapsed.TotalSeconds:0.000} s (cpu {cpu.TotalSeconds:0.000} s), {verslag.Uitkomst}, {verslag.Meldingen.FirstOrDefault(m => m.Contains("goedgekeurd", StringComparison.Ordinal))}"));
                }

                var valideercpu = Process.GetCurrentProcess().TotalProcessorTime;
                var valideerklok = Stopwatch.StartNew();
                _ = Jeugdhulp.Ijw.Controles.IjwValidatie.Valideer(bestanden[2], new DateOnly(2027, 7, 3));
                valideerklok.Stop();
                valideercpu = Process.GetCurrentProcess().TotalProcessorTime - valideercpu;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ronde {r + 1}, alleen lezen en niveau 1-2 van juni (ter vergelijking): {valideerklok.Elapsed.TotalSeconds:0.000} s (cpu {valideercpu.TotalSeconds:0.000} s)"));
                var proefcpu = Process.GetCurrentProcess().TotalProcessorTime;
                var proefklok = Stopwatch.StartNew();
                var proef = store.Proef(bestanden[2], catalogus, new DateOnly(2027, 7, 3));
                proefklok.Stop();
                proefcpu = Process.GetCurrentProcess().TotalProcessorTime - proefcpu;
                tijden[2].Add(proefklok.Elapsed.TotalSeconds);
                cpus[2].Add(proefcpu.TotalSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ronde {r + 1}, proef juni: {proefklok.Elapsed.TotalSeconds:0.000} s (cpu {proefcpu.TotalSeconds:0.000} s), {proef.Oordeel!.Prestaties.Count(p => !p.IsGoedgekeurd)} afgewezen"));
                if (db is not null)
                {
                    Leeg(store);
                }
            }
            finally
            {
                Directory.Delete(map, recursive: true);
            }
        }

        string[] namen = ["april (lege historie)", "mei (leest april)", "proef juni"];
        for (var i = 0; i < 3; i++)
        {
            var t = tijden[i].Order().ToList();
            var c = cpus[i].Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{namen[i]}: wall min {t[0]:0.000} s, mediaan {t[t.Count / 2]:0.000} s; cpu min {c[0]:0.000} s, mediaan {c[c.Count / 2]:0.000} s"));
        }

        return 0;
    }

    private static int Optie(string[] args, string naam, int standaard)
    {
        var i = Array.IndexOf(args, naam);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : standaard;
    }

    private static string ZoekRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Jeugdhulp.slnx")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("Jeugdhulp.slnx niet gevonden boven " + AppContext.BaseDirectory);
    }

    /// <summary>Valid BSNs (11-proef), one per client.</summary>
    private static List<string> Bsns(int n)
    {
        var lijst = new List<string>(n);
        for (var k = 100_000_000; lijst.Count < n; k++)
        {
            var s = k.ToString(CultureInfo.InvariantCulture);
            if (Core.Waarden.Bsn.IsElfproef(s))
            {
                lijst.Add(s);
            }
        }

        return lijst;
    }

    /// <summary>Allocation i+1 for client i: 45F21 (150 cent a minute), 2027-03-01..2027-12-31, 1000 minutes.</summary>
    private static void Toewijzingen(Datastore store, List<string> bsns)
    {
        using var c = store.Provider.OpenVerbinding();
        using var tx = c.BeginTransaction();
        for (var start = 0; start < bsns.Count; start += 1000)
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum,
                    volume, eenheid, frequentie, toewijzingsdatum, toewijzingstijd, herkomst, keren_verschoven, actueel) VALUES
                """ + string.Join(",", Enumerable.Range(start, Math.Min(1000, bsns.Count - start)).Select(i => string.Create(CultureInfo.InvariantCulture,
                $"('{Gemeente}', {i + 1}, '{bsns[i]}', '{Aanbieder}', '45F21', '45', '2027-03-01', '2027-12-31', 1000, '01', '6', '2027-02-20', '10:00:00', 2, 0, 1)")));
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private static void Leeg(Datastore store)
    {
        using var c = store.Provider.OpenVerbinding();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM declaratieprestaties; DELETE FROM declaraties; DELETE FROM outboxinhoud; DELETE FROM outbox; DELETE FROM journaalinhoud; DELETE FROM journaal; DELETE FROM toewijzingen; DELETE FROM contracten";
        cmd.ExecuteNonQuery();
    }

    /// <summary>One prestatie per client for month <paramref name="maand"/> of 2027; every 100th is over the allocation (TR321).</summary>
    private static byte[] Jw323(List<string> bsns, int maand)
    {
        var van = new DateOnly(2027, maand, 1);
        var tot = van.AddMonths(1).AddDays(-1);
        var clienten = new List<DeclaratieClient>(bsns.Count);
        long totaal = 0;
        for (var i = 0; i < bsns.Count; i++)
        {
            long volume = i % 100 == 99 ? 1001 : 240 + (i % 60);
            totaal += volume * 150;
            clienten.Add(new DeclaratieClient(bsns[i], [new Prestatie(new ProductReferentie(string.Create(CultureInfo.InvariantCulture, $"P{maand:D2}-{i}"), null),
                i + 1, "45", "45F21", new GeslotenPeriode(van, tot), volume, "01", 150, new BedragMetDc(volume * 150, "D"))]));
        }

        return IjwSchrijver.Schrijf(new Declaratiebericht(
            Header.Voor(Berichtsoort.JW323, Aanbieder, Gemeente, new BerichtIdentificatie(string.Create(CultureInfo.InvariantCulture, $"B{maand}"), tot.AddDays(1))),
            new Ijw.Berichten.Declaratie(string.Create(CultureInfo.InvariantCulture, $"DN2027{maand:D2}"), new GeslotenPeriode(van, tot), tot.AddDays(1),
                BedragMetDc.VanSaldo(totaal), clienten)));
    }
}

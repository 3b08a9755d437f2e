#:project ../../../src/Jeugdhulp.Store/Jeugdhulp.Store.csproj
#:property TreatWarningsAsErrors=false

// Store throughput on SQLite: journal + outbox rows in batches per transaction, then (optionally) the
// materialisation of the answers as files. Not part of the test run (excluded from the test project).
//   dotnet run -c Release tests/Jeugdhulp.Store.Tests/Bench/JournaalOutboxBench.cs -- [messages] [batch] [materialise: 0|1] [payload bytes] [enkel|batch]
// "enkel" journals and answers message by message; "batch" (default) uses the multi-row batch API.
using System.Diagnostics;
using System.Text;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;

var aantal = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var batch = args.Length > 1 ? int.Parse(args[1]) : 1_000;
var bestanden = args.Length > 2 ? int.Parse(args[2]) : 0;
var enkel = args.Length > 4 && args[4] == "enkel";

var map = Path.Combine(Path.GetTempPath(), "jeugdhulp-bench-" + Guid.NewGuid().ToString("N"));
// JEUGDHULP_DB set: PostgreSQL (a unique sender per run keeps repeated runs apart); else SQLite in a temp folder.
var opties = StoreOpties.Kies(map, null, Environment.GetEnvironmentVariable).Waarde;
var afzender = Random.Shared.Next(10_000_000, 99_999_999).ToString();
using var opslag = Datastore.Open(opties).Waarde;

// About the size of a real JW315 (2 KB) and JW316 (1 KB); each one different.
var opvulling = new string('x', args.Length > 3 ? int.Parse(args[3]) : 1800);
byte[] Verzoek(int i) => Encoding.UTF8.GetBytes($"<JW315><Identificatie>ID-{i}</Identificatie><Inhoud>{opvulling}</Inhoud></JW315>");
byte[] Antwoord(int i) => Encoding.UTF8.GetBytes($"<JW316><Identificatie>A-{i}</Identificatie><Inhoud>{opvulling[..(opvulling.Length * 4 / 9)]}</Inhoud></JW316>");

// The machine is shared: report process CPU time next to wall time.
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var klok = Stopwatch.StartNew();
using (var sessie = opslag.OpenSessie())
{
    for (var start = 0; start < aantal; start += batch)
    {
        using var tx = sessie.BeginTransactie();
        var einde = Math.Min(aantal, start + batch);
        if (enkel)
        {
            for (var i = start; i < einde; i++)
            {
                var uitkomst = tx.Journaliseer(afzender, "0034", $"ID-{i}", "JW315", Verzoek(i));
                var id = ((JournaalUitkomst.Nieuw)uitkomst).JournaalId;
                tx.VoegAntwoordToe(id, "JW316", afzender, $"JW316_{afzender}_{i:D8}.xml", Antwoord(i));
            }
        }
        else
        {
            var berichten = Enumerable.Range(start, einde - start).Select(i => new InkomendBericht(afzender, "0034", $"ID-{i}", "JW315", Verzoek(i))).ToList();
            var uitkomsten = tx.Journaliseer(berichten);
            tx.VoegAntwoordenToe(uitkomsten.Select((u, k) =>
                new Antwoord(((JournaalUitkomst.Nieuw)u).JournaalId, "JW316", afzender, $"JW316_{afzender}_{start + k:D8}.xml", Antwoord(start + k))).ToList());
        }

        tx.Commit();
    }
}

klok.Stop();
cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
Console.WriteLine($"{opslag.Provider.Beschrijving}");
Console.WriteLine($"journal+outbox ({(enkel ? "one by one" : "batch API")}): {aantal:N0} messages in batches of {batch:N0}: {klok.Elapsed.TotalSeconds:F2} s wall = {aantal / klok.Elapsed.TotalSeconds:N0} messages/s; " +
    $"{cpu.TotalSeconds:F2} s CPU in this process = {aantal / cpu.TotalSeconds:N0} messages/s per core");

if (bestanden > 0)
{
    // Then write every answer as a file (temp file, fsync, rename; folder fsync and mark per block).
    var outbox = Path.Combine(map, "outbox");
    cpu = Process.GetCurrentProcess().TotalProcessorTime;
    klok.Restart();
    var verslag = opslag.Materialiseer(outbox, batch);
    klok.Stop();
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine($"materialise: {verslag.Geschreven:N0} files in blocks of {batch:N0}: {klok.Elapsed.TotalSeconds:F2} s wall = {verslag.Geschreven / klok.Elapsed.TotalSeconds:N0} files/s; {cpu.TotalSeconds:F2} s CPU");
}

Directory.Delete(map, recursive: true);

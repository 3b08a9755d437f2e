#:project ../../src/Jeugdhulp.Store/Jeugdhulp.Store.csproj
#:project ../../src/Jeugdhulp.Demo/Jeugdhulp.Demo.csproj
#:property TreatWarningsAsErrors=false

// The conversion of a Flevoland year (issue 15): N running allocations (default 13,000) read and checked,
// imported, planned (target < 10 s) and executed — one transaction per client, JW301 files written
// durably — (target < 60 s). SQLite in a temporary folder; PostgreSQL when JEUGDHULP_DB is set.
//   dotnet run -c Release bench/Conversiebench/Conversiebench.cs -- [aantal]
using System.Diagnostics;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Demo;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Conversie;
using Jeugdhulp.Store.Import;

var aantal = args.Length > 0 ? int.Parse(args[0]) : 13_000;
var root = AppContext.GetData("EntryPointFileDirectoryPath") is string d ? Path.GetFullPath(Path.Combine(d, "..", "..")) : Directory.GetCurrentDirectory();
var regelMap = Path.Combine(root, "rules", "flevoland");
var regels = RegelLader.Laad(Directory.GetFiles(regelMap, "*.json").Order(StringComparer.Ordinal)
    .Select(f => new RegelBestand(Path.GetFileName(f), File.ReadAllText(f)))).Waarde;

var map = Path.Combine(Path.GetTempPath(), "jeugdhulp-conversiebench-" + Guid.NewGuid().ToString("N"));
var opties = StoreOpties.Kies(map, null, Environment.GetEnvironmentVariable).Waarde;
using var opslag = Datastore.Open(opties).Waarde;
foreach (var naam in new[] { "contracten.csv", "contracten-oud.csv" })
{
    opslag.ImporteerContracten(ContractenCsv.Lees(File.ReadAllText(Path.Combine(root, "demo", naam))).Waarde);
}

var csv = Lopendetoewijzingengenerator.Csv(aantal);
var proces = Process.GetCurrentProcess();
(TimeSpan Wand, TimeSpan Cpu) Meet(Action actie)
{
    proces.Refresh();
    var cpu = proces.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    actie();
    sw.Stop();
    proces.Refresh();
    return (sw.Elapsed, proces.TotalProcessorTime - cpu);
}

IReadOnlyList<LopendeToewijzing> gelezen = [];
var lezen = Meet(() => gelezen = LopendeToewijzingenLezen.Lees(csv, "bench.csv", regels, opslag.BekendeAanbieders()).Waarde);
var importeren = Meet(() => opslag.ImporteerLopendeToewijzingen(gelezen));
Conversieplan plan = null!;
var plannen = Meet(() =>
{
    plan = ConversieplanMaken.Maak(opslag.LopendeToewijzingen(), regels, new DateOnly(2026, 12, 1), opslag.Contractcontrole());
    ConversieplanCsv.Schrijf(plan);
});
Conversieverslag verslag = null!;
var uitvoeren = Meet(() => verslag = opslag.VoerConversieUit(plan, Path.Combine(map, "outbox")));
var tweede = Meet(() => opslag.VoerConversieUit(plan, Path.Combine(map, "outbox")));

Console.WriteLine($"database: {(opties.Verbinding is null ? "SQLite" : "PostgreSQL")}, {aantal} lopende toewijzingen, {verslag.Clienten} cliënten");
Console.WriteLine($"plan: administratief {plan.Totaal.Administratief} (waarvan zonder contract {plan.Totaal.ZonderContract}), lichte toets {plan.Totaal.LichteToets}, herindicatie {plan.Totaal.Herindicatie}, niet lopend {plan.Totaal.NietLopend}");
Console.WriteLine($"lezen+controleren   {lezen.Wand.TotalSeconds,7:F2} s wand {lezen.Cpu.TotalSeconds,7:F2} s cpu");
Console.WriteLine($"importeren          {importeren.Wand.TotalSeconds,7:F2} s wand {importeren.Cpu.TotalSeconds,7:F2} s cpu");
Console.WriteLine($"plannen (+CSV)      {plannen.Wand.TotalSeconds,7:F2} s wand {plannen.Cpu.TotalSeconds,7:F2} s cpu   (doel < 10 s)");
Console.WriteLine($"uitvoeren           {uitvoeren.Wand.TotalSeconds,7:F2} s wand {uitvoeren.Cpu.TotalSeconds,7:F2} s cpu   (doel < 60 s): {verslag.Omgezet} omgezet, {verslag.Berichten} JW301, {verslag.Werk} werk");
Console.WriteLine($"tweede run (niets)  {tweede.Wand.TotalSeconds,7:F2} s wand {tweede.Cpu.TotalSeconds,7:F2} s cpu");
Directory.Delete(map, true);

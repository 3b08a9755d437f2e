using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Toekenning;

// A region's year of the municipality's own allocations: N lines (default 13,000) through the same path as
// `jeugdhulp toewijzen` (CSV read, every line checked by Core, written with its JW301 in one transaction, the
// answer files after commit), then the same file again (must write nothing). SQLite, and PostgreSQL when
// --pg or JEUGDHULP_TEST_PG gives a connection string, side by side in one run. `--count 1000,13000` runs each size in
// turn; a summary table at the end gives time per line and the PostgreSQL ÷ SQLite ratio per size.
var aantallen = (Optie("--count") ?? "13000").Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
var pg = Optie("--pg") ?? Environment.GetEnvironmentVariable("JEUGDHULP_TEST_PG");
var alleen = Optie("--alleen"); // "sqlite" or "postgres": one database only (e.g. to watch pg_stat_activity)
if (alleen == "sqlite")
{
    pg = null;
}

var root = Zoek("rules");
var regelmap = Path.Combine(root, "rules", "flevoland");
var catalogus = RegelLader.Laad(Directory.GetFiles(regelmap, "*.json").Order(StringComparer.Ordinal)
    .Select(f => new RegelBestand(Path.GetFileName(f), File.ReadAllText(f)))).Waarde;
var contracten = ContractenCsv.Lees(File.ReadAllText(Path.Combine(root, "demo", "contracten.csv"))).Waarde;
var samenvatting = new List<string>();
var aantal = 0;
List<Inwoner> inwoners = [];
var tekst = "";
foreach (var n in aantallen)
{
    aantal = n;
    (inwoners, tekst) = Maak(aantal);
    var begin = Uptime();
    Console.WriteLine($"{aantal} regels, {tekst.Length / 1024} kB CSV; {Environment.ProcessorCount} cores; uptime: {begin}");
    var sqlite = alleen == "postgres" ? (double.NaN, double.NaN) : Meet("sqlite", null);
    (double, double)? postgres = null;
    if (pg is not null)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N");
        Beheer(pg, $"CREATE SCHEMA {schema}");
        try
        {
            postgres = Meet("postgres", new Npgsql.NpgsqlConnectionStringBuilder(pg) { SearchPath = schema }.ToString());
        }
        finally
        {
            Beheer(pg, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    samenvatting.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {aantal:N0} | {begin} → {Uptime()} | {sqlite.Item1:F1} s ({1000 * sqlite.Item1 / aantal:F2} ms/regel) | {sqlite.Item2:F1} s | ")
        + (postgres is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"{p.Item1:F1} s ({1000 * p.Item1 / aantal:F2} ms/regel) | {p.Item2:F1} s | {p.Item1 / sqlite.Item1:F1} |")
            : "— | — | — |"));
}

Console.WriteLine();
Console.WriteLine("| regels | uptime begin → eind | SQLite eerste ronde | SQLite herhaling | PostgreSQL eerste ronde | PostgreSQL herhaling | PG ÷ SQLite |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
samenvatting.ForEach(Console.WriteLine);

// Residents of Noordoostpolder, one per line, born 2010–2020; each gets 45F21 for a year within guideline A.
static (List<Inwoner> Inwoners, string Csv) Maak(int aantal)
{
    var bsns = new List<string>(aantal);
    for (var n = 200_000_000; bsns.Count < aantal; n++)
    {
        var s = n.ToString(CultureInfo.InvariantCulture);
        if (Bsn.IsElfproef(s))
        {
            bsns.Add(s);
        }
    }

    var inwoners = bsns.Select((b, i) => new Inwoner(Bsn.Parse(b).Waarde, Gemeentecode.Parse("0171").Waarde, new DateOnly(2010 + (i % 11), 1 + (i % 12), 1 + (i % 28)), null, false)).ToList();
    var csv = new StringBuilder("gemeente,bsn,route,verwijzer,aanbieder,product,ingangsdatum,einddatum,volume,eenheid,frequentie,achternaam,geslacht\n");
    foreach (var b in bsns)
    {
        csv.Append("0171,").Append(b).Append(",lokale-toegang,Team Emmeloord,01234567,45F21,2027-03-08,2028-03-07,5760,01,6,Jansen,1\n");
    }

    return (inwoners, csv.ToString());
}

(double Eerste, double Herhaling) Meet(string naam, string? db)
{
    var tijden = new double[2];
    var data = Directory.CreateTempSubdirectory("jeugdhulp-bench-toekenning-").FullName;
    try
    {
        var store = Datastore.Open(StoreOpties.Kies(data, db, _ => null).Waarde).Waarde;
        using (store)
        {
            store.ImporteerContracten(contracten);
            store.ImporteerInwoners(inwoners);
            var outbox = Path.Combine(data, "outbox");
            for (var ronde = 1; ronde <= 2; ronde++)
            {
                var klok = Stopwatch.StartNew();
                var (regels, fouten) = ToekenningenCsv.Lees(tekst, "bench.csv");
                var gelezen = klok.Elapsed.TotalSeconds;
                var acties = regels.Select(r => (Toekenningsactie)new Toekenningsactie.Toekennen(r.Opdracht,
                    new Clientpersoon(r.Achternaam!, null, null, r.Geslacht!, null))).ToList();
                var verslagen = store.Verwerk(catalogus, acties, "bench", ToekenningVastleggen.Moment(DateTimeOffset.UtcNow), outbox);
                var totaal = klok.Elapsed.TotalSeconds;
                tijden[ronde - 1] = totaal;
                var geschreven = verslagen.Count(v => v.Geschreven);
                var herhaald = verslagen.Count(v => v.Herhaling);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{naam} ronde {ronde}: {totaal:F1} s ({aantal / totaal:F0} regels/s; CSV lezen {gelezen:F2} s), {geschreven} geschreven, {herhaald} herhaling, {fouten.Count + verslagen.Count(v => !v.Geschreven && !v.Herhaling)} geweigerd, {Directory.GetFiles(outbox).Length} JW301-bestanden; uptime: {Uptime()}"));
            }
        }
    }
    finally
    {
        Directory.Delete(data, recursive: true);
    }

    return (tijden[0], tijden[1]);
}

static string? Optie(string naam)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, naam);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string Zoek(string map)
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        if (Directory.Exists(Path.Combine(d.FullName, map)) && Directory.Exists(Path.Combine(d.FullName, "demo")))
        {
            return d.FullName;
        }
    }

    throw new DirectoryNotFoundException("rules/ en demo/ niet gevonden boven " + AppContext.BaseDirectory);
}

static string Uptime() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static void Beheer(string verbinding, string sql)
{
    using var c = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(verbinding) { Pooling = false }.ToString());
    c.Open();
    using var cmd = c.CreateCommand();
    cmd.CommandText = sql;
    cmd.ExecuteNonQuery();
}

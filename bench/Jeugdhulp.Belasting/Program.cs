using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Toegang;
using Jeugdhulp.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Belasting;

/// <summary>
/// Load test of the provider API: the real host (<c>jeugdhulp serve</c>'s configuration) on 127.0.0.1 with a
/// free port, a fresh store with the demo contracts and synthetic residents, and N clients (own HttpClient
/// each) that post distinct valid JW315s for a fixed time. Reports requests/s, latency percentiles, outcomes
/// and errors; exit 1 on any error. Not part of <c>dotnet test</c>.
/// <c>dotnet run -c Release --project bench/Jeugdhulp.Belasting -- [--clients 16] [--seconden 10] [--db VERBINDING]</c>
/// </summary>
internal static class Program
{
    private const string Aanbieder = "01234567";
    private const int Inwoners = 50_000;
    private static readonly DateOnly Vandaag = new(2027, 3, 5);

    public static async Task<int> Main(string[] args)
    {
        var clients = Optie(args, "--clients", 16);
        var seconden = Optie(args, "--seconden", 10);
        var db = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault();
        var root = RepoRoot();
        var data = Directory.CreateTempSubdirectory("jeugdhulp-belasting-").FullName;
        try
        {
            var regelmap = Path.Combine(root, "rules", "flevoland");

            // The host as `jeugdhulp serve` builds it (Webapp.Bouw); its start-up check refuses bad settings.
            await using var app = Webapp.Bouw("http://127.0.0.1:0", Hostopties.AlsConfiguratie(new Webopties(data, db, regelmap, Vandaag)));
            var backoffice = app.Services.GetRequiredService<Backoffice>();
            {
                var bsns = Bsns(Inwoners);
                Voorbereiden(backoffice, root, bsns);
                var token = backoffice.Store.MaakApiToken(Tokensoort.Aanbieder, Aanbieder, "belastingtest").Geheim;
                var sjabloon = File.ReadAllText(Path.Combine(root, "demo", "berichten", "001-diagnostiek-toegekend.xml"));

                await app.StartAsync();
                var adres = new Uri(app.Urls.Single());
                Console.WriteLine($"Host op {adres}; {clients} clients, {seconden} s, {(db is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} cores.");

                var volgnummer = 0;
                byte[] Volgende()
                {
                    var n = Interlocked.Increment(ref volgnummer);
                    return Bericht(sjabloon, n, bsns[(n - 1) % bsns.Count]);
                }

                // Warm-up (JIT, connection pools, first BerichtVerwerken): not measured.
                await Rondes(adres, token, clients, TimeSpan.FromSeconds(2), Volgende);
                var meting = await Rondes(adres, token, clients, TimeSpan.FromSeconds(seconden), Volgende);
                await app.StopAsync();

                Rapporteer(meting, seconden);
                return meting.Fouten.Count == 0 ? 0 : 1;
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private sealed record Meting(List<double> Latenties, List<string> Fouten, Dictionary<string, int> Uitkomsten, TimeSpan Duur);

    private static async Task<Meting> Rondes(Uri adres, string token, int clients, TimeSpan duur, Func<byte[]> volgende)
    {
        var latenties = new List<double>[clients];
        var fouten = new List<string>();
        var uitkomsten = new Dictionary<string, int>(StringComparer.Ordinal);
        var klok = Stopwatch.StartNew();
        var taken = Enumerable.Range(0, clients).Select(async c =>
        {
            using var http = new HttpClient { BaseAddress = adres, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var eigen = latenties[c] = [];
            while (klok.Elapsed < duur)
            {
                var inhoud = new ByteArrayContent(volgende());
                inhoud.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var antwoord = await http.PostAsync(new Uri("/api/v1/berichten", UriKind.Relative), inhoud);
                    var tekst = await antwoord.Content.ReadAsStringAsync();
                    eigen.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    var uitkomst = antwoord.IsSuccessStatusCode ? JsonDocument.Parse(tekst).RootElement.GetProperty("outcome").GetString() ?? "?" : "?";
                    lock (fouten)
                    {
                        if (!antwoord.IsSuccessStatusCode || uitkomst is "invalid" or "error")
                        {
                            fouten.Add($"{(int)antwoord.StatusCode} {uitkomst}: {tekst[..Math.Min(300, tekst.Length)]}");
                        }

                        uitkomsten[uitkomst] = uitkomsten.GetValueOrDefault(uitkomst) + 1;
                    }
                }
                catch (HttpRequestException e)
                {
                    lock (fouten)
                    {
                        fouten.Add(e.Message);
                    }
                }
            }
        }).ToList();
        await Task.WhenAll(taken);
        return new Meting([.. latenties.SelectMany(l => l)], fouten, uitkomsten, klok.Elapsed);
    }

    private static void Rapporteer(Meting m, int seconden)
    {
        var l = m.Latenties.Order().ToList();
        double P(double p) => l.Count == 0 ? double.NaN : l[Math.Min(l.Count - 1, (int)Math.Ceiling(p * l.Count) - 1)];
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci, $"Verzoeken: {l.Count} in {m.Duur.TotalSeconds:F1} s = {l.Count / m.Duur.TotalSeconds:F0} verzoeken/s (gevraagd: {seconden} s)"));
        Console.WriteLine(string.Create(ci, $"Latentie ms: p50 {P(0.50):F1}, p90 {P(0.90):F1}, p99 {P(0.99):F1}, max {(l.Count == 0 ? double.NaN : l[^1]):F1}"));
        Console.WriteLine("Uitkomsten: " + string.Join(", ", m.Uitkomsten.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key} {u.Value}")));
        Console.WriteLine($"Fouten: {m.Fouten.Count}");
        foreach (var f in m.Fouten.Take(10))
        {
            Console.WriteLine("  " + f);
        }
    }

    /// <summary>The demo contracts and <paramref name="bsns"/> as residents of Noordoostpolder born on the template's date.</summary>
    private static void Voorbereiden(Backoffice backoffice, string root, List<string> bsns)
    {
        var contracten = ContractenCsv.Lees(File.ReadAllText(Path.Combine(root, "demo", "contracten.csv"))).Waarde;
        backoffice.Store.ImporteerContracten(contracten);
        var csv = new StringBuilder("bsn,gemeente,geboortedatum,huishouden,jeugdreclassering\n");
        foreach (var b in bsns)
        {
            csv.Append(b).Append(",0171,2016-09-12,,nee\n");
        }

        var inwoners = InwonersCsv.Lees(csv.ToString());
        if (!inwoners.TryGet(out var lijst) || !backoffice.Store.ImporteerInwoners(lijst).IsGeldig)
        {
            throw new InvalidOperationException(string.Join("; ", inwoners.Fouten));
        }
    }

    /// <summary>Demo JW315 001 for client <paramref name="bsn"/> with its own Identificatie and ReferentieAanbieder.</summary>
    private static byte[] Bericht(string sjabloon, int n, string bsn) => Encoding.UTF8.GetBytes(sjabloon
        .Replace("<ijw:Identificatie>DEMO-001<", $"<ijw:Identificatie>B{n}<", StringComparison.Ordinal)
        .Replace("<ReferentieAanbieder>DEMO-0001<", $"<ReferentieAanbieder>B{n}-1<", StringComparison.Ordinal)
        .Replace("<Bsn>100002183<", $"<Bsn>{bsn}<", StringComparison.Ordinal));

    /// <summary><paramref name="aantal"/> BSNs that pass the 11-proef, from 200000000 up.</summary>
    private static List<string> Bsns(int aantal)
    {
        var lijst = new List<string>(aantal);
        for (var n = 200_000_000; lijst.Count < aantal; n++)
        {
            var s = n.ToString(CultureInfo.InvariantCulture);
            if (Bsn.Parse(s).IsGeldig)
            {
                lijst.Add(s);
            }
        }

        return lijst;
    }

    private static int Optie(string[] args, string naam, int standaard)
    {
        var i = Array.IndexOf(args, naam);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var w) && w > 0 ? w : standaard;
    }

    private static string RepoRoot()
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
}

using Jeugdhulp.Ijw.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>
/// The web project's own <c>Program</c> on a TestServer, over a fresh SQLite store in a temporary folder (a copy of
/// the migrated template, see <c>SqliteSjabloon</c>), with
/// the shipped rules and a fixed processing date, all given as configuration (section <c>Jeugdhulp</c>) the way
/// an operator gives them. Nothing of the host is built here: what runs is what <c>Program.cs</c> builds.
/// </summary>
public sealed class Webfabriek : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> instellingen;

    public Webfabriek(DateOnly? vandaag = null, bool zonderBestanden = false, long maxBericht = Ijw.Lezen.Berichtgrootte.Standaard,
        TimeProvider? klok = null, string? db = null, string? regels = null)
    {
        DataMap = Directory.CreateTempSubdirectory("jeugdhulp-web-").FullName;
        if (db is null)
        {
            // A store file with the current schema, copied rather than migrated anew for every host.
            Store.Tests.Infrastructuur.SqliteSjabloon.Kopieer(DataMap);
        }

        Klok = klok;
        instellingen = Hostopties.AlsConfiguratie(new Webopties(DataMap, db, regels ?? Path.Combine(Paden.RepoRoot, "rules", "flevoland"),
            vandaag ?? new DateOnly(2027, 3, 5), zonderBestanden, maxBericht));
    }

    public string DataMap { get; }

    /// <summary>The clock the host gets instead of the system's (null: the system's).</summary>
    public TimeProvider? Klok { get; }

    /// <summary>The host's backoffice (store, rules, processing date); starts the host when it is not yet.</summary>
    public Backoffice Backoffice => Services.GetRequiredService<Backoffice>();

    /// <summary>Everything the host logs, with the host's own filters applied (so the access log is in it as the service writes it).</summary>
    internal Logvanger Logboek { get; } = new();

    /// <summary>The access log's entries so far: one per request, with the (masked) request line.</summary>
    internal IReadOnlyList<string> Toegangslog =>
        [.. Logboek.Regels.Where(r => r.Contains(Web.Api.Toegangslog.Categorie, StringComparison.Ordinal))];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (sleutel, waarde) in instellingen)
        {
            builder.UseSetting(sleutel, waarde);
        }

        // No watching of appsettings files: every host of the suite would hold an inotify instance, and the machine's
        // limit (128 per user) is reached when the test classes run in parallel.
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        builder.ConfigureLogging(l => l.AddProvider(Logboek));
        if (Klok is { } klok)
        {
            builder.ConfigureServices(s => s.AddSingleton(klok));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(DataMap, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow CI disk: the temp folder is cleaned by the OS.
            }
        }
    }
}

using Jeugdhulp.Core.Regels;
using Jeugdhulp.Ijw.Tests;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>
/// The real web host on a TestServer over a fresh SQLite store in a temporary folder, with the shipped
/// rules and a fixed processing date. Configured through <see cref="Webapp.Configureer"/>, exactly as
/// <c>jeugdhulp serve</c> does. The factory's entry-point type is this class: WebApplicationFactory wants a type
/// from an assembly with an entry point, and the web host is a library (its entry point is <c>jeugdhulp
/// serve</c>); the host itself comes from <see cref="CreateHostBuilder"/>.
/// </summary>
public sealed class Webfabriek : WebApplicationFactory<Webfabriek>
{
    public Webfabriek(DateOnly? vandaag = null, bool zonderBestanden = false, long maxBericht = Ijw.Lezen.Berichtgrootte.Standaard, string? db = null)
    {
        DataMap = Directory.CreateTempSubdirectory("jeugdhulp-web-").FullName;
        var regelmap = Path.Combine(Paden.RepoRoot, "rules", "flevoland");
        var regels = Directory.GetFiles(regelmap, "*.json").Order(StringComparer.Ordinal)
            .Select(p => new RegelBestand(Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();
        var geopend = Backoffice.Open(new Webopties(DataMap, db, regelmap, vandaag ?? new DateOnly(2027, 3, 5), zonderBestanden, maxBericht), regels);
        Backoffice = geopend.TryGet(out var b) ? b : throw new InvalidOperationException(string.Join("; ", geopend.Fouten));
    }

    public string DataMap { get; }

    public Backoffice Backoffice { get; }

    /// <summary>Everything the host logs, with the host's own filters applied (so the access log is in it as the service writes it).</summary>
    internal Logvanger Logboek { get; } = new();

    /// <summary>The access log's entries so far: one per request, with the (masked) request line.</summary>
    internal IReadOnlyList<string> Toegangslog =>
        [.. Logboek.Regels.Where(r => r.Contains(Web.Api.Toegangslog.Categorie, StringComparison.Ordinal))];

    // No watching of appsettings files: every host of the suite would hold an inotify instance, and the machine's
    // limit (128 per user) is reached when the test classes run in parallel.
    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureHostConfiguration(c => c.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]))
            .ConfigureLogging(l => l.AddProvider(Logboek))
            .ConfigureWebHost(w => new Webapp(Backoffice).Configureer(w));

    // The factory guesses a content root from the entry-point assembly (this test assembly) and finds
    // none; the web project's folder is the real one.
    protected override IHost CreateHost(IHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseContentRoot(Path.Combine(Paden.RepoRoot, "src", "Jeugdhulp.Web"));
        return base.CreateHost(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Backoffice.Dispose();
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

using System.ComponentModel.DataAnnotations;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store;
using Microsoft.Extensions.Options;

namespace Jeugdhulp.Web;

/// <summary>
/// The web host's settings, bound from the configuration section <c>Jeugdhulp</c>: <c>appsettings.json</c>,
/// environment variables (<c>Jeugdhulp__Data</c>, …) and the command line (<c>--Jeugdhulp:Data=…</c>); for
/// <c>jeugdhulp serve</c> its options. Checked when the host starts (<see cref="Hostoptiecontrole"/>): a wrong
/// setting stops the start with a message naming it, before a request is served.
/// </summary>
public sealed class Hostopties
{
    /// <summary>The configuration section.</summary>
    public const string Sectie = "Jeugdhulp";

    /// <summary>The data folder: the SQLite database, the outbox and the audit key live there.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Jeugdhulp:Data (de datamap) is verplicht.")]
    public string? Data { get; set; }

    /// <summary>A PostgreSQL connection string; empty for SQLite in <see cref="Data"/> (or <c>JEUGDHULP_DB</c>).</summary>
    public string? Db { get; set; }

    /// <summary>The rule folder; empty for <c>rules/flevoland</c> found above the current folder or the program.</summary>
    public string? Regels { get; set; }

    /// <summary>A fixed processing date; empty for today in Europe/Amsterdam.</summary>
    public DateOnly? Vandaag { get; set; }

    /// <summary>Answers only in the outbox table (for the API), not as files in <c>DATA/outbox/</c>.</summary>
    public bool ZonderBestanden { get; set; }

    /// <summary>The largest message in MB (default OP179's 25); a larger request body is answered 413 before it is read.</summary>
    [Range(1, 2047, ErrorMessage = "Jeugdhulp:MaxBerichtMb moet een geheel getal van 1 tot en met 2047 zijn.")]
    public int MaxBerichtMb { get; set; } = (int)(Berichtgrootte.Standaard / Berichtgrootte.Mb);

    /// <summary>The rule folder in use: <see cref="Regels"/> or the shipped region's.</summary>
    public string? Regelmap => string.IsNullOrWhiteSpace(Regels) ? RegelMap.ZoekStandaard() : Regels;

    /// <summary>The settings as the backoffice takes them (checked: call after <see cref="Hostoptiecontrole"/>).</summary>
    public Webopties Webopties() =>
        new(Data!, string.IsNullOrWhiteSpace(Db) ? null : Db, Regelmap!, Vandaag, ZonderBestanden, MaxBerichtMb * Berichtgrootte.Mb);

    /// <summary>The configuration keys of <paramref name="opties"/> (how <c>jeugdhulp serve</c> hands its options to the host).</summary>
    public static Dictionary<string, string?> AlsConfiguratie(Webopties opties)
    {
        ArgumentNullException.ThrowIfNull(opties);
        return new(StringComparer.OrdinalIgnoreCase)
        {
            [$"{Sectie}:{nameof(Data)}"] = opties.Data,
            [$"{Sectie}:{nameof(Db)}"] = opties.Db,
            [$"{Sectie}:{nameof(Regels)}"] = opties.Regels,
            [$"{Sectie}:{nameof(Vandaag)}"] = opties.Vandaag?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [$"{Sectie}:{nameof(ZonderBestanden)}"] = opties.ZonderBestanden ? "true" : "false",
            [$"{Sectie}:{nameof(MaxBerichtMb)}"] = (opties.MaxBericht / Berichtgrootte.Mb).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>
/// The start-up check beyond the data annotations: the rule folder exists and its rules load (each failure
/// names the file and rule). It touches nothing: refused settings leave no data folder behind. The store
/// itself (data folder, <c>Db</c> or <c>JEUGDHULP_DB</c>) is checked when it is opened, right after.
/// </summary>
internal sealed class Hostoptiecontrole : IValidateOptions<Hostopties>
{
    public ValidateOptionsResult Validate(string? name, Hostopties options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fouten = new List<string>();
        if (options.Regelmap is not { } map)
        {
            fouten.Add($"Jeugdhulp:Regels: geen map rules/{RegelMap.StandaardRegio} gevonden; geef de regelmap.");
        }
        else
        {
            var bestanden = RegelMap.Lees(map);
            var regelfouten = bestanden.TryGet(out var b) ? Core.Regels.RegelLader.Laad(b).Fouten : bestanden.Fouten;
            fouten.AddRange(regelfouten.Select(f => $"Jeugdhulp:Regels: de regels in {map} zijn afgekeurd: {f}"));
        }

        return fouten.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(fouten);
    }
}

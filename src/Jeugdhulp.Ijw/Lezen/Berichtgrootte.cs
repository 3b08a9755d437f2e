using System.Globalization;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Ijw.Lezen;

/// <summary>
/// The bound on one message's size. The XSDs bound no whitespace, nesting of unknown elements or text, so the
/// only honest bound is the file's size: the standard's file limit (OP179, 25 MB) by default, configurable
/// with <c>--max-bericht-mb</c> or <see cref="Variabele"/>. Whoever receives bytes (the CLI from a file, the API
/// from a request body, the pipeline from either) checks it before reading or storing anything.
/// </summary>
public static class Berichtgrootte
{
    /// <summary>Environment variable with the limit in MB, when no option gives one.</summary>
    public const string Variabele = "JEUGDHULP_MAX_BERICHT_MB";

    /// <summary>The command-line option with the limit in MB.</summary>
    public const string Optie = "--max-bericht-mb";

    /// <summary>One MB as this limit counts it (MiB: 1,048,576 bytes).</summary>
    public const long Mb = 1024L * 1024;

    /// <summary>OP179: 25 MB.</summary>
    public const long Standaard = 25 * Mb;

    /// <summary>
    /// The limit in bytes: <paramref name="optie"/> (MB) wins over <see cref="Variabele"/>; neither gives
    /// <see cref="Standaard"/>. A value that is not a whole number of MB from 1 to 2047 is refused with a code.
    /// </summary>
    public static Resultaat<long> Kies(string? optie, Func<string, string?> omgeving)
    {
        ArgumentNullException.ThrowIfNull(omgeving);
        var (tekst, bron) = !string.IsNullOrWhiteSpace(optie) ? (optie, Optie)
            : omgeving(Variabele) is { } v && !string.IsNullOrWhiteSpace(v) ? (v, Variabele)
            : (null, null);
        if (tekst is null)
        {
            return Resultaat<long>.Ok(Standaard);
        }

        // Below 2 GB: a message is held as one byte array, which cannot be larger.
        return int.TryParse(tekst.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb is >= 1 and <= 2047
            ? Resultaat<long>.Ok(mb * Mb)
            : Resultaat<long>.Mislukt("MAX-BERICHT", $"{bron} '{tekst}' is geen aantal MB van 1 tot en met 2047.", bron);
    }

    /// <summary>The refusal of a message of <paramref name="bytes"/> bytes; null when it is within <paramref name="max"/>.</summary>
    public static Fout? Controleer(long bytes, long max) =>
        bytes <= max ? null : new Fout(Foutcodes.TeGroot,
            $"Het bericht is {Toon(bytes)} en mag hoogstens {Toon(max)} zijn (OP179); het is niet gelezen of bewaard. Splits een grote declaratie over meer JW323-berichten.");

    /// <summary>A size for people: whole MB when it is one, else MB with one decimal.</summary>
    public static string Toon(long bytes) =>
        bytes % Mb == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / Mb} MB") : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)Mb:0.0} MB");
}

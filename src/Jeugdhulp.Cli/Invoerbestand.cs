using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Lezen;

namespace Jeugdhulp.Cli;

/// <summary>
/// Reads one input message file for <c>validate</c>, <c>process</c> and <c>process --proef</c>: a file that is
/// missing, a folder, unreadable or above the size limit is that file's coded refusal (<c>BESTAND</c>,
/// <c>GROOTTE</c>) and the caller goes on with the others. The size is checked before reading, so a 100 MB
/// file is refused without being loaded.
/// </summary>
internal static class Invoerbestand
{
    public static Resultaat<byte[]> Lees(string pad, long maxBytes)
    {
        try
        {
            if (Directory.Exists(pad))
            {
                return Resultaat<byte[]>.Mislukt("BESTAND", "Dit is een map, geen bestand.");
            }

            var info = new FileInfo(pad);
            if (!info.Exists)
            {
                return Resultaat<byte[]>.Mislukt("BESTAND", "Het bestand bestaat niet.");
            }

            if (Berichtgrootte.Controleer(info.Length, maxBytes) is { } teGroot)
            {
                return Resultaat<byte[]>.Mislukt(teGroot);
            }

            return Resultaat<byte[]>.Ok(File.ReadAllBytes(pad));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Resultaat<byte[]>.Mislukt("BESTAND", "Het bestand bestaat niet.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Resultaat<byte[]>.Mislukt("BESTAND", $"Kan het bestand niet lezen: {e.Message}");
        }
    }
}

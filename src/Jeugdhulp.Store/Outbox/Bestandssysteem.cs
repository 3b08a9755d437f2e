using System.Runtime.InteropServices;

namespace Jeugdhulp.Store.Outbox;

/// <summary>
/// fsync of a folder, so that a rename in it survives a power cut. .NET has no API for it (a folder
/// cannot be opened as a FileStream), so this calls the C library on Linux and macOS.
/// </summary>
internal static partial class Bestandssysteem
{
    private const int OpenAlleenLezen = 0;

    public static void SyncMap(string map)
    {
        if (OperatingSystem.IsWindows())
        {
            // NTFS journals metadata; there is no folder handle to flush.
            return;
        }

        var fd = Open(map, OpenAlleenLezen);
        if (fd < 0)
        {
            throw new IOException($"Kan map '{map}' niet openen om te synchroniseren (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync van map '{map}' mislukte (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string pad, int vlaggen);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

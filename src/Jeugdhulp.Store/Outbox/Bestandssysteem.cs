using System.Runtime.InteropServices;

namespace Jeugdhulp.Store.Outbox;

/// <summary>
/// What .NET does not offer for durable files: fsync of a folder (so that a rename in it survives a power
/// cut; a folder cannot be opened as a FileStream) and Linux's syncfs (flush every dirty file of one file
/// system in one call). Calls the C library on Linux and macOS.
/// </summary>
internal static partial class Bestandssysteem
{
    private const int OpenAlleenLezen = 0;

    /// <summary>True where <see cref="SyncBestandssysteem"/> exists (Linux); elsewhere flush each file.</summary>
    public static bool KanHeelBestandssysteemSynchroniseren => OperatingSystem.IsLinux();

    /// <summary>Flushes all written data of the file system holding <paramref name="map"/> and waits for it.</summary>
    public static void SyncBestandssysteem(string map) => MetMap(map, fd => SyncFs(fd), "syncfs");

    /// <summary>Makes the entries (creations, renames) of <paramref name="map"/> durable.</summary>
    public static void SyncMap(string map)
    {
        if (OperatingSystem.IsWindows())
        {
            // NTFS journals metadata; there is no folder handle to flush.
            return;
        }

        MetMap(map, fd => Fsync(fd), "fsync");
    }

    private static void MetMap(string map, Func<int, int> actie, string naam)
    {
        var fd = Open(map, OpenAlleenLezen);
        if (fd < 0)
        {
            throw new IOException($"Kan map '{map}' niet openen om te synchroniseren (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (actie(fd) != 0)
            {
                throw new IOException($"{naam} van map '{map}' mislukte (errno {Marshal.GetLastPInvokeError()}).");
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

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

namespace Jeugdhulp.Store;

/// <summary>
/// The data folder holds client data in clear text (the database with BSNs, the received messages, the
/// answer files) and the keys: what the store creates there is readable by the service's own user only —
/// folders 0700, files 0600 — whatever the process umask. Existing folders and files keep their mode (an
/// operator may have chosen a group on purpose). On Windows the folder's inherited ACL applies.
/// </summary>
public static class PriveBestanden
{
    /// <summary>rwx for the owner, nothing for group and others.</summary>
    public const UnixFileMode Map = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw for the owner, nothing for group and others.</summary>
    public const UnixFileMode Bestand = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="pad"/> and any missing parents as 0700; an existing folder is left as it is.</summary>
    public static DirectoryInfo MaakMap(string pad) =>
        OperatingSystem.IsWindows() ? Directory.CreateDirectory(pad) : Directory.CreateDirectory(pad, Map);

    /// <summary>Opens <paramref name="pad"/> for writing, unbuffered; a file it creates is 0600.</summary>
    public static FileStream OpenOmTeSchrijven(string pad, FileMode modus)
    {
        var opties = new FileStreamOptions { Mode = modus, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            opties.UnixCreateMode = Bestand;
        }

        return new FileStream(pad, opties);
    }
}

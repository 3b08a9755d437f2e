namespace Jeugdhulp.Ijw.Tests;

/// <summary>Where the repository, the shared official XSDs and the golden files are.</summary>
internal static class Paden
{
    public static string RepoRoot { get; } = VindRepoRoot();

    public static string XsdMap => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "ijw-xsd"));

    public static string VoorbeeldenMap => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "examples"));

    public static string GoldenMap => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static string GoldenBronMap => Path.Combine(RepoRoot, "tests", "Jeugdhulp.Ijw.Tests", "Golden");

    private static string VindRepoRoot()
    {
        var map = new DirectoryInfo(AppContext.BaseDirectory);
        while (map is not null && !File.Exists(Path.Combine(map.FullName, "Jeugdhulp.slnx")))
        {
            map = map.Parent;
        }

        return map?.FullName ?? throw new InvalidOperationException("Jeugdhulp.slnx niet gevonden boven " + AppContext.BaseDirectory);
    }
}

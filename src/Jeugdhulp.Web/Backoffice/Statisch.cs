using Microsoft.Extensions.FileProviders;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// The files under <c>wwwroot</c> (stylesheet, assets), embedded in the assembly: <c>jeugdhulp serve</c>
/// and the tests' hosts serve the same files without a content root or a published wwwroot.
/// </summary>
internal static class Statisch
{
    public static IFileProvider Bestanden { get; } = new EmbeddedFileProvider(typeof(Statisch).Assembly, "Jeugdhulp.Web.wwwroot");
}

namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>
/// One host with <see cref="Conversiedata"/> for all tests of a class (<c>IClassFixture&lt;Conversiehost&gt;</c>), as
/// <see cref="Demohost"/> is for the demo: only for tests that leave the conversion work as they found it; a test that
/// closes a work item does so on a host of its own.
/// </summary>
public sealed class Conversiehost : IDisposable
{
    public Conversiehost() => Conversiedata.Laad(Fabriek.Backoffice);

    public Webfabriek Fabriek { get; } = new();

    public void Dispose() => Fabriek.Dispose();
}

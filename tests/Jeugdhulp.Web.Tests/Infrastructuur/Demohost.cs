namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>
/// One host with <see cref="Demodata"/> for all tests of a class (<c>IClassFixture&lt;Demohost&gt;</c>): starting a host
/// and loading the demo costs more than most page tests themselves. Only for classes whose tests leave the shared state
/// as they found it for each other: a test that changes an account, the throttle of a name or an item another test
/// reads uses an account or item of its own (or a host of its own).
/// </summary>
public sealed class Demohost : IDisposable
{
    public Demohost() => Demodata.Laad(Fabriek.Backoffice);

    public Webfabriek Fabriek { get; } = new();

    public void Dispose() => Fabriek.Dispose();
}

namespace Jeugdhulp.Web.Tests.Api;

/// <summary>
/// One <see cref="ApiOmgeving"/> for the tests of a class that leave no state another test reads
/// (<c>IClassFixture&lt;Apihost&gt;</c>): refusals, document reads, requests with a token of their own. A test that
/// sends a message the others could see, or looks at what the store holds, keeps a host of its own. The access log
/// is checked for BSNs when the class is done, over all its requests.
/// </summary>
public sealed class Apihost : IDisposable
{
    internal ApiOmgeving Omgeving { get; } = new();

    public void Dispose() => Omgeving.Dispose();
}

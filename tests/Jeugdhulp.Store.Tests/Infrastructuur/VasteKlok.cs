namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>A clock that says what the test tells it.</summary>
public sealed class VasteKlok(DateTimeOffset nu) : TimeProvider
{
    public DateTimeOffset Nu { get; set; } = nu;

    public override DateTimeOffset GetUtcNow() => Nu;
}

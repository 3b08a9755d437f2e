using Xunit.Abstractions;
using Xunit.Sdk;

namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>
/// A fact of a store test. The tests live in an abstract class per unit with one subclass per database;
/// on a subclass marked <see cref="PostgresAttribute"/> the fact is skipped with a visible reason when no
/// PostgreSQL server is configured (and CI is not set, see <see cref="PostgresOmgeving"/>).
/// </summary>
[XunitTestCaseDiscoverer("Jeugdhulp.Store.Tests.Infrastructuur.StoreFactDiscoverer", "Jeugdhulp.Store.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>
/// Marks the PostgreSQL subclass of a store test class. Its tests carry the traits <c>Database=PostgreSQL</c> and
/// <c>Baan=Traag</c>: the everyday lane (<c>--filter "Baan!=Traag"</c>) runs every store test once, on SQLite, with no
/// server needed; the full run (the README's test command, CI) runs them on PostgreSQL as well. Each PostgreSQL
/// test migrates a schema of its own on a server, which is most of the suite's time on 2 cores.
/// </summary>
[TraitDiscoverer("Jeugdhulp.Store.Tests.Infrastructuur.PostgresTraitDiscoverer", "Jeugdhulp.Store.Tests")]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PostgresAttribute : Attribute, ITraitAttribute;

/// <summary>The traits of <see cref="PostgresAttribute"/>.</summary>
public sealed class PostgresTraitDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute) =>
        [new("Baan", "Traag"), new("Database", "PostgreSQL")];
}

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private static int gemeld;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod,
        IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        var isPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(PostgresAttribute)).Any();
        if (isPostgres && PostgresOmgeving.SkipReden is { } reden)
        {
            // Once per run, in the runner's output (xunit.runner.json enables diagnostic messages).
            if (Interlocked.Exchange(ref gemeld, 1) == 0)
            {
                DiagnosticMessageSink.OnMessage(new DiagnosticMessage(reden));
            }

            return
            [
                new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                    discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reden),
            ];
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}

using System.Globalization;

namespace Jeugdhulp.Store.Tests.Crash;

/// <summary>
/// Entry point of this assembly when started as a separate process by the crash test (the test host
/// never calls it): <c>dotnet Jeugdhulp.Store.Tests.dll verwerk DATADIR CONNSTRING|- AANTAL BATCH</c>.
/// Prints "midden N" when batch N is done but not committed (then dawdles a moment, like a slow
/// decision, so that a kill lands there) and "gecommit N" after the commit.
/// </summary>
public static class Werker
{
    public static int Main(string[] args)
    {
        if (args is not ["verwerk", var dataMap, var verbinding, var aantal, var batch])
        {
            Console.Error.WriteLine("gebruik: verwerk DATADIR CONNSTRING|- AANTAL BATCH");
            return 2;
        }

        var opties = new StoreOpties(dataMap, verbinding == "-" ? null : verbinding, Verwerkingssimulatie.AuditSleutel);
        using var opslag = Datastore.Open(opties).Waarde;
        Verwerkingssimulatie.Verwerk(opslag, Verwerkingssimulatie.Berichten(int.Parse(aantal, CultureInfo.InvariantCulture)),
            int.Parse(batch, CultureInfo.InvariantCulture), melding =>
            {
                Console.Out.WriteLine(melding);
                Console.Out.Flush();
                if (melding.StartsWith("midden", StringComparison.Ordinal))
                {
                    Thread.Sleep(50);
                }
            });
        return 0;
    }
}

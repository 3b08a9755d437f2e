using System.Globalization;

namespace Jeugdhulp.Store.Tests.Crash;

/// <summary>
/// Entry point of this assembly when started as a separate process by the crash test (the test host
/// never calls it): <c>dotnet Jeugdhulp.Store.Tests.dll verwerk DATADIR CONNSTRING|- AANTAL BATCH</c>.
/// Prints "midden N" when batch N is done but not committed (then waits for a line on its input, so that a kill
/// lands there) and "gecommit N" after the commit.
/// </summary>
public static class Werker
{
    public static int Main(string[] args)
    {
        if (args is ["conversie", var map, var db, var hoeveel])
        {
            return Conversie(map, db, int.Parse(hoeveel, CultureInfo.InvariantCulture));
        }

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
                    // Wait for the test to say go on, so its kill always lands here (a fixed pause of 50 ms was missed
                    // under load, and the batch committed). A closed input (no test on the other end) goes on too.
                    _ = Console.In.ReadLine();
                }
            });
        return 0;
    }

    /// <summary>
    /// <c>conversie DATADIR CONNSTRING|- AANTAL</c>: imports the generated export, plans and executes the
    /// conversion, printing "client N" after each client's commit and dawdling a moment so a kill lands mid-run.
    /// </summary>
    private static int Conversie(string dataMap, string verbinding, int aantal)
    {
        var opties = new StoreOpties(dataMap, verbinding == "-" ? null : verbinding, Verwerkingssimulatie.AuditSleutel);
        using var opslag = Datastore.Open(opties).Waarde;
        Jeugdhulp.Store.Tests.Conversie.Conversiesimulatie.Importeer(opslag, Jeugdhulp.Store.Tests.Conversie.Conversiesimulatie.Csv(aantal));
        Jeugdhulp.Store.Conversie.ConversieUitvoeren.VoerConversieUit(opslag, Jeugdhulp.Store.Tests.Conversie.Conversiesimulatie.Plan(opslag),
            Path.Combine(dataMap, "outbox"), (gedaan, _) =>
            {
                Console.Out.WriteLine($"client {gedaan}");
                Console.Out.Flush();
                Thread.Sleep(2);
            });
        return 0;
    }
}

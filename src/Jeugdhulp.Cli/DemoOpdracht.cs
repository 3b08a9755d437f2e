namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp demo --data MAP [--db VERBINDING]</c>: a working backoffice from the shipped demo data in one
/// step. Imports <c>demo/contracten.csv</c> and <c>demo/inwoners.csv</c>, then processes
/// <c>demo/berichten/</c> as on <see cref="Verwerkingsdatum"/> — through the same import and process
/// commands a municipality uses, so the demo shows the real path. Running it again changes nothing: the
/// imports replace what they cover and the messages are re-deliveries answered as before.
/// </summary>
internal static class DemoOpdracht
{
    /// <summary>The demo messages are dated 2027-03-01; they are processed a few days later.</summary>
    public const string Verwerkingsdatum = "2027-03-05";

    private const string GebruikTekst = "--data MAP [--db VERBINDING]";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--db"], []);
        var data = a.Vereist("--data");
        if (a.Posities.Count > 0)
        {
            a.Fouten.Add($"onverwacht argument '{a.Posities[0]}'");
        }

        var demo = RegelMap.ZoekOpwaarts("demo");
        if (demo is null)
        {
            a.Fouten.Add("geen map demo/ gevonden (start vanuit de repository)");
        }

        if (a.Fouten.Count > 0 || demo is null)
        {
            return a.MeldGebruiksfouten("demo", GebruikTekst, fout);
        }

        string[] db = a.Optie("--db") is { } verbinding ? ["--db", verbinding] : [];
        foreach (var soort in new[] { "contracten", "inwoners" })
        {
            var code = ImportOpdracht.Run([soort, Path.Combine(demo, soort + ".csv"), "--data", data, .. db], uit, fout);
            if (code != ExitCodes.Ok)
            {
                return code;
            }
        }

        uit.WriteLine($"Berichten uit {Path.Combine(demo, "berichten")}, verwerkt op {Verwerkingsdatum}:");
        var verwerkt = ProcessOpdracht.Run(["--data", data, "--today", Verwerkingsdatum, .. db, Path.Combine(demo, "berichten")], uit, fout);
        uit.WriteLine();
        uit.WriteLine($"Antwoorden staan in {Path.Combine(data, "outbox")}.");
        uit.WriteLine("Verzoeken met 'review' wachten op een medewerker. Beslis er een met bijvoorbeeld:");
        uit.WriteLine($"  jeugdhulp besluit --data {data} --referentie DEMO-0002 --toekennen");
        return verwerkt;
    }
}

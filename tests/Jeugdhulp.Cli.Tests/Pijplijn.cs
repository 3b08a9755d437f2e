using System.Text.Json;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Ijw.Tests;

namespace Jeugdhulp.Cli.Tests;

/// <summary>Test plumbing for the pipeline commands: a data folder with the demo data, message builders, runs.</summary>
internal sealed class Pijplijn : IDisposable
{
    public const string Aanbieder = "01234567";
    public const string Gemeente = "0171";

    public Pijplijn()
    {
        Map = Directory.CreateTempSubdirectory("jeugdhulp-pijplijn-").FullName;
        Data = Path.Combine(Map, "data");
        Invoer = Path.Combine(Map, "in");
        Directory.CreateDirectory(Invoer);
    }

    public string Map { get; }

    public string Data { get; }

    public string Invoer { get; }

    public string Outbox => Path.Combine(Data, "outbox");

    public static string Demo(string naam) => Path.Combine(Paden.RepoRoot, "demo", naam);

    public static string Voorbeeld(string naam) => Path.Combine(Paden.VoorbeeldenMap, naam);

    public void Dispose() => Directory.Delete(Map, recursive: true);

    /// <summary>Runs <c>jeugdhulp ARGS</c> in-process, on the system clock and with empty standard input.</summary>
    public static (int Code, string Uit, string Fout) Run(params string[] args) => Run(TextReader.Null, args);

    /// <summary>Runs <c>jeugdhulp ARGS</c> in-process with <paramref name="invoer"/> as standard input.</summary>
    public static (int Code, string Uit, string Fout) Run(TextReader invoer, params string[] args)
    {
        using var uit = new StringWriter();
        using var fout = new StringWriter();
        var code = Program.Run(args, uit, fout, invoer, TimeProvider.System);
        return (code, uit.ToString(), fout.ToString());
    }

    /// <summary>Imports the demo contracts and residents.</summary>
    public Pijplijn MetDemo()
    {
        Assert.Equal(0, Run("import", "contracten", Demo("contracten.csv"), "--data", Data).Code);
        Assert.Equal(0, Run("import", "inwoners", Demo("inwoners.csv"), "--data", Data).Code);
        return this;
    }

    /// <summary>Runs <c>process --json</c> and parses one JSON object per line.</summary>
    public (int Code, List<JsonElement> Regels, string Fout) Verwerk(string vandaag, params string[] paden)
    {
        var (code, uit, fout) = Run(["process", "--data", Data, "--today", vandaag, "--json", .. paden]);
        var regels = uit.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => JsonDocument.Parse(r).RootElement.Clone()).ToList();
        return (code, regels, fout);
    }

    public string Schrijf(string naam, byte[] inhoud)
    {
        var pad = Path.Combine(Invoer, naam);
        File.WriteAllBytes(pad, inhoud);
        return pad;
    }

    public string Schrijf(string naam, string inhoud) => Schrijf(naam, System.Text.Encoding.UTF8.GetBytes(inhoud));

    public string[] OutboxBestanden() =>
        Directory.Exists(Outbox) ? [.. Directory.GetFiles(Outbox).Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];

    /// <summary>Every outbox file validates against the official XSDs.</summary>
    public void OutboxIsXsdGeldig()
    {
        foreach (var pad in Directory.GetFiles(Outbox))
        {
            Assert.True(XsdValidatie.Fouten(File.ReadAllBytes(pad)) is [], $"{Path.GetFileName(pad)}: {string.Join("; ", XsdValidatie.Fouten(File.ReadAllBytes(pad)))}");

            // Our answers also pass the level-2 rules a receiver runs (dates are checked against a late reception date).
            var validatie = Ijw.Controles.IjwValidatie.Valideer(File.ReadAllBytes(pad), new DateOnly(2099, 12, 31));
            Assert.True(validatie.IsGeldig, $"{Path.GetFileName(pad)}: {string.Join("; ", validatie.Fouten)}");
        }
    }

    public static Header Kop(Berichtsoort soort, string identificatie, DateOnly dagtekening) =>
        Header.Voor(soort, Aanbieder, Gemeente, new BerichtIdentificatie(identificatie, dagtekening));

    public static AangevraagdProduct Product(string referentie, string code, DateOnly begin, DateOnly? eind, long minuten, string verwijzer = "02") =>
        new(referentie, null, new Product("45", code), null, begin, eind, new Omvang(minuten, "01", "6"), null,
            new Verwijzer(verwijzer, null, verwijzer is "02" or "03" or "05" ? "01999999" : null), null, null);

    public static byte[] Jw315(string identificatie, string bsn, DateOnly geboortedatum, params AangevraagdProduct[] producten) =>
        IjwSchrijver.Schrijf(new VerzoekOmToewijzingBericht(Berichtsoort.JW315, Kop(Berichtsoort.JW315, identificatie, new DateOnly(2027, 3, 1)),
            new VerzoekOmToewijzingClient(bsn, new Geboortedatum(geboortedatum, null), "1",
                new VerkorteNaam(new Achternaam("Vries", "de"), null, "J"), null, null, producten)));

    public static byte[] Jw317(string identificatie, string bsn, string referentie, long nummer, DateOnly ingang, DateOnly eind, long minuten) =>
        IjwSchrijver.Schrijf(new VerzoekOmWijzigingBericht(Berichtsoort.JW317, Kop(Berichtsoort.JW317, identificatie, new DateOnly(2027, 3, 20)),
            new VerzoekOmWijzigingClient(bsn, new Verzoek(referentie, "1", [],
                [new TeWijzigenProduct(nummer, ingang, eind, new Omvang(minuten, "01", "6"), null)], []))));

    public static byte[] Jw305(string identificatie, string bsn, DateOnly geboortedatum, long nummer, DateOnly begin, string status = "1") =>
        IjwSchrijver.Schrijf(new StartBericht(Berichtsoort.JW305, Kop(Berichtsoort.JW305, identificatie, new DateOnly(2027, 3, 20)),
            new StartClient(bsn, new Geboortedatum(geboortedatum, null), "1", new VerkorteNaam(new Achternaam("Vries", "de"), null, "J"),
                [new StartProduct(nummer, new Product("45", "45F11"), null, begin, status)])));

    public static byte[] Jw307(string identificatie, string bsn, DateOnly geboortedatum, long nummer, DateOnly begin, DateOnly eind, string reden) =>
        IjwSchrijver.Schrijf(new StopBericht(Berichtsoort.JW307, Kop(Berichtsoort.JW307, identificatie, new DateOnly(2027, 6, 1)),
            new StopClient(bsn, new Geboortedatum(geboortedatum, null), "1", new VerkorteNaam(new Achternaam("Vries", "de"), null, "J"),
                [new StopProduct(nummer, new Product("45", "45F11"), null, begin, reden, eind, "1")])));

    public static byte[] Jw323(string identificatie, string bsn, long nummer, string code, DateOnly van, DateOnly tot) =>
        IjwSchrijver.Schrijf(new Declaratiebericht(Kop(Berichtsoort.JW323, identificatie, tot.AddDays(2)),
            new Declaratie("DN" + identificatie.Replace("-", "", StringComparison.Ordinal), new GeslotenPeriode(van, tot), tot.AddDays(2), new BedragMetDc(17500, "D"),
                [new DeclaratieClient(bsn, [new Prestatie(new ProductReferentie("P-" + identificatie, null), nummer, "45", code,
                    new GeslotenPeriode(van, tot), 100, "01", 175, new BedragMetDc(17500, "D"))])])));
}

using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Import;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Demo;

/// <summary>
/// Generates a synthetic region and runs it through the real backoffice: the municipalities of the rule
/// data, providers with contracts on the lots those municipalities take part in, households of residents,
/// and a stream of JW315/JW317/JW305/JW307/JW323 over the simulated months, each day processed by
/// <see cref="BerichtVerwerken"/> on that day's date. Writes into <see cref="RegioOpties.DataMap"/>:
/// <c>contracten.csv</c>, <c>inwoners.csv</c>, <c>aanbieders.csv</c>, <c>berichten/DAG/*.xml</c> (what the
/// providers sent), <c>outbox/</c> (the answers), <c>noshows.csv</c> and <c>samenvatting.txt</c> — without the two
/// folders when <see cref="RegioOpties.ZonderBestanden"/> (the messages and answers then only in the store). Same
/// options, same bytes.
/// </summary>
public static class Regiogenerator
{
    /// <summary>The file that records which region a data folder holds.</summary>
    public const string Kenmerkbestand = "regio.txt";

    /// <summary>The summary file written at the end of a run.</summary>
    public const string Samenvattingbestand = "samenvatting.txt";

    /// <summary>The folder in the data folder with example messages to send to the service (see <c>LEESMIJ.txt</c> in it).</summary>
    public const string Voorbeeldmap = Simulatie.Voorbeeldmap;

    /// <summary>The file in <see cref="Voorbeeldmap"/> that holds the AGB code of the examples' provider.</summary>
    public const string VoorbeeldAanbiederbestand = "aanbieder.txt";

    /// <summary>Error code: this exact region was already generated in the folder (nothing was changed).</summary>
    public const string BestaatCode = "DEMO-BESTAAT";

    /// <summary>
    /// Largest number of clients accepted; the cap was 200,000 until 800,000 clients × 1 month had been tried (session 17:
    /// 1.31 million messages, peak 5.8 GiB). Each client has one trajectory in the period, so the messages follow the clients,
    /// not the months: a year brings ~4.0 messages a client (session 18, docs/WATALS.md), and issue 20's national year of 10
    /// million messages would need ~2.5 million clients — not raised to that before such a run fits a session. A national
    /// year is many regions, so it is generated as several stores with different seeds instead (session 19: three, 10.1
    /// million messages, bench/RESULTS.md): one core each, side by side.
    /// </summary>
    public const int MaxClienten = 1_000_000;

    /// <summary>Largest number of months accepted.</summary>
    public const int MaxMaanden = 36;

    /// <summary>Generates and processes the region; a coded error when the options or the folder do not allow it.</summary>
    public static Resultaat<Regioverslag> Genereer(RegioOpties opties)
    {
        ArgumentNullException.ThrowIfNull(opties);
        if (opties.Clienten is < 1 or > MaxClienten)
        {
            return Resultaat<Regioverslag>.Mislukt("DEMO-OPTIE", $"het aantal cliënten moet tussen 1 en {MaxClienten} liggen, niet {opties.Clienten}");
        }

        if (opties.Maanden is < 1 or > MaxMaanden)
        {
            return Resultaat<Regioverslag>.Mislukt("DEMO-OPTIE", $"het aantal maanden moet tussen 1 en {MaxMaanden} liggen, niet {opties.Maanden}");
        }

        var kenmerk = string.Create(CultureInfo.InvariantCulture,
            $"regio {opties.Regels.Regio} {opties.Regels.Versie}; zaad {opties.Zaad}; clienten {opties.Clienten}; maanden {opties.Maanden}; start {opties.Start:yyyy-MM-dd}{(opties.ZonderBestanden ? "; zonder bestanden" : "")}\n");
        var kenmerkPad = Path.Combine(opties.DataMap, Kenmerkbestand);
        if (File.Exists(kenmerkPad))
        {
            // A run depends on the answers of the days before it, so it is not resumed or repeated in place:
            // offering the same days again would turn staff decisions and answers into other messages.
            return File.ReadAllText(kenmerkPad) == kenmerk && File.Exists(Path.Combine(opties.DataMap, Samenvattingbestand))
                ? Resultaat<Regioverslag>.Mislukt(BestaatCode, $"deze regio is hier al gegenereerd; de samenvatting staat in {Samenvattingbestand}", opties.DataMap)
                : Resultaat<Regioverslag>.Mislukt("DEMO-MAP", $"de map bevat al een (andere of onderbroken) gegenereerde regio ({File.ReadAllText(kenmerkPad).Trim()}); kies een lege map", opties.DataMap);
        }

        if (Directory.Exists(opties.DataMap) && Directory.EnumerateFileSystemEntries(opties.DataMap).Any())
        {
            return Resultaat<Regioverslag>.Mislukt("DEMO-MAP", "de map is niet leeg en bevat geen gegenereerde regio; kies een lege map", opties.DataMap);
        }

        // The service's data folder (serve --demo): for its user only, as the store creates it (docs/SECURITY.md).
        PriveBestanden.MaakMap(opties.DataMap);
        File.WriteAllText(kenmerkPad, kenmerk);

        var eind = opties.Start.AddMonths(opties.Maanden).AddDays(-1);
        var verslag = new Regioverslag(opties, eind);
        var toeval = new Toeval(unchecked((ulong)opties.Zaad * 0x9E3779B97F4A7C15UL) ^ 0x4A65756764687570UL);
        var regels = opties.Regels.OpDatum(opties.Start);
        if (!regels.Gemeenten.Any() || !regels.Producten.Any())
        {
            return Resultaat<Regioverslag>.Mislukt("DEMO-REGELS", $"de regels hebben op {opties.Start:yyyy-MM-dd} geen gemeenten of producten");
        }

        opties.Voortgang?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[1/4] regio opbouwen: {opties.Clienten} cliënten, {opties.Maanden} maand(en) vanaf {opties.Start:yyyy-MM-dd}, zaad {opties.Zaad} …"));
        var t0 = Generatorfasen.Start();
        var regio = Regio.Maak(regels, toeval.Tak("regio"), opties.Clienten, opties.Start);
        var casussen = Casussen.Maak(regio, toeval.Tak("casussen"), opties.Clienten, eind);
        // 24-hour care (docs/VERBLIJF.md, "The demo region") after the rest, from its own branches of the seed.
        regio.MaakSamenwerkingsverband(toeval.Tak("samenwerkingsverband"));
        var verblijf = Verblijfcasussen.Maak(regio, toeval.Tak("verblijf"), opties.Clienten, opties.Maanden, eind);

        Generatorfasen.Stop(Generatorfasen.Fase.Opbouw, t0);
        t0 = Generatorfasen.Start();
        var contracten = regio.ContractenCsv();
        var inwoners = regio.InwonersCsv();
        File.WriteAllText(Path.Combine(opties.DataMap, "contracten.csv"), contracten);
        File.WriteAllText(Path.Combine(opties.DataMap, "inwoners.csv"), inwoners);
        File.WriteAllText(Path.Combine(opties.DataMap, "aanbieders.csv"), regio.AanbiedersCsv());

        // The store is opened per simulated day with that day's clock, as `process --today` does. Its commits are not
        // synced one by one (a staff decision or a 24-hour step is a commit of its own, and its fsync was a third of the
        // run): a generator that stops halfway is started again in an empty folder (the kenmerk above refuses to go on),
        // so it needs the region durable when it is done, not each commit; the same rows are written either way. The day's
        // store keeps its sessions (StoreOpties.SessiesHouden): each staff decision and 24-hour step begins a transaction on
        // the store, which compiled its statements anew on a connection of its own each time.
        Resultaat<Datastore> Open(DateOnly dag)
        {
            var keuze = StoreOpties.Kies(opties.DataMap, opties.Verbinding, Environment.GetEnvironmentVariable);
            return keuze.TryGet(out var o)
                ? Datastore.Open(o with { DuurzaamPerCommit = opties.DuurzaamPerCommit, SessiesHouden = true }, new VasteKlok(dag))
                : Resultaat<Datastore>.Mislukt(keuze.Fouten);
        }

        var import = Importeer(Open(opties.Start), contracten, inwoners);
        Generatorfasen.Stop(Generatorfasen.Fase.Import, t0);
        if (!import.IsGeldig)
        {
            return Resultaat<Regioverslag>.Mislukt(import.Fouten);
        }

        verslag.Aanbieders = regio.Aanbieders.Count;
        verslag.Contracten = regio.Contracten.Count;
        verslag.Huishoudens = regio.Huishoudens.Count;
        verslag.Inwoners = regio.Huishoudens.Sum(h => h.Leden.Count(l => l.InRegister));
        opties.Voortgang?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[2/4] contracten en inwoners ingelezen: {verslag.Aanbieders} aanbieders, {verslag.Contracten} contractregels, {verslag.Huishoudens} huishoudens, {verslag.Inwoners} inwoners; {casussen.Count} zorgtrajecten gepland."));

        // The run's pipeline takes part in the 24-hour lots the rule data leaves empty (Verblijfdeelname); the region above
        // was built from the rules as they are, so the ambulatory part is what it was.
        var simulatie = new Simulatie(opties with { Regels = Verblijfdeelname.Voeg(opties.Regels, opties.Start) }, regio, toeval.Tak("simulatie"), Open, verslag, eind);
        simulatie.PlanVerblijf(verblijf, toeval.Tak("verblijf-simulatie"));
        simulatie.Draai(casussen);
        if (!opties.DuurzaamPerCommit && Open(eind).TryGet(out var laatste))
        {
            using (laatste)
            {
                laatste.MaakDuurzaam();
            }
        }

        t0 = Generatorfasen.Start();
        verslag.Verwerkingsdatum = new Werkdagenkalender(opties.Regels.ExtraVrijeDagen).Plus(eind, 1);
        simulatie.TelVerblijftermijnen(verslag.Verwerkingsdatum);
        simulatie.SchrijfVoorbeelden(verslag.Verwerkingsdatum);
        File.WriteAllText(Path.Combine(opties.DataMap, "noshows.csv"), NoShowsCsv(verslag.NoShows));
        File.WriteAllText(Path.Combine(opties.DataMap, Samenvattingbestand), verslag.Tekst());
        Generatorfasen.Stop(Generatorfasen.Fase.Afronding, t0);
        opties.Voortgang?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[4/4] samenvatting en {verslag.Voorbeelden.Count} voorbeeldberichten geschreven."));
        return Resultaat<Regioverslag>.Ok(verslag);
    }

    private static Resultaat<bool> Importeer(Resultaat<Datastore> geopend, string contracten, string inwoners)
    {
        if (!geopend.TryGet(out var store))
        {
            return Resultaat<bool>.Mislukt(geopend.Fouten);
        }

        using (store)
        {
            var c = ContractenCsv.Lees(contracten);
            if (!c.TryGet(out var cs))
            {
                return Resultaat<bool>.Mislukt(c.Fouten);
            }

            var i = InwonersCsv.Lees(inwoners);
            if (!i.TryGet(out var ins))
            {
                return Resultaat<bool>.Mislukt(i.Fouten);
            }

            var rc = store.ImporteerContracten(cs);
            if (!rc.IsGeldig)
            {
                return Resultaat<bool>.Mislukt(rc.Fouten);
            }

            var ri = store.ImporteerInwoners(ins);
            return ri.IsGeldig ? Resultaat<bool>.Ok(true) : Resultaat<bool>.Mislukt(ri.Fouten);
        }
    }

    private static string NoShowsCsv(IEnumerable<NoShow> noShows)
    {
        var sb = new StringBuilder("datum,gemeld,aanbieder,gemeente,bsn,toewijzingnummer,productcode,volgnummer\n");
        foreach (var n in noShows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{n.Datum:yyyy-MM-dd},{n.Gemeld:yyyy-MM-dd},{n.Aanbieder},{n.Gemeente},{n.Bsn},{n.ToewijzingNummer},{n.Productcode},{n.Volgnummer}\n");
        }

        return sb.ToString();
    }
}

using System.Globalization;
using System.Text;

namespace Jeugdhulp.Demo;

/// <summary>
/// What a generated region run produced, counted from the pipeline's own reports and answer files (not from
/// what the generator intended), plus the deliberate deviations the providers made, for comparison.
/// </summary>
public sealed class Regioverslag
{
    private static readonly string[] Berichtsoorten = ["JW315", "JW317", "JW305", "JW307", "JW323"];
    private static readonly string[] Meldingsoorten = ["JW305", "JW307", "JW323"];

    internal Regioverslag(RegioOpties opties, DateOnly eind)
    {
        Opties = opties;
        Eind = eind;
    }

    /// <summary>The options of the run.</summary>
    public RegioOpties Opties { get; }

    /// <summary>The last simulated day.</summary>
    public DateOnly Eind { get; }

    /// <summary>The first werkdag after the run: the date to process and look at the region on (the hints use it).</summary>
    public DateOnly Verwerkingsdatum { get; internal set; }

    /// <summary>The provider whose example messages are in <c>voorbeelden/</c>, or null.</summary>
    public string? VoorbeeldAanbieder { get; internal set; }

    /// <summary>The example messages written into <c>voorbeelden/</c> (file names).</summary>
    public List<string> Voorbeelden { get; } = [];

    /// <summary>Number of providers, contracts, households and residents in the register.</summary>
    public int Aanbieders { get; internal set; }

    /// <summary>Contract lines.</summary>
    public int Contracten { get; internal set; }

    /// <summary>Households.</summary>
    public int Huishoudens { get; internal set; }

    /// <summary>Residents in the register (inwoners.csv).</summary>
    public int Inwoners { get; internal set; }

    /// <summary>Messages sent per type (JW315 …).</summary>
    public SortedDictionary<string, int> Verstuurd { get; } = new(StringComparer.Ordinal);

    /// <summary>Declaration lines (prestaties) sent.</summary>
    public int Declaratieregels { get; internal set; }

    /// <summary>File outcomes per type: "JW305 accepted" → count.</summary>
    public SortedDictionary<string, int> Uitkomsten { get; } = new(StringComparer.Ordinal);

    /// <summary>Engine decisions on JW315 product requests: approved, rejected, review.</summary>
    public SortedDictionary<string, int> Jw315Besluiten { get; } = new(StringComparer.Ordinal);

    /// <summary>Engine decisions on JW317 requests.</summary>
    public SortedDictionary<string, int> Jw317Besluiten { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The kinds of JW317 the providers send: the four the seed names (end date moved, HK-317-5; more or fewer
    /// minutes and a step to another Multi form, HK-317-7; individual to group, HK-317-6), then a deliberate
    /// move further than allowed.
    /// </summary>
    public static IReadOnlyList<string> Jw317Soortnamen { get; } =
        ["einddatum verschuiven", "omvang wijzigen", "individueel naar groep", "op- of afschalen Multi", "einddatum te ver verschoven"];

    /// <summary>JW317s sent per kind of change (end date, volume, individual to group, Multi step, end date too far).</summary>
    public SortedDictionary<string, int> Jw317Soorten { get; } = new(StringComparer.Ordinal);

    /// <summary>Rejections per RedenAfwijzingVerzoek (JW315 and JW317).</summary>
    public SortedDictionary<int, int> AfwijzingPerReden { get; } = [];

    /// <summary>Rule ids that sent a request to review, with how often.</summary>
    public SortedDictionary<string, int> ReviewRegels { get; } = new(StringComparer.Ordinal);

    /// <summary>Staff decisions taken in the simulation (approved, rejected).</summary>
    public int MedewerkerToegekend { get; internal set; }

    /// <summary>Staff rejections.</summary>
    public int MedewerkerAfgewezen { get; internal set; }

    /// <summary>Review items still waiting for staff at the end.</summary>
    public List<string> OpenReviews { get; } = [];

    /// <summary>Answer files per type (JW301, JW319, JW325 …), each file once.</summary>
    public SortedDictionary<string, int> Antwoorden { get; } = new(StringComparer.Ordinal);

    /// <summary>Retour codes on JW306/JW308 (start/stop refused) per code.</summary>
    public SortedDictionary<string, int> StartStopCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Refused declaration lines per retour code, read from the JW325s.</summary>
    public SortedDictionary<string, int> GeweigerdeRegels { get; } = new(StringComparer.Ordinal);

    /// <summary>Sum of the declared amounts, in eurocent.</summary>
    public long IngediendCent { get; internal set; }

    /// <summary>Sum of the amounts the JW325s granted, in eurocent.</summary>
    public long ToegekendCent { get; internal set; }

    /// <summary>Messages sent after their deadline per type (JW305/JW307: HK-305-1/HK-307-1; JW323: HK-323-1).</summary>
    public SortedDictionary<string, int> TeLaat { get; } = new(StringComparer.Ordinal);

    /// <summary>Messages a provider never sent (JW305, JW307, JW323).</summary>
    public SortedDictionary<string, int> NietVerstuurd { get; } = new(StringComparer.Ordinal);

    /// <summary>Deliberate deviations in requests and declarations, per kind.</summary>
    public SortedDictionary<string, int> Afwijkingen { get; } = new(StringComparer.Ordinal);

    /// <summary>Every no-show in the simulation, in date order.</summary>
    public List<NoShow> NoShows { get; } = [];

    /// <summary>No-shows the store registered through <see cref="RegioOpties.NoShowGemeld"/>.</summary>
    public int NoShowsGeregistreerd { get; internal set; }

    /// <summary>Registered no-shows that were a third (HK-NS-3): each opened a decision deadline.</summary>
    public int NoShowBesluittermijnen { get; internal set; }

    /// <summary>No-shows the store refused, per code (NS-…).</summary>
    public SortedDictionary<string, int> NoShowsGeweigerd { get; } = new(StringComparer.Ordinal);

    /// <summary>24-hour allocations the municipalities wrote themselves (HK-ROUTE-2/3), per product name.</summary>
    public SortedDictionary<string, int> Verblijftoewijzingen { get; } = new(StringComparer.Ordinal);

    /// <summary>Crisis placements recorded (HK-24-8).</summary>
    public int Crisisplaatsingen { get; internal set; }

    /// <summary>Crises whose follow-up perspective was recorded (with dialogue and regisseur).</summary>
    public int CrisisPerspectieven { get; internal set; }

    /// <summary>Crises that ended within 28 days in a follow-up placement.</summary>
    public int CrisisVervolgplaatsingen { get; internal set; }

    /// <summary>Crises meant for a follow-up whose care the provider had already stopped (an early JW307) on the day of the follow-up.</summary>
    public int CrisisEerderGestopt { get; internal set; }

    /// <summary>Meerzorg requests recorded (HK-24-10).</summary>
    public int Meerzorgaanvragen { get; internal set; }

    /// <summary>Meerzorg granted: each a Begeleiding Individueel allocation with its JW301.</summary>
    public int MeerzorgToegekend { get; internal set; }

    /// <summary>Meerzorg refused.</summary>
    public int MeerzorgAfgewezen { get; internal set; }

    /// <summary>The JW301 files of granted meerzorg (paths).</summary>
    public List<string> MeerzorgJw301 { get; } = [];

    /// <summary>Moeder-kindtoeslag uses recorded (HK-24-11).</summary>
    public int MoederKind { get; internal set; }

    /// <summary>Of those, with an amount (a tariff for the year in verblijf.json).</summary>
    public int MoederKindMetBedrag { get; internal set; }

    /// <summary>3-month reports received.</summary>
    public int MoederKindRapportages { get; internal set; }

    /// <summary>Consult requests recorded (HK-24-6).</summary>
    public int Consultaanvragen { get; internal set; }

    /// <summary>Consult outcomes recorded, per outcome.</summary>
    public SortedDictionary<string, int> Consultuitkomsten { get; } = new(StringComparer.Ordinal);

    /// <summary>Open 24-hour deadlines on <see cref="Verwerkingsdatum"/> per rule ("… te laat" when overdue).</summary>
    public SortedDictionary<string, int> Verblijftermijnen { get; } = new(StringComparer.Ordinal);

    /// <summary>Inputs the pipeline found invalid or failed on (a generator bug when not zero).</summary>
    public List<string> Problemen { get; } = [];

    internal static void Tel<TSleutel>(IDictionary<TSleutel, int> d, TSleutel sleutel, int n = 1) =>
        d[sleutel] = d.TryGetValue(sleutel, out var x) ? x + n : n;

    /// <summary>The Dutch summary for staff and demo audiences (no BSNs).</summary>
    public string Tekst()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var data = Opties.DataMap;
        sb.AppendLine(c, $"Regio gegenereerd met zaad {Opties.Zaad}: {Opties.Clienten} cliënten, {Opties.Maanden} maand(en) van {Opties.Start:yyyy-MM-dd} t/m {Eind:yyyy-MM-dd}.");
        sb.AppendLine(c, $"  {Aanbieders} aanbieders, {Contracten} contractregels, {Huishoudens} huishoudens, {Inwoners} inwoners in de administratie.");
        sb.AppendLine();
        sb.AppendLine("Verstuurd door de aanbieders:");
        foreach (var soort in Berichtsoorten)
        {
            var extra = soort switch
            {
                "JW323" => $" ({Declaratieregels} declaratieregels, {Euro(IngediendCent)} ingediend)",
                "JW317" when Jw317Soorten.Count > 0 => " (" + string.Join(", ", Jw317Soorten.Select(s => $"{s.Key} {s.Value}")) + ")",
                _ => "",
            };
            sb.AppendLine(c, $"  {soort}: {Verstuurd.GetValueOrDefault(soort)}{extra}");
        }

        sb.AppendLine();
        sb.AppendLine("Besluiten op aangevraagde producten (JW315):");
        sb.AppendLine(c, $"  toegewezen {Jw315Besluiten.GetValueOrDefault("approved")}, afgewezen {Jw315Besluiten.GetValueOrDefault("rejected")}, ter beoordeling {Jw315Besluiten.GetValueOrDefault("review")}");
        sb.AppendLine(c, $"Besluiten op verzoeken om wijziging (JW317):");
        sb.AppendLine(c, $"  toegewezen {Jw317Besluiten.GetValueOrDefault("approved")}, afgewezen {Jw317Besluiten.GetValueOrDefault("rejected")}, ter beoordeling {Jw317Besluiten.GetValueOrDefault("review")}");
        if (AfwijzingPerReden.Count > 0)
        {
            sb.AppendLine("  afgewezen per reden: " + string.Join(", ", AfwijzingPerReden.Select(r => $"reden {r.Key} ({Core.Teksten.Tekst.Reden(r.Key)}): {r.Value}")));
        }

        if (ReviewRegels.Count > 0)
        {
            sb.AppendLine("  ter beoordeling door: " + string.Join(", ", ReviewRegels.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")));
        }

        sb.AppendLine(c, $"  medewerkers besloten in de simulatie: {MedewerkerToegekend} toegekend, {MedewerkerAfgewezen} afgewezen; {OpenReviews.Count} wachten nog op een medewerker.");
        sb.AppendLine();
        sb.AppendLine("Start en stop:");
        sb.AppendLine(c, $"  JW305 aangenomen {Uitkomsten.GetValueOrDefault("JW305 accepted")}, geweigerd {Uitkomsten.GetValueOrDefault("JW305 rejected")}; JW307 aangenomen {Uitkomsten.GetValueOrDefault("JW307 accepted")}, geweigerd {Uitkomsten.GetValueOrDefault("JW307 rejected")}");
        if (StartStopCodes.Count > 0)
        {
            sb.AppendLine("  retourcodes: " + string.Join(", ", StartStopCodes.Select(r => $"{r.Key}: {r.Value}")));
        }

        sb.AppendLine();
        sb.AppendLine("Declaraties (JW323 → JW325):");
        sb.AppendLine(c, $"  {Antwoorden.GetValueOrDefault("JW325")} declaratie-antwoorden, {Euro(ToegekendCent)} toegekend van {Euro(IngediendCent)}");
        var geweigerd = GeweigerdeRegels.Values.Sum();
        sb.AppendLine("  geweigerde declaratieregels: " + geweigerd.ToString(c) + (geweigerd == 0 ? "" : " — " + string.Join(", ", GeweigerdeRegels.Select(r => $"{r.Key}: {r.Value}"))));
        sb.AppendLine();
        sb.AppendLine("Te laat verstuurd (HK-305-1, HK-307-1: 5 werkdagen; HK-323-1: uiterlijk de maand na levering):");
        sb.AppendLine("  " + string.Join(", ", Meldingsoorten.Select(s => $"{s}: {TeLaat.GetValueOrDefault(s)}")));
        sb.AppendLine("Nooit verstuurd: " + string.Join(", ", Meldingsoorten.Select(s => $"{s}: {NietVerstuurd.GetValueOrDefault(s)}")));
        sb.AppendLine();
        sb.AppendLine(c, $"No-shows (HK-NS): {NoShows.Count}, waarvan {NoShows.Count(n => n.AanGemeente)} gemeld aan de gemeente en {NoShows.Count(n => n.Pauze)} met pauze van de zorg (derde keer).");
        if (Opties.NoShowGemeld is not null)
        {
            var geweigerdNs = NoShowsGeweigerd.Values.Sum();
            var codes = geweigerdNs == 0 ? "" : " — " + string.Join(", ", NoShowsGeweigerd.Select(g => $"{g.Key}: {g.Value.ToString(c)}"));
            sb.AppendLine(c, $"  geregistreerd door de backoffice: {NoShowsGeregistreerd} (waarvan {NoShowBesluittermijnen} derde met besluittermijn HK-NS-3), geweigerd: {geweigerdNs}{codes}");
        }
        Verblijf(sb);
        if (Afwijkingen.Count > 0)
        {
            sb.AppendLine("Met opzet afwijkend verstuurd: " + string.Join(", ", Afwijkingen.Select(a => $"{a.Key} {a.Value}")));
        }

        if (Problemen.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(c, $"PROBLEMEN ({Problemen.Count}):");
            foreach (var p in Problemen.Take(20))
            {
                sb.AppendLine("  " + p);
            }
        }

        sb.AppendLine();
        sb.AppendLine("Antwoorden van de gemeenten: " + string.Join(", ", Antwoorden.Select(a => $"{a.Key} {a.Value}")));
        if (Opties.ZonderBestanden)
        {
            sb.AppendLine(c, $"Berichten en antwoorden staan alleen in de database (zonder bestanden); aanbieders halen hun antwoorden op via de API ({RegioOpties.CliAanroep} serve --data {data} --urls http://127.0.0.1:5000 --zonder-bestanden).");
        }
        else
        {
            sb.AppendLine(c, $"Antwoorden staan in {Path.Combine(data, "outbox")}; de verstuurde berichten per dag in {Path.Combine(data, "berichten")}.");
        }
        if (VoorbeeldAanbieder is not null)
        {
            sb.AppendLine(c, $"Voorbeeldberichten van aanbieder {VoorbeeldAanbieder} om zelf te versturen: {string.Join(", ", Voorbeelden.Select(v => Path.Combine(data, "voorbeelden", v)))}.");
        }

        var cli = RegioOpties.CliAanroep;
        sb.AppendLine(c, $"Wat nog openstaat: {cli} termijnen --data {data} --today {Verwerkingsdatum:yyyy-MM-dd}");
        if (OpenReviews.Count > 0)
        {
            sb.AppendLine(c, $"Beslis een verzoek ter beoordeling, bijvoorbeeld: {cli} besluit --data {data} --referentie {OpenReviews[0]} --toekennen --today {Verwerkingsdatum:yyyy-MM-dd}");
        }

        return sb.ToString();
    }

    /// <summary>The 24-hour section (HK-24), only when the run had 24-hour care.</summary>
    private void Verblijf(StringBuilder sb)
    {
        if (Verblijftoewijzingen.Count == 0 && Consultaanvragen == 0)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        sb.AppendLine();
        sb.AppendLine("24-uurs jeugdhulp (HK-24; toegewezen door de gemeente zelf, via lokale toegang of GI):");
        sb.AppendLine(string.Create(c, $"  toewijzingen: {Verblijftoewijzingen.Values.Sum()}") + (Verblijftoewijzingen.Count == 0 ? "" : " (" + string.Join(", ", Verblijftoewijzingen.Select(v => $"{v.Key} {v.Value}")) + ")"));
        sb.AppendLine(string.Create(c, $"  crisisplaatsingen (HK-24-8): {Crisisplaatsingen}, waarvan {CrisisPerspectieven} met vervolgperspectief en {CrisisVervolgplaatsingen} binnen 28 dagen naar een vervolgplaatsing")
            + (CrisisEerderGestopt == 0 ? "" : string.Create(c, $" ({CrisisEerderGestopt} eerder gestopt door de aanbieder: geen vervolgplaatsing)")));
        sb.AppendLine(c, $"  meerzorg (HK-24-10): {Meerzorgaanvragen} aangevraagd, {MeerzorgToegekend} toegekend (Begeleiding Individueel, JW301), {MeerzorgAfgewezen} afgewezen, {Meerzorgaanvragen - MeerzorgToegekend - MeerzorgAfgewezen} open");
        sb.AppendLine(c, $"  moeder-kindtoeslag (HK-24-11): {MoederKind} vastgelegd, {MoederKindMetBedrag} met bedrag ({MoederKind - MoederKindMetBedrag} zonder tarief voor het jaar: een medewerker vult het in), {MoederKindRapportages} rapportage(s) ontvangen");
        var uitkomsten = Consultuitkomsten.Values.Sum();
        sb.AppendLine(string.Create(c, $"  consulten (HK-24-6): {Consultaanvragen} aangevraagd")
            + (Consultuitkomsten.Count == 0 ? "" : ", " + string.Join(", ", Consultuitkomsten.Select(u => $"{u.Key} {u.Value}")))
            + string.Create(c, $", {Consultaanvragen - uitkomsten} open"));
        if (Verblijftermijnen.Count > 0)
        {
            sb.AppendLine(string.Create(c, $"  open 24-uurs termijnen op {Verwerkingsdatum:yyyy-MM-dd}: ") + string.Join(", ", Verblijftermijnen.Select(t => $"{t.Key} {t.Value}")));
        }
    }

    /// <summary>Dutch notation: € 12.345,67.</summary>
    private static string Euro(long cent) =>
        $"€ {(cent / 100).ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.')},{Math.Abs(cent % 100).ToString("D2", CultureInfo.InvariantCulture)}";
}

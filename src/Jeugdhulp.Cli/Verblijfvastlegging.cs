using System.CommandLine;
using Jeugdhulp.Store.Verblijf;
using System.Globalization;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Toekenning;
using Jeugdhulp.Web;
using Jeugdhulp.Web.Api;

namespace Jeugdhulp.Cli;

/// <summary>
/// The options of <c>jeugdhulp verblijf</c> that record a consult and its outcome, a meerzorg request and its decision,
/// a moeder-kindtoeslag and an escalation and its decision (HK-24-6, -10, -11, -12). Each builds the same
/// <see cref="Verblijfactie"/> as the backoffice pages and the municipality API and runs it through the same
/// <see cref="Verblijfuitvoering"/> (the Store/Verwerking use cases): nothing here decides. The CLI is its own single
/// writer. <c>--plaatsing</c> (declared by <see cref="VerblijfOpdracht"/>) runs the same way.
/// </summary>
internal sealed class Verblijfvastlegging
{
    private readonly Option<string?> consult = Opties.Tekst("--consult", "REF", "Legt deze consultaanvraag vast (HK-24-6; met --ingediend, --gewenst, --basisinformatie, --vraag).");
    private readonly Option<string?> basisinformatie = Opties.Tekst("--basisinformatie", "TEKST", "Consult: de basisinformatie over de jeugdige (verplicht volgens HK-24-6).");
    private readonly Option<string?> vraag = Opties.Tekst("--vraag", "TEKST", "Consult: de vraag aan de specialist (verplicht volgens HK-24-6).");
    private readonly Option<DateOnly?> ingediend = Opties.Datum("--ingediend", "Consult: de dag van indienen.");
    private readonly Option<DateOnly?> gewenst = Opties.Datum("--gewenst", "Consult: de gewenste dag van het consult (bij voorkeur 2 weken na indienen).");
    private readonly Option<string?> consultuitkomst = Opties.Tekst("--consultuitkomst", "REF", "Legt de uitkomst van deze open consultaanvraag vast (met --uitkomst en --datum).");
    private readonly Option<string?> uitkomst = Opties.Tekst("--uitkomst", "UITKOMST", "De uitkomst van het consult: opschalen, lokaal, nader-onderzoek of expertteam.");
    private readonly Option<DateOnly?> datum = Opties.Datum("--datum", "De dag van de consultuitkomst of van het besluit over de escalatie.");
    private readonly Option<string?> meerzorg = Opties.Tekst("--meerzorg", "REF", "Legt deze meerzorgaanvraag vast of werkt haar bij tot het besluit (HK-24-10).");
    private readonly Option<AgbCode?> aanbieder = Opties.Waarde<AgbCode>("--aanbieder", "AGB", "Meerzorg, moeder-kindtoeslag: de aanbieder (AGB-code, 8 cijfers).", AgbCode.Parse);
    private readonly Option<string?> zzp = Opties.Tekst("--zzp", "ZZP", "Meerzorg: de ZZP (een rij uit de ZZP-tabel in verblijf.json, bijv. LVG4).");
    private readonly Option<long?> uren = Opties.Getal("--uren", "N", "Meerzorg: de extra uren per week.", 1);
    private readonly Option<DateOnly?> van = Opties.Datum("--van", "Meerzorg, moeder-kindtoeslag: de eerste dag van de periode.");
    private readonly Option<DateOnly?> tot = Opties.Datum("--tot", "Meerzorg, moeder-kindtoeslag: de laatste dag van de periode.");
    private readonly Option<DateOnly?> ontvangen = Opties.Datum("--ontvangen", "Meerzorg: de dag waarop de aanvraag binnenkwam (het besluit volgt binnen 2 weken).");
    private readonly Option<bool> hulpplan = Opties.Vlag("--hulpplan", "Meerzorg: het hulpplan is bijgevoegd.");
    private readonly Option<string?> onafhankelijk = Opties.Tekst("--onafhankelijke-toets", "STAND", "Meerzorg: de onafhankelijke toets: open (standaard), positief of negatief.");
    private readonly Option<string?> financieel = Opties.Tekst("--financiele-toets", "STAND", "Meerzorg: de financiële toets: open (standaard), positief of negatief.");
    private readonly Option<string?> meerzorgbesluit = Opties.Tekst("--meerzorgbesluit", "REF", "Besluit over deze meerzorgaanvraag (met --besluit; toekennen schrijft de toewijzing 45R02 en de JW301).");
    private readonly Option<string?> besluit = Opties.Tekst("--besluit", "BESLUIT", "Meerzorg: toekennen of afwijzen (afwijzen vraagt --motivering).");
    private readonly Option<string?> motivering = Opties.Tekst("--motivering", "TEKST", "Meerzorg: de motivering van het besluit.");
    private readonly Option<string?> achternaam = Opties.Tekst("--achternaam", "NAAM", "Meerzorg toekennen: de achternaam, als de gemeente de jeugdige nog niet kent (de JW301 vraagt haar).");
    private readonly Option<string?> voorvoegsel = Opties.Tekst("--voorvoegsel", "TEKST", "Meerzorg toekennen: het voorvoegsel van de achternaam.");
    private readonly Option<string?> voorletters = Opties.Tekst("--voorletters", "TEKST", "Meerzorg toekennen: de voorletters.");
    private readonly Option<string?> geslacht = Opties.Tekst("--geslacht", "CODE", "Meerzorg toekennen: het geslacht: 0 (onbekend), 1 (man) of 2 (vrouw).");
    private readonly Option<string?> moederkind = Opties.Tekst("--moederkind", "REF", "Legt dit gebruik van de moeder-kindtoeslag vast (HK-24-11; met --bsn van het kind, --aanbieder, --van, --tot).");
    private readonly Option<string?> besluitMoeder = Opties.Tekst("--besluit-moeder", "REF", "Moeder-kindtoeslag: het jeugdhulpbesluit van de moeder (zonder geweigerd, HK-24-11).");
    private readonly Option<DateOnly?> rapportage = Opties.Datum("--rapportage", "Moeder-kindtoeslag: de dag van de 3-maandenrapportage.");
    private readonly Option<string?> escalatie = Opties.Tekst("--escalatie", "PLAATSING", "Legt een escalatie vast op deze vastgelegde plaatsing (HK-24-12; met --onderwerp).");
    private readonly Option<string?> onderwerp = Opties.Tekst("--onderwerp", "TEKST", "Escalatie: waar zij over gaat.");
    private readonly Option<long?> escalatiebesluit = Opties.Getal("--escalatiebesluit", "ID", "Legt vast dat over deze open escalatie is besloten (met --datum; het id staat in de lijst).", 1);

    /// <summary>Adds the options to <paramref name="opdracht"/> with the checks on which go together.</summary>
    /// <param name="opdracht">The <c>verblijf</c> command.</param>
    /// <param name="plaatsing">Its <c>--plaatsing</c>: one record per run.</param>
    /// <param name="bsn">Its <c>--bsn</c> (meerzorg: the youth; moeder-kindtoeslag: the child).</param>
    public Verblijfvastlegging(Command opdracht, Option<string?> plaatsing, Option<Bsn?> bsn)
    {
        Option[] alle =
        [
            consult, basisinformatie, vraag, ingediend, gewenst, consultuitkomst, uitkomst, datum, meerzorg, aanbieder, zzp, uren, van, tot, ontvangen, hulpplan,
            onafhankelijk, financieel, meerzorgbesluit, besluit, motivering, achternaam, voorvoegsel, voorletters, geslacht, moederkind, besluitMoeder, rapportage,
            escalatie, onderwerp, escalatiebesluit,
        ];
        foreach (var o in alle)
        {
            opdracht.Options.Add(o);
        }

        uitkomst.AcceptOnlyFromAmong([.. VerblijfApi.Uitkomsten.Select(u => u.Woord)]);
        onafhankelijk.AcceptOnlyFromAmong([.. VerblijfApi.Toetsstanden.Select(t => t.Woord)]);
        financieel.AcceptOnlyFromAmong([.. VerblijfApi.Toetsstanden.Select(t => t.Woord)]);
        besluit.AcceptOnlyFromAmong("toekennen", "afwijzen");
        geslacht.AcceptOnlyFromAmong("0", "1", "2");
        Option[] soorten = [plaatsing, consult, consultuitkomst, meerzorg, meerzorgbesluit, moederkind, escalatie, escalatiebesluit];
        opdracht.Controle(c => soorten.Count(s => c.GetResult(s) is not null) > 1
            ? $"geef hoogstens één van {string.Join(", ", soorten.Select(s => s.Name))}"
            : null);
        Vraagt(opdracht, consult, ingediend, gewenst);
        Vraagt(opdracht, consultuitkomst, uitkomst, datum);
        Vraagt(opdracht, meerzorg, bsn, aanbieder, zzp, uren, van, tot, ontvangen);
        Vraagt(opdracht, meerzorgbesluit, besluit);
        Vraagt(opdracht, moederkind, bsn, aanbieder, van, tot);
        Vraagt(opdracht, escalatie, onderwerp);
        Vraagt(opdracht, escalatiebesluit, datum);

        // An option without the record it belongs to would be ignored silently: say so instead.
        HoortBij(opdracht, [consult], basisinformatie, vraag, ingediend, gewenst);
        HoortBij(opdracht, [consultuitkomst], uitkomst);
        HoortBij(opdracht, [consultuitkomst, escalatiebesluit], datum);
        HoortBij(opdracht, [meerzorg, moederkind], aanbieder, van, tot);
        HoortBij(opdracht, [meerzorg], zzp, uren, ontvangen, hulpplan, onafhankelijk, financieel);
        HoortBij(opdracht, [meerzorgbesluit], besluit, motivering, achternaam, voorvoegsel, voorletters, geslacht);
        HoortBij(opdracht, [moederkind], besluitMoeder, rapportage);
        HoortBij(opdracht, [escalatie], onderwerp);
        Bsn = bsn;
    }

    private Option<Bsn?> Bsn { get; }

    /// <summary>The record these options ask for, or null when they ask for none.</summary>
    public Verblijfactie? Actie(ParseResult r, Gemeentecode g)
    {
        string Tekst(Option<string?> o) => r.GetValue(o)?.Trim() ?? "";
        string? Leeg(Option<string?> o) => string.IsNullOrWhiteSpace(r.GetValue(o)) ? null : r.GetValue(o)!.Trim();
        Toetsstand Stand(Option<string?> o) => VerblijfApi.Kies(VerblijfApi.Toetsstanden, r.GetValue(o) ?? "open")!.Value;

        if (Leeg(consult) is { } c)
        {
            return new Verblijfactie.Consult(new Consultaanvraag(g.Waarde, c, Tekst(basisinformatie), Tekst(vraag), r.GetValue(ingediend)!.Value, r.GetValue(gewenst)!.Value));
        }

        if (Leeg(consultuitkomst) is { } cu)
        {
            return new Verblijfactie.Consultresultaat(cu, VerblijfApi.Kies(VerblijfApi.Uitkomsten, r.GetValue(uitkomst)!)!.Value, r.GetValue(datum)!.Value);
        }

        if (Leeg(meerzorg) is { } m)
        {
            return new Verblijfactie.Meerzorg(new Meerzorgaanvraag(g.Waarde, m, r.GetValue(Bsn)!.Value, r.GetValue(aanbieder)!.Value.Waarde, Tekst(zzp),
                (int)Math.Min(r.GetValue(uren)!.Value, int.MaxValue), r.GetValue(van)!.Value, r.GetValue(tot)!.Value, r.GetValue(ontvangen)!.Value, r.GetValue(hulpplan),
                Stand(onafhankelijk), Stand(financieel)));
        }

        if (Leeg(meerzorgbesluit) is { } mb)
        {
            var persoon = Leeg(achternaam) is { } naam ? new Clientpersoon(naam, Leeg(voorvoegsel), Leeg(voorletters), Leeg(geslacht) ?? "0", null) : null;
            return new Verblijfactie.Meerzorgbesluit(mb, r.GetValue(besluit) == "toekennen", Leeg(motivering), persoon);
        }

        if (Leeg(moederkind) is { } mk)
        {
            return new Verblijfactie.MoederKind(new MoederKindgebruik(g.Waarde, mk, r.GetValue(Bsn)!.Value, r.GetValue(aanbieder)!.Value.Waarde, Leeg(besluitMoeder),
                r.GetValue(van)!.Value, r.GetValue(tot)!.Value, r.GetValue(rapportage)));
        }

        if (Leeg(escalatie) is { } e)
        {
            return new Verblijfactie.Escalatie(e, Tekst(onderwerp));
        }

        return r.GetValue(escalatiebesluit) is { } id ? new Verblijfactie.Escalatiebesluit(id, r.GetValue(datum)!.Value) : null;
    }

    /// <summary>
    /// Runs <paramref name="actie"/> through <see cref="Verblijfuitvoering"/> on the opened store, prints what it came to
    /// (each finding with its rule id, and the record's reference) and returns the exit code: 0 written, 1 refused (nothing written).
    /// </summary>
    public static int Voer(Backoffice b, Gemeentecode gemeente, Verblijfactie actie, TextWriter uit, TextWriter fout)
    {
        var v = Verblijfuitvoering.Voer(b, gemeente, actie, "cli", alleenControleren: false);
        var naam = Naam(actie);
        uit.WriteLine($"{naam}: {(v.Geschreven ? "vastgelegd" : "geweigerd, niets vastgelegd")}.");
        foreach (var x in v.Bevindingen)
        {
            uit.WriteLine($"  {x.RegelId} {x.Uitkomst.ToString().ToLowerInvariant()}: {x.Melding}");
        }

        if (v.Weigering is { } f)
        {
            fout.WriteLine($"jeugdhulp verblijf: {f.Code}: {f.Melding}{(v.RegelId is { } regel && !f.Melding.StartsWith(regel, StringComparison.Ordinal) ? $" (regel {regel})" : "")}");
            return ExitCodes.Geweigerd;
        }

        if (!v.Geschreven)
        {
            return ExitCodes.Geweigerd;
        }

        if (v.Nummer is { } nummer)
        {
            uit.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  toewijzing {nummer} (45R02), bericht: {string.Join(", ", v.Outbox.Select(Path.GetFileName))}"));
        }

        if (actie is Verblijfactie.Escalatie e
            && b.Store.LeesVerblijf(gemeente, e.Referentie).Escalaties.Where(x => x.Referentie == e.Referentie && x.Besloten is null).MaxBy(x => x.Id) is { } vastgelegd)
        {
            uit.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  escalatie {vastgelegd.Id}, beslisser: {Core.Teksten.Tekst.Beslisser(vastgelegd.Beslisser)}"));
        }

        return ExitCodes.Ok;
    }

    /// <summary>Opens the store and the rules as the web host does (<see cref="Backoffice.Open"/>), or null after saying why.</summary>
    public static Backoffice? Open(string data, string? db, string rules, DateOnly? today, Omgeving o)
    {
        var bestanden = RegelMap.Lees(rules);
        var geopend = bestanden.TryGet(out var lijst) ? Backoffice.Open(new Webopties(data, db, rules, today), lijst, o.Klok) : Resultaat<Backoffice>.Mislukt(bestanden.Fouten);
        if (geopend.TryGet(out var b))
        {
            return b;
        }

        Opslag.Meld("verblijf", geopend.Fouten, o.Fout);
        return null;
    }

    private static string Naam(Verblijfactie actie) => actie switch
    {
        Verblijfactie.Plaatsing p => $"Plaatsing {p.P.Referentie} ({p.P.Product}, {p.P.Route}) voor {p.P.Client.Gemaskeerd}",
        Verblijfactie.Consult c => $"Consultaanvraag {c.A.Referentie}",
        Verblijfactie.Consultresultaat u => $"Uitkomst van consult {u.Referentie}",
        Verblijfactie.Meerzorg m => $"Meerzorgaanvraag {m.A.Referentie} ({m.A.Zzp}, {m.A.ExtraUrenPerWeek} uur/week) voor {m.A.Client.Gemaskeerd}",
        Verblijfactie.Meerzorgbesluit mb => $"Besluit ({(mb.Toekennen ? "toekennen" : "afwijzen")}) over meerzorg {mb.Referentie}",
        Verblijfactie.MoederKind k => $"Moeder-kindtoeslag {k.G.Referentie} voor {k.G.Kind.Gemaskeerd}",
        Verblijfactie.Escalatie e => $"Escalatie op plaatsing {e.Referentie}",
        Verblijfactie.Escalatiebesluit eb => string.Create(CultureInfo.InvariantCulture, $"Besluit over escalatie {eb.Id}"),
        _ => actie.GetType().Name,
    };

    private static void HoortBij(Command opdracht, Option[] soorten, params Option[] opties) =>
        opdracht.Controle(c => !soorten.Any(s => c.GetResult(s) is not null) && opties.FirstOrDefault(o => c.GetResult(o) is not null) is { } los
            ? $"{los.Name} hoort bij {string.Join(" of ", soorten.Select(s => s.Name))}"
            : null);

    private static void Vraagt(Command opdracht, Option soort, params Option[] nodig) =>
        opdracht.Controle(c => c.GetResult(soort) is not null && nodig.Where(n => c.GetResult(n) is null).Select(n => n.Name).ToList() is { Count: > 0 } ontbreekt
            ? $"{soort.Name} vraagt ook {string.Join(", ", ontbreekt)}"
            : null);
}

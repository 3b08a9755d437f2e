using System.CommandLine;
using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Verblijf;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp verblijf --data MAP --gemeente CODE [--plaatsing REF --bsn BSN --product CODE --start D [--eind D]
/// [--route R] [--beschikking D] [--dialoog D] [--regisseur lokaletoegang|gi] [--vervolgperspectief D]
/// [--vervolgplaatsing D] [--evaluatie D] [--aangemeld18 D]] [--rules MAP] [--today D] [--db VERBINDING]</c>:
/// the municipality's 24-hour care (HK spec §14) with its open preconditions and deadlines; with
/// <c>--plaatsing</c> it first records that placement or its follow-up (recording again updates it) and prints the
/// findings with their HK-24 rule ids. Instead of a placement it records a consult or its outcome, a meerzorg request or
/// its decision, a moeder-kindtoeslag or an escalation or its decision (<see cref="Verblijfvastlegging"/>, the options
/// <c>--consult</c>, <c>--consultuitkomst</c>, <c>--meerzorg</c>, <c>--meerzorgbesluit</c>, <c>--moederkind</c>,
/// <c>--escalatie</c>, <c>--escalatiebesluit</c>). BSNs are always masked. Exit 0 done, 1 refused, 2 usage.
/// </summary>
internal static class VerblijfOpdracht
{
    public static Command Commando(Omgeving o)
    {
        var data = Opties.Data();
        var db = Opties.Db();
        var rules = Opties.Rules();
        var today = Opties.Today("De dag waarop de termijnen worden berekend (standaard vandaag in Europe/Amsterdam).");
        var gemeente = Opties.Waarde<Gemeentecode>("--gemeente", "CODE", "De gemeente (alleen haar eigen inwoners).", Gemeentecode.Parse, verplicht: true);
        var plaatsing = Opties.Tekst("--plaatsing", "REF", "Legt deze 24-uursplaatsing (of haar vervolg) eerst vast.");
        var bsn = Opties.Waarde<Bsn>("--bsn", "BSN", "De jeugdige (wordt nooit getoond of gelogd).", Bsn.Parse, geheim: true);
        var product = Opties.Waarde<ProductCode>("--product", "CODE", "Het 24-uurs product (verblijf.json).", ProductCode.Parse);
        var route = Opties.Waarde("--route", "ROUTE", "regulier (standaard), crisis, veiligthuis of gedwongen.", Route);
        var start = Opties.Datum("--start", "De eerste dag van het verblijf (dag 1).");
        var eind = Opties.Datum("--eind", "De laatste dag van het verblijf (bij crisis verplicht).");
        var beschikking = Opties.Datum("--beschikking", "De dag van de beschikking (HK-24-3).");
        var dialoog = Opties.Datum("--dialoog", "De dag van de dialoog met een 24-uurs specialist (HK-24-3).");
        var regisseur = Opties.Waarde("--regisseur", "WIE", "De perspectiefregisseur: lokaletoegang of gi (HK-24-9).", Regisseur);
        var perspectief = Opties.Datum("--vervolgperspectief", "Crisis: de dag waarop het vervolgperspectief duidelijk was (HK-24-8).");
        var vervolg = Opties.Datum("--vervolgplaatsing", "Crisis: de dag waarop de vervolgplaatsing begint (HK-24-8).");
        var evaluatie = Opties.Datum("--evaluatie", "Crisis via Veilig Thuis of gedwongen: de dag van de evaluatie (HK-24-8).");
        var aangemeld = Opties.Datum("--aangemeld18", "De dag van aanmelding voor zorg na 18 jaar (HK-24-AANMELDING-18).");
        var opdracht = new Command("verblijf", "24-uurs jeugdhulp van een gemeente met open voorwaarden en termijnen; met --plaatsing eerst vastleggen (HK-24).")
        {
            data, gemeente, plaatsing, bsn, product, route, start, eind, beschikking, dialoog, regisseur, perspectief, vervolg, evaluatie, aangemeld, rules, today, db,
        };
        opdracht.Controle(c => c.GetValue(plaatsing) is not null && (c.GetValue(bsn) is null || c.GetValue(product) is null || c.GetValue(start) is null)
            ? "--plaatsing vraagt ook --bsn, --product en --start"
            : null);
        var vastlegging = new Verblijfvastlegging(opdracht, plaatsing, bsn);
        opdracht.SetAction(r =>
        {
            var g = r.GetValue(gemeente)!.Value;

            // A placement goes the same way as the other records: the regisseur's day is set there (HK-24-9).
            var actie = r.GetValue(plaatsing) is { } referentie
                ? new Web.Api.Verblijfactie.Plaatsing(new(g.Waarde, referentie, r.GetValue(bsn)!.Value, r.GetValue(product)!.Value, r.GetValue(route) ?? Plaatsingsroute.Regulier,
                    r.GetValue(start)!.Value, r.GetValue(eind))
                {
                    Beschikking = r.GetValue(beschikking),
                    Dialoog = r.GetValue(dialoog),
                    Regisseur = r.GetValue(regisseur),
                    Vervolgperspectief = r.GetValue(perspectief),
                    Vervolgplaatsing = r.GetValue(vervolg),
                    Evaluatie = r.GetValue(evaluatie),
                    AangemeldNa18 = r.GetValue(aangemeld),
                })
                : vastlegging.Actie(r, g);
            return actie is null
                ? Run(g, r.GetValue(data)!, r.GetValue(db), r.GetValue(rules)!, r.GetValue(today), o)
                : Leg(g, actie, r.GetValue(data)!, r.GetValue(db), r.GetValue(rules)!, r.GetValue(today), o);
        });
        return opdracht;
    }

    // The crisis routes are CrisisOpdracht's; a placement may also be regular.
    private static Resultaat<Plaatsingsroute> Route(string tekst) =>
        tekst == "regulier" ? Resultaat<Plaatsingsroute>.Ok(Plaatsingsroute.Regulier) : CrisisOpdracht.Route(tekst);

    private static Resultaat<Regisseur> Regisseur(string tekst) => tekst switch
    {
        "lokaletoegang" => Resultaat<Regisseur>.Ok(Core.Verblijf.Regisseur.LokaleToegang),
        "gi" => Resultaat<Regisseur>.Ok(Core.Verblijf.Regisseur.Gi),
        _ => Resultaat<Regisseur>.Mislukt("VERBLIJF-REGISSEUR", $"'{tekst}' is geen perspectiefregisseur (lokaletoegang, gi)"),
    };

    /// <summary>Lists the municipality's 24-hour care.</summary>
    public static int Run(Gemeentecode gemeente, string data, string? db, string rules, DateOnly? today, Omgeving o)
    {
        if (Opslag.LaadRegels("verblijf", rules, o.Fout) is not { } catalogus)
        {
            return ExitCodes.Geweigerd;
        }

        if (Opslag.Open("verblijf", o.Fout, data, db, today, o.Klok) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            Toon(store, catalogus, gemeente, o.Vandaag(today), o.Uit);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Records a placement, consult, meerzorg, moeder-kindtoeslag or escalation (<see cref="Verblijfvastlegging"/>), then lists the municipality's 24-hour care.</summary>
    private static int Leg(Gemeentecode gemeente, Web.Api.Verblijfactie actie, string data, string? db, string rules, DateOnly? today, Omgeving o)
    {
        if (Verblijfvastlegging.Open(data, db, rules, today, o) is not { } b)
        {
            return ExitCodes.Geweigerd;
        }

        using (b)
        {
            if (Verblijfvastlegging.Voer(b, gemeente, actie, o.Uit, o.Fout) is var code and not ExitCodes.Ok)
            {
                return code;
            }

            Toon(b.Store, b.Regels, gemeente, b.Vandaag, o.Uit);
            return ExitCodes.Ok;
        }
    }

    private static void Toon(Datastore store, Regelcatalogus catalogus, Gemeentecode gemeente, DateOnly vandaag, TextWriter uit)
    {
        var dossier = store.LeesVerblijf(gemeente);
        var regels = catalogus.OpDatum(vandaag);
        var open = VerblijfBewaken.Open(dossier.Stand, dossier.Geboortedata, regels, new Werkdagenkalender(catalogus.ExtraVrijeDagen), vandaag)
            .OrderBy(v => v.Vervaldatum).ToList();
        uit.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"24-uurs jeugdhulp gemeente {gemeente} op {vandaag:yyyy-MM-dd}: {dossier.Plaatsingen.Count} plaatsing(en), {dossier.Consulten.Count} consult(en), {dossier.Meerzorg.Count} meerzorgaanvra(a)g(en), {dossier.MoederKind.Count} moeder-kindtoeslag(en), {dossier.Escalaties.Count} escalatie(s)."));
        foreach (var p in dossier.Plaatsingen)
        {
            uit.WriteLine($"  plaatsing {p.Referentie} {p.Product} {p.Route} {p.Client.Gemaskeerd} {p.Ingang:yyyy-MM-dd} t/m {(p.Einde is { } e ? e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open")}");
        }

        foreach (var m in dossier.Meerzorg)
        {
            uit.WriteLine($"  meerzorg {m.Aanvraag.Referentie} {m.Aanvraag.Zzp} {m.Aanvraag.ExtraUrenPerWeek} uur/week {m.Besluit ?? "open"}{(m.Nummer is { } n ? $" (toewijzing {n})" : "")}");
        }

        foreach (var c in dossier.Consulten)
        {
            uit.WriteLine($"  consult {c.Aanvraag.Referentie} gewenst {c.Aanvraag.Gewenst:yyyy-MM-dd} {(c.Uitkomst is { } u ? Web.Api.VerblijfApi.Uitkomsten.First(x => x.Uitkomst == u).Woord : "open")}");
        }

        foreach (var k in dossier.MoederKind)
        {
            uit.WriteLine($"  moeder-kindtoeslag {k.Referentie} {k.Kind.Gemaskeerd} {k.Van:yyyy-MM-dd} t/m {k.Tot:yyyy-MM-dd}");
        }

        foreach (var e in dossier.Escalaties)
        {
            uit.WriteLine($"  escalatie {e.Id.ToString(CultureInfo.InvariantCulture)} op {e.Referentie}: {e.Onderwerp} ({Core.Teksten.Tekst.Beslisser(e.Beslisser)}, {(e.Besloten is { } d ? "besloten " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open")})");
        }

        foreach (var v in open)
        {
            uit.WriteLine($"  {v.Vervaldatum:yyyy-MM-dd}{(v.IsTeLaat(vandaag) ? " TE LAAT" : "")} {v.Partij.ToString().ToLowerInvariant()}: {v.Verwacht} {v.Referentie} [{v.Regel}]{(v.Advies ? " (signaal)" : "")}");
        }

        uit.WriteLine($"{open.Count} open termijn(en), {open.Count(v => v.IsTeLaat(vandaag))} te laat.");
    }
}

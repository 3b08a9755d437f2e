using System.CommandLine;
using System.Globalization;
using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp regels [--rules MAP] [--datum yyyy-mm-dd] [--data MAP [--db VERBINDING]] [--contracten BESTAND] [--inwoners BESTAND]</c>:
/// loads and validates the rule data and shows, in Dutch, what is in force on the date; with <c>--data</c> the rule
/// versions published in the backoffice are laid on top (the catalogue the service and <c>process</c> use, issue 20)
/// and listed with the label in force; with <c>--contracten</c>/<c>--inwoners</c> it checks those CSV files too.
/// Exit 1 with every error (file and entry or line) when the data is refused, 2 for usage errors.
/// </summary>
internal static class RegelsOpdracht
{
    public static Command Commando(Omgeving o)
    {
        var rules = Opties.Rules();
        rules.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { Length: > 0 } map && !Directory.Exists(map))
            {
                r.AddError($"regelmap '{map}' bestaat niet");
            }
        });
        var datum = Opties.Datum("--datum", "De dag waarvan de regels getoond worden (standaard vandaag in Europe/Amsterdam).");
        var contracten = Bestand("--contracten", "Controleer ook dit contractenbestand (CSV).");
        var inwoners = Bestand("--inwoners", "Controleer ook dit inwonersbestand (CSV).");
        // Optional here: without it the folder alone is shown, as before the backoffice could publish versions.
        var data = Opties.Data();
        data.Required = false;
        data.Description = "Leg de in de backoffice gepubliceerde regelversies uit deze datamap bovenop de regelmap en toon ze.";
        var db = Opties.Db();
        var opdracht = new Command("regels", "Laadt en controleert de regels en toont wat op de datum geldt; controleert desgewenst contracten en inwoners.") { rules, datum, data, db, contracten, inwoners };
        opdracht.SetAction(r => Run(r.GetValue(rules)!, o.Vandaag(r.GetValue(datum)), r.GetValue(contracten), r.GetValue(inwoners), o.Uit, o.Fout,
            r.GetValue(data), r.GetValue(db)));
        return opdracht;
    }

    private static Option<string?> Bestand(string naam, string beschrijving)
    {
        var optie = Opties.Tekst(naam, "BESTAND", beschrijving);
        optie.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } bestand && !File.Exists(bestand))
            {
                r.AddError($"{naam}: bestand '{bestand}' bestaat niet");
            }
        });
        return optie;
    }

    public static int Run(string map, DateOnly datum, string? contracten, string? inwoners, TextWriter uit, TextWriter fout, string? data = null, string? db = null)
    {
        var bestanden = RegelMap.Lees(map);
        var catalogus = bestanden.IsGeldig ? RegelLader.Laad(bestanden.Waarde) : Resultaat<Regelcatalogus>.Mislukt(bestanden.Fouten);
        IReadOnlyList<Core.Regelversies.Regelversie> versies = [];
        if (data is not null && catalogus.IsGeldig)
        {
            if (Opslag.Open("regels", fout, data, db) is not { } store)
            {
                return ExitCodes.Geweigerd;
            }

            using (store)
            {
                versies = Store.Regelversies.RegelversiesLezen.GepubliceerdeRegelversies(store);
                catalogus = Core.Regelversies.Regellagen.Laad(bestanden.Waarde, versies);
            }
        }

        if (!catalogus.IsGeldig)
        {
            fout.WriteLine($"jeugdhulp regels: de regels in {map}{(data is null ? "" : " met de gepubliceerde regelversies")} zijn afgekeurd ({AantalFouten(catalogus.Fouten.Count)}):");
            foreach (var f in catalogus.Fouten)
            {
                fout.WriteLine("  " + f);
            }

            return ExitCodes.Geweigerd;
        }

        var regels = catalogus.Waarde.OpDatum(datum);
        if (contracten is null && inwoners is null)
        {
            Toon(regels, map, uit);
            if (data is not null)
            {
                ToonVersies(versies, datum, uit);
            }

            return ExitCodes.Ok;
        }

        uit.WriteLine($"Regels {regels.Label}: goedgekeurd ({map}).");
        var geweigerd = false;
        if (contracten is not null)
        {
            geweigerd |= !ControleerContracten(contracten, catalogus.Waarde, uit, fout);
        }

        if (inwoners is not null)
        {
            geweigerd |= !ControleerInwoners(inwoners, regels, uit, fout);
        }

        return geweigerd ? ExitCodes.Geweigerd : ExitCodes.Ok;
    }

    private static bool ControleerContracten(string pad, Regelcatalogus catalogus, TextWriter uit, TextWriter fout)
    {
        var tekst = RegelMap.LeesTekst(pad);
        var resultaat = tekst.TryGet(out var inhoud)
            ? ContractenCsv.Lees(inhoud, Path.GetFileName(pad))
            : Resultaat<IReadOnlyList<Contract>>.Mislukt(tekst.Fouten);
        if (!resultaat.IsGeldig)
        {
            MeldFouten(pad, resultaat.Fouten, fout);
            return false;
        }

        var contracten = resultaat.Waarde;
        uit.WriteLine($"{Path.GetFileName(pad)}: {contracten.Count} contracten van {contracten.Select(c => c.Aanbieder).Distinct().Count()} aanbieders goedgekeurd.");

        // Not a reason to refuse the file (the rules may change later), but worth a look.
        foreach (var c in contracten)
        {
            var regels = catalogus.OpDatum(c.Geldigheid.Begin);
            var product = regels.Product(c.Product);
            string? waarschuwing = product is null
                ? $"product {c.Product} staat op {c.Geldigheid.Begin:yyyy-MM-dd} niet in de regels"
                : regels.Gemeente(c.Gemeente) is null
                    ? $"gemeente {c.Gemeente} hoort op {c.Geldigheid.Begin:yyyy-MM-dd} niet bij de regio"
                    : !regels.NeemtDeel(c.Gemeente, product)
                        ? $"gemeente {c.Gemeente} neemt op {c.Geldigheid.Begin:yyyy-MM-dd} niet deel aan perceel {product.Perceel} voor {c.Product}"
                        : null;
            if (waarschuwing is not null)
            {
                uit.WriteLine($"  let op: aanbieder {c.Aanbieder}: {waarschuwing} (HK-PER-5)");
            }
        }

        return true;
    }

    private static bool ControleerInwoners(string pad, Regelset regels, TextWriter uit, TextWriter fout)
    {
        var tekst = RegelMap.LeesTekst(pad);
        var resultaat = tekst.TryGet(out var inhoud)
            ? InwonersCsv.Lees(inhoud, Path.GetFileName(pad))
            : Resultaat<IReadOnlyList<Inwoner>>.Mislukt(tekst.Fouten);
        if (!resultaat.IsGeldig)
        {
            MeldFouten(pad, resultaat.Fouten, fout);
            return false;
        }

        var inwoners = resultaat.Waarde;
        var perGemeente = inwoners.GroupBy(i => i.Gemeente.Waarde).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {regels.Gemeente(g.First().Gemeente)?.Naam ?? "(buiten de regio)"}: {g.Count()}");
        uit.WriteLine($"{Path.GetFileName(pad)}: {inwoners.Count} inwoners in {inwoners.Where(i => i.Huishouden is not null).Select(i => i.Huishouden).Distinct().Count()} huishoudens goedgekeurd ({string.Join(", ", perGemeente)}).");
        return true;
    }

    private static void MeldFouten(string pad, IReadOnlyList<Fout> fouten, TextWriter fout)
    {
        fout.WriteLine($"jeugdhulp regels: {pad} is afgekeurd, er is niets van overgenomen ({AantalFouten(fouten.Count)}):");
        foreach (var f in fouten)
        {
            fout.WriteLine("  " + f);
        }
    }

    /// <summary>The published rule versions (oldest first) and whether each is in force on <paramref name="datum"/>.</summary>
    private static void ToonVersies(IReadOnlyList<Core.Regelversies.Regelversie> versies, DateOnly datum, TextWriter uit)
    {
        uit.WriteLine();
        uit.WriteLine($"Gepubliceerde regelversies ({versies.Count})");
        if (versies.Count == 0)
        {
            uit.WriteLine("  geen: de regels zijn die van de regelmap");
        }

        foreach (var v in versies)
        {
            // As Regellagen lays them: a later version of the item ends this one the day before it starts, or replaces it
            // wholly when it starts on or before this one's first day.
            var later = versies.FirstOrDefault(w => w.Id > v.Id && w.Soort == v.Soort && w.Sleutel == v.Sleutel &&
                (w.GeldigVanaf <= v.GeldigVanaf || w.GeldigVanaf <= datum));
            var geldt = later is not null ? string.Create(CultureInfo.InvariantCulture, $"vervangen door v{later.Id}")
                : v.GeldigVanaf > datum ? "nog niet geldig op deze datum" : "geldt op deze datum";
            uit.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  v{v.Id} {Tekst.Regelsoort(v.Soort)} {v.Sleutel} vanaf {v.GeldigVanaf:yyyy-MM-dd}: opgesteld door {v.Auteur}, gepubliceerd door {v.GepubliceerdDoor} op {v.GepubliceerdOp:yyyy-MM-dd} ({geldt})"));
        }
    }

    private static void Toon(Regelset regels, string map, TextWriter uit)
    {
        uit.WriteLine($"Regels {regels.Label} (uit {map})");

        uit.WriteLine();
        uit.WriteLine("Gemeenten");
        foreach (var g in regels.Gemeenten.OrderBy(g => g.Naam, StringComparer.Ordinal))
        {
            uit.WriteLine($"  {g.Code} {g.Naam}: toewijzingen {g.EmailToewijzingen}, declaraties {g.EmailDeclaraties}");
        }

        if (regels.Catalogus.ContactEmail is { } contact)
        {
            uit.WriteLine($"  regio: {contact}");
        }

        uit.WriteLine();
        uit.WriteLine("Percelen en deelname");
        foreach (var p in regels.Percelen)
        {
            uit.WriteLine($"  {p.Code}: {p.Naam} (contract {p.Contract})");
            var deelnames = p.Deelnames.Where(d => d.Geldigheid.Bevat(regels.Datum))
                .Select(d => $"{d.Gemeente} {regels.Gemeente(d.Gemeente)?.Naam}" +
                             (d.Producten.Count > 0 ? $" (alleen {string.Join(", ", d.Producten)})" : ""))
                .ToList();
            uit.WriteLine("    deelname: " + (deelnames.Count > 0 ? string.Join(", ", deelnames) : "geen (nog niet vastgelegd in de regels)"));
            var eigenschappen = new List<string>();
            if (p.Jw315AltijdBeoordelen)
            {
                eigenschappen.Add("JW315 altijd beoordelen (HK-315-6)");
            }

            if (p.DiagnostiekEerst is { } diagnostiek)
            {
                eigenschappen.Add($"medische route eerst {diagnostiek} (HK-315-11)");
            }

            eigenschappen.Add(p.Jw317Toegestaan ? "JW317 toegestaan" : "geen JW317");
            if (p.DoorlooptijdTermijn is { } id)
            {
                eigenschappen.Add($"doorlooptijd JW317 {TermijnTekst(regels.Termijn(id))} ({id})");
            }

            uit.WriteLine("    " + string.Join("; ", eigenschappen));
        }

        uit.WriteLine();
        uit.WriteLine("Producten");
        foreach (var p in regels.Producten)
        {
            uit.WriteLine($"  {p.Code} {p.Naam}: perceel {p.Perceel}, categorie {p.Categorie}, eenheid {p.Eenheid} ({Eenheid(p.Eenheid)}), frequentie {p.Frequentie}, {Soort(p)}");
            if (p.Richtlijn.Count > 0)
            {
                uit.WriteLine("    richtlijn: " + string.Join("; ", p.Richtlijn.Select(Richtlijn)));
            }

            var duur = new List<string>();
            if (p.StandaardDuurMaanden is { } standaard)
            {
                duur.Add($"standaard {standaard} maanden");
            }

            if (p.MaxDuurMaanden is { } max)
            {
                duur.Add($"maximaal {max} maanden ({(p.MaxDuurHard ? "daarboven afwijzen" : "daarboven beoordelen")})");
            }

            if (p.MaxGroepsgrootte is { } groep)
            {
                duur.Add($"groep tot {groep} jeugdigen");
            }

            if (p.Begeleidingsratio is { } ratio)
            {
                duur.Add($"begeleiding {ratio}");
            }

            if (duur.Count > 0)
            {
                uit.WriteLine("    " + string.Join("; ", duur));
            }
        }

        if (!regels.Producten.Any())
        {
            uit.WriteLine("  geen producten op deze datum");
        }

        uit.WriteLine();
        uit.WriteLine("Leeftijdsgrenzen");
        foreach (var l in regels.Leeftijdsgrenzen)
        {
            var uitzonderingen = l.Uitzonderingen.Count > 0 ? string.Join(", ", l.Uitzonderingen.Select(Tekst.Uitzondering)) : "geen";
            uit.WriteLine($"  {l.Perceel}: jonger dan {l.MaxLeeftijd}; uitzonderingen: {uitzonderingen}; signaal {l.SignaalMaanden} maanden voor de {l.MaxLeeftijd}e verjaardag");
        }

        uit.WriteLine();
        uit.WriteLine($"Stapeling (paren die de matrix niet noemt: {Tekst.Stapeling(regels.Catalogus.StandaardStapeling)})");
        foreach (var s in regels.Stapeling)
        {
            uit.WriteLine($"  {s.A} met {s.B}: {Tekst.Stapeling(s.Uitkomst)} ({s.RegelId})");
        }

        uit.WriteLine();
        uit.WriteLine("Termijnen");
        foreach (var t in regels.Termijnen)
        {
            uit.WriteLine($"  {t.Id}: {t.Omschrijving}: {TermijnTekst(t)}, {Tekst.Partij(t.Partij)}");
        }

        uit.WriteLine();
        uit.WriteLine("Beleid");
        if (regels.Beleid is { } b)
        {
            uit.WriteLine($"  terugval binnen {b.Terugval.VensterMaanden} maanden: {b.Terugval.Minuten} minuten voor {b.Terugval.DuurMaanden} maanden (HK-315-9)");
            uit.WriteLine($"  einddatum verschuiven: {b.EinddatumVerschuiven.MaxKeren} keer, hoogstens {b.EinddatumVerschuiven.MaxProcentVanPeriode}% van de periode en {b.EinddatumVerschuiven.MaxMaanden} maanden (HK-317-5)");
            uit.WriteLine($"  intake binnen {b.IntakeNaVerwijzingMaanden} maanden na medische verwijzing (HK-ROUTE-1)");
            uit.WriteLine($"  no-show hoogstens {b.NoShowMaxPerKalenderjaar} keer per kalenderjaar per product per cliënt te declareren (HK-323-4)");
            uit.WriteLine($"  medische verwijzers: {string.Join("; ", b.MedischeVerwijzers.Select(m => $"{m.Type} {m.Omschrijving}"))} (HK-315-10, §15 C-14)");
        }
        else
        {
            uit.WriteLine("  geen beleid op deze datum");
        }

        uit.WriteLine();
        var vrij = regels.Catalogus.ExtraVrijeDagen;
        uit.WriteLine("Extra vrije dagen: " + (vrij.Count == 0 ? "geen" : string.Join(", ", vrij.Select(v => $"{v.Datum:yyyy-MM-dd} {v.Omschrijving}"))));
    }

    private static string AantalFouten(int n) => n == 1 ? "1 fout" : $"{n} fouten";

    private static string Richtlijn(RichtlijnCategorie c)
    {
        var delen = new List<string>();
        if (c.UrenPerWeek is { } perWeek)
        {
            delen.Add($"{perWeek.ToString(CultureInfo.InvariantCulture)} uur per week");
        }

        if (c.MaxUren is { } uren)
        {
            delen.Add($"hoogstens {uren} uur");
        }

        if (c.DuurMaanden is { } maanden)
        {
            delen.Add($"{maanden} maanden");
        }

        return $"{c.Naam}: {string.Join(", ", delen)}";
    }

    private static string Soort(Product p) => p.Soort switch
    {
        ProductSoort.Gezin => $"{Tekst.Productsoort(p.Soort)}, extra cliënt {p.ExtraClientProduct}",
        ProductSoort.ExtraClient => $"{Tekst.Productsoort(p.Soort)} bij {p.HoofdProduct}, niet declareerbaar",
        _ => Tekst.Productsoort(p.Soort),
    };

    // The unit's name from the one text table; the listing adds what kind of count 82 and 84 are.
    private static string Eenheid(string code) =>
        Tekst.Eenheidsoort(code) is { } soort ? $"{Tekst.Eenheid(code, 1)} ({soort})" : Tekst.Eenheid(code, 1);

    private static string TermijnTekst(Termijn? t) => t is null
        ? "onbekend"
        : $"{t.Aantal} {Tekst.Termijneenheid(t.Eenheid, t.Aantal)}{(t.Advies ? " (advies)" : "")}";
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>
/// Loads and validates a region's rule data (the JSON files of <c>rules/&lt;region&gt;/</c>, described in
/// <c>rules/README.md</c>) into a <see cref="Regelcatalogus"/>. Bad rule data is never defaulted: every
/// problem in every file becomes a <see cref="Fout"/> naming file and entry, and the whole set is refused.
/// </summary>
public static partial class RegelLader
{
    /// <summary>The files a region folder holds; each is required, no other file is accepted.</summary>
    public static IReadOnlyList<string> Bestanden { get; } =
    [
        "regio.json", "gemeenten.json", "percelen.json", "producten.json", "leeftijd.json",
        "stapeling.json", "termijnen.json", "beleid.json", "vrije-dagen.json", "verblijf.json",
    ];

    /// <summary>
    /// Files a region folder may hold: <c>conversie.json</c>, the IST → SOLL tables (HK-CONV-1), only matters
    /// while running care moves to the regional contracts.
    /// </summary>
    public static IReadOnlyList<string> OptioneleBestanden { get; } = ["conversie.json"];

    /// <summary>
    /// Loads the rule files. Error codes: <c>REGEL-BESTAND</c> (file missing, unknown or twice),
    /// <c>REGEL-JSON</c> (syntax, with line), <c>REGEL-VELD</c> (unknown, missing or ill-typed field),
    /// <c>REGEL-CODE</c> (bad CBS, product, lot or iJw code), <c>REGEL-WAARDE</c> (empty or out-of-range
    /// value), <c>REGEL-PERIODE</c> (geldigTot before geldigVanaf), <c>REGEL-OVERLAP</c> (two versions of one
    /// item in force at once), <c>REGEL-VERWIJZING</c> (reference to an unknown item) and
    /// <c>REGEL-GEZIN</c> (family product and dummy not pointing at each other).
    /// </summary>
    public static Resultaat<Regelcatalogus> Laad(IEnumerable<RegelBestand> bestanden)
    {
        ArgumentNullException.ThrowIfNull(bestanden);
        return new Lading().Laad(bestanden);
    }

    // iJw 3.2 code lists (basisschema LDT_ProductCategorie, LDT_Eenheid, LDT_Frequentie).
    /// <summary>True when <paramref name="code"/> is an iJw product category (LDT_ProductCategorie).</summary>
    internal static bool IsCategorie(string code) => Categorieen.Contains(code);

    private static readonly HashSet<string> Categorieen =
    [
        "31", "32", "33", "34", "35", "36", "37", "38", "40", "41", "42", "43", "44", "45", "46", "47", "48",
        "49", "50", "51", "52", "53", "54", "55",
    ];

    private static readonly HashSet<string> Eenheden = ["01", "04", "14", "16", "82", "83", "84"];

    private static readonly HashSet<string> Frequenties = ["1", "2", "4", "6"];

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex PerceelCode();

    [GeneratedRegex(@"^[1-9][0-9]*:[1-9][0-9]*$")]
    private static partial Regex Ratio();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\S+$")]
    private static partial Regex ZonderSpaties();

    private sealed record Item<T>(T Waarde, string Plaats, string Sleutel, Periode Geldigheid);

    private sealed partial class Lading
    {
        private readonly List<Fout> fouten = [];
        private readonly RegelJsonLezer lezer;

        // Keys of entries that are present but could not be used (bad field, bad period …). References to
        // them are not reported again as "unknown": one mistake in the data gives one error.
        private readonly HashSet<string> onbruikbaar = new(StringComparer.Ordinal);

        public Lading() => lezer = new RegelJsonLezer(fouten);

        public Resultaat<Regelcatalogus> Laad(IEnumerable<RegelBestand> bestanden)
        {
            var perNaam = new Dictionary<string, RegelBestand>(StringComparer.Ordinal);
            foreach (var bestand in bestanden)
            {
                if (!Bestanden.Contains(bestand.Naam) && !OptioneleBestanden.Contains(bestand.Naam))
                {
                    Fout("REGEL-BESTAND", $"onbekend bestand; een regelmap bevat alleen {string.Join(", ", Bestanden.Concat(OptioneleBestanden))}", bestand.Naam);
                }
                else if (!perNaam.TryAdd(bestand.Naam, bestand))
                {
                    Fout("REGEL-BESTAND", "bestand komt twee keer voor", bestand.Naam);
                }
            }

            foreach (var ontbrekend in Bestanden.Where(n => !perNaam.ContainsKey(n)))
            {
                Fout("REGEL-BESTAND", "verplicht bestand ontbreekt", ontbrekend);
            }

            var wortels = perNaam.Values
                .Select(b => (Bestand: b, Wortel: lezer.Wortel(b)))
                .Where(x => x.Wortel is not null)
                .ToDictionary(x => x.Bestand.Naam, x => (x.Bestand, Wortel: x.Wortel!.Value), StringComparer.Ordinal);

            List<(T Waarde, string Plaats)> Lijst<T>(string naam, string veld, string? sleutel)
                where T : class =>
                wortels.TryGetValue(naam, out var w) ? lezer.Lijst<T>(w.Bestand, w.Wortel, veld, sleutel, onbruikbaar) : [];

            var regio = wortels.TryGetValue("regio.json", out var r) ? lezer.Object<RegioJson>(r.Bestand, r.Wortel) : null;
            var gemeenten = Gemeenten(Lijst<GemeenteJson>("gemeenten.json", "gemeenten", "code"));
            var termijnen = Termijnen(Lijst<TermijnJson>("termijnen.json", "termijnen", "id"));
            var producten = Producten(Lijst<ProductJson>("producten.json", "producten", "code"));
            var percelen = Percelen(Lijst<PerceelJson>("percelen.json", "percelen", "code"), gemeenten, producten, termijnen);
            var leeftijd = Leeftijdsgrenzen(Lijst<LeeftijdJson>("leeftijd.json", "leeftijdsgrenzen", "perceel"), percelen);
            var beleid = Beleid(Lijst<BeleidJson>("beleid.json", "beleid", null));
            var vrijeDagen = VrijeDagen(Lijst<VrijeDagJson>("vrije-dagen.json", "vrijeDagen", "datum"));

            ProductVerwijzingen(producten, percelen);
            var stapeling = Stapeling(Lijst<StapelingJson>("stapeling.json", "stapeling", "regelId"), producten, percelen);
            var conversie = Conversietabellen(Lijst<ConversietabelJson>("conversie.json", "conversie", "gemeente"), gemeenten, producten);
            var verblijf = Verblijf(Lijst<VerblijfJson>("verblijf.json", "verblijf", null), producten, percelen);

            if (regio is not null)
            {
                NietLeeg(regio.Regio, "regio", "regio.json");
                NietLeeg(regio.Versie, "versie", "regio.json");
                if (regio.ContactEmail is { } email && !Email().IsMatch(email))
                {
                    Fout("REGEL-WAARDE", $"contactEmail '{email}' is geen e-mailadres", "regio.json");
                }
            }

            if (fouten.Count > 0 || regio is null)
            {
                return Resultaat<Regelcatalogus>.Mislukt(fouten);
            }

            return Resultaat<Regelcatalogus>.Ok(new Regelcatalogus(
                regio.Regio,
                regio.Versie,
                [.. gemeenten.Select(i => i.Waarde)],
                [.. percelen.Select(i => i.Waarde)],
                [.. producten.Select(i => i.Waarde)],
                [.. leeftijd.Select(i => i.Waarde)],
                [.. stapeling.Select(i => i.Waarde)],
                regio.StandaardStapeling,
                [.. termijnen.Select(i => i.Waarde)],
                [.. beleid.Select(i => i.Waarde)],
                vrijeDagen)
            {
                ContactEmail = regio.ContactEmail,
                Conversietabellen = [.. conversie.Select(i => i.Waarde)],
                Verblijf = [.. verblijf.Select(i => i.Waarde)],
            });
        }

        private void Fout(string code, string melding, string plaats) => fouten.Add(new Fout(code, melding, plaats));

        private bool NietLeeg(string waarde, string veld, string plaats)
        {
            if (!string.IsNullOrWhiteSpace(waarde))
            {
                return true;
            }

            Fout("REGEL-WAARDE", $"{veld} is leeg", plaats);
            return false;
        }

        private void Positief(int? waarde, string veld, string plaats)
        {
            if (waarde is <= 0)
            {
                Fout("REGEL-WAARDE", $"{veld} moet groter dan 0 zijn, niet {waarde}", plaats);
            }
        }

        private Periode? Geldigheid(DateOnly vanaf, DateOnly? tot, string plaats)
        {
            var periode = Periode.Maak(vanaf, tot);
            if (periode.IsGeldig)
            {
                return periode.Waarde;
            }

            Fout("REGEL-PERIODE", $"geldigTot {tot:yyyy-MM-dd} ligt voor geldigVanaf {vanaf:yyyy-MM-dd}", plaats);
            return null;
        }

        /// <summary>Two versions of the same item may not be in force on the same day.</summary>
        private void GeenOverlap<T>(IReadOnlyList<Item<T>> items, string wat)
        {
            for (var i = 0; i < items.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (items[i].Sleutel == items[j].Sleutel && items[i].Geldigheid.Overlapt(items[j].Geldigheid))
                    {
                        Fout("REGEL-OVERLAP",
                            $"{wat} '{items[i].Sleutel}' is in {items[i].Geldigheid} al geldig volgens {items[j].Plaats} ({items[j].Geldigheid}); laat de oude versie eindigen met geldigTot",
                            items[i].Plaats);
                        break;
                    }
                }
            }
        }

        private bool Bestaat<T>(IEnumerable<Item<T>> items, string sleutel, Periode periode) =>
            onbruikbaar.Contains(sleutel) || items.Any(i => i.Sleutel == sleutel && i.Geldigheid.Overlapt(periode));

        private List<Item<Gemeente>> Gemeenten(List<(GemeenteJson Waarde, string Plaats)> invoer)
        {
            var items = new List<Item<Gemeente>>();
            foreach (var (g, plaats) in invoer)
            {
                var code = Gemeentecode.Parse(g.Code);
                if (!code.IsGeldig)
                {
                    Fout("REGEL-CODE", $"code: {code.Fouten[0].Melding}", plaats);
                }

                NietLeeg(g.Naam, "naam", plaats);
                foreach (var (veld, adres) in new[] { ("emailToewijzingen", g.EmailToewijzingen), ("emailDeclaraties", g.EmailDeclaraties) })
                {
                    if (!Email().IsMatch(adres))
                    {
                        Fout("REGEL-WAARDE", $"{veld} '{adres}' is geen e-mailadres", plaats);
                    }
                }

                if (Geldigheid(g.GeldigVanaf, g.GeldigTot, plaats) is { } periode && code.IsGeldig)
                {
                    items.Add(new(new Gemeente(code.Waarde, g.Naam, g.EmailToewijzingen, g.EmailDeclaraties, periode), plaats, g.Code, periode));
                }
                else
                {
                    onbruikbaar.Add(g.Code);
                }
            }

            GeenOverlap(items, "gemeente");
            return items;
        }

        private List<Item<Termijn>> Termijnen(List<(TermijnJson Waarde, string Plaats)> invoer)
        {
            var items = new List<Item<Termijn>>();
            foreach (var (t, plaats) in invoer)
            {
                var idGoed = NietLeeg(t.Id, "id", plaats);
                if (idGoed && !ZonderSpaties().IsMatch(t.Id))
                {
                    Fout("REGEL-CODE", $"id '{t.Id}' mag geen spaties bevatten", plaats);
                    idGoed = false;
                }

                NietLeeg(t.Omschrijving, "omschrijving", plaats);
                Positief(t.Aantal, "aantal", plaats);
                if (Geldigheid(t.GeldigVanaf, t.GeldigTot, plaats) is { } periode && idGoed)
                {
                    items.Add(new(new Termijn(t.Id, t.Omschrijving, t.Partij, t.Aantal, t.Eenheid, t.Advies, periode), plaats, t.Id, periode));
                }
                else
                {
                    onbruikbaar.Add(t.Id);
                }
            }

            GeenOverlap(items, "termijn");
            return items;
        }

        private List<Item<Product>> Producten(List<(ProductJson Waarde, string Plaats)> invoer)
        {
            var items = new List<Item<Product>>();
            foreach (var (p, plaats) in invoer)
            {
                var code = ProductCode.Parse(p.Code);
                if (!code.IsGeldig)
                {
                    Fout("REGEL-CODE", $"code: {code.Fouten[0].Melding}", plaats);
                }

                NietLeeg(p.Naam, "naam", plaats);
                if (!Categorieen.Contains(p.Categorie))
                {
                    Fout("REGEL-CODE", $"categorie '{p.Categorie}' is geen iJw-productcategorie", plaats);
                }

                if (!Eenheden.Contains(p.Eenheid))
                {
                    Fout("REGEL-CODE", $"eenheid '{p.Eenheid}' is geen iJw-eenheid (01, 04, 14, 16, 82, 83, 84)", plaats);
                }

                if (!Frequenties.Contains(p.Frequentie))
                {
                    Fout("REGEL-CODE", $"frequentie '{p.Frequentie}' is geen iJw-frequentie (1, 2, 4, 6)", plaats);
                }

                Positief(p.StandaardDuurMaanden, "standaardDuurMaanden", plaats);
                Positief(p.MaxDuurMaanden, "maxDuurMaanden", plaats);
                Positief(p.MaxGroepsgrootte, "maxGroepsgrootte", plaats);
                if (p.StandaardDuurMaanden is { } standaard && p.MaxDuurMaanden is { } max && max < standaard)
                {
                    Fout("REGEL-WAARDE", $"maxDuurMaanden {max} is kleiner dan standaardDuurMaanden {standaard}", plaats);
                }

                if (p.MaxDuurMaanden is not null && p.MaxDuurHard is null)
                {
                    Fout("REGEL-VELD", "maxDuurHard ontbreekt: zeg bij maxDuurMaanden of overschrijden afwijzen (true) of beoordelen (false) is", plaats);
                }
                else if (p.MaxDuurMaanden is null && p.MaxDuurHard is not null)
                {
                    Fout("REGEL-VELD", "maxDuurHard zonder maxDuurMaanden", plaats);
                }

                if (p.Soort != ProductSoort.Groep && (p.MaxGroepsgrootte is not null || p.Begeleidingsratio is not null))
                {
                    Fout("REGEL-WAARDE", "maxGroepsgrootte en begeleidingsratio horen alleen bij een groepsproduct", plaats);
                }

                if (p.ExtraToewijzingMetTarief is not null && p.Soort != ProductSoort.Gezin)
                {
                    Fout("REGEL-GEZIN", "extraToewijzingMetTarief hoort alleen bij een gezinsproduct (HK-PRD-3)", plaats);
                }

                Positief(p.MaxDuurDagen, "maxDuurDagen", plaats);
                if ((p.MaxDuurDagen is null) != (p.DuurRegel is null))
                {
                    Fout("REGEL-VELD", "maxDuurDagen en duurRegel horen bij elkaar: noem bij een maximum in dagen de regel die het stelt (bijvoorbeeld HK-24-8)", plaats);
                }
                else if (p.DuurRegel is { } duurRegel && !ZonderSpaties().IsMatch(duurRegel))
                {
                    Fout("REGEL-CODE", $"duurRegel '{duurRegel}' is geen regel-id", plaats);
                }

                if (p.Begeleidingsratio is { } ratio && !Ratio().IsMatch(ratio))
                {
                    Fout("REGEL-WAARDE", $"begeleidingsratio '{ratio}' heeft niet de vorm 1:4", plaats);
                }

                var richtlijn = Richtlijn(p.Richtlijn, plaats);
                var extra = OptioneleCode(p.ExtraClientProduct, "extraClientProduct", plaats);
                var hoofd = OptioneleCode(p.HoofdProduct, "hoofdProduct", plaats);
                var groep = OptioneleCode(p.Groepsvariant, "groepsvariant", plaats);
                if (Geldigheid(p.GeldigVanaf, p.GeldigTot, plaats) is { } periode && code.IsGeldig)
                {
                    items.Add(new(
                        new Product(code.Waarde, p.Naam, p.Categorie, p.Perceel, p.Eenheid, p.Frequentie, p.Soort, richtlijn,
                            p.StandaardDuurMaanden, p.MaxDuurMaanden, p.MaxDuurHard ?? false, p.MaxGroepsgrootte,
                            p.Begeleidingsratio, extra, hoofd, periode, p.Toelichting, groep)
                        {
                            ExtraToewijzingMetTarief = p.ExtraToewijzingMetTarief ?? false,
                            MaxDuurDagen = p.MaxDuurDagen,
                            DuurRegel = p.DuurRegel,
                        },
                        plaats, p.Code, periode));
                }
                else
                {
                    onbruikbaar.Add(p.Code);
                }
            }

            GeenOverlap(items, "product");
            return items;
        }

        private List<RichtlijnCategorie> Richtlijn(List<RichtlijnJson> invoer, string plaats)
        {
            var namen = new HashSet<string>(StringComparer.Ordinal);
            var resultaat = new List<RichtlijnCategorie>();
            for (var i = 0; i < invoer.Count; i++)
            {
                var c = invoer[i];
                var veld = $"richtlijn[{i}]";
                if (NietLeeg(c.Naam, $"{veld}.naam", plaats) && !namen.Add(c.Naam))
                {
                    Fout("REGEL-WAARDE", $"richtlijncategorie '{c.Naam}' staat er twee keer in", plaats);
                }

                if (c.UrenPerWeek is <= 0)
                {
                    Fout("REGEL-WAARDE", $"{veld}.urenPerWeek moet groter dan 0 zijn, niet {c.UrenPerWeek}", plaats);
                }

                Positief(c.MaxUren, $"{veld}.maxUren", plaats);
                Positief(c.DuurMaanden, $"{veld}.duurMaanden", plaats);
                resultaat.Add(new RichtlijnCategorie(c.Naam, c.UrenPerWeek, c.MaxUren, c.DuurMaanden));
            }

            return resultaat;
        }

        private ProductCode? OptioneleCode(string? tekst, string veld, string plaats)
        {
            if (tekst is null)
            {
                return null;
            }

            var code = ProductCode.Parse(tekst);
            if (code.IsGeldig)
            {
                return code.Waarde;
            }

            Fout("REGEL-CODE", $"{veld}: {code.Fouten[0].Melding}", plaats);
            return null;
        }

        private List<Item<Perceel>> Percelen(
            List<(PerceelJson Waarde, string Plaats)> invoer,
            List<Item<Gemeente>> gemeenten,
            List<Item<Product>> producten,
            List<Item<Termijn>> termijnen)
        {
            var items = new List<Item<Perceel>>();
            foreach (var (p, plaats) in invoer)
            {
                var codeGoed = PerceelCode().IsMatch(p.Code);
                if (!codeGoed)
                {
                    Fout("REGEL-CODE", $"code '{p.Code}' is geen perceelcode (hoofdletters, cijfers en _, bijvoorbeeld MULTI)", plaats);
                }

                NietLeeg(p.Naam, "naam", plaats);
                NietLeeg(p.Contract, "contract", plaats);
                var periode = Geldigheid(p.GeldigVanaf, p.GeldigTot, plaats);
                var deelnames = Deelnames(p, plaats, gemeenten, producten);

                var diagnostiek = OptioneleCode(p.DiagnostiekEerst, "diagnostiekEerst", plaats);
                if (diagnostiek is { } d && periode is { } pd && !onbruikbaar.Contains(d.Waarde) &&
                    !producten.Any(x => x.Sleutel == d.Waarde && x.Waarde.Perceel == p.Code && x.Geldigheid.Overlapt(pd)))
                {
                    Fout("REGEL-VERWIJZING", $"diagnostiekEerst '{d}' is geen product van perceel {p.Code}", plaats);
                }

                if (p.DoorlooptijdTermijn is { } termijn && periode is { } pt && !Bestaat(termijnen, termijn, pt))
                {
                    Fout("REGEL-VERWIJZING", $"doorlooptijdTermijn '{termijn}' staat niet in termijnen.json", plaats);
                }

                if (periode is { } geldig && codeGoed)
                {
                    items.Add(new(new Perceel(p.Code, p.Naam, p.Contract, deelnames, p.Jw315AltijdBeoordelen, diagnostiek,
                        p.Jw317Toegestaan, p.DoorlooptijdTermijn, geldig), plaats, p.Code, geldig));
                }
                else
                {
                    onbruikbaar.Add(p.Code);
                }
            }

            GeenOverlap(items, "perceel");
            return items;
        }

        private List<Deelname> Deelnames(PerceelJson perceel, string perceelPlaats, List<Item<Gemeente>> gemeenten, List<Item<Product>> producten)
        {
            var items = new List<Item<Deelname>>();
            for (var i = 0; i < perceel.Deelnames.Count; i++)
            {
                var d = perceel.Deelnames[i];
                var plaats = $"{perceelPlaats} deelnames[{i}] ({d.Gemeente})";
                var code = Gemeentecode.Parse(d.Gemeente);
                var periode = Geldigheid(d.GeldigVanaf, d.GeldigTot, plaats);
                if (!code.IsGeldig)
                {
                    Fout("REGEL-CODE", $"gemeente: {code.Fouten[0].Melding}", plaats);
                }
                else if (periode is { } pg && !Bestaat(gemeenten, d.Gemeente, pg))
                {
                    Fout("REGEL-VERWIJZING", $"gemeente {d.Gemeente} staat niet in gemeenten.json (in {pg})", plaats);
                }

                var beperking = new List<ProductCode>();
                foreach (var tekst in d.Producten ?? [])
                {
                    if (OptioneleCode(tekst, "producten", plaats) is not { } pc)
                    {
                        continue;
                    }

                    if (periode is { } pp && !onbruikbaar.Contains(pc.Waarde) && !producten.Any(x => x.Sleutel == pc.Waarde && x.Waarde.Perceel == perceel.Code && x.Geldigheid.Overlapt(pp)))
                    {
                        Fout("REGEL-VERWIJZING", $"product '{pc}' is geen product van perceel {perceel.Code}", plaats);
                    }

                    beperking.Add(pc);
                }

                if (periode is { } geldig && code.IsGeldig)
                {
                    items.Add(new(new Deelname(code.Waarde, geldig, beperking), plaats, d.Gemeente, geldig));
                }
            }

            GeenOverlap(items, "deelname van gemeente");
            return [.. items.Select(i => i.Waarde)];
        }

        /// <summary>Checks a product's lot and its family/dummy partner; needs all products and lots read.</summary>
        private void ProductVerwijzingen(List<Item<Product>> producten, List<Item<Perceel>> percelen)
        {
            foreach (var item in producten)
            {
                var p = item.Waarde;
                if (!Bestaat(percelen, p.Perceel, item.Geldigheid))
                {
                    Fout("REGEL-VERWIJZING", $"perceel '{p.Perceel}' staat niet in percelen.json (in {item.Geldigheid})", item.Plaats);
                }

                Groepsvariant(item, producten, percelen);
                switch (p.Soort)
                {
                    case ProductSoort.Gezin:
                        Partner(item, producten, p.ExtraClientProduct, "extraClientProduct", ProductSoort.ExtraClient, x => x.HoofdProduct, "hoofdProduct");
                        GeenVeld(item, p.HoofdProduct, "hoofdProduct", "een dummyproduct (soort extraClient)");
                        break;
                    case ProductSoort.ExtraClient:
                        Partner(item, producten, p.HoofdProduct, "hoofdProduct", ProductSoort.Gezin, x => x.ExtraClientProduct, "extraClientProduct");
                        GeenVeld(item, p.ExtraClientProduct, "extraClientProduct", "een gezinsproduct");
                        break;
                    default:
                        GeenVeld(item, p.ExtraClientProduct, "extraClientProduct", "een gezinsproduct");
                        GeenVeld(item, p.HoofdProduct, "hoofdProduct", "een dummyproduct (soort extraClient)");
                        break;
                }
            }
        }

        /// <summary>HK-317-6: an individual product's group variant is a group product of the same lot.</summary>
        private void Groepsvariant(Item<Product> item, List<Item<Product>> producten, List<Item<Perceel>> percelen)
        {
            var p = item.Waarde;
            if (p.Groepsvariant is not { } code)
            {
                return;
            }

            if (p.Soort != ProductSoort.Individueel)
            {
                Fout("REGEL-GROEP", "groepsvariant hoort alleen bij een individueel product", item.Plaats);
                return;
            }

            var groep = producten.FirstOrDefault(x => x.Waarde.Code == code && x.Geldigheid.Overlapt(item.Geldigheid));
            if (groep is null && onbruikbaar.Contains(code.Waarde))
            {
                // The group product has its own error already; one mistake gives one error.
            }
            else if (groep is null)
            {
                Fout("REGEL-VERWIJZING", $"groepsvariant '{code}' staat niet in producten.json (in {item.Geldigheid})", item.Plaats);
            }
            else if (groep.Waarde.Soort != ProductSoort.Groep || (groep.Waarde.Perceel != p.Perceel && Bestaat(percelen, p.Perceel, item.Geldigheid)))
            {
                Fout("REGEL-GROEP", $"groepsvariant '{code}' is geen groepsproduct van perceel {p.Perceel}", item.Plaats);
            }
        }

        private void GeenVeld(Item<Product> item, ProductCode? waarde, string veld, string alleenBij)
        {
            if (waarde is not null)
            {
                Fout("REGEL-GEZIN", $"{veld} hoort alleen bij {alleenBij}, niet bij soort {JsonNamingPolicy.CamelCase.ConvertName(item.Waarde.Soort.ToString())}", item.Plaats);
            }
        }

        private void Partner(
            Item<Product> item,
            List<Item<Product>> producten,
            ProductCode? partnerCode,
            string veld,
            ProductSoort partnerSoort,
            Func<Product, ProductCode?> terugVeld,
            string terugNaam)
        {
            var p = item.Waarde;
            if (partnerCode is not { } code)
            {
                Fout("REGEL-GEZIN", $"{veld} ontbreekt: een product van soort {JsonNamingPolicy.CamelCase.ConvertName(p.Soort.ToString())} wijst naar zijn partner", item.Plaats);
                return;
            }

            var partners = producten.Where(x => x.Sleutel == code.Waarde && x.Geldigheid.Overlapt(item.Geldigheid)).ToList();
            if (partners.Count == 0 && !onbruikbaar.Contains(code.Waarde))
            {
                Fout("REGEL-VERWIJZING", $"{veld} '{code}' staat niet in producten.json (in {item.Geldigheid})", item.Plaats);
            }

            foreach (var partner in partners)
            {
                var q = partner.Waarde;
                if (q.Soort != partnerSoort || terugVeld(q) != p.Code || q.Perceel != p.Perceel)
                {
                    Fout("REGEL-GEZIN",
                        $"{veld} '{code}' wijst niet terug: {partner.Plaats} moet soort {JsonNamingPolicy.CamelCase.ConvertName(partnerSoort.ToString())} zijn, " +
                        $"{terugNaam} '{p.Code}' hebben en in perceel {p.Perceel} liggen",
                        item.Plaats);
                }
            }
        }

        private List<Item<Leeftijdsgrens>> Leeftijdsgrenzen(List<(LeeftijdJson Waarde, string Plaats)> invoer, List<Item<Perceel>> percelen)
        {
            var items = new List<Item<Leeftijdsgrens>>();
            foreach (var (l, plaats) in invoer)
            {
                if (l.MaxLeeftijd is <= 0 or > 120)
                {
                    Fout("REGEL-WAARDE", $"maxLeeftijd {l.MaxLeeftijd} ligt niet tussen 1 en 120", plaats);
                }

                if (l.SignaalMaanden < 0)
                {
                    Fout("REGEL-WAARDE", $"signaalMaanden mag niet negatief zijn ({l.SignaalMaanden})", plaats);
                }

                if (l.Uitzonderingen.Distinct().Count() != l.Uitzonderingen.Count)
                {
                    Fout("REGEL-WAARDE", "een uitzondering staat er twee keer in", plaats);
                }

                if (Geldigheid(l.GeldigVanaf, l.GeldigTot, plaats) is { } periode)
                {
                    if (!Bestaat(percelen, l.Perceel, periode))
                    {
                        Fout("REGEL-VERWIJZING", $"perceel '{l.Perceel}' staat niet in percelen.json (in {periode})", plaats);
                    }

                    items.Add(new(new Leeftijdsgrens(l.Perceel, l.MaxLeeftijd, [.. l.Uitzonderingen], l.SignaalMaanden, periode), plaats, l.Perceel, periode));
                }
            }

            GeenOverlap(items, "leeftijdsgrens van perceel");
            return items;
        }

        private List<Item<StapelingsRegel>> Stapeling(
            List<(StapelingJson Waarde, string Plaats)> invoer,
            List<Item<Product>> producten,
            List<Item<Perceel>> percelen)
        {
            var items = new List<Item<StapelingsRegel>>();
            foreach (var (s, plaats) in invoer)
            {
                NietLeeg(s.RegelId, "regelId", plaats);
                NietLeeg(s.Toelichting, "toelichting", plaats);
                var periode = Geldigheid(s.GeldigVanaf, s.GeldigTot, plaats);
                var a = Selector(s.A, "a", plaats, periode, producten, percelen);
                var b = Selector(s.B, "b", plaats, periode, producten, percelen);
                if (a is not null && b is not null && periode is { } geldig)
                {
                    // The cell is symmetric, so a|b and b|a are the same key.
                    var sleutel = string.CompareOrdinal(a.ToString(), b.ToString()) <= 0 ? $"{a} × {b}" : $"{b} × {a}";
                    items.Add(new(new StapelingsRegel(a, b, s.Uitkomst, s.RegelId, s.Toelichting, geldig), plaats, sleutel, geldig));
                }
            }

            GeenOverlap(items, "stapelingscel");
            return items;
        }

        private StapelingSelector? Selector(
            string tekst,
            string veld,
            string plaats,
            Periode? periode,
            List<Item<Product>> producten,
            List<Item<Perceel>> percelen)
        {
            var delen = tekst.Split(':');
            if (delen.Length != 2 || delen[0] is not ("product" or "perceel") ||
                (delen[0] == "product" ? !ProductCode.Parse(delen[1]).IsGeldig : !PerceelCode().IsMatch(delen[1])))
            {
                Fout("REGEL-CODE", $"{veld} '{tekst}' is geen selector (product:CODE of perceel:CODE)", plaats);
                return null;
            }

            if (periode is { } p &&
                !(delen[0] == "product" ? Bestaat(producten, delen[1], p) : Bestaat(percelen, delen[1], p)))
            {
                Fout("REGEL-VERWIJZING", $"{veld} '{tekst}': {delen[0]} {delen[1]} staat niet in {(delen[0] == "product" ? "producten" : "percelen")}.json (in {p})", plaats);
            }

            return new StapelingSelector(delen[0], delen[1]);
        }

        private List<Item<Beleid>> Beleid(List<(BeleidJson Waarde, string Plaats)> invoer)
        {
            var items = new List<Item<Beleid>>();
            foreach (var (b, plaats) in invoer)
            {
                Positief(b.Terugval.VensterMaanden, "terugval.vensterMaanden", plaats);
                Positief(b.Terugval.Minuten, "terugval.minuten", plaats);
                Positief(b.Terugval.DuurMaanden, "terugval.duurMaanden", plaats);
                Positief(b.EinddatumVerschuiven.MaxKeren, "einddatumVerschuiven.maxKeren", plaats);
                Positief(b.EinddatumVerschuiven.MaxMaanden, "einddatumVerschuiven.maxMaanden", plaats);
                if (b.EinddatumVerschuiven.MaxProcentVanPeriode is <= 0 or > 100)
                {
                    Fout("REGEL-WAARDE", $"einddatumVerschuiven.maxProcentVanPeriode {b.EinddatumVerschuiven.MaxProcentVanPeriode} ligt niet tussen 1 en 100", plaats);
                }

                Positief(b.IntakeNaVerwijzingMaanden, "intakeNaVerwijzingMaanden", plaats);
                Positief(b.NoShowMaxPerKalenderjaar, "noShowMaxPerKalenderjaar", plaats);
                MedischeVerwijzers(b.MedischeVerwijzers, plaats);
                if (Geldigheid(b.GeldigVanaf, b.GeldigTot, plaats) is { } periode)
                {
                    var t = b.Terugval;
                    var e = b.EinddatumVerschuiven;
                    items.Add(new(new Beleid(
                        new TerugvalBeleid(t.VensterMaanden, t.Minuten, t.DuurMaanden),
                        new EinddatumVerschuivenBeleid(e.MaxKeren, e.MaxProcentVanPeriode, e.MaxMaanden),
                        b.IntakeNaVerwijzingMaanden,
                        periode)
                    {
                        NoShowMaxPerKalenderjaar = b.NoShowMaxPerKalenderjaar,
                        MedischeVerwijzers = [.. b.MedischeVerwijzers.Select(m => new MedischeVerwijzer(m.Type, m.Omschrijving))],
                    }, plaats, "beleid", periode));
                }
            }

            GeenOverlap(items, "versie van het");
            return items;
        }

        /// <summary>
        /// §15 C-14: the medical referrers are iJw types of the medical route only (02, 03, 05; the others have
        /// their own route in HK-315-10), each once, described, and at least one.
        /// </summary>
        private void MedischeVerwijzers(List<MedischeVerwijzerJson> lijst, string plaats)
        {
            if (lijst.Count == 0)
            {
                Fout("REGEL-WAARDE", "medischeVerwijzers is leeg: noem ten minste één verwijzertype van de medische route", plaats);
            }

            var gezien = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < lijst.Count; i++)
            {
                var m = lijst[i];
                if (m.Type is not ("02" or "03" or "05"))
                {
                    Fout("REGEL-CODE", $"medischeVerwijzers[{i}].type '{m.Type}' is geen verwijzertype van de medische route (02, 03, 05)", plaats);
                }
                else if (!gezien.Add(m.Type))
                {
                    Fout("REGEL-WAARDE", $"medischeVerwijzers[{i}].type '{m.Type}' staat er meer dan eens in", plaats);
                }

                NietLeeg(m.Omschrijving, $"medischeVerwijzers[{i}].omschrijving", plaats);
            }
        }

        /// <summary>
        /// The 24-hour care rules (HK spec §14): one version at a time; every product and lot it names must exist
        /// in its period, the ages and the ZZP table must make sense, each tariff year appears once.
        /// </summary>
        private List<Item<Verblijfregels>> Verblijf(List<(VerblijfJson Waarde, string Plaats)> invoer, List<Item<Product>> producten, List<Item<Perceel>> percelen)
        {
            var items = new List<Item<Verblijfregels>>();
            foreach (var (v, plaats) in invoer)
            {
                var periode = Geldigheid(v.GeldigVanaf, v.GeldigTot, plaats);
                if (v.MinEtmalenPerWeek is <= 0 or > 7)
                {
                    Fout("REGEL-WAARDE", $"minEtmalenPerWeek {v.MinEtmalenPerWeek} ligt niet tussen 0 en 7", plaats);
                }

                ProductCode? BestaandProduct(string tekst, string veld)
                {
                    var code = OptioneleCode(tekst, veld, plaats);
                    if (code is { } c && periode is { } p && !Bestaat(producten, c.Waarde, p))
                    {
                        Fout("REGEL-VERWIJZING", $"{veld} '{c}' staat niet in producten.json (in {p})", plaats);
                    }

                    return code;
                }

                var inScope = new List<VerblijfProduct>();
                for (var i = 0; i < v.Producten.Count; i++)
                {
                    if (BestaandProduct(v.Producten[i].Code, $"producten[{i}].code") is { } code)
                    {
                        if (inScope.Any(x => x.Code == code))
                        {
                            Fout("REGEL-WAARDE", $"producten[{i}].code '{code}' staat er twee keer in", plaats);
                        }

                        inScope.Add(new VerblijfProduct(code, v.Producten[i].Soort));
                    }
                }

                var buiten = new List<BuitenScope>();
                for (var i = 0; i < v.BuitenScope.Count; i++)
                {
                    var b = v.BuitenScope[i];
                    NietLeeg(b.Naam, $"buitenScope[{i}].naam", plaats);
                    NietLeeg(b.Reden, $"buitenScope[{i}].reden", plaats);
                    var codes = new List<ProductCode>();
                    foreach (var tekst in b.Producten ?? [])
                    {
                        if (BestaandProduct(tekst, $"buitenScope[{i}].producten") is { } code)
                        {
                            if (inScope.Any(x => x.Code == code))
                            {
                                Fout("REGEL-WAARDE", $"buitenScope[{i}].producten: '{code}' staat ook bij de producten binnen de scope", plaats);
                            }

                            codes.Add(code);
                        }
                    }

                    foreach (var perceel in b.Percelen ?? [])
                    {
                        if (periode is { } p && !Bestaat(percelen, perceel, p))
                        {
                            Fout("REGEL-VERWIJZING", $"buitenScope[{i}].percelen: perceel '{perceel}' staat niet in percelen.json (in {p})", plaats);
                        }
                    }

                    buiten.Add(new BuitenScope(b.Naam, b.Reden, codes, [.. b.Percelen ?? []]));
                }

                var bw = v.BegeleidWonen;
                if (bw.MaxLeeftijdJeugd is <= 0 or > 120 || bw.JongvolwassenVanaf <= bw.MaxLeeftijdJeugd || bw.JongvolwassenTot < bw.JongvolwassenVanaf || bw.JongvolwassenTot > 120)
                {
                    Fout("REGEL-WAARDE",
                        $"begeleidWonen: leeftijden {bw.MaxLeeftijdJeugd}, {bw.JongvolwassenVanaf}–{bw.JongvolwassenTot} kloppen niet (maxLeeftijdJeugd < jongvolwassenVanaf ≤ jongvolwassenTot ≤ 120)", plaats);
                }

                var meerzorgProduct = BestaandProduct(v.Meerzorg.Product, "meerzorg.product");
                var zzp = new List<ZzpNorm>();
                for (var i = 0; i < v.Meerzorg.Zzp.Count; i++)
                {
                    var z = v.Meerzorg.Zzp[i];
                    if (NietLeeg(z.Naam, $"meerzorg.zzp[{i}].naam", plaats) && zzp.Any(x => x.Naam == z.Naam))
                    {
                        Fout("REGEL-WAARDE", $"meerzorg.zzp[{i}].naam '{z.Naam}' staat er twee keer in", plaats);
                    }

                    if (z.BegeleidingUren < 0 || z.BehandelingUren < 0 || z.BegeleidingUren + z.BehandelingUren <= 0)
                    {
                        Fout("REGEL-WAARDE", $"meerzorg.zzp[{i}] ({z.Naam}): uren mogen niet negatief zijn en samen niet 0", plaats);
                    }

                    zzp.Add(new ZzpNorm(z.Naam, z.BegeleidingUren, z.BehandelingUren));
                }

                var tarieven = new List<MoederKindTarief>();
                for (var i = 0; i < v.MoederKindtoeslag.Count; i++)
                {
                    var t = v.MoederKindtoeslag[i];
                    if (t.Jaar is < 2000 or > 2200)
                    {
                        Fout("REGEL-WAARDE", $"moederKindtoeslag[{i}].jaar {t.Jaar} is geen kalenderjaar", plaats);
                    }
                    else if (tarieven.Any(x => x.Jaar == t.Jaar))
                    {
                        Fout("REGEL-OVERLAP", $"moederKindtoeslag[{i}].jaar {t.Jaar} staat er twee keer in", plaats);
                    }

                    if (t.BedragPerEtmaal <= 0 || decimal.Round(t.BedragPerEtmaal, 2) != t.BedragPerEtmaal)
                    {
                        Fout("REGEL-WAARDE", $"moederKindtoeslag[{i}].bedragPerEtmaal {t.BedragPerEtmaal} moet een positief bedrag in centen zijn", plaats);
                    }

                    tarieven.Add(new MoederKindTarief(t.Jaar, t.BedragPerEtmaal));
                }

                if (periode is { } geldig && meerzorgProduct is { } mp)
                {
                    items.Add(new(new Verblijfregels(v.MinEtmalenPerWeek, inScope, buiten,
                        new BegeleidWonenLeeftijd(bw.MaxLeeftijdJeugd, bw.JongvolwassenVanaf, bw.JongvolwassenTot),
                        new MeerzorgRegels(mp, zzp), tarieven, geldig), plaats, "verblijf", geldig));
                }
            }

            GeenOverlap(items, "versie van de");
            return items;
        }

        private List<ExtraVrijeDag> VrijeDagen(List<(VrijeDagJson Waarde, string Plaats)> invoer)
        {
            var gezien = new Dictionary<DateOnly, string>();
            var resultaat = new List<ExtraVrijeDag>();
            foreach (var (v, plaats) in invoer)
            {
                NietLeeg(v.Omschrijving, "omschrijving", plaats);
                if (!gezien.TryAdd(v.Datum, plaats))
                {
                    Fout("REGEL-OVERLAP", $"datum {v.Datum:yyyy-MM-dd} staat ook in {gezien[v.Datum]}", plaats);
                }

                resultaat.Add(new ExtraVrijeDag(v.Datum, v.Omschrijving));
            }

            return resultaat;
        }
    }
}

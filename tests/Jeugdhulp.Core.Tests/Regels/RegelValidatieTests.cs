using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Regels;

/// <summary>Every kind of bad rule data stops loading with an error naming file and entry.</summary>
public class RegelValidatieTests
{
    /// <summary>One edit of a shipped file (first occurrence of <c>Oud</c>) and the single error it must cause.</summary>
    public sealed record Geval(string Bestand, string Oud, string Nieuw, string Code, string Plaats, string Melding, int Aantal = 1)
    {
        public override string ToString() => $"{Bestand}: {Melding}";
    }

    public static TheoryData<Geval> Gevallen => new()
    {
        // JSON syntax: line number of the file.
        new("beleid.json", "\"intakeNaVerwijzingMaanden\": 12,", "\"intakeNaVerwijzingMaanden\": 12 12,",
            "REGEL-JSON", "beleid.json: regel 11", "geen geldige JSON (teken 39): '1' is invalid after a value."),
        // Unknown, missing, duplicate and ill-typed fields.
        new("producten.json", "\"code\": \"45F21\",", "\"code\": \"45F21\", \"kleur\": \"rood\",",
            "REGEL-VELD", "producten.json: producten[1] (45F21)", "onbekend veld 'kleur'"),
        new("producten.json", "\"code\": \"45F21\",", "\"code\": \"45F21\", \"code\": \"45F21\",",
            "REGEL-VELD", "producten.json: producten[1] (45F21)", "veld 'code' staat er meer dan eens in"),
        new("producten.json", "{ \"naam\": \"A\", \"urenPerWeek\": 2, \"maxUren\": 96,", "{ \"naam\": \"A\", \"urenPerWeek\": 2, \"maxUur\": 96,",
            "REGEL-VELD", "producten.json: producten[1] (45F21)", "onbekend veld 'richtlijn[0].maxUur'"),
        new("gemeenten.json", "\"emailDeclaraties\": \"almere@stipter.nl\",", "",
            "REGEL-VELD", "gemeenten.json: gemeenten[0] (0034)", "verplicht veld 'emailDeclaraties' ontbreekt"),
        new("gemeenten.json", "\"naam\": \"Almere\",", "\"naam\": null,",
            "REGEL-VELD", "gemeenten.json: gemeenten[0] (0034)", "veld 'naam' heeft ongeldige waarde null"),
        new("producten.json", "\"maxUren\": 96,", "\"maxUren\": \"veel\",",
            "REGEL-VELD", "producten.json: producten[1] (45F21)", "veld 'richtlijn[0].maxUren' heeft ongeldige waarde \"veel\": verwacht een geheel getal"),
        new("termijnen.json", "\"geldigVanaf\": \"2027-01-01\"", "\"geldigVanaf\": \"1-1-2027\"",
            "REGEL-VELD", "termijnen.json: termijnen[0] (HK-315-2)", "verwacht een datum"),
        // Unknown enum values name the allowed ones.
        new("producten.json", "\"soort\": \"gezin\",", "\"soort\": \"familie\",",
            "REGEL-VELD", "producten.json: producten[3] (45F23)", "'individueel', 'groep', 'gezin', 'extraClient'"),
        new("stapeling.json", "\"uitkomst\": \"verboden\",", "\"uitkomst\": \"misschien\",",
            "REGEL-VELD", "stapeling.json: stapeling[33] (HK-STAP-KDC)", "'toegestaan', 'beoordelen', 'verboden'"),
        // Bad codes.
        new("gemeenten.json", "\"code\": \"0303\",", "\"code\": \"303\",",
            "REGEL-CODE", "gemeenten.json: gemeenten[1] (303)", "geen CBS-gemeentecode", Aantal: 3), // and Multi's and the conversion table's 0303 are gone
        new("producten.json", "\"eenheid\": \"84\",", "\"eenheid\": \"07\",",
            "REGEL-CODE", "producten.json: producten[4] (45F24)", "eenheid '07' is geen iJw-eenheid"),
        new("producten.json", "\"frequentie\": \"6\",", "\"frequentie\": \"3\",",
            "REGEL-CODE", "producten.json: producten[0] (45F11)", "frequentie '3' is geen iJw-frequentie"),
        new("producten.json", "\"categorie\": \"45\",", "\"categorie\": \"39\",",
            "REGEL-CODE", "producten.json: producten[0] (45F11)", "categorie '39' is geen iJw-productcategorie"),
        new("percelen.json", "\"code\": \"TOM\",", "\"code\": \"tom\",",
            "REGEL-CODE", "percelen.json: percelen[10] (tom)", "geen perceelcode", Aantal: 3), // and two cells name TOM
        new("stapeling.json", "\"a\": \"product:45F02\",", "\"a\": \"45F02\",",
            "REGEL-CODE", "stapeling.json: stapeling[34] (HK-STAP-KDC)", "a '45F02' is geen selector"),
        // Validity periods.
        new("leeftijd.json", "\"signaalMaanden\": 3,\n      \"geldigVanaf\": \"2027-01-01\",", "\"signaalMaanden\": 3,\n      \"geldigVanaf\": \"2027-01-01\", \"geldigTot\": \"2026-12-31\",",
            "REGEL-PERIODE", "leeftijd.json: leeftijdsgrenzen[0] (MULTI)", "geldigTot 2026-12-31 ligt voor geldigVanaf 2027-01-01"),
        // 45F11 is then unusable; the lot and stacking cells naming it do not add follow-up errors.
        new("producten.json", "\"maxDuurHard\": true,\n      \"geldigVanaf\": \"2027-01-01\",", "\"maxDuurHard\": true,\n      \"geldigVanaf\": \"2027-01-01\", \"geldigTot\": \"2026-01-01\",",
            "REGEL-PERIODE", "producten.json: producten[0] (45F11)", "geldigTot 2026-01-01 ligt voor geldigVanaf 2027-01-01"),
        new("beleid.json", "    },\n  ],", "    },\n    { \"terugval\": { \"vensterMaanden\": 4, \"minuten\": 900, \"duurMaanden\": 3 }, \"einddatumVerschuiven\": { \"maxKeren\": 1, \"maxProcentVanPeriode\": 50, \"maxMaanden\": 6 }, \"intakeNaVerwijzingMaanden\": 12, \"noShowMaxPerKalenderjaar\": 3, \"medischeVerwijzers\": [{ \"type\": \"02\", \"omschrijving\": \"huisarts\" }], \"geldigVanaf\": \"2028-01-01\" },\n  ],",
            "REGEL-OVERLAP", "beleid.json: beleid[1]", "al geldig volgens beleid.json: beleid[0]"),
        // §15 C-14: the medical referrers are the medical iJw types, each once.
        new("beleid.json", "{ \"type\": \"03\",", "{ \"type\": \"01\",",
            "REGEL-CODE", "beleid.json: beleid[0]", "medischeVerwijzers[1].type '01' is geen verwijzertype van de medische route (02, 03, 05)"),
        new("beleid.json", "{ \"type\": \"03\",", "{ \"type\": \"02\",",
            "REGEL-WAARDE", "beleid.json: beleid[0]", "medischeVerwijzers[1].type '02' staat er meer dan eens in"),
        // HK-PRD-3: the extra tariffed family allocation is a property of a family product only.
        new("producten.json", "\"soort\": \"individueel\",", "\"soort\": \"individueel\", \"extraToewijzingMetTarief\": true,",
            "REGEL-GEZIN", "producten.json: producten[0] (45F11)", "extraToewijzingMetTarief hoort alleen bij een gezinsproduct"),
        new("termijnen.json", "\"id\": \"HK-307-1\",", "\"id\": \"HK-305-1\",",
            "REGEL-OVERLAP", "termijnen.json: termijnen[3] (HK-305-1)", "termijn 'HK-305-1' is in 2027-01-01.. al geldig volgens termijnen.json: termijnen[2] (HK-305-1)"),
        new("percelen.json", "{ \"gemeente\": \"0184\", \"geldigVanaf\": \"2027-01-01\" },", "{ \"gemeente\": \"0184\", \"geldigVanaf\": \"2027-01-01\" }, { \"gemeente\": \"0184\", \"geldigVanaf\": \"2028-01-01\" },",
            "REGEL-OVERLAP", "percelen.json: percelen[0] (MULTI) deelnames[4] (0184)", "deelname van gemeente '0184'"),
        // References to unknown items.
        new("producten.json", "\"perceel\": \"BASIS\",", "\"perceel\": \"BASSI\",",
            "REGEL-VERWIJZING", "producten.json: producten[11] (45F01)", "perceel 'BASSI' staat niet in percelen.json"),
        new("percelen.json", "\"producten\": [\"45F34\", \"45F36\"]", "\"producten\": [\"45F34\", \"45F01\"]",
            "REGEL-VERWIJZING", "percelen.json: percelen[0] (MULTI) deelnames[4] (0995)", "product '45F01' is geen product van perceel MULTI"),
        new("percelen.json", "{ \"gemeente\": \"0171\", \"geldigVanaf\": \"2027-01-01\" },", "{ \"gemeente\": \"0050\", \"geldigVanaf\": \"2027-01-01\" },",
            "REGEL-VERWIJZING", "percelen.json: percelen[0] (MULTI) deelnames[2] (0050)", "gemeente 0050 staat niet in gemeenten.json"),
        new("percelen.json", "\"doorlooptijdTermijn\": \"HK-317-4-BASIS\",", "\"doorlooptijdTermijn\": \"HK-317-4\",",
            "REGEL-VERWIJZING", "percelen.json: percelen[1] (BASIS)", "doorlooptijdTermijn 'HK-317-4' staat niet in termijnen.json"),
        new("percelen.json", "\"diagnostiekEerst\": \"45F11\",", "\"diagnostiekEerst\": \"45F01\",",
            "REGEL-VERWIJZING", "percelen.json: percelen[0] (MULTI)", "diagnostiekEerst '45F01' is geen product van perceel MULTI"),
        new("leeftijd.json", "\"perceel\": \"BASIS\",", "\"perceel\": \"KDC2\",",
            "REGEL-VERWIJZING", "leeftijd.json: leeftijdsgrenzen[1] (KDC2)", "perceel 'KDC2' staat niet in percelen.json"),
        new("stapeling.json", "\"b\": \"perceel:GGW\",", "\"b\": \"perceel:GGZ\",",
            "REGEL-VERWIJZING", "stapeling.json: stapeling[25] (HK-STAP-GGW)", "perceel GGZ staat niet in percelen.json"),
        // Family product and dummy must point at each other.
        new("producten.json", "\"hoofdProduct\": \"45F33\",", "\"hoofdProduct\": \"45F34\",",
            "REGEL-GEZIN", "producten.json: producten[9] (45F35)", "hoofdProduct '45F34' wijst niet terug", Aantal: 2),
        new("producten.json", "\"begeleidingsratio\": \"1:4\",", "\"begeleidingsratio\": \"1:4\", \"extraClientProduct\": \"45F24\",",
            "REGEL-GEZIN", "producten.json: producten[2] (45F22)", "extraClientProduct hoort alleen bij een gezinsproduct"),
        // An individual product's group variant is a group product of the same lot (HK-317-6).
        new("producten.json", "\"groepsvariant\": \"45F22\",", "\"groepsvariant\": \"45F23\",",
            "REGEL-GROEP", "producten.json: producten[1] (45F21)", "groepsvariant '45F23' is geen groepsproduct van perceel MULTI"),
        new("producten.json", "\"groepsvariant\": \"45F02\",", "\"groepsvariant\": \"45F99\",",
            "REGEL-VERWIJZING", "producten.json: producten[11] (45F01)", "groepsvariant '45F99' staat niet in producten.json"),
        new("producten.json", "\"groepsvariant\": \"45F32\",", "\"groepsvariant\": \"45F02\",",
            "REGEL-GROEP", "producten.json: producten[5] (45F31)", "groepsvariant '45F02' is geen groepsproduct van perceel MULTI"),
        // Values out of range.
        new("termijnen.json", "\"aantal\": 10,", "\"aantal\": 0,",
            "REGEL-WAARDE", "termijnen.json: termijnen[5] (HK-317-4-MULTI)", "aantal moet groter dan 0 zijn"),
        new("producten.json", "\"maxGroepsgrootte\": 16,", "\"maxGroepsgrootte\": 16, \"maxDuurMaanden\": 6,",
            "REGEL-VELD", "producten.json: producten[12] (45F02)", "veld 'maxDuurMaanden' staat er meer dan eens in"),
        new("gemeenten.json", "\"emailToewijzingen\": \"administratie.sd@urk.nl\",", "\"emailToewijzingen\": \"administratie.sd urk.nl\",",
            "REGEL-WAARDE", "gemeenten.json: gemeenten[4] (0184)", "geen e-mailadres"),
    };

    [Theory]
    [MemberData(nameof(Gevallen))]
    public void Foute_regeldata_geeft_een_fout_met_bestand_en_item(Geval geval)
    {
        var bestanden = RegelData.Bewerkt(geval.Bestand, t => EersteVervangen(t, geval.Oud, geval.Nieuw));

        var resultaat = RegelLader.Laad(bestanden);

        Assert.False(resultaat.IsGeldig);
        // One mistake gives exactly the errors it should, no follow-up noise (a broken family pair is wrong
        // on both sides).
        Assert.True(resultaat.Fouten.Count == geval.Aantal, string.Join(Environment.NewLine, resultaat.Fouten));
        var fout = resultaat.Fouten.First(f => f.Plaats == geval.Plaats);
        Assert.Equal(geval.Code, fout.Code);
        Assert.Equal(geval.Plaats, fout.Plaats);
        Assert.Contains(geval.Melding, fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Alle_fouten_uit_alle_bestanden_worden_gemeld()
    {
        var bestanden = RegelData.Flevoland()
            .Select(b => b.Naam switch
            {
                "producten.json" => b with { Tekst = EersteVervangen(b.Tekst, "\"eenheid\": \"84\",", "\"eenheid\": \"07\",") },
                "gemeenten.json" => b with { Tekst = EersteVervangen(b.Tekst, "\"emailDeclaraties\": \"almere@stipter.nl\"", "\"emailDeclaraties\": \"almere\"") },
                "termijnen.json" => b with { Tekst = EersteVervangen(b.Tekst, "\"aantal\": 10,", "\"aantal\": -1,") },
                _ => b,
            })
            .ToList();

        var fouten = RegelLader.Laad(bestanden).Fouten;

        Assert.Equal(["REGEL-CODE", "REGEL-WAARDE", "REGEL-WAARDE"], fouten.Select(f => f.Code).Order());
        Assert.Contains(fouten, f => f.ToString().StartsWith("producten.json: producten[4] (45F24): REGEL-CODE: eenheid '07' is geen iJw-eenheid", StringComparison.Ordinal));
    }

    [Fact]
    public void Een_ontbrekend_of_onbekend_bestand_is_een_fout()
    {
        var bestanden = RegelData.Flevoland().Where(b => b.Naam != "stapeling.json").ToList();
        bestanden.Add(new RegelBestand("stapelingen.json", "{}"));

        var fouten = RegelLader.Laad(bestanden).Fouten;

        Assert.Equal(2, fouten.Count);
        Assert.All(fouten, f => Assert.Equal("REGEL-BESTAND", f.Code));
        Assert.Contains(fouten, f => f.Plaats == "stapeling.json" && f.Melding.Contains("ontbreekt", StringComparison.Ordinal));
        Assert.Contains(fouten, f => f.Plaats == "stapelingen.json" && f.Melding.Contains("onbekend bestand", StringComparison.Ordinal));
    }

    [Fact]
    public void Een_bestand_met_een_ander_hoofdveld_is_een_fout()
    {
        var fouten = RegelLader.Laad(RegelData.Met("vrije-dagen.json", """{ "vrijedagen": [] }""")).Fouten;

        Assert.Equal(2, fouten.Count);
        Assert.Contains(fouten, f => f.Melding == "onbekend veld 'vrijedagen' (verwacht alleen 'vrijeDagen')");
        Assert.Contains(fouten, f => f.Melding == "verplicht veld 'vrijeDagen' (een lijst) ontbreekt");
    }

    [Fact]
    public void Een_periode_zonder_beleid_is_geen_fout()
    {
        var bestanden = RegelData.Bewerkt("beleid.json",
            t => EersteVervangen(t, "\"geldigVanaf\": \"2027-01-01\",", "\"geldigVanaf\": \"2027-01-01\", \"geldigTot\": \"2027-12-31\","));

        var resultaat = RegelLader.Laad(bestanden);

        Assert.True(resultaat.IsGeldig, string.Join(Environment.NewLine, resultaat.Fouten));
        Assert.NotNull(resultaat.Waarde.OpDatum(new DateOnly(2027, 12, 31)).Beleid);
        Assert.Null(resultaat.Waarde.OpDatum(new DateOnly(2028, 1, 1)).Beleid);
    }

    [Fact]
    public void Twee_extra_vrije_dagen_op_dezelfde_datum_zijn_een_fout()
    {
        var fout = Assert.Single(RegelLader.Laad(RegelData.Met("vrije-dagen.json", """
            { "vrijeDagen": [
              { "datum": "2030-04-29", "omschrijving": "KB 1" },
              { "datum": "2030-04-29", "omschrijving": "KB 2" },
            ] }
            """)).Fouten);

        Assert.Equal(new Fout("REGEL-OVERLAP", "datum 2030-04-29 staat ook in vrije-dagen.json: vrijeDagen[0] (2030-04-29)", "vrije-dagen.json: vrijeDagen[1] (2030-04-29)"), fout);
    }

    private static string EersteVervangen(string tekst, string oud, string nieuw)
    {
        var i = tekst.IndexOf(oud, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{oud}' niet gevonden");
        return string.Concat(tekst.AsSpan(0, i), nieuw, tekst.AsSpan(i + oud.Length));
    }
}

using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Regels;

/// <summary>conversie.json (HK-CONV-1): loaded as dated data, bad lines refused naming file, entry and field.</summary>
public class ConversietabelTests
{
    private static Gemeentecode G(string code) => Gemeentecode.Parse(code).Waarde;

    [Fact]
    public void De_meegeleverde_tabellen_laden_met_overgangsdatum_en_mapping_per_gemeente()
    {
        var catalogus = RegelLader.Laad(RegelData.Flevoland()).Waarde;
        var almere = catalogus.OpDatum(new DateOnly(2026, 12, 1)).Conversietabel(G("0034"))!;

        Assert.Equal(new DateOnly(2027, 1, 1), almere.Overgangsdatum);
        Assert.Equal(6, almere.AfrondenBinnenMaanden);
        var regel = almere.Regel(ProductCode.Parse("45A01").Waarde)!;
        Assert.Equal(("04", "2", "45F21", ConversieRoute.Administratief), (regel.OudeEenheid, regel.OudeFrequentie, regel.NieuweCode?.Waarde, regel.Route));
        Assert.Null(almere.Regel(ProductCode.Parse("45Z99").Waarde));
        Assert.Null(catalogus.OpDatum(new DateOnly(2026, 1, 1)).Conversietabel(G("0034")));
    }

    [Fact]
    public void Een_regelmap_zonder_conversie_json_is_geldig_en_heeft_geen_tabellen()
    {
        var r = RegelLader.Laad(RegelData.Flevoland().Where(b => b.Naam != "conversie.json"));

        Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));
        Assert.Empty(r.Waarde.Conversietabellen);
    }

    public sealed record Geval(string Oud, string Nieuw, string Code, string Plaats, string Melding)
    {
        public override string ToString() => Melding;
    }

    public static TheoryData<Geval> Gevallen => new()
    {
        new("\"nieuweCode\": \"45F21\", \"route\": \"administratief\"", "\"nieuweCode\": \"45X99\", \"route\": \"administratief\"",
            "REGEL-VERWIJZING", "conversie.json: conversie[0] (0034) mapping[0] (45A01)", "nieuweCode '45X99' staat niet in producten.json op de overgangsdatum 2027-01-01"),
        new("\"nieuweCode\": \"45F21\", \"route\": \"administratief\"", "\"route\": \"administratief\"",
            "REGEL-VELD", "conversie.json: conversie[0] (0034) mapping[0] (45A01)", "nieuweCode ontbreekt"),
        new("{ \"oudeCode\": \"45A02\"", "{ \"oudeCode\": \"45A01\"",
            "REGEL-OVERLAP", "conversie.json: conversie[0] (0034) mapping[1] (45A01)", "oudeCode '45A01' staat er meer dan eens in"),
        new("\"oudeEenheid\": \"04\", \"oudeFrequentie\": \"2\", \"nieuweCode\": \"45F21\"", "\"oudeEenheid\": \"84\", \"oudeFrequentie\": \"2\", \"nieuweCode\": \"45F21\"",
            "REGEL-WAARDE", "conversie.json: conversie[0] (0034) mapping[0] (45A01)", "eenheid 84 met frequentie 2 is niet om te rekenen naar 45F21"),
        new("\"route\": \"administratief\"", "\"route\": \"snel\"",
            "REGEL-VELD", "conversie.json: conversie[0] (0034)", "'administratief', 'lichteToets', 'herindicatie'"),
        new("\"afrondenBinnenMaanden\": 6,", "\"afrondenBinnenMaanden\": 0,",
            "REGEL-WAARDE", "conversie.json: conversie[0] (0034)", "afrondenBinnenMaanden moet groter dan 0 zijn"),
        new("\"gemeente\": \"0034\",", "\"gemeente\": \"0050\",",
            "REGEL-VERWIJZING", "conversie.json: conversie[0] (0050)", "gemeente 0050 staat niet in gemeenten.json"),
        new("\"geldigVanaf\": \"2026-10-01\",", "\"geldigVanaf\": \"2027-02-01\",",
            "REGEL-PERIODE", "conversie.json: conversie[0] (0034)", "overgangsdatum 2027-01-01 ligt niet in de geldigheid"),
    };

    [Theory]
    [MemberData(nameof(Gevallen))]
    public void Foute_conversiedata_wordt_geweigerd_met_bestand_item_en_veld(Geval geval)
    {
        var bestanden = RegelData.Bewerkt("conversie.json", t =>
        {
            var i = t.IndexOf(geval.Oud, StringComparison.Ordinal);
            Assert.True(i >= 0, geval.Oud);
            return string.Concat(t.AsSpan(0, i), geval.Nieuw, t.AsSpan(i + geval.Oud.Length));
        });

        var r = RegelLader.Laad(bestanden);

        Assert.False(r.IsGeldig);
        var fout = Assert.Single(r.Fouten);
        Assert.Equal(geval.Code, fout.Code);
        Assert.Equal(geval.Plaats, fout.Plaats);
        Assert.Contains(geval.Melding, fout.Melding, StringComparison.Ordinal);
    }
}

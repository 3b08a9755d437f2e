using Jeugdhulp.Store.Bevindingen;
using Jeugdhulp.Store.Inhoud;

namespace Jeugdhulp.Store.Tests.Bevindingen;

/// <summary>
/// A request line's findings and signals stored as one text (migration 0038): every field, the order, the parameters (names,
/// values, order) and the dates read back exactly as written, whatever a value holds.
/// </summary>
public class BevindinglijstTests
{
    private static readonly Vastgelegd[] Voorbeeld =
    [
        new("bevinding", "HK-315-4", "review", null, "onbekend", [new("client", "999990019")], null),
        new("bevinding", "HK-PER-5", "approved", null, "neemt-deel",
            [new("gemeenteNaam", "Súdwest-Fryslân (1900)"), new("naam", "Zorg \"thuis\" & <school>"), new("product", "45F11")], null),
        new("bevinding", "OP347", "approved", null, "geen-ander-verzoek", [], null),
        new("bevinding", "HK-315-5", "rejected", 4, "geen-product", [new("leeg", ""), new("stuur", "a\u001eb\u001fc\nd\\e")], null),
        new("bevinding", "HK-315-11", "review", null, "diagnostiek-eerst", [new("diagnostiek", "45A11")], null),
        new("signaal", "HK-305-1", "signaal", null, "termijn", [new("dagen", "5")], new DateOnly(2027, 3, 2)),
        new("signaal", "HK-CONTRACT", "signaal", null, "zonder-datum", [], null),
    ];

    [Fact]
    public void Elk_veld_de_volgorde_de_parameters_en_de_datums_komen_terug_zoals_geschreven()
    {
        var terug = Bevindinglijst.Lees(Bevindinglijst.Schrijf(Voorbeeld));

        Assert.Equal(Voorbeeld.Select(Vlak), terug.Select(Vlak));
    }

    [Fact]
    public void Een_regel_zonder_bevindingen_is_een_lege_tekst_zonder_beoordeling()
    {
        Assert.Equal("", Bevindinglijst.Schrijf([]));
        Assert.Empty(Bevindinglijst.Lees(""));
        Assert.Null(Bevindinglijst.Beoordelen([]));
    }

    [Fact]
    public void De_scheidingstekens_staan_alleen_tussen_bevindingen_en_velden()
    {
        var tekst = Bevindinglijst.Schrijf(Voorbeeld);

        // Seven entries, so six RS; a value holding RS or US is escaped by the JSON of its parameters.
        Assert.Equal(Voorbeeld.Length - 1, tekst.Count(c => c == Bevindinglijst.Tussen));
        Assert.Contains("\u001fHK-315-4\u001f", tekst, StringComparison.Ordinal);
        Assert.StartsWith("b\u001fHK-315-4\u001fonbekend\u001f\"client\":\"999990019\"\u001e", tekst, StringComparison.Ordinal);
        Assert.Contains("\u001ea4\u001fHK-315-5\u001f", tekst, StringComparison.Ordinal);
        Assert.EndsWith("\u001es\u001fHK-CONTRACT\u001fzonder-datum\u001f", tekst, StringComparison.Ordinal);
    }

    [Fact]
    public void De_regels_in_beoordeling_staan_tussen_spaties_in_controlevolgorde()
    {
        Assert.Equal(" HK-315-4 HK-315-11 ", Bevindinglijst.Beoordelen(Voorbeeld));
        Assert.Null(Bevindinglijst.Beoordelen(Voorbeeld[1..4]));
        Assert.Contains(Bevindinglijst.Zoekterm("HK-315-11"), Bevindinglijst.Beoordelen(Voorbeeld), StringComparison.Ordinal);
        Assert.DoesNotContain(Bevindinglijst.Zoekterm("HK-315"), Bevindinglijst.Beoordelen(Voorbeeld), StringComparison.Ordinal);
    }

    [Fact]
    public void Een_regel_id_met_een_spatie_of_stuurteken_wordt_geweigerd()
    {
        Assert.Throws<ArgumentException>(() => Bevindinglijst.Schrijf([new("bevinding", "HK 1", "approved", null, "c", [], null)]));
        Assert.Throws<ArgumentException>(() => Bevindinglijst.Schrijf([new("bevinding", "HK-1", "approved", null, "c\u001f", [], null)]));
        Assert.Throws<ArgumentException>(() => Bevindinglijst.Schrijf([new("bevinding", "HK-1", "onbekend", null, "c", [], null)]));
    }

    [Fact]
    public void Opgeslagen_is_de_lijst_gecomprimeerd_met_het_woordenboek_van_de_bevindingen_en_leest_gelijk_terug()
    {
        var opgeslagen = Bevindinglijst.Pak(Voorbeeld);
        var tekst = Bevindinglijst.Schrijf(Voorbeeld);

        Assert.Equal(Inhoudsvorm.BevindingenVersie, Inhoudsvorm.VersieVan(opgeslagen));
        // Smaller even for this contrived list (quotes, accents, control characters); the store's own lists gain far more
        // (BevindingenLezenTests: the demo's, to under a third).
        Assert.True(opgeslagen.Length < System.Text.Encoding.UTF8.GetByteCount(tekst), $"{opgeslagen.Length} van {tekst.Length} bytes");
        Assert.Equal(tekst, Bevindinglijst.Tekst(opgeslagen));
        Assert.Equal(Voorbeeld.Select(Vlak), Bevindinglijst.Lees(Bevindinglijst.Tekst(opgeslagen)).Select(Vlak));
    }

    [Fact]
    public void Een_rij_van_voor_de_compressie_leest_zoals_hij_was()
    {
        var tekst = Bevindinglijst.Schrijf(Voorbeeld);

        // PostgreSQL: the text's bytes (migration 0041's conversion); SQLite: the text itself or its bytes; a LEFT JOIN's NULL: none.
        Assert.Equal(tekst, Bevindinglijst.Tekst(System.Text.Encoding.UTF8.GetBytes(tekst)));
        Assert.Equal(tekst, Bevindinglijst.Tekst(tekst));
        Assert.Equal("", Bevindinglijst.Tekst(DBNull.Value));
        Assert.Equal("", Bevindinglijst.Tekst(null));
    }

    private static string Vlak(Vastgelegd b) =>
        $"{b.Soort}|{b.RegelId}|{b.Uitkomst}|{b.Reden}|{b.Code}|{string.Join(";", b.Parameters.Select(p => $"{p.Naam}={p.Waarde}"))}|{b.Datum:yyyy-MM-dd}";
}

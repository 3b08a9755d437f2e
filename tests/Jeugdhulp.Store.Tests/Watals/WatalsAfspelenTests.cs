using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Watals;

namespace Jeugdhulp.Store.Tests.Watals;

/// <summary>Issue 20, item 2: the what-if replay of a generated region under a draft rule set.</summary>
public abstract class WatalsAfspelenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : WatalsAfspelenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : WatalsAfspelenTests(new PostgresTestDatabase());

    private static readonly DateOnly Van = new(2027, 1, 1);
    private static readonly DateOnly Tot = new(2027, 12, 31);

    private static Regelcatalogus Concept(Func<string, string, string> wijzig) =>
        RegelLader.Laad(Directory.GetFiles(Path.Combine(Ijw.Tests.Paden.RepoRoot, "rules", "flevoland"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => new RegelBestand(Path.GetFileName(f), wijzig(Path.GetFileName(f), File.ReadAllText(f))))).Waarde;

    private void Regio()
    {
        Demostroom.Regio.Importeer(Opslag);
        Demostroom.Regio.Verwerk(dag => Open(new VasteKlok(new DateTimeOffset(dag.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))), Flevoland);
    }

    // Slow lane: processes a whole generated region, then replays it (README, "Tests").
    [StoreFact]
    [Trait("Baan", "Traag")]
    public void De_geldende_regels_als_concept_veranderen_geen_enkel_besluit_en_de_store_blijft_ongemoeid()
    {
        Regio();
        string[] tabellen = ["journaal", "outbox", "verzoeken", "toewijzingen"];
        var voor = tabellen.Select(Db.Tel).ToList();

        // Every decision taken under both rule sets (no reuse of a decision whose rules are the same): the replay
        // itself is what this checks.
        var verslag = Opslag.Speel(Flevoland, Concept((_, tekst) => tekst), Van, Tot, hergebruik: false).Waarde;

        Assert.True(verslag.IsOngewijzigd, verslag.Samenvatting());
        Assert.Equal(Db.Tel("verzoeken"), verslag.Besluiten);
        Assert.True(verslag.Prestaties > 0);
        Assert.Contains("Het concept verandert niets", verslag.Samenvatting(), StringComparison.Ordinal);
        Assert.Equal(voor, tabellen.Select(Db.Tel));
    }

    // Slow lane: processes a whole generated region, then replays it (README, "Tests").
    [StoreFact]
    [Trait("Baan", "Traag")]
    public void Een_lagere_richtlijngrens_meldt_precies_de_besluiten_die_hem_kruisen()
    {
        Regio();

        // The JW315 lines for Diagnostiek (45F11) approved today, with the minutes they ask (frequency 6: a total).
        var toegekend = Db.Lees("SELECT referentie, volume, eenheid FROM verzoeken WHERE berichtcode = 'JW315' AND productcode = '45F11' AND uitkomst = 'approved' AND frequentie = '6'")
            .Select(r => (Referentie: (string)r[0], Minuten: Convert.ToInt64(r[1], CultureInfo.InvariantCulture) * (Omvang.MinutenPer((string)r[2]) ?? 0))).ToList();
        Assert.True(toegekend.Count > 10, $"{toegekend.Count} toegekende 45F11-verzoeken");

        // A new HK-PRD-3 maximum (hours, every guideline variant) below the median request: some cross it, some do
        // not. It stays above the terugval's minutes (HK-315-9), which skip the guideline check.
        var grensUren = toegekend.Select(t => t.Minuten).Order().ElementAt(toegekend.Count / 2) / 60 - 1;
        Assert.True(grensUren * 60 > 1000);
        var verwacht = toegekend.Where(t => t.Minuten > grensUren * 60).Select(t => t.Referentie).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(verwacht);
        Assert.True(verwacht.Count < toegekend.Count);
        var concept = Concept((naam, tekst) => naam != "producten.json" ? tekst : Verlaag(tekst, "45F11", grensUren));

        var verslag = Opslag.Speel(Flevoland, concept, Van, Tot).Waarde;

        var jw315 = verslag.Omslagen.Where(o => o.Soort == "JW315").ToList();
        Assert.Equal(verwacht, jw315.Select(o => o.Referentie).Order(StringComparer.Ordinal));
        Assert.All(verslag.Omslagen, o =>
        {
            Assert.Equal((Uitkomst.Toegekend, Uitkomst.Beoordelen), (o.Was, o.Wordt));
            Assert.Equal(["HK-PRD-3"], o.RegelIds);
            Assert.True(o.Minuten < 0 && o.Cent < 0);
        });
        var groepen = verslag.Groepen();
        Assert.All(groepen, g => Assert.Equal("HK-PRD-3", g.RegelId));
        Assert.Equal(verslag.Omslagen.Count, groepen.Sum(g => g.NaarBeoordelen));
        Assert.Equal(verslag.Omslagen.Sum(o => o.Minuten), groepen.Sum(g => g.Minuten));
        Assert.Contains("HK-PRD-3", verslag.Samenvatting(), StringComparison.Ordinal);
        Assert.Equal(verslag.Omslagen.Count + 1, verslag.Csv().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        using var boek = new ClosedXML.Excel.XLWorkbook(new MemoryStream(WatalsExcel.Schrijf(verslag)));
        Assert.Equal(verslag.Omslagen.Count + 1, boek.Worksheet("Wijzigingen").LastRowUsed().RowNumber());
        Assert.Equal("HK-PRD-3", boek.Worksheet("Per regel").Cell(2, 1).GetString());

        // Reusing the decisions whose rules the draft leaves as they are (the default) reports exactly what deciding
        // everything twice reports.
        var volledig = Opslag.Speel(Flevoland, concept, Van, Tot, hergebruik: false).Waarde;
        Assert.Equal(volledig.Csv(), verslag.Csv());
        Assert.Equal((volledig.Besluiten, volledig.Prestaties, volledig.Berichten), (verslag.Besluiten, verslag.Prestaties, verslag.Berichten));
        Assert.Equal(0, volledig.Hergebruikt);

        // Reuse per rule item: the draft changes only 45F11, so the messages that did not read it are decided once, and
        // every JW315 asking for 45F11 (which reads it) is decided again under the draft.
        var met45F11 = Db.Lees("SELECT COUNT(DISTINCT journaal_id) FROM verzoeken WHERE berichtcode = 'JW315' AND productcode = '45F11'")
            .Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).Single();
        Assert.InRange(verslag.Hergebruikt, 1, verslag.Berichten - met45F11);
    }

    // Slow lane: processes a whole generated region, then replays it (README, "Tests").
    [StoreFact]
    [Trait("Baan", "Traag")]
    public void In_het_geheugen_neemt_de_motor_elk_besluit_van_de_echte_verwerking_opnieuw_precies_zo()
    {
        Regio();

        // The engine's own decisions as the pipeline recorded them (a person's decision on a review is not the engine's).
        var echt = Db.Lees("SELECT journaal_id, volgnummer, uitkomst FROM verzoeken WHERE besloten_door IS NULL")
            .Select(r => (Convert.ToInt64(r[0], CultureInfo.InvariantCulture), Convert.ToInt32(r[1], CultureInfo.InvariantCulture), (string)r[2]))
            .Order().ToList();
        var personen = Db.Lees("SELECT journaal_id, volgnummer FROM verzoeken WHERE besloten_door IS NOT NULL")
            .Select(r => (Convert.ToInt64(r[0], CultureInfo.InvariantCulture), Convert.ToInt32(r[1], CultureInfo.InvariantCulture))).ToHashSet();

        // Parts of 37 messages: the replay streams the period from the store, and a decision must not depend on
        // where a part ends (the state it meets is indexed by journal id, not by what was read before).
        var opnieuw = Momentopname.Laad(Opslag, partijgrootte: 37).Herbeslis(Flevoland, Van, Tot)
            .Where(b => !personen.Contains((b.JournaalId, b.Volgnummer)))
            .Select(b => (b.JournaalId, b.Volgnummer, global::Jeugdhulp.Store.Verwerking.Berichtcontext.Woord(b.Uitkomst))).Order().ToList();

        Assert.True(echt.Count > 50, $"{echt.Count} besluiten");
        Assert.Equal(echt, opnieuw);
    }

    // Slow lane: processes a whole generated region, then replays it (README, "Tests").
    [StoreFact]
    [Trait("Baan", "Traag")]
    public void Gemeente_voor_gemeente_afgespeeld_is_het_verslag_precies_dat_van_de_hele_regio_met_de_staat_van_een_gemeente_in_het_geheugen()
    {
        Regio();
        // A draft that changes decisions (a lower 45F11 maximum), so the two reports have rows to compare.
        var concept = Concept((naam, tekst) => naam != "producten.json" ? tekst : Verlaag(tekst, "45F11", 20));
        var opname = Momentopname.Laad(Opslag, partijgrootte: 37);

        var perGemeente = opname.Speel(Flevoland, concept, Van, Tot, hergebruik: false, perGemeente: true).Waarde;
        var heel = opname.Speel(Flevoland, concept, Van, Tot, hergebruik: false, perGemeente: false).Waarde;

        // The same report, byte for byte: every change in the same order, the same counts and summary.
        Assert.NotEmpty(heel.Omslagen);
        Assert.Equal(heel.Csv(), perGemeente.Csv());
        Assert.Equal(heel.Samenvatting(), perGemeente.Samenvatting());
        Assert.Equal((heel.Besluiten, heel.Prestaties, heel.Berichten), (perGemeente.Besluiten, perGemeente.Prestaties, perGemeente.Berichten));
        Assert.Equal(Db.Tel("verzoeken"), perGemeente.Besluiten);

        // The state is split, not lost or doubled: the municipalities' rows add up to the region's, and the replay held at
        // most a municipality's and the next one's (read meanwhile) at once (the whole replay: the region's).
        var gemeenten = opname.Gemeenten();
        Assert.True(gemeenten.Count > 2, string.Join(", ", gemeenten));
        var rijen = gemeenten.Select(g => opname.Staat(g).Rijen).ToList();
        var regio = opname.Staat(null).Rijen;
        Assert.Equal(regio, rijen.Sum());
        Assert.Equal(rijen.Select((r, i) => r + (i > 0 ? rijen[i - 1] : 0)).Max(), perGemeente.HoogsteStaat);
        Assert.Equal(regio, heel.HoogsteStaat);
        Assert.True(perGemeente.HoogsteStaat < regio);

        // Each allocation version is dated as in the region's state: the running maximum of journal ids over the whole
        // table, not over its municipality's rows (a staff decision written after another municipality's message would
        // otherwise be visible to a message before it).
        var momenten = opname.Staat(null).Versiemomenten();
        Assert.All(gemeenten.SelectMany(g => opname.Staat(g).Versiemomenten()), kv => Assert.Equal(momenten[kv.Key], kv.Value));
    }

    [StoreFact]
    public void Een_toewijzing_geschreven_na_het_bericht_van_een_andere_gemeente_ziet_een_eerder_bericht_niet_ook_gemeente_voor_gemeente()
    {
        // Journal order: 1 and 2 to Almere (0034; 2 wrote no allocation), 3 to Urk (0050). Allocation rows in insertion
        // order: Almere's number 1 by message 1, Urk's by message 3, then Almere's number 2 carrying message 1's id (a
        // staff decision on it, taken after message 3 was processed).
        var client = Bsn("100000009");

        // Message 2 met number 1 only: number 2 was written after message 3, whatever Almere's own rows say.
        foreach (var staat in Staten(["0034", "0034", "0050"], ("0034", 1, 1), ("0050", 1, 3), ("0034", 2, 1)))
        {
            Assert.Equal([1], staat.Toestand("0034", client, 2).Toestand.Toewijzingen.Select(t => t.Nummer));
            Assert.Equal([1, 2], staat.Toestand("0034", client, 4).Toestand.Toewijzingen.Select(t => t.Nummer).Order());
        }
    }

    [StoreFact]
    public void De_versies_van_een_gemeente_staan_in_de_volgorde_waarin_ze_geschreven_zijn_niet_in_die_van_de_index()
    {
        // Number 2 written first (by message 1), number 1 after message 3: the municipality's index on (gemeente, nummer)
        // gives number 1 first, but message 2 met number 2 only, and the ToewijzingNummer counter then stood at 2.
        var client = Bsn("100000009");

        foreach (var staat in Staten(["0034", "0034", "0034"], ("0034", 2, 1), ("0034", 1, 3)))
        {
            var (toestand, volgend) = staat.Toestand("0034", client, 2);
            Assert.Equal([2], toestand.Toewijzingen.Select(t => t.Nummer));
            Assert.Equal(3, volgend);
            Assert.Equal([1, 2], staat.Toestand("0034", client, 4).Toestand.Toewijzingen.Select(t => t.Nummer).Order());
            Assert.Equal(new long[] { 3 }, staat.Versiemomenten()[("0034", 1)]);
        }
    }

    [StoreFact]
    public void De_nummerteller_voor_een_bericht_is_het_hoogste_nummer_dat_ervoor_voor_het_eerst_geschreven_is()
    {
        // Number 4 by message 1; then, after message 3, number 9, a second version of 4 and number 2 (index order on
        // (gemeente, nummer): 2, 4, 4, 9). The counter is the highest number written before the message, whichever
        // version and whatever the index's order.
        var client = Bsn("100000009");

        foreach (var staat in Staten(["0034", "0034", "0034"], ("0034", 4, 1), ("0034", 9, 3), ("0034", 4, 3), ("0034", 2, 3)))
        {
            Assert.Equal(5, staat.Toestand("0034", client, 2).VolgendNummer);
            Assert.Equal(1, staat.Toestand("0034", client, 1).VolgendNummer);
            Assert.Equal(10, staat.Toestand("0034", client, 4).VolgendNummer);
            Assert.Equal(new long[] { 1, 3 }, staat.Versiemomenten()[("0034", 4)]);
        }
    }

    [StoreFact]
    public void Een_declaratie_leest_de_toewijzingen_en_prestaties_die_ze_noemt_in_de_volgorde_waarin_ze_geboekt_zijn()
    {
        // Messages 1-4 to Almere; allocations 1 and 2 of provider 11111111 and 3 of another by message 1. Declaration D1
        // (message 2) books R1 on number 2, D2 (message 3) books R2 on number 1, R3 on number 2 and refuses R6: ids 1-4,
        // stored as 2, 1, 3, 4 with dates and numbers such that neither the table's order nor an index gives them in the
        // order they were booked.
        var client = Bsn("100000009");
        _ = Staten(["0034", "0034", "0034", "0034"], ("0034", 1, 1), ("0034", 2, 1));
        Toewijzing("0034", 3, 1, "22222222");
        Declaratie(1, 2, "D1");
        Declaratie(2, 3, "D2");
        Prestatie(2, 2, "R2", 1, 30);
        Prestatie(1, 1, "R1", 2, 60);
        Prestatie(3, 2, "R3", 2, 90);
        Prestatie(4, 2, "R6", 1, 45, goedgekeurd: false);

        var opname = Momentopname.Laad(Opslag);
        // A JW323 naming numbers 1, 2 and 3 and, as earlier references, R6 and R2.
        var invoer = new Core.Declaratie.Declaratieinvoer("0034", "11111111", "D3", new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 30), new DateOnly(2027, 5, 2),
            [Regel("R4", 1, "R6"), Regel("R5", 2, "R2"), Regel("R7", 3, null)]);
        foreach (var staat in new[] { opname.Staat(null), opname.Staat("0034") })
        {
            var na = staat.Declaratiebronnen(invoer, 4, Flevoland, new DateOnly(2027, 5, 3));
            Assert.Equal([1, 2], na.Toewijzingen.Keys.Order());
            Assert.Equal([3], na.VanAndereAanbieder);
            // The approved ones on the named allocations, then the ones the references name (refused or not), each in
            // the order they were booked.
            Assert.Equal(["R1", "R2", "R3", "R2", "R6"], na.Eerdere.Select(p => p.ReferentieNummer));
            Assert.Equal(["R1"], staat.Declaratiebronnen(invoer, 3, Flevoland, new DateOnly(2027, 5, 3)).Eerdere.Select(p => p.ReferentieNummer));
            Assert.Empty(staat.Declaratiebronnen(invoer, 1, Flevoland, new DateOnly(2027, 5, 3)).Toewijzingen);
            Assert.Equal(new Dictionary<int, long> { [1] = 30, [2] = 150 }, staat.Toestand("0034", client, 4).Toestand.GedeclareerdeMinuten);
            Assert.Equal(new Dictionary<int, long> { [2] = 60 }, staat.Toestand("0034", client, 3).Toestand.GedeclareerdeMinuten);
        }
    }

    private void Declaratie(long id, long journaal, string nummer) =>
        Sql("""
            INSERT INTO declaraties (id, journaal_id, gemeente, aanbieder, declaratienummer, begindatum, einddatum, dagtekening, ingediend, toegekend)
            VALUES (@id, @j, '0034', '11111111', @nr, @b, @e, @e, 0, 0)
            """, ("@id", id), ("@j", journaal), ("@nr", nummer), ("@b", new DateOnly(2027, 3, 1)), ("@e", new DateOnly(2027, 3, 31)));

    private void Prestatie(long id, long declaratie, string referentie, long nummer, long minuten, bool goedgekeurd = true) =>
        Sql("""
            INSERT INTO declaratieprestaties (id, declaratie_id, gemeente, aanbieder, referentienummer, nummer, categorie, productcode, begindatum, einddatum,
                volume, eenheid, bedrag, credit, goedgekeurd)
            VALUES (@id, @d, '0034', '11111111', @ref, @n, '45', '45A11', @b, @b, @v, '01', 100, 0, @ok)
            """, ("@id", id), ("@d", declaratie), ("@ref", referentie), ("@n", nummer), ("@b", new DateOnly(2027, 3, 1).AddDays((int)(4 - id))), ("@v", minuten),
            ("@ok", goedgekeurd ? 1 : 0));

    private static Core.Declaratie.Prestatieregel Regel(string referentie, long nummer, string? vorige) =>
        new(0, 0, "100000009", referentie, vorige, nummer, "45", "45A11", new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 30), 10, "01", 100, 1000, false);

    [StoreFact]
    public void De_staat_van_een_gemeente_leest_elke_kolom_zoals_geschreven_en_houdt_een_code_die_terugkomt_een_keer()
    {
        foreach (var staat in Staten(["0034"], ("0034", 1, 1), ("0034", 2, 1)))
        {
            var toewijzingen = staat.Toestand("0034", Bsn("100000009"), 2).Toestand.Toewijzingen.OrderBy(t => t.Nummer).ToList();
            Assert.Equal([1, 2], toewijzingen.Select(t => t.Nummer));
            var t = toewijzingen[0];
            Assert.Equal(("100000009", "11111111", "45A11", "45", new DateOnly(2027, 3, 1), (DateOnly?)null, new TimeOnly(9, 0), (long?)null),
                (t.Client.Waarde, t.Aanbieder.Waarde, t.Product.Waarde, t.Categorie, t.Ingangsdatum, t.Einddatum, t.Toewijzingstijd, t.Budget));
            Assert.Equal(new Omvang(10, "01", "2"), t.Omvang);
            Assert.Equal((VerwijzerType)2, t.Herkomst);
            // The two versions share their codes' strings: the state holds each code once, not once per row.
            Assert.Same(t.Categorie, toewijzingen[1].Categorie);
            Assert.Same(t.Client.Waarde, toewijzingen[1].Client.Waarde);
            Assert.Same(t.Omvang!.Eenheid, toewijzingen[1].Omvang!.Eenheid);
        }
    }

    /// <summary>
    /// Journals messages 1, 2, … to <paramref name="ontvangers"/>, writes <paramref name="toewijzingen"/> (municipality,
    /// number, journal id) in that order, and gives the region's state and Almere's (0034) as a snapshot reads them.
    /// </summary>
    private Gemeentestaat[] Staten(string[] ontvangers, params (string Gemeente, long Nummer, long Journaal)[] toewijzingen)
    {
        for (var i = 0; i < ontvangers.Length; i++)
        {
            Journaal(i + 1, ontvangers[i]);
        }

        foreach (var (gemeente, nummer, journaal) in toewijzingen)
        {
            Toewijzing(gemeente, nummer, journaal);
        }

        var opname = Momentopname.Laad(Opslag);
        return [opname.Staat(null), opname.Staat("0034")];
    }

    private void Journaal(long id, string ontvanger) =>
        Sql("INSERT INTO journaal (id, afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op) VALUES (@id, '11111111', @o, 'JW315', @i, @s, @t)",
            ("@id", id), ("@o", ontvanger), ("@i", $"ID-{id}"), ("@s", new byte[] { (byte)id }), ("@t", new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero)));

    private void Toewijzing(string gemeente, long nummer, long journaal, string aanbieder = "11111111")
    {
        // A new version of a number replaces the current one, as the pipeline writes it.
        Sql("UPDATE toewijzingen SET actueel = 0 WHERE gemeente = @g AND nummer = @n", ("@g", gemeente), ("@n", nummer));
        Sql("""
            INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum, volume, eenheid, frequentie, budget,
                toewijzingsdatum, toewijzingstijd, herkomst, keren_verschoven, actueel, journaal_id)
            VALUES (@g, @n, '100000009', @a, '45A11', '45', @i, NULL, 10, '01', '2', NULL, @i, @tijd, 2, 0, 1, @j)
            """, ("@g", gemeente), ("@n", nummer), ("@a", aanbieder), ("@i", new DateOnly(2027, 3, 1)), ("@tijd", new TimeOnly(9, 0)), ("@j", journaal));
    }

    [StoreFact]
    public void De_staat_van_een_gemeente_weigert_een_vraag_naar_die_van_een_andere()
    {
        var opname = Momentopname.Laad(Opslag);
        var staat = opname.Staat("0034");

        Assert.Throws<InvalidOperationException>(() => staat.Toestand("0171", Bsn("999990019"), 1));
        Assert.Empty(staat.Toestand("0034", Bsn("999990019"), 1).Toestand.Toewijzingen);
    }

    [StoreFact]
    public void Een_periode_die_eindigt_voor_ze_begint_wordt_geweigerd()
    {
        var r = Opslag.Speel(Flevoland, Flevoland, Tot, Van);

        Assert.Equal("WATALS-PERIODE", Assert.Single(r.Fouten).Code);
    }

    /// <summary>Every <c>maxUren</c> of product <paramref name="code"/>'s guideline lowered to at most <paramref name="uren"/>.</summary>
    private static string Verlaag(string tekst, string code, long uren)
    {
        var begin = tekst.IndexOf($"\"code\": \"{code}\"", StringComparison.Ordinal);
        var eind = tekst.IndexOf("\"code\":", begin + 1, StringComparison.Ordinal);
        Assert.True(begin >= 0 && eind > begin);
        var blok = System.Text.RegularExpressions.Regex.Replace(tekst[begin..eind], "\"maxUren\": (\\d+)",
            m => string.Create(CultureInfo.InvariantCulture, $"\"maxUren\": {Math.Min(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), uren)}"));
        Assert.NotEqual(tekst[begin..eind], blok);
        return string.Concat(tekst.AsSpan(0, begin), blok, tekst.AsSpan(eind));
    }
}

using System.Globalization;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Verwerking;

/// <summary>JW323 → JW325 on both databases: what is booked, the running state across messages, and the pre-check that books nothing.</summary>
public abstract class DeclaratieRouterenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : DeclaratieRouterenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : DeclaratieRouterenTests(new PostgresTestDatabase());

    private const string Aanbieder = "01234567";
    private const string Client = "100002183";
    private static readonly DateOnly Vandaag = new(2027, 6, 3);

    private string OutboxMap => Path.Combine(Db.DataMap, "outbox");

    /// <summary>Demo contracts (45F21: 150 cent a minute) and allocations 1..<paramref name="aantal"/> of 600 minutes (45F21, 2027-03-08..2027-09-07), plus number 9000 of another provider.</summary>
    private void Klaar(int aantal = 1)
    {
        ImporteerDemoContracten();
        for (var start = 1; start <= aantal; start += 1000)
        {
            var rijen = Enumerable.Range(start, Math.Min(1000, aantal - start + 1)).Select(n => Rij(n, n == 1 ? Client : Bsn9(n), Aanbieder));
            Db.VoerUit(Insert + string.Join(",\n", rijen));
        }

        Db.VoerUit(Insert + Rij(9000, Client, "07654321"));
    }

    private const string Insert = """
        INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum,
            volume, eenheid, frequentie, toewijzingsdatum, toewijzingstijd, herkomst, keren_verschoven, actueel) VALUES
        """;

    private static string Rij(int nummer, string bsn, string aanbieder) => string.Create(CultureInfo.InvariantCulture,
        $"('0171', {nummer}, '{bsn}', '{aanbieder}', '45F21', '45', '2027-03-08', '2027-09-07', 600, '01', '6', '2027-03-01', '10:00:00', 2, 0, 1)");

    private sealed record Regel(string Ref, long Nummer = 1, string Bsn = Client, int Maand = 4, long Volume = 100, bool Credit = false, string? Vorig = null, long Tarief = 150,
        string Eenheid = "01");

    private static byte[] Jw323(string id, string nummer, int maand, params Regel[] regels)
    {
        var eind = new DateOnly(2027, maand, 1).AddMonths(1).AddDays(-1);
        var clienten = regels.GroupBy(r => r.Bsn).Select(g => new DeclaratieClient(g.Key, [.. g.Select(r =>
        {
            var van = new DateOnly(2027, r.Maand, r.Maand == 3 ? 8 : 1);
            return new Prestatie(new ProductReferentie(r.Ref, r.Vorig), r.Nummer, "45", "45F21", new GeslotenPeriode(van, new DateOnly(2027, r.Maand, 1).AddMonths(1).AddDays(-1)),
                r.Volume, r.Eenheid, r.Tarief, new BedragMetDc(r.Volume * r.Tarief, r.Credit ? "C" : "D"));
        })])).ToList();
        var totaal = regels.Sum(r => (r.Credit ? -1 : 1) * r.Volume * r.Tarief);
        return IjwSchrijver.Schrijf(new Declaratiebericht(
            Header.Voor(Berichtsoort.JW323, Aanbieder, "0171", new BerichtIdentificatie(id, eind.AddDays(1))),
            new Declaratie(nummer, new GeslotenPeriode(new DateOnly(2027, maand, 1), eind), eind.AddDays(1), BedragMetDc.VanSaldo(totaal), clienten)));
    }

    private Bestandsverslag Verwerk(byte[] bericht) =>
        new BerichtVerwerken(Opslag, Flevoland, Vandaag, OutboxMap).Verwerk([new Invoer("d.xml", bericht)]).Single();

    private static string Jw325(Bestandsverslag v) => File.ReadAllText(v.Outbox[0]);

    private static long Toegekend(Bestandsverslag v) => long.Parse(
        System.Text.RegularExpressions.Regex.Match(Jw325(v), "<TotaalToegekendBedrag>\\s*<ijw:TotaalBedrag>(\\d+)</ijw:TotaalBedrag>").Groups[1].Value, CultureInfo.InvariantCulture);

    private static string[] Codes(Bestandsverslag v) =>
        [.. System.Text.RegularExpressions.Regex.Matches(Jw325(v), "<RetourCode>(\\d{4})</RetourCode>").Select(m => m.Groups[1].Value)];

    [StoreFact]
    public void Een_goedgekeurde_declaratie_wordt_geboekt_en_krijgt_8001()
    {
        Klaar();

        var v = Verwerk(Jw323("J1", "DN1", 4, new Regel("P-1")));

        Assert.Equal(Uitkomsten.Accepted, v.Uitkomst);
        Assert.Equal(["0200", "8001"], Codes(v));
        Assert.Equal(15000L, Toegekend(v));
        Assert.Empty(Jeugdhulp.Ijw.Tests.XsdValidatie.Fouten(File.ReadAllBytes(v.Outbox[0])));
        Assert.Equal(1L, Db.Tel("declaraties"));
        var rij = Assert.Single(Db.Lees("SELECT referentienummer, nummer, volume, bedrag, credit, goedgekeurd, retourcodes FROM declaratieprestaties"));
        Assert.Equal("P-1", rij[0]);
        Assert.Equal([1L, 100L, 15000L, 0L, 1L], rij[1..6].Select(x => Convert.ToInt64(x, CultureInfo.InvariantCulture)));
        Assert.Equal(DBNull.Value, rij[6]);
        Assert.Equal(15000L, Convert.ToInt64(Db.VoerUit("SELECT toegekend FROM declaraties"), CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void Een_geboekte_declaratie_bewaart_de_regelversie_van_het_oordeel_en_het_dossier_leest_die_en_een_oude_zonder()
    {
        Klaar();
        var regels = Flevoland with { Versie = Flevoland.Versie + "+v7" };

        var v = new BerichtVerwerken(Opslag, regels, Vandaag, OutboxMap).Verwerk([new Invoer("d.xml", Jw323("J1", "DN1", 4, new Regel("P-1")))]).Single();
        Verwerk(Jw323("J2", "DN2", 5, new Regel("P-2", Maand: 5)));

        Assert.Equal(Uitkomsten.Accepted, v.Uitkomst);
        Assert.Equal([regels.Versie, Flevoland.Versie], Db.Lees("SELECT regelversie FROM declaraties ORDER BY id").Select(r => r[0] as string));
        // A row from before migration 0032 keeps NULL: the dossier reads no version for it.
        Db.VoerUit("UPDATE declaraties SET regelversie = NULL WHERE declaratienummer = 'DN2'");
        var regelsInDossier = Opslag.BekijkDossier("nop", Gemeente("0171"), Bsn(Client))!.Declaraties;
        Assert.Equal([("P-2", null), ("P-1", regels.Versie)], regelsInDossier.Select(r => (r.ReferentieNummer, r.Regelversie)));
    }

    [StoreFact]
    public void De_lopende_som_telt_over_berichten_heen_en_alleen_goedgekeurde_prestaties()
    {
        Klaar();
        Verwerk(Jw323("J1", "DN1", 4, new Regel("P-1", Volume: 400)));

        var teVeel = Verwerk(Jw323("J2", "DN2", 5, new Regel("P-2", Maand: 5, Volume: 201)));
        var past = Verwerk(Jw323("J3", "DN3", 5, new Regel("P-3", Maand: 5, Volume: 200)));

        Assert.Equal(Uitkomsten.Rejected, teVeel.Uitkomst);
        Assert.Contains("9322", Codes(teVeel));
        Assert.Contains(teVeel.Meldingen, m => m.Contains("9322", StringComparison.Ordinal) && m.Contains("TR322", StringComparison.Ordinal));
        Assert.Equal(0L, Toegekend(teVeel));
        Assert.Equal(Uitkomsten.Accepted, past.Uitkomst);
        Assert.Equal("9322", Db.VoerUit("SELECT retourcodes FROM declaratieprestaties WHERE referentienummer = 'P-2'"));
    }

    [StoreFact]
    public void Declaratienummer_en_referentienummer_zijn_uniek_per_aanbieder()
    {
        Klaar();
        Verwerk(Jw323("J1", "DN1", 4, new Regel("P-1")));

        var zelfdeNummer = Verwerk(Jw323("J2", "DN1", 5, new Regel("P-2", Maand: 5)));
        var zelfdeReferentie = Verwerk(Jw323("J3", "DN3", 5, new Regel("P-1", Maand: 5)));

        Assert.Equal(["0200", "9333"], Codes(zelfdeNummer));
        Assert.Equal(0L, Toegekend(zelfdeNummer));
        Assert.Contains("8021", Codes(zelfdeReferentie));
        Assert.Equal(2L, Db.Tel("declaraties"));
        Assert.Equal(1L, Db.Tel("declaratieprestaties"));
    }

    [StoreFact]
    public void Credit_maakt_ruimte_voor_een_nieuwe_debet_en_kan_maar_een_keer()
    {
        Klaar();
        Verwerk(Jw323("J1", "DN1", 4, new Regel("P-1")));

        var tweedeDebet = Verwerk(Jw323("J2", "DN2", 5, new Regel("P-2")));
        var credit = Verwerk(Jw323("J3", "DN3", 5, new Regel("P-1C", Credit: true, Vorig: "P-1"), new Regel("P-3", Volume: 90)));
        var nogmaals = Verwerk(Jw323("J4", "DN4", 5, new Regel("P-1D", Credit: true, Vorig: "P-1")));
        var onbekend = Verwerk(Jw323("J5", "DN5", 5, new Regel("P-XC", Credit: true, Vorig: "P-X")));

        Assert.Contains("9389", Codes(tweedeDebet));
        Assert.Equal(Uitkomsten.Accepted, credit.Uitkomst);
        Assert.Equal(1500L, Toegekend(credit));
        Assert.Contains("9390", Codes(nogmaals));
        Assert.Contains("8017", Codes(onbekend));
    }

    [StoreFact]
    public void Nummer_van_een_andere_aanbieder_geeft_8187_en_een_onbekend_nummer_9338()
    {
        Klaar();

        var v = Verwerk(Jw323("J1", "DN1", 4, new Regel("P-1", Nummer: 9000), new Regel("P-2", Nummer: 77)));

        // Header, the refused prestatie's codes, its client (0200), the Declaratie class (0200).
        Assert.Equal(["0200", "8187", "9338", "0200", "0200"], Codes(v));
    }

    [StoreFact]
    public void De_proef_geeft_hetzelfde_oordeel_als_verwerken_en_boekt_niets()
    {
        Klaar();
        Verwerk(Jw323("J1", "DN1", 4, new Regel("P-1", Volume: 500)));
        var bericht = Jw323("J2", "DN2", 5, new Regel("P-2", Maand: 5, Volume: 101), new Regel("P-3", Maand: 5, Nummer: 77));
        string[] tabellen = ["journaal", "outbox", "declaraties", "declaratieprestaties", "toewijzingen"];
        var voor = tabellen.Select(Db.Tel).ToList();
        var bestanden = Directory.GetFiles(OutboxMap).Length;

        var proef = Opslag.Proef(bericht, Flevoland, Vandaag);

        Assert.Equal(voor, tabellen.Select(Db.Tel));
        Assert.Equal(bestanden, Directory.GetFiles(OutboxMap).Length);
        Assert.NotNull(proef.Oordeel);
        Assert.Equal(["9322"], proef.Oordeel.Prestaties[0].Afkeuren.Select(a => a.Code));
        Assert.Equal(["9338"], proef.Oordeel.Prestaties[1].Afkeuren.Select(a => a.Code));
        Assert.Contains(proef.Meldingen, m => m.StartsWith("Prestatie P-2: retourcode 9322 (TR322)", StringComparison.Ordinal));
        var proefXml = IjwSchrijver.Schrijf(proef.Jw325!);
        Assert.Empty(Jeugdhulp.Ijw.Tests.XsdValidatie.Fouten(proefXml));

        // Processing the same file afterwards gives the same codes: the pre-check left the state as it was.
        var echt = Verwerk(bericht);
        string[] proefCodes = [.. System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.UTF8.GetString(proefXml), "<RetourCode>(\\d{4})</RetourCode>").Select(m => m.Groups[1].Value)];
        Assert.Equal(Codes(echt), proefCodes);
    }

    [StoreFact]
    public void De_proef_toetst_minuten_aan_een_toewijzing_in_uren_en_weigert_uren()
    {
        // Seed 000 "Zorgtoewijzing": allocated in hours ("op basis van minuten of uren"), declared in minutes.
        ImporteerDemoContracten();
        Db.VoerUit(Insert + Rij(1, Client, Aanbieder).Replace(", 600, '01', '6',", ", 10, '04', '6',", StringComparison.Ordinal));

        var minuten = Opslag.Proef(Jw323("J1", "DN1", 4, new Regel("P-1", Volume: 600)), Flevoland, Vandaag);
        var teVeel = Opslag.Proef(Jw323("J2", "DN2", 4, new Regel("P-2", Volume: 601)), Flevoland, Vandaag);
        var uren = Opslag.Proef(Jw323("J3", "DN3", 4, new Regel("P-3", Volume: 7, Eenheid: "04")), Flevoland, Vandaag);

        Assert.True(minuten.Uitkomst == Uitkomsten.Accepted, string.Join("; ", minuten.Meldingen));
        Assert.Equal(600 * 150, minuten.Oordeel!.TotaalToegekend);
        Assert.Equal(["9321"], teVeel.Oordeel!.Prestaties[0].Afkeuren.Select(a => a.Code));
        Assert.Contains(uren.Oordeel!.Prestaties[0].Afkeuren, a => a.Code == "9341" && a.Regel == "HK-323-2");
        Assert.Equal(0, uren.Oordeel.TotaalToegekend);
    }

    [StoreFact]
    public void De_proef_van_een_ongeldig_bericht_geeft_de_fouten_en_een_technische_JW325()
    {
        Klaar();
        var bericht = Jw323("J1", "DN1", 4, new Regel("P-1"));
        var tekst = System.Text.Encoding.UTF8.GetString(bericht).Replace("<ijw:TotaalBedrag>15000</ijw:TotaalBedrag>", "<ijw:TotaalBedrag>15001</ijw:TotaalBedrag>", StringComparison.Ordinal);

        var proef = Opslag.Proef(System.Text.Encoding.UTF8.GetBytes(tekst), Flevoland, Vandaag);

        Assert.Null(proef.Oordeel);
        Assert.Contains(proef.Fouten, f => f.Code == "TR358");
        Assert.Equal(["0001"], proef.Jw325!.Header.RetourCodes);
        Assert.Equal(0L, Db.Tel("journaal"));
    }

    // Slow lane: a generated month of thousands of clients (README, "Tests").
    [StoreFact]
    [Trait("Baan", "Traag")]
    public void Een_maand_met_duizenden_clienten_wordt_geladen_en_geboekt_met_de_juiste_sommen()
    {
        // 1,800 allocations and prestaties (more than the 500 rows per multi-row insert on PostgreSQL); every 300th is over its volume.
        Klaar(1800);
        var regels = Enumerable.Range(1, 1800).Select(n => new Regel($"P-{n}", Nummer: n, Bsn: n == 1 ? Client : Bsn9(n), Volume: n % 300 == 0 ? 601 : 100)).ToArray();
        var eerst = Verwerk(Jw323("J1", "DN1", 4, regels));

        var later = Verwerk(Jw323("J2", "DN2", 5, [.. Enumerable.Range(1, 1800).Select(n => new Regel($"Q-{n}", Nummer: n, Bsn: n == 1 ? Client : Bsn9(n), Maand: 5, Volume: 500))]));

        Assert.Equal(6, Codes(eerst).Count(c => c == "9321"));
        Assert.Equal(1800L * 2, Db.Tel("declaratieprestaties"));
        // 100 + 500 fits in 600; the six refused in April had nothing booked, so 500 fits there too.
        Assert.Equal(Uitkomsten.Accepted, later.Uitkomst);
        Assert.Equal((1800L - 6) * 15000 + (1800L * 75000), Convert.ToInt64(Db.VoerUit("SELECT SUM(toegekend) FROM declaraties"), CultureInfo.InvariantCulture));
    }

    // Slow lane: a generated declaration of thousands of lines, twice (README, "Tests").
    [StoreFact]
    [Trait("Baan", "Traag")]
    public void Een_grote_declaratie_in_een_andere_vorm_opnieuw_aangeboden_is_een_herhaling()
    {
        // Over a megabyte: its content hash is computed beside the processing and filled in before commit.
        Klaar(1300);
        var regels = Enumerable.Range(1, 1300).Select(n => new Regel($"P-{n}", Nummer: n, Bsn: n == 1 ? Client : Bsn9(n))).ToArray();
        var bericht = Jw323("J1", "DN1", 4, regels);
        Assert.True(bericht.Length >= Vergelijkvorm.DrempelVoorAchtergrond);
        var anders = AndereVorm(bericht);
        Assert.NotEqual(bericht, anders);

        var eerste = new BerichtVerwerken(Opslag, Flevoland, Vandaag, OutboxMap).Verwerk([new Invoer("a.xml", bericht), new Invoer("b.xml", anders)]).ToList();
        var later = Verwerk(AndereVorm(bericht));
        var gewijzigd = Verwerk(Jw323("J1", "DN2", 4, [.. regels.Take(1299)]));

        Assert.Equal(Uitkomsten.Accepted, eerste[0].Uitkomst);
        foreach (var herhaling in new[] { eerste[1], later })
        {
            Assert.Equal(Uitkomsten.Accepted, herhaling.Uitkomst);
            Assert.StartsWith("HERHALING: Exacte herhaling", Assert.Single(herhaling.Meldingen), StringComparison.Ordinal);
            Assert.Equal(eerste[0].Outbox, herhaling.Outbox);
        }

        Assert.Equal(Uitkomsten.Rejected, gewijzigd.Uitkomst);
        Assert.Contains("<RetourCode>9056</RetourCode>", Jw325(gewijzigd), StringComparison.Ordinal);
        Assert.Equal(1300L, Db.Tel("declaratieprestaties"));
        Assert.Equal(2L, Db.Tel("journaal"));
        Assert.Equal(
            System.Security.Cryptography.SHA256.HashData(IjwSchrijver.Schrijf(Jeugdhulp.Ijw.Lezen.IjwLezer.Lees(bericht).Waarde)),
            (byte[])Db.VoerUit("SELECT sha256 FROM journaal WHERE origineel_id IS NULL")!);
    }

    [StoreFact]
    public void De_declaratie_leest_elke_kolom_van_een_toewijzing_zoals_de_staat_hem_leest()
    {
        // Bulk reading differs per database (SQLite steps its own statement); it must read exactly what the
        // pipeline's own allocation reader reads, with the values bound as the pipeline binds them.
        ImporteerDemoContracten();
        using (var tx = Opslag.BeginTransactie())
        {
            void Voeg(long nummer, DateOnly? einde, long? volume, long? budget, TimeOnly tijd, string? referentie, long herkomst,
                long verschoven, string? reden, DateOnly? oorspronkelijk) => tx.Commando("""
                    INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum,
                        volume, eenheid, frequentie, budget, toewijzingsdatum, toewijzingstijd, referentie, herkomst, keren_verschoven,
                        reden_wijziging, oorspronkelijke_einddatum, actueel)
                    VALUES ('0171', @n, @bsn, @a, '45F21', '45', @in, @eind, @v, @e, @f, @b, @td, @tt, @r, @h, @k, @rw, @oe, 1)
                    """).Met("@n", nummer).Met("@bsn", Client).Met("@a", Aanbieder).Met("@in", new DateOnly(2027, 3, 8)).Met("@eind", einde)
                .Met("@v", volume).Met("@e", volume is null ? null : "01").Met("@f", volume is null ? null : "6").Met("@b", budget)
                .Met("@td", new DateOnly(2027, 3, 1)).Met("@tt", tijd).Met("@r", referentie).Met("@h", herkomst).Met("@k", verschoven)
                .Met("@rw", reden).Met("@oe", oorspronkelijk).ExecuteNonQuery();

            Voeg(1, new DateOnly(2027, 9, 7), 600, null, new TimeOnly(10, 0), "NOP-1", 2, 0, null, null);
            Voeg(2, null, null, 90_000, new TimeOnly(23, 59, 58, 123), null, 3, 1, "13", new DateOnly(2027, 12, 31));
            Voeg(3, new DateOnly(2028, 2, 29), 1200, 5000, new TimeOnly(0, 0, 1), "NOP-3", 5, 2, "01", new DateOnly(2028, 3, 31));
            tx.Commit();
        }

        using var lees = Opslag.BeginTransactie();
        var invoer = Jeugdhulp.Ijw.Retour.DeclaratieKern.NaarInvoer((Declaratiebericht)Jeugdhulp.Ijw.Lezen.IjwLezer.Lees(
            Jw323("J1", "DN1", 4, new Regel("P-1", Nummer: 1), new Regel("P-2", Nummer: 2), new Regel("P-3", Nummer: 3))).Waarde);
        var bronnen = Declaratiestand.Laad(lees, invoer, Flevoland, Vandaag);

        Assert.Equal(3, bronnen.Toewijzingen.Count);
        foreach (var nummer in new long[] { 1, 2, 3 })
        {
            Assert.Equal(Staat.Actueel(lees, "0171", nummer), bronnen.Toewijzingen[nummer]);
        }

        Assert.Equal(new TimeOnly(23, 59, 58, 123), bronnen.Toewijzingen[2].Toewijzingstijd);
        Assert.Equal(90_000, bronnen.Toewijzingen[2].Budget);
        Assert.Null(bronnen.Toewijzingen[2].Omvang);
    }

    /// <summary>The same message as another system writes it: another prefix for the basis namespace, CRLF line ends, a comment.</summary>
    private static byte[] AndereVorm(byte[] bericht) => System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bericht)
        .Replace("xmlns:ijw=", "xmlns:basis=", StringComparison.Ordinal)
        .Replace("<ijw:", "<basis:", StringComparison.Ordinal)
        .Replace("</ijw:", "</basis:", StringComparison.Ordinal)
        .Replace("<Client>", "<!-- client --><Client>", StringComparison.Ordinal)
        .ReplaceLineEndings("\r\n"));

    /// <summary>A valid BSN (11-proef) per index, never 100002183.</summary>
    private static string Bsn9(int i)
    {
        for (var n = 200_000_000 + (i * 20); ; n++)
        {
            var s = n.ToString(CultureInfo.InvariantCulture);
            var som = 0;
            for (var k = 0; k < 8; k++)
            {
                som += (9 - k) * (s[k] - '0');
            }

            if ((som - (s[8] - '0')) % 11 == 0)
            {
                return s;
            }
        }
    }
}

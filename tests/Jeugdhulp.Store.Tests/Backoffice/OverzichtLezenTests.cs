using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Backoffice;

/// <summary>
/// The overzicht's aggregates on both databases against a small fixture with hand-computed figures: only the
/// municipality's rows and only the (Dutch) year count, sums and counts exact.
/// </summary>
public abstract class OverzichtLezenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : OverzichtLezenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : OverzichtLezenTests(new PostgresTestDatabase());

    private const string Nop = "0034", Urk = "0050", Aanbieder = "11111111";
    private static readonly DateOnly Vandaag = new(2027, 4, 10);
    private int volgende;

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();

    private long Journaal(string code, string ontvanger, string ontvangen)
    {
        var id = ++volgende;
        Sql("INSERT INTO journaal (id, afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op) VALUES (@id, @a, @o, @c, @i, @s, @t)",
            ("@id", (long)id), ("@a", Aanbieder), ("@o", ontvanger), ("@c", code), ("@i", $"ID-{id}"), ("@s", new byte[] { (byte)id }), ("@t", Utc(ontvangen)));
        return id;
    }

    private void Verzoek(long journaal, string gemeente, string code, long? verwijzer, string status, string uitkomst, string? besloten = null, DateOnly? onderzoek = null) =>
        Sql("""
            INSERT INTO verzoeken (journaal_id, volgnummer, berichtcode, gemeente, aanbieder, client_bsn, referentie, verwijzer_type, status, uitkomst, regels, toelichting, besloten_op, onderzoek_op)
            VALUES (@j, 1, @c, @g, @a, '100000009', @r, @v, @s, @u, '', '', @b, @o)
            """, ("@j", journaal), ("@c", code), ("@g", gemeente), ("@a", Aanbieder), ("@r", $"REF-{journaal}"), ("@v", verwijzer), ("@s", status), ("@u", uitkomst),
            ("@b", besloten is null ? null : Utc(besloten)), ("@o", onderzoek));

    private void Outbox(long journaal, string code, string aangemaakt) =>
        Sql("INSERT INTO outbox (journaal_id, berichtcode, ontvanger, bestandsnaam, aangemaakt_op) VALUES (@j, @c, @a, @b, @t)",
            ("@j", journaal), ("@c", code), ("@a", Aanbieder), ("@b", $"{code}-{journaal}.xml"), ("@t", Utc(aangemaakt)));

    private void Toewijzing(string gemeente, long nummer, string product, string ingang, string? einde, long? volume, long? budget, long actueel = 1) =>
        Sql("""
            INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum, volume, eenheid, frequentie, budget,
                toewijzingsdatum, toewijzingstijd, herkomst, keren_verschoven, actueel)
            VALUES (@g, @n, '100000009', @a, @p, '45', @i, @e, @v, @eh, @f, @b, @i, @tijd, 2, 0, @actueel)
            """, ("@g", gemeente), ("@n", nummer), ("@a", Aanbieder), ("@p", product), ("@i", Dag(ingang)), ("@e", einde is null ? null : Dag(einde)),
            ("@v", volume), ("@eh", volume is null ? null : "01"), ("@f", volume is null ? null : "2"), ("@b", budget), ("@tijd", new TimeOnly(9, 0)), ("@actueel", actueel));

    private void Prestatie(long declaratie, string gemeente, string referentie, string begin, long bedrag, long credit, long goedgekeurd) =>
        Sql("""
            INSERT INTO declaratieprestaties (declaratie_id, gemeente, aanbieder, referentienummer, nummer, categorie, productcode, begindatum, einddatum, volume, eenheid, bedrag, credit, goedgekeurd)
            VALUES (@d, @g, @a, @r, 1, '45', '45A01', @b, @b, 60, '01', @bedrag, @c, @ok)
            """, ("@d", declaratie), ("@g", gemeente), ("@a", Aanbieder), ("@r", referentie), ("@b", Dag(begin)), ("@bedrag", bedrag), ("@c", credit), ("@ok", goedgekeurd));

    /// <summary>The fixture; see each line for what it tests.</summary>
    private void Vul()
    {
        // Allocations: two equal ones group (120 = 2 × 60), one ended before the year, an old version, another
        // municipality's, and a budget allocation with an open end.
        Toewijzing(Nop, 1, "45A01", "2027-01-01", "2027-03-31", 60, null);
        Toewijzing(Nop, 2, "45A01", "2027-01-01", "2027-03-31", 60, null);
        Toewijzing(Nop, 3, "45A01", "2026-06-01", "2026-12-31", 60, null);
        Toewijzing(Nop, 4, "45A01", "2027-01-01", "2027-12-31", 999, null, actueel: 0);
        Toewijzing(Urk, 5, "45A01", "2027-01-01", "2027-03-31", 60, null);
        Toewijzing(Nop, 6, "45B02", "2027-07-01", null, null, 100_000);

        // Requests (Monday 1 March 2027 and on; Easter Monday is 29 March, outside every term below).
        var goedgekeurd = Journaal("JW315", Nop, "2027-03-01T09:00:00Z");       // decided by the engine at receipt: in time
        Verzoek(goedgekeurd, Nop, "JW315", 2, "besloten", "approved");
        Outbox(goedgekeurd, "JW316", "2027-03-01T09:00:00Z");                   // the retour at once: in time
        var laat = Journaal("JW315", Nop, "2027-03-01T10:00:00Z");             // decided on the 9th werkdag: late (due 8 March)
        Verzoek(laat, Nop, "JW315", 4, "besloten", "rejected", besloten: "2027-03-12T10:00:00Z");
        var onderzoek = Journaal("JW315", Nop, "2027-03-31T22:30:00Z");        // 1 April in the Netherlands; 'in onderzoek' on 2 April: in time
        Verzoek(onderzoek, Nop, "JW315", 6, "review", "review", onderzoek: new DateOnly(2027, 4, 2));
        var open = Journaal("JW317", Nop, "2027-02-01T09:00:00Z");             // open past its due date: late
        Verzoek(open, Nop, "JW317", null, "review", "review");
        var nieuwjaar = Journaal("JW315", Nop, "2026-12-31T23:30:00Z");        // 1 January 2027 in the Netherlands: this year, open, late
        Verzoek(nieuwjaar, Nop, "JW315", null, "review", "review");
        var lopend = Journaal("JW315", Nop, "2027-04-09T09:00:00Z");           // due 16 April: still running
        Verzoek(lopend, Nop, "JW315", null, "review", "review");
        var vorigJaar = Journaal("JW315", Nop, "2026-12-31T22:30:00Z");        // 31 December 2026 in the Netherlands: not this year
        Verzoek(vorigJaar, Nop, "JW315", 2, "besloten", "approved");
        Outbox(vorigJaar, "JW316", "2026-12-31T22:30:00Z");
        var urk = Journaal("JW315", Urk, "2027-03-01T09:00:00Z");              // another municipality's: never counted
        Verzoek(urk, Urk, "JW315", 2, "review", "review");
        Sql("""
            INSERT INTO toekenningen (journaal_id, gemeente, soort, aanbieder, productcode, status, regels, toelichting, door, op)
            VALUES (@j, @g, 'toekennen', @a, '45A01', 'Toegekend', '', '', 'nop', @op)
            """, ("@j", goedgekeurd), ("@g", Nop), ("@a", Aanbieder), ("@op", Utc("2027-05-01T09:00:00Z")));

        // Declarations: JW325 on the 12th werkdag (due 24 February: late) and one at once (in time).
        var jw323 = Journaal("JW323", Nop, "2027-02-10T09:00:00Z");
        Outbox(jw323, "JW325", "2027-02-26T09:00:00Z");
        var jw323b = Journaal("JW323", Nop, "2027-03-01T09:00:00Z");
        Outbox(jw323b, "JW325", "2027-03-01T09:00:00Z");
        Sql("""
            INSERT INTO declaraties (id, journaal_id, gemeente, aanbieder, declaratienummer, begindatum, einddatum, dagtekening, ingediend, toegekend)
            VALUES (1, @j, @g, @a, 'D1', @b, @b, @b, 0, 0)
            """, ("@j", jw323), ("@g", Nop), ("@a", Aanbieder), ("@b", Dag("2027-01-01")));
        Prestatie(1, Nop, "P1", "2027-01-01", 5_000, 0, 1);
        Prestatie(1, Nop, "P2", "2027-01-15", 2_000, 0, 0);
        Prestatie(1, Nop, "P3", "2027-01-01", 1_000, 1, 1);
        Prestatie(1, Nop, "P4", "2026-12-01", 7_000, 0, 1);
        // Another municipality's line, under a declaration of its own (a prestatie and its declaration are of one
        // municipality: on PostgreSQL the foreign key is (gemeente, declaratie_id) since migration 0036).
        var jw323urk = Journaal("JW323", Urk, "2027-03-01T09:00:00Z");
        Sql("""
            INSERT INTO declaraties (id, journaal_id, gemeente, aanbieder, declaratienummer, begindatum, einddatum, dagtekening, ingediend, toegekend)
            VALUES (2, @j, @g, @a, 'D1', @b, @b, @b, 0, 0)
            """, ("@j", jw323urk), ("@g", Urk), ("@a", Aanbieder), ("@b", Dag("2027-01-01")));
        Prestatie(2, Urk, "P5", "2027-01-01", 9_000, 0, 1);

        // A third no-show decided after two weeks (due three weeks after the report): in time.
        var noshow = Journaal("NOSHOW", Nop, "2027-03-01T09:00:00Z");
        Sql("""
            INSERT INTO noshows (journaal_id, gemeente, nummer, aanbieder, client_bsn, productcode, datum, besluit, besloten_op, besloten_door)
            VALUES (@j, @g, 1, @a, '100000009', '45A01', @d, 'doorgaan', @op, 'nop')
            """, ("@j", noshow), ("@g", Nop), ("@a", Aanbieder), ("@d", Dag("2027-02-26")), ("@op", Utc("2027-03-15T09:00:00Z")));
    }

    [StoreFact]
    public void Toewijzingen_van_het_jaar_en_de_gemeente_gegroepeerd_met_opgetelde_volumes()
    {
        Vul();
        var data = Opslag.LeesOverzicht(Gemeente(Nop), 2027);
        Assert.Equal(
            [
                new Toewijzingsgroep(Aanbieder, "45A01", Dag("2027-01-01"), Dag("2027-03-31"), "01", "2", 120, 0, 2),
                new Toewijzingsgroep(Aanbieder, "45B02", Dag("2027-07-01"), null, null, null, 0, 100_000, 1),
            ],
            data.Toewijzingen.OrderBy(t => t.Productcode, StringComparer.Ordinal));
    }

    [StoreFact]
    public void Declaraties_gedeclareerd_en_betaald_per_begindag_met_credit_negatief()
    {
        Vul();
        var data = Opslag.LeesOverzicht(Gemeente(Nop), 2027);
        Assert.Equal(
            [
                new Declaratiegroep(Aanbieder, "45A01", Dag("2027-01-01"), 4_000, 4_000),
                new Declaratiegroep(Aanbieder, "45A01", Dag("2027-01-15"), 2_000, 0),
            ],
            data.Declaraties.OrderBy(d => d.Begindatum));
        Assert.Equal(7_000, Assert.Single(Opslag.LeesOverzicht(Gemeente(Nop), 2026).Declaraties).BetaaldCent);
    }

    [StoreFact]
    public void Verzoeken_per_route_en_uitkomst_in_het_nederlandse_jaar()
    {
        Vul();
        var data = Opslag.LeesOverzicht(Gemeente(Nop), 2027);
        Assert.Equal(
            ["JW315-2:approved:1", "JW315-4:rejected:1", "JW315-6:onderzoek:1", "JW315-:review:2", "JW317:review:1", "lokaal:Toegekend:1"],
            data.Routes.Select(r => $"{r.Route}:{r.Uitkomst}:{r.Aantal}").Order(StringComparer.Ordinal));
        Assert.Equal(["JW315-2:approved:1"], Opslag.LeesOverzicht(Gemeente(Nop), 2026).Routes.Select(r => $"{r.Route}:{r.Uitkomst}:{r.Aantal}"));
    }

    [StoreFact]
    public void Wachtrij_telt_de_open_verzoeken_per_nederlandse_ontvangstdag()
    {
        Vul();
        var data = Opslag.LeesOverzicht(Gemeente(Nop), 2027);
        Assert.Equal([(Dag("2027-01-01"), 1), (Dag("2027-02-01"), 1), (Dag("2027-04-01"), 1), (Dag("2027-04-09"), 1)], data.Wachtrij);
        Assert.Equal([(Dag("2027-03-01"), 1)], Opslag.LeesOverzicht(Gemeente(Urk), 2027).Wachtrij);
    }

    [StoreFact]
    public void Termijntrouw_per_soort_uit_ontvangst_en_antwoord()
    {
        Vul();
        var data = Opslag.LeesOverzicht(Gemeente(Nop), 2027);
        var trouw = TermijntrouwBerekenen.Bereken(data.Afhandeling, Flevoland, new Werkdagenkalender(Flevoland.ExtraVrijeDagen), Vandaag);
        Assert.Equal(
            [
                new Termijntrouw("HK-315-3", 2, 3, 1),
                new Termijntrouw("HK-325-1", 1, 1, 0),
                new Termijntrouw("HK-NS-3", 1, 0, 0),
                new Termijntrouw("HK-WD-2-RETOUR-GEMEENTE", 1, 4, 1),
            ],
            trouw);
        Assert.Equal([40m, 50m, 100m, 20m], trouw.Select(t => t.Percentage!.Value));
    }
}

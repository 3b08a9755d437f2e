using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Bevindingen;
using Jeugdhulp.Store.Inhoud;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;
using VasteKlok = Jeugdhulp.Store.Tests.Infrastructuur.VasteKlok;

namespace Jeugdhulp.Store.Tests.Backoffice;

/// <summary>
/// The Declaraties page from tables (migration 0033) shows what the page showed when it parsed every JW323 and its JW325 per
/// request (kept here as <see cref="UitBerichten"/>, the reference): on a generated region processed by the pipeline, plus a
/// declaration refused as a whole (9333, a number used again), one whose every line reuses a reference (8021) and one not
/// answered, per municipality, on both databases — every line in order, the refused lines page by page with and without a rule
/// filter, and the per-declaration counts and sums.
/// </summary>
public abstract class DeclaratiepaginaTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : DeclaratiepaginaTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : DeclaratiepaginaTests(new PostgresTestDatabase());

    [StoreFact]
    public void Pagina_uit_tabellen_is_de_oude_berekening_uit_de_berichten()
    {
        Demostroom.Regio.Importeer(Opslag);
        Demostroom.Regio.Verwerk(dag => Open(new VasteKlok(new DateTimeOffset(dag.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))), Flevoland);
        MetUitzonderingen();

        var regels = 0;
        foreach (var g in Flevoland.OpDatum(new DateOnly(2027, 1, 1)).Gemeenten)
        {
            var oud = UitBerichten(g.Code);
            regels += oud.Count;

            // Every line, in order, with the same values.
            Assert.Equal(oud.Select(Tekst), Opslag.LeesDeclaratieregels(g.Code).Select(Tekst));

            // The refused lines page by page (7 a page), and the number the caption shows.
            Assert.Equal(oud.Where(r => r.Afgewezen).Select(Tekst), Paginas(g.Code, null, out var totaal).Select(Tekst));
            Assert.Equal(oud.Count(r => r.Afgewezen), totaal);

            // A page far past the end (a bookmark, or lines gone since) shows the last page, not "no refused lines".
            var voorbij = Opslag.LeesDeclaratiepagina(g.Code, null, 1000, 7);
            Assert.Equal(Math.Max(1, (totaal + 6) / 7), voorbij.Pagina);
            Assert.Equal(oud.Where(r => r.Afgewezen).Skip((voorbij.Pagina - 1) * 7).Select(Tekst), voorbij.Afgewezen.Select(Tekst));

            // The rule filter: the refused lines with a stored finding of that rule, their own or their declaration's.
            var bevindingen = Opslag.LeesDeclaratiebevindingen(g.Code).Where(b => b.Soort == "afkeur").ToList();
            foreach (var regel in bevindingen.Select(b => b.RegelId).Distinct().Append("HK-BESTAAT-NIET"))
            {
                var met = bevindingen.Where(b => b.RegelId == regel).Select(b => (b.JournaalId, b.ReferentieNummer)).ToHashSet();
                Assert.Equal(
                    oud.Where(r => r.Afgewezen && (met.Contains((r.JournaalId, null)) || met.Contains((r.JournaalId, r.ReferentieNummer)))).Select(Tekst),
                    Paginas(g.Code, regel, out _).Select(Tekst));
            }

            // "Alle declaraties": per provider and number, as the page grouped the lines.
            Assert.Equal(
                oud.GroupBy(r => (r.Aanbieder, r.DeclaratieNummer)).Select(x => string.Join('|', Weergave(x.First().Ontvangen), x.Key.Aanbieder, x.Key.DeclaratieNummer,
                    x.Count(), x.Count(r => r.Afgewezen), x.Sum(r => r.BedragCent), x.Where(r => r.Beantwoord && !r.Afgewezen).Sum(r => r.BedragCent))),
                Opslag.LeesDeclaratiepagina(g.Code, null, 1, 7).Declaraties.Select(s => string.Join('|', Weergave(s.Ontvangen), s.Aanbieder, s.DeclaratieNummer, s.Prestaties, s.Afgewezen,
                    s.IngediendCent, s.GoedgekeurdCent)));

            // The export's audit count and clients (every line's client, each once), then its lines: those of the page.
            var export = Opslag.LeesDeclaratieexport(g.Code);
            Assert.Equal(oud.Count, export.Aantal);
            Assert.Equal(oud.Select(r => r.Client.Waarde).Distinct().Order(StringComparer.Ordinal), export.Clienten.Select(c => c.Waarde).Order(StringComparer.Ordinal));
            Assert.Equal(oud.Select(Tekst), export.Regels.Select(Tekst));
        }

        // The cases the tables were made for are in the region: without them this test could not fail on them.
        var alle = Flevoland.OpDatum(new DateOnly(2027, 1, 1)).Gemeenten.SelectMany(g => Opslag.LeesDeclaratieregels(g.Code)).ToList();
        Assert.True(regels > 20, $"the region declares ({regels} lines)");
        Assert.Contains(alle, r => r.RetourCodes.Contains("9333"));
        Assert.Contains(alle, r => r.RetourCodes.Contains("8021"));
        Assert.Contains(alle, r => !r.Beantwoord);
        Assert.Contains(alle, r => r.Afgewezen && !r.RetourCodes.Contains("8021") && !r.RetourCodes.Contains("9333"));
        Assert.Contains(alle, r => !r.Afgewezen && r.Beantwoord);
        Assert.True(Db.Tel("declaratieregels_ongeboekt") > 0);
    }

    /// <summary>
    /// A JW323 of the region sent again under a new identification (its number used again: refused as a whole, 9333), again
    /// with a new number too (every reference used before: 8021), and a copy journaled but not processed (not answered).
    /// </summary>
    private void MetUitzonderingen()
    {
        var bestand = Demostroom.Regio.Dagen.SelectMany(d => d.Bestanden).First(b => IjwLezer.Lees(File.ReadAllBytes(b)).TryGet(out var m) && m is Declaratiebericht);
        var jw323 = (Declaratiebericht)IjwLezer.Lees(File.ReadAllBytes(bestand)).Waarde;
        var dag = Demostroom.Regio.Dagen[^1].Dag.AddDays(1);
        Declaratiebericht Als(string identificatie, string nummer) => jw323 with
        {
            Header = jw323.Header with { BerichtIdentificatie = new BerichtIdentificatie(identificatie, dag) },
            Declaratie = jw323.Declaratie with { DeclaratieNummer = nummer },
        };

        var invoer = new[] { Als("PAR9333", jw323.Declaratie.DeclaratieNummer), Als("PAR8021", "PAR8021") }
            .Select(b => new Invoer(b.Header.BerichtIdentificatie.Identificatie + ".xml", IjwSchrijver.Schrijf(b))).ToList();
        var verslagen = new BerichtVerwerken(Open(new VasteKlok(new DateTimeOffset(dag.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))), Flevoland, dag, null)
            .Verwerk(invoer).ToList();
        Assert.All(verslagen, v => Assert.True(v.Uitkomst == Uitkomsten.Rejected, string.Join("; ", v.Meldingen)));

        // Not answered: journaled as received, no JW325 (the pipeline answers in the journal row's transaction; an import or a
        // crash between two systems can still leave one).
        var id = Convert.ToInt64(Db.VoerUit($"SELECT MAX(id) FROM journaal WHERE berichtcode = 'JW323' AND identificatie = '{jw323.Header.BerichtIdentificatie.Identificatie}'"),
            System.Globalization.CultureInfo.InvariantCulture);
        Db.VoerUit($"""
            INSERT INTO journaal (afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op, status)
            SELECT afzender, ontvanger, berichtcode, 'PAROPEN', sha256, ontvangen_op, 'ontvangen' FROM journaal WHERE id = {id}
            """);
        Db.VoerUit($"""
            INSERT INTO journaalinhoud (journaal_id, inhoud, gemeente)
            SELECT (SELECT id FROM journaal WHERE identificatie = 'PAROPEN'), inhoud, gemeente FROM journaalinhoud WHERE journaal_id = {id}
            """);
    }

    private List<Declaratieregel> Paginas(Gemeentecode gemeente, string? regel, out int totaal)
    {
        var lijst = new List<Declaratieregel>();
        totaal = 0;
        for (var pagina = 1; ; pagina++)
        {
            var (regels, t, _, getoond) = Opslag.LeesDeclaratiepagina(gemeente, regel, pagina, 7);
            totaal = t;
            if (getoond != pagina)
            {
                // Past the end (the lines are a multiple of 7): the last page again, not an empty one.
                Assert.Equal(pagina - 1, getoond);
                Assert.Equal(lijst.TakeLast(7).Select(Tekst), regels.Select(Tekst));
                return lijst;
            }

            lijst.AddRange(regels);
            if (regels.Count < 7)
            {
                return lijst;
            }
        }
    }

    private static string Weergave(DateTimeOffset t) => t.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static string Tekst(Declaratieregel r) => string.Join('|', r.Aanbieder, r.DeclaratieNummer, Weergave(r.Ontvangen), r.Client.Waarde, r.ToewijzingNummer,
        r.Productcode, r.Begindatum, r.Einddatum, r.Volume, r.Eenheid, r.BedragCent, string.Join(',', r.RetourCodes), r.Beantwoord, r.JournaalId, r.ReferentieNummer);

    /// <summary>
    /// The reference: the page's computation before migration 0033, every JW323 of the municipality parsed from the journal
    /// with its JW325 from the outbox. One change: a declaration refused as a whole (its JW325 has no clients and the
    /// Declaratie-class codes, 9333 or 8848) had its lines shown as approved; they are refused with those codes.
    /// </summary>
    private List<Declaratieregel> UitBerichten(Gemeentecode gemeente)
    {
        var lijst = new List<Declaratieregel>();
        foreach (var rij in Db.Lees($"""
            SELECT j.afzender, j.ontvangen_op, ji.inhoud, oi.inhoud, j.id
            FROM journaal j JOIN journaalinhoud ji ON ji.journaal_id = j.id AND ji.gemeente = j.ontvanger LEFT JOIN outbox o ON o.journaal_id = j.id AND o.berichtcode = 'JW325'
            LEFT JOIN outboxinhoud oi ON oi.outbox_id = o.id
            WHERE j.ontvanger = '{gemeente.Waarde}' AND j.berichtcode = 'JW323' AND j.origineel_id IS NULL
            ORDER BY j.ontvangen_op, j.id
            """))
        {
            if (!IjwLezer.Lees(Inhoud(rij[2])).TryGet(out var bericht) || bericht is not Declaratiebericht jw323)
            {
                continue;
            }

            var antwoord = rij[3] is DBNull ? null : IjwLezer.Lees(Inhoud(rij[3])).TryGet(out var a) ? a as DeclaratieAntwoordbericht : null;
            var afgewezen = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var c in antwoord?.DeclaratieAntwoord?.Clienten ?? [])
            {
                foreach (var p in c.Prestaties)
                {
                    afgewezen[p.ProductReferentie.ReferentieNummer] = p.RetourCodes is { Count: > 0 } rc ? rc : c.RetourCodes ?? [];
                }
            }

            IReadOnlyList<string> geheel = antwoord?.Header.RetourCodes is { Count: > 0 } kop && antwoord.DeclaratieAntwoord is null ? kop
                : antwoord?.DeclaratieAntwoord is { Clienten.Count: 0, RetourCodes: var klasse } && !klasse.Any(c => c is "8001" or "0200") ? klasse
                : [];
            var ontvangen = rij[1] switch
            {
                DateTimeOffset o => o,
                DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
                var t => DateTimeOffset.Parse(Convert.ToString(t, System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var c in jw323.Declaratie.Clienten)
            {
                if (!Core.Waarden.Bsn.Parse(c.Bsn).TryGet(out var bsn))
                {
                    continue;
                }

                foreach (var p in c.Prestaties)
                {
                    var codes = afgewezen.TryGetValue(p.ProductReferentie.ReferentieNummer, out var cs) ? cs : geheel;
                    lijst.Add(new Declaratieregel((string)rij[0], jw323.Declaratie.DeclaratieNummer, ontvangen, bsn, p.ToewijzingNummer,
                        p.ProductCode, p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum, p.GeleverdVolume, p.Eenheid,
                        p.IngediendBedrag.Saldo, codes, antwoord is not null) { JournaalId = Convert.ToInt64(rij[4], System.Globalization.CultureInfo.InvariantCulture), ReferentieNummer = p.ProductReferentie.ReferentieNummer });
                }
            }
        }

        return lijst;
    }

    private static byte[] Inhoud(object waarde) => Inhoudsvorm.Uitpak((byte[])waarde);
}

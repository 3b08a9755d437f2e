using System.Text;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Verwerking;

/// <summary>
/// Issue 20, item 1: the pre-check of a JW315/JW317 and the real run never disagree. A generated region's whole
/// message stream is offered message by message: first as a pre-check, then for real, on the same state.
/// </summary>
public abstract class ProefPariteitTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : ProefPariteitTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : ProefPariteitTests(new PostgresTestDatabase());

    // Slow lane: processes a whole generated region message by message, twice (README, "Tests").
    [Trait("Baan", "Traag")]
    [StoreFact]
    public void Proef_en_echte_verwerking_geven_op_een_gegenereerde_regio_elk_besluit_en_antwoord_gelijk()
    {
        // One fixed real clock for both: the pre-check and the real run put the same Toewijzingstijd in their JW301s.
        var opslag = Open(klok: new Infrastructuur.VasteKlok(new DateTimeOffset(2027, 1, 4, 8, 30, 15, TimeSpan.Zero)));
        var stroom = Demostroom.Regio;
        stroom.Importeer(opslag);
        string[] tabellen = ["journaal", "outbox", "verzoeken", "toewijzingen", "clienten", "toewijzingnummers"];
        int besluiten = 0, jw317 = 0, antwoorden = 0;
        foreach (var (dag, bestanden) in stroom.Dagen)
        {
            var verwerken = new BerichtVerwerken(opslag, Flevoland, dag, null);
            foreach (var bestand in bestanden)
            {
                var inhoud = File.ReadAllBytes(bestand);
                var voor = tabellen.Select(Db.Tel).ToList();
                var (proef, _) = opslag.ProefBestand(inhoud, Flevoland, dag);
                Assert.Equal(voor, tabellen.Select(Db.Tel));
                var echt = Assert.Single(verwerken.Verwerk([new Invoer(bestand, inhoud)]));
                if (proef is null)
                {
                    continue;
                }

                var naam = Path.GetFileName(bestand);
                Assert.True(echt.Uitkomst == proef.Uitkomst, $"{naam}: echt {echt.Uitkomst}, proef {proef.Uitkomst}");
                var verslag = proef.Verslag(bestand);
                Assert.Equal(echt.Besluiten.Count, verslag.Besluiten.Count);
                for (var i = 0; i < echt.Besluiten.Count; i++)
                {
                    var (e, p) = (echt.Besluiten[i], verslag.Besluiten[i]);
                    Assert.True((e.Referentie, e.Uitkomst, e.Reden, e.Toelichting) == (p.Referentie, p.Uitkomst, p.Reden, p.Toelichting), $"{naam}, verzoek {e.Referentie}");
                    Assert.Equal(e.Regels, p.Regels);
                }

                // The would-be answers are the real ones, byte for byte, but for the Identificatie of a pre-check.
                var echteAntwoorden = echt.Antwoorden ?? [];
                var proefAntwoorden = proef.Antwoorden ?? [];
                Assert.Equal(echteAntwoorden.Count, proefAntwoorden.Count);
                for (var i = 0; i < echteAntwoorden.Count; i++)
                {
                    var xml = Encoding.UTF8.GetString(IjwSchrijver.Schrijf(proefAntwoorden[i].Bericht)).Replace("PROEF-", $"{echt.JournaalId}-", StringComparison.Ordinal);
                    Assert.Equal(Encoding.UTF8.GetString(echteAntwoorden[i].Inhoud), xml);
                    Assert.Equal(echteAntwoorden[i].Bestandsnaam, proefAntwoorden[i].Bestandsnaam.Replace("PROEF-", $"{echt.JournaalId}-", StringComparison.Ordinal));
                }

                besluiten += echt.Besluiten.Count;
                jw317 += proef.Soort == "JW317" ? 1 : 0;
                antwoorden += echteAntwoorden.Count;
            }
        }

        // The region is large enough to mean something: many decisions, JW317s among them.
        Assert.True(besluiten >= 60, $"{besluiten} besluiten");
        Assert.True(jw317 >= 5, $"{jw317} JW317");
        Assert.True(antwoorden > besluiten, $"{antwoorden} antwoorden");
    }
}

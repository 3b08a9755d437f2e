using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Clienten;
using Jeugdhulp.Store.Tests.Infrastructuur;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Tests.Bevindingen;

/// <summary>
/// The engine's explanation of a request line is not stored (migration 0037): every reader renders it from the line's
/// outcome, reason, rule-set label and findings. The safety net: over the whole demo region, on both databases, every
/// reader gives for every request line exactly the text the engine rendered when it decided (the processing report's,
/// from the decision in memory), and a person's decision keeps its own text.
/// </summary>
public abstract class ToelichtingenTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : ToelichtingenTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : ToelichtingenTests(new PostgresTestDatabase());

    private Datastore OpDag(DateOnly dag) => Open(new Infrastructuur.VasteKlok(new DateTimeOffset(dag.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));

    /// <summary>Processes the demo region; per request line (journal id, volgnummer) the explanation the engine rendered when deciding.</summary>
    private Dictionary<(long Journaal, int Volgnummer), string> VerwerkRegio()
    {
        Demostroom.Regio.Importeer(Opslag);
        var verwacht = new Dictionary<(long, int), string>();
        foreach (var (dag, bestanden) in Demostroom.Regio.Dagen)
        {
            foreach (var v in new BerichtVerwerken(OpDag(dag), Flevoland, dag, null).Verwerk([.. bestanden.Select(b => new Invoer(b, File.ReadAllBytes(b)))]))
            {
                Assert.NotEqual(Uitkomsten.Error, v.Uitkomst);
                for (var i = 0; v.JournaalId is { } j && !v.Herhaling && i < v.Besluiten.Count; i++)
                {
                    verwacht[(j, i + 1)] = v.Besluiten[i].Toelichting;
                }
            }
        }

        return verwacht;
    }

    /// <summary>Every request line: id, journal id, volgnummer, gemeente, client, status, the stored text and label.</summary>
    private List<(long Id, long Journaal, int Volgnummer, string Gemeente, string Bsn, string Status, string Opgeslagen, string? Regelset)> Regels()
    {
        using var sessie = Opslag.OpenSessie();
        using var r = sessie.Commando("SELECT id, journaal_id, volgnummer, gemeente, client_bsn, status, toelichting, regelset FROM verzoeken ORDER BY id")
            .ExecuteReader();
        var lijst = new List<(long, long, int, string, string, string, string, string?)>();
        while (r.Read())
        {
            lijst.Add((r.GetInt64(0), r.GetInt64(1), checked((int)r.GetInt64(2)), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7)));
        }

        return lijst;
    }

    [StoreFact]
    public void Elke_lezer_geeft_voor_elke_verzoekregel_van_de_regio_de_toelichting_van_de_engine_zonder_dat_die_is_opgeslagen()
    {
        var verwacht = VerwerkRegio();
        var regels = Regels();
        Assert.True(regels.Count > 50, $"{regels.Count} verzoekregels");
        Assert.Equal(verwacht.Count, regels.Count);
        var perId = regels.ToDictionary(v => v.Id, v => verwacht[(v.Journaal, v.Volgnummer)]);

        // Stored: no text, the label of the rule set (which the first line names).
        Assert.All(regels, v => Assert.Equal("", v.Opgeslagen));
        Assert.All(regels, v => Assert.NotNull(v.Regelset));
        Assert.Contains(regels, v => v.Regelset!.Length > 0 && perId[v.Id].Contains(v.Regelset, StringComparison.Ordinal));

        // The decisions as reported again (re-delivery, provider API), per message.
        using (var sessie = Opslag.OpenSessie())
        {
            foreach (var journaal in regels.GroupBy(v => v.Journaal))
            {
                Assert.Equal(journaal.OrderBy(v => v.Volgnummer).Select(v => perId[v.Id]), Staat.BeslissingenVan(sessie, journaal.Key).Select(b => b.Toelichting));
            }
        }

        foreach (var gemeente in regels.Select(v => v.Gemeente).Distinct())
        {
            var g = Gemeente(gemeente);
            // The work queue as a list, as a page, and each item of the page opened.
            var werk = Opslag.LeesWerkvoorraad(g);
            Assert.All(werk, w => Assert.Equal(perId[w.Id], w.Toelichting));
            Assert.Equal(regels.Count(v => v.Gemeente == gemeente && v.Status == "review"), werk.Count);
            var pagina = Opslag.ZoekWerkvoorraad(g, new Werkvoorraadfilter(PerPagina: 200));
            Assert.Equal(Math.Min(werk.Count, 200), pagina.Regels.Count);
            // The list and its export show no explanation, so the page's rows carry the stored text; every item opened renders it.
            Assert.All(pagina.Regels, w => Assert.Equal(perId[w.Item.Id], Opslag.BekijkWerkitem("test", g, w.Item.Id)!.Toelichting));
            Assert.Equal(regels.Where(v => v.Gemeente == gemeente && v.Status == "review").Select(v => perId[v.Id]),
                Opslag.TeBeoordelenVoor(g).Select(v => v.Toelichting));

            foreach (var client in regels.Where(v => v.Gemeente == gemeente).GroupBy(v => v.Bsn))
            {
                var bsn = Bsn(client.Key);
                var dossier = Opslag.BekijkDossier("test", g, bsn)!;
                Assert.All(dossier.Verzoeken, d => Assert.Equal(perId[d.Id], d.Toelichting));
                Assert.Equal(client.Select(v => perId[v.Id]), Opslag.LeesClientoverzicht(g, bsn)!.Verzoeken.Select(v => v.Toelichting));
            }

            Assert.All(regels.Where(v => v.Gemeente == gemeente).Take(20), v => Assert.Equal(perId[v.Id], Opslag.BekijkBesluit("test", g, v.Id)!.Toelichting));
        }
    }

    [StoreFact]
    public void Een_besluit_van_een_medewerker_bewaart_de_toelichting_van_de_engine_met_de_eigen_tekst()
    {
        var verwacht = VerwerkRegio();
        var regel = Regels().First(v => v.Status == "review");
        var engine = verwacht[(regel.Journaal, regel.Volgnummer)];
        var g = Gemeente(regel.Gemeente);
        var referentie = Opslag.BekijkBesluit("test", g, regel.Id)!.Referentie;
        var r = BesluitNemen.Neem(Opslag, new Handbesluit(referentie, false, 7, "eerst het lokale team", "medewerker", regel.Gemeente, regel.Id),
            Demostroom.Regio.Dagen[^1].Dag, null);
        Assert.True(r.IsGeldig, string.Join("; ", r.Fouten));

        var tekst = $"{engine}\nBesluit medewerker: afgewezen, reden 7. eerst het lokale team";
        Assert.Equal(tekst, Regels().Single(v => v.Id == regel.Id).Opgeslagen);
        Assert.Equal(tekst, Opslag.BekijkBesluit("test", g, regel.Id)!.Toelichting);
        Assert.Equal(tekst, Opslag.BekijkDossier("test", g, Bsn(regel.Bsn))!.Verzoeken.Single(d => d.Id == regel.Id).Toelichting);
    }
}

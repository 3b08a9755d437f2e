using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Backoffice;

/// <summary>
/// The work queue's 'te laat' filter runs in SQL on a cut-off moment and the 'in onderzoek' date; on a generated
/// queue (receipts at every hour of day and night, across weekends, holidays and the change to summer time, some
/// in onderzoek) it selects exactly the items whose own answer deadline, computed per item with the werkdagen
/// calendar as the page shows it, lies before today — on both databases.
/// </summary>
public abstract class WerkvoorraadTeLaatTests(TestDatabase db) : StoreTestBasis(db)
{
    public sealed class Sqlite() : WerkvoorraadTeLaatTests(new SqliteTestDatabase());

    [Postgres]
    public sealed class Postgres() : WerkvoorraadTeLaatTests(new PostgresTestDatabase());

    private const string Gemeente0034 = "0034";

    [StoreFact]
    public void Te_laat_in_SQL_is_de_berekening_per_item()
    {
        var rnd = new Random(18);
        var items = new List<(string Referentie, DateTimeOffset Ontvangen, DateOnly? OnderzoekTot)>();
        using (var sessie = Opslag.OpenSessie())
        {
            var journaal = sessie.Commando("INSERT INTO journaal (id, afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op) VALUES (@id, '11111111', @g, 'JW315', @i, @s, @t)");
            var verzoek = sessie.Commando("""
                INSERT INTO verzoeken (journaal_id, volgnummer, berichtcode, gemeente, aanbieder, client_bsn, referentie, status, uitkomst, regels, toelichting, onderzoek_tot)
                VALUES (@id, 1, 'JW315', @g, '11111111', '100000009', @r, 'review', 'review', '', '', @tot)
                """);
            // Every ~3 h 17 min from 1 March to 30 April 2027: the change to summer time (28 March), Easter and
            // King's Day, nights and weekends; one in eight in onderzoek until a day around the test dates.
            var moment = new DateTimeOffset(2027, 3, 1, 0, 13, 0, TimeSpan.Zero);
            for (var id = 1L; moment < new DateTimeOffset(2027, 4, 30, 0, 0, 0, TimeSpan.Zero); id++, moment = moment.AddMinutes(197))
            {
                DateOnly? tot = rnd.Next(8) == 0 ? new DateOnly(2027, 3, 20).AddDays(rnd.Next(45)) : null;
                var referentie = $"REF-{id}";
                journaal.Met("@id", id).Met("@g", Gemeente0034).Met("@i", $"ID-{id}").Met("@s", BitConverter.GetBytes(id)).Met("@t", moment).ExecuteNonQuery();
                verzoek.Met("@id", id).Met("@g", Gemeente0034).Met("@r", referentie).Met("@tot", tot).ExecuteNonQuery();
                items.Add((referentie, moment, tot));
            }
        }

        var kalender = new Werkdagenkalender(Flevoland.ExtraVrijeDagen);
        foreach (var vandaag in new[] { new DateOnly(2027, 3, 29), new DateOnly(2027, 3, 30), new DateOnly(2027, 4, 6), new DateOnly(2027, 4, 28), new DateOnly(2027, 4, 30) })
        {
            var regels = Flevoland.OpDatum(vandaag);
            var verwacht = items.Where(i => TeLaatInBeoordeling.Antwoorddatum(regels, kalender, i.Ontvangen, i.OnderzoekTot) < vandaag)
                .Select(i => i.Referentie).Order(StringComparer.Ordinal).ToList();
            var filter = new Werkvoorraadfilter(OntvangenVoor: TeLaatInBeoordeling.OntvangenVoor(regels, kalender, vandaag), OnderzoekVoor: vandaag, PerPagina: 200);
            var gevonden = new List<string>();
            for (var pagina = 1; ; pagina++)
            {
                var p = Opslag.ZoekWerkvoorraad(Gemeente(Gemeente0034), filter with { Pagina = pagina });
                Assert.Equal(verwacht.Count, p.Totaal);
                if (p.Regels.Count == 0)
                {
                    break;
                }

                gevonden.AddRange(p.Regels.Select(r => r.Item.Referentie));
            }

            Assert.NotEmpty(verwacht);
            Assert.True(verwacht.Count < items.Count, "some items are not yet late");
            Assert.Equal(verwacht, gevonden.Order(StringComparer.Ordinal));
        }
    }
}

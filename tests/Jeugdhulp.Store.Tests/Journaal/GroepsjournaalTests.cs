using System.Security.Cryptography;
using System.Text;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Journaal;

/// <summary>
/// The group's journal (<see cref="Groepsjournaal"/>, PostgreSQL): a group journalled after one look-up gives every message
/// the outcome journalling it one by one gives — a new original, a re-delivery of a stored message or of one earlier in the
/// group, other content under a known Identificatie (9056) — with the same ids and rows, and without a round trip per
/// message. On SQLite there is nothing to save and no group journal.
/// </summary>
public abstract class GroepsjournaalTests(Func<TestDatabase> maak) : StoreTestBasis(maak())
{
    public sealed class Sqlite() : GroepsjournaalTests(() => new SqliteTestDatabase())
    {
        [StoreFact]
        public void Op_SQLite_is_er_geen_groepsjournaal()
        {
            using var tx = Opslag.BeginTransactie();
            Assert.Null(Groepsjournaal.Lees(tx, [("12345678", "N1")]));
        }
    }

    [Postgres]
    public sealed class Postgres() : GroepsjournaalTests(() => new PostgresTestDatabase())
    {
        [StoreFact]
        public void Een_groep_geeft_per_bericht_dezelfde_uitkomst_en_rijen_als_een_voor_een_journaliseren()
        {
            using var los = Maak();
            using var losOpslag = Datastore.Open(los.Opties).Waarde;
            foreach (var opslag in new[] { Opslag, losOpslag })
            {
                using var tx = opslag.BeginTransactie();
                tx.Journaliseer("12345678", "0034", "E", "JW315", Inhoud("eerder"));
                tx.Journaliseer("12345678", "0034", "E", "JW315", Inhoud("eerder, eerder gewijzigd"));
                tx.Commit();
            }

            (string Afzender, string Id, string Inhoud)[] groep =
            [
                ("12345678", "N1", "nieuw 1"),              // new
                ("12345678", "E", "eerder"),                // re-delivery of a stored original
                ("12345678", "E", "eerder, eerder gewijzigd"), // re-delivery of a stored deviation
                ("12345678", "E", "eerder, nu gewijzigd"),  // 9056 against the stored original
                ("12345678", "N1", "nieuw 1"),              // repeat within the group
                ("12345678", "N1", "nieuw 1, gewijzigd"),   // 9056 within the group
                ("12345678", "N1", "nieuw 1, gewijzigd"),   // repeat of that deviation
                ("87654321", "N1", "nieuw 1"),              // other sender: new
                ("12345678", "N2", "nieuw 2"),              // new
            ];

            List<JournaalUitkomst> inGroep;
            List<string> statements;
            using (var tx = Opslag.BeginTransactie())
            {
                (inGroep, statements) = Rondgangen.Tel(() =>
                {
                    var journaal = Groepsjournaal.Lees(tx, [.. groep.Select(b => (b.Afzender, b.Id))])!;
                    return groep.Select(b => journaal.Journaliseer(tx, b.Afzender, "0034", b.Id, "JW315", Inhoud(b.Inhoud),
                        Task.FromResult(SHA256.HashData(Inhoud(b.Inhoud))), null)).ToList();
                });
                tx.Commit();
            }

            List<JournaalUitkomst> eenVoorEen;
            using (var tx = losOpslag.BeginTransactie())
            {
                eenVoorEen = [.. groep.Select(b => tx.Journaliseer(b.Afzender, "0034", b.Id, "JW315", Inhoud(b.Inhoud)))];
                tx.Commit();
            }

            // Ids by rank: a sequence value the one-by-one insert burns on a conflict is a gap the group does not leave.
            Assert.Equal(eenVoorEen.Select(u => Tekst(u, Rang(los))), inGroep.Select(u => Tekst(u, Rang(Db))));
            Assert.Equal(Rijen(los), Rijen(Db));

            // Each re-delivery reads its earlier answers (after sending the writes queued before it); the rest costs nothing.
            Assert.InRange(statements.Count, 1 + 4, 1 + 8);
        }

        [StoreFact]
        public void Nieuwe_berichten_en_9056_in_een_groep_kosten_samen_een_rondgang()
        {
            using (var tx = Opslag.BeginTransactie())
            {
                tx.Journaliseer("12345678", "0034", "E", "JW315", Inhoud("eerder"));
                tx.Commit();
            }

            string[] ids = ["N1", "N2", "E", "N3", "N1", "N4"];
            using var tx2 = Opslag.BeginTransactie();
            var (uitkomsten, statements) = Rondgangen.Tel(() =>
            {
                var journaal = Groepsjournaal.Lees(tx2, [.. ids.Select(id => ("12345678", id))])!;
                return ids.Select((id, i) => journaal.Journaliseer(tx2, "12345678", "0034", id, "JW315", Inhoud($"{id} {i}"),
                    Task.FromResult(SHA256.HashData(Inhoud($"{id} {i}"))), null)).ToList();
            });

            Assert.Equal(["Nieuw", "Nieuw", "ZelfdeIdentificatieAndereInhoud", "Nieuw", "ZelfdeIdentificatieAndereInhoud", "Nieuw"], uitkomsten.Select(u => u.GetType().Name));
            Assert.Single(statements);
            tx2.Commit();
            Assert.Equal(7L, Db.Tel("journaalinhoud"));
        }

        [StoreFact]
        public void Een_rij_die_een_ander_na_de_opzoeking_vastlegde_laat_de_invoeging_falen_in_plaats_van_een_tweede_origineel()
        {
            using var tx = Opslag.BeginTransactie();
            var journaal = Groepsjournaal.Lees(tx, [("12345678", "N1")])!;

            // A concurrent writer commits the same key after the group's look-up.
            using (var ander = Opslag.BeginTransactie())
            {
                ander.Journaliseer("12345678", "0034", "N1", "JW315", Inhoud("van een ander"));
                ander.Commit();
            }

            Assert.IsType<JournaalUitkomst.Nieuw>(journaal.Journaliseer(tx, "12345678", "0034", "N1", "JW315", Inhoud("nieuw 1"),
                Task.FromResult(SHA256.HashData(Inhoud("nieuw 1"))), null));
            Assert.IsAssignableFrom<System.Data.Common.DbException>(Record.Exception(tx.Commit));
            Assert.Equal(1L, Db.Tel("journaal"));
        }

        private TestDatabase Maak() => maak();
    }

    private readonly Func<TestDatabase> maak = maak;

    private static byte[] Inhoud(string tekst) => Encoding.UTF8.GetBytes($"<JW315>{tekst}</JW315>");

    private static string Tekst(JournaalUitkomst u, Func<long, int> rang) => u switch
    {
        JournaalUitkomst.Nieuw n => $"nieuw {rang(n.JournaalId)}",
        JournaalUitkomst.ExacteHerhaling h => $"herhaling {rang(h.JournaalId)} ({h.Antwoorden.Count} antwoorden)",
        JournaalUitkomst.ZelfdeIdentificatieAndereInhoud a => $"9056 {rang(a.JournaalId)} van {rang(a.OrigineelId)}",
        _ => u.ToString(),
    };

    /// <summary>A journal id's rank among the stored ids.</summary>
    private static Func<long, int> Rang(TestDatabase db)
    {
        var ids = db.Lees("SELECT id FROM journaal ORDER BY id").Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return id => ids.IndexOf(id);
    }

    private static List<string> Rijen(TestDatabase db) =>
        [
            .. db.Lees("""
                SELECT (SELECT COUNT(*) FROM journaal k WHERE k.id < j.id), j.afzender, j.ontvanger, j.berichtcode, j.identificatie, j.sha256,
                    (SELECT COUNT(*) FROM journaal k WHERE k.id < j.origineel_id), i.inhoud
                FROM journaal j JOIN journaalinhoud i ON i.journaal_id = j.id ORDER BY j.id
                """)
                .Select(r => string.Join("|", r.Select(x => x is byte[] b ? Convert.ToHexString(b) : Convert.ToString(x, System.Globalization.CultureInfo.InvariantCulture)))),
        ];
}

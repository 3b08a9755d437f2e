using System.Security.Cryptography;
using System.Text;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Toewijzingnummers;

namespace Jeugdhulp.Store.Tests.Crash;

/// <summary>
/// A stand-in for the pipeline, just enough to prove the store's crash guarantee: per batch, in one
/// transaction, journal the messages, reserve a ToewijzingNummer per new request, store an answer that
/// carries it (or a 9056 answer), mark the journal row. Deterministic, so a crashed-and-repeated run can be
/// compared with a clean one. File names use message fields, never database ids (PostgreSQL sequences
/// are not transactional).
/// </summary>
internal static class Verwerkingssimulatie
{
    public static readonly byte[] AuditSleutel = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static readonly Gemeentecode Gemeente = Gemeentecode.Parse("0034").Waarde;

    /// <summary>Requests; every 97th repeats an earlier one exactly, every 89th reuses an Identificatie with other content.</summary>
    public static List<InkomendBericht> Berichten(int aantal)
    {
        var lijst = new List<InkomendBericht>(aantal);
        for (var i = 0; i < aantal; i++)
        {
            lijst.Add(i switch
            {
                > 100 when i % 97 == 0 => lijst[i - 50],
                > 100 when i % 89 == 0 => lijst[i - 30] with { Inhoud = Encoding.UTF8.GetBytes($"<JW315 id=\"{lijst[i - 30].Identificatie}\">gewijzigd {i}</JW315>") },
                _ => new InkomendBericht("12345678", "0034", $"ID-{i:D6}", "JW315", Encoding.UTF8.GetBytes($"<JW315 id=\"ID-{i:D6}\">verzoek {i}</JW315>")),
            });
        }

        return lijst;
    }

    /// <summary>
    /// Processes <paramref name="berichten"/> in batches. <paramref name="melding"/> hears "midden N" when batch
    /// N is fully done but not yet committed, and "gecommit N" after its commit.
    /// </summary>
    public static void Verwerk(Datastore opslag, IReadOnlyList<InkomendBericht> berichten, int batch, Action<string>? melding = null)
    {
        using var sessie = opslag.OpenSessie();
        for (int start = 0, nummer = 1; start < berichten.Count; start += batch, nummer++)
        {
            var deel = berichten.Skip(start).Take(batch).ToList();
            using var tx = sessie.BeginTransactie();
            var uitkomsten = tx.Journaliseer(deel);
            var antwoorden = new List<Antwoord>();
            for (var i = 0; i < deel.Count; i++)
            {
                var b = deel[i];
                switch (uitkomsten[i])
                {
                    case JournaalUitkomst.Nieuw n:
                        var toewijzing = tx.ReserveerToewijzingnummers(Gemeente, 1).Waarde.Eerste;
                        antwoorden.Add(new Antwoord(n.JournaalId, "JW301", b.Afzender, $"JW301_{b.Afzender}_{b.Identificatie}.xml",
                            Encoding.UTF8.GetBytes($"<JW301 verzoek=\"{b.Identificatie}\" toewijzing=\"{toewijzing}\"/>")));
                        tx.ZetJournaalStatus(n.JournaalId, "verwerkt");
                        break;
                    case JournaalUitkomst.ZelfdeIdentificatieAndereInhoud z:
                        var kenmerk = Convert.ToHexStringLower(SHA256.HashData(b.Inhoud))[..12];
                        antwoorden.Add(new Antwoord(z.JournaalId, "JW316", b.Afzender, $"JW316_{b.Afzender}_{b.Identificatie}_{kenmerk}.xml",
                            Encoding.UTF8.GetBytes($"<JW316 verzoek=\"{b.Identificatie}\" retourcode=\"9056\"/>")));
                        tx.ZetJournaalStatus(z.JournaalId, "afgewezen");
                        break;
                    case JournaalUitkomst.ExacteHerhaling:
                        break; // nothing changes; the earlier answer stands
                }
            }

            tx.VoegAntwoordenToe(antwoorden);
            melding?.Invoke($"midden {nummer}");
            tx.Commit();
            melding?.Invoke($"gecommit {nummer}");
        }
    }
}

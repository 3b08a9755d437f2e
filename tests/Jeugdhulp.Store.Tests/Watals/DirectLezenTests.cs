using System.Text.Json;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store.Tests.Infrastructuur;

namespace Jeugdhulp.Store.Tests.Watals;

/// <summary>
/// The what-if replay reads the stored messages of a period with the direct UTF-8 reader (<see cref="Utf8Lezer"/>,
/// issue 20's speed): on a generated region's stream — the bytes the journal stores and the replay reads back — it must
/// follow every message the XML reader's pass accepts (else the replay pays for the fallback) and give the same record.
/// </summary>
public class DirectLezenTests
{
    [Fact]
    public void Elk_bericht_van_een_gegenereerde_regio_leest_direct_als_hetzelfde_record_als_via_de_XML_reader()
    {
        var bestanden = Demostroom.Regio.Dagen.SelectMany(d => d.Bestanden).ToList();
        var vergeleken = 0;
        foreach (var bestand in bestanden)
        {
            var bytes = File.ReadAllBytes(bestand);
            var verwacht = IjwLezer.LeesGeaccepteerdMetXmlReader(bytes);
            if (!verwacht.IsGeldig)
            {
                continue; // a message the generator sends broken on purpose: the pipeline refuses it, the replay never reads it this way
            }

            var direct = Utf8Lezer.Lees(bytes);

            Assert.True(direct is not null, Path.GetFileName(bestand));
            Assert.Equal(Json(verwacht.Waarde), Json(direct));
            vergeleken++;
        }

        // Every kind the replay decides is in the stream, and almost every message is valid.
        Assert.True(vergeleken > bestanden.Count * 9 / 10, $"{vergeleken} van {bestanden.Count}");
        Assert.All(new[] { Ijw.Schema.Berichtsoort.JW315, Ijw.Schema.Berichtsoort.JW317, Ijw.Schema.Berichtsoort.JW323 }, soort =>
            Assert.Contains(bestanden, b => Utf8Lezer.Lees(File.ReadAllBytes(b))?.Soort == soort));
    }

    private static string Json(IjwBericht bericht) => JsonSerializer.Serialize(bericht, bericht.GetType());
}

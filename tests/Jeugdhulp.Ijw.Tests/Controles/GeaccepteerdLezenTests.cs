using System.Text;
using System.Text.Json;
using Jeugdhulp.Ijw.Controles;

namespace Jeugdhulp.Ijw.Tests.Controles;

/// <summary>
/// The what-if replay reads messages the backoffice accepted before without running the value and level-2 checks
/// again (<see cref="IjwValidatie.Geaccepteerd(byte[], DateOnly)"/>, issue 20): it must give exactly the message the full check gives,
/// and for bytes that would not pass, exactly the full check's answer.
/// </summary>
public class GeaccepteerdLezenTests
{
    private static readonly DateOnly Dag = new(2027, 3, 1);

    public static TheoryData<string> Berichten()
    {
        var d = new TheoryData<string>();
        // Every golden message and every example from other systems that the full check accepts (as the pipeline would).
        foreach (var f in Directory.GetFiles(Paden.GoldenMap, "*.xml").Concat(Directory.GetFiles(Paden.VoorbeeldenMap, "*.xml")).Order(StringComparer.Ordinal))
        {
            if (IjwValidatie.Valideer(File.ReadAllBytes(f), Dag).IsGeldig)
            {
                d.Add(f);
            }
        }

        return d;
    }

    [Theory]
    [MemberData(nameof(Berichten))]
    public void Een_geaccepteerd_bericht_leest_als_hetzelfde_bericht_als_na_de_volledige_controle(string bestand)
    {
        var bytes = File.ReadAllBytes(bestand);
        var volledig = IjwValidatie.Valideer(bytes, Dag);
        Assert.True(volledig.IsGeldig);
        var licht = IjwValidatie.Geaccepteerd(bytes, Dag);

        Assert.Equal(Controleniveau.Geldig, licht.Niveau);
        Assert.Empty(licht.Fouten);
        Assert.Equal(Json(volledig.Bericht!), Json(licht.Bericht!));
    }

    [Fact]
    public void Een_bericht_dat_niet_door_het_schema_komt_krijgt_het_antwoord_van_de_volledige_controle()
    {
        var tekst = File.ReadAllText(Path.Combine(Paden.GoldenMap, "jw315.xml"));
        var fout = Encoding.UTF8.GetBytes(tekst.Replace("<Geslacht>1</Geslacht>", "<Geslacht>1</Geslacht><Geslacht>1</Geslacht>", StringComparison.Ordinal));

        var volledig = IjwValidatie.Valideer(fout, Dag);
        var licht = IjwValidatie.Geaccepteerd(fout, Dag);

        Assert.Equal(Controleniveau.Schema, licht.Niveau);
        Assert.Equal(volledig.Fouten.Select(f => f.ToString()), licht.Fouten.Select(f => f.ToString()));
    }

    private static string Json(object bericht) => JsonSerializer.Serialize(bericht, bericht.GetType());
}

using System.Text;
using Jeugdhulp.Ijw.Tests;
using Jeugdhulp.Store.Inhoud;

namespace Jeugdhulp.Store.Tests.Inhoud;

public class InhoudsvormTests
{
    private static byte[] Golden(string naam) => File.ReadAllBytes(Path.Combine(Paden.RepoRoot, "tests", "Jeugdhulp.Ijw.Tests", "Golden", naam));

    [Theory]
    [InlineData("jw315.xml")]
    [InlineData("jw301.xml")]
    [InlineData("jw316.xml")]
    [InlineData("jw319.xml")]
    [InlineData("jw323.xml")]
    public void Een_ijw_bericht_wordt_met_het_huidige_woordenboek_kleiner_en_komt_byte_voor_byte_terug(string naam)
    {
        var ruw = Golden(naam);

        var opgeslagen = Inhoudsvorm.Pak(ruw);

        Assert.Equal(Inhoudsvorm.HuidigeVersie, Inhoudsvorm.VersieVan(opgeslagen));
        Assert.True(opgeslagen.Length * 2 < ruw.Length, $"{naam}: {opgeslagen.Length} van {ruw.Length} bytes");
        Assert.Equal(ruw, Inhoudsvorm.Uitpak(opgeslagen));
    }

    [Fact]
    public void In_de_buffer_van_de_draad_uitgepakt_is_een_kort_bericht_na_een_lang_precies_zijn_eigen_bytes()
    {
        var lang = Golden("jw301.xml");
        var kort = Golden("jw319.xml");
        Assert.True(kort.Length < lang.Length);

        var eerst = Inhoudsvorm.UitpakInBuffer(Inhoudsvorm.Pak(lang)).ToArray();
        var daarna = Inhoudsvorm.UitpakInBuffer(Inhoudsvorm.Pak(kort)).ToArray();

        Assert.Equal(lang, eerst);
        Assert.Equal(kort, daarna);
        Assert.Equal(kort, Inhoudsvorm.UitpakInBuffer(kort).ToArray()); // an old, raw row: its own bytes
    }

    [Fact]
    public void Een_oude_ongecomprimeerde_inhoud_wordt_gelezen_zoals_hij_is()
    {
        var ruw = Golden("jw315.xml");

        Assert.Null(Inhoudsvorm.VersieVan(ruw));
        Assert.Same(ruw, Inhoudsvorm.Uitpak(ruw));
    }

    [Fact]
    public void Inhoud_die_niet_kleiner_wordt_blijft_ruw_en_komt_terug()
    {
        var ruw = new byte[64];
        new Random(7).NextBytes(ruw);
        ruw[0] = (byte)'<';

        var opgeslagen = Inhoudsvorm.Pak(ruw);

        Assert.Null(Inhoudsvorm.VersieVan(opgeslagen));
        Assert.Equal(ruw, Inhoudsvorm.Uitpak(opgeslagen));
    }

    [Fact]
    public void Ruwe_inhoud_die_met_de_zstd_magie_begint_wordt_altijd_gecomprimeerd_zodat_hij_niet_verkeerd_gelezen_wordt()
    {
        byte[] ruw = [0x28, 0xB5, 0x2F, 0xFD, 1, 2, 3];

        var opgeslagen = Inhoudsvorm.Pak(ruw);

        Assert.Equal(Inhoudsvorm.HuidigeVersie, Inhoudsvorm.VersieVan(opgeslagen));
        Assert.Equal(ruw, Inhoudsvorm.Uitpak(opgeslagen));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3_000_000)]
    public void Lege_en_grote_inhoud_komt_terug(int lengte)
    {
        var ruw = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, (lengte / 5) + 1).Select(i => $"<r>{i}</r>")))[..lengte];

        Assert.Equal(ruw, Inhoudsvorm.Uitpak(Inhoudsvorm.Pak(ruw)));
    }

    [Fact]
    public void Een_frame_met_een_onbekend_woordenboek_is_een_duidelijke_fout()
    {
        var opgeslagen = Inhoudsvorm.Pak(Golden("jw315.xml"));
        // The frame header's Dictionary_ID: one byte after the magic, the descriptor and (unless single segment) the window byte.
        var plek = (opgeslagen[4] & 0x20) != 0 ? 5 : 6;
        Assert.Equal(1, opgeslagen[4] & 0x03);
        Assert.Equal(1, opgeslagen[plek]);
        opgeslagen[plek] = 200;

        var fout = Assert.Throws<InvalidOperationException>(() => Inhoudsvorm.Uitpak(opgeslagen));
        Assert.Contains("woordenboek 200", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uitpakken_maakt_het_bericht_een_keer_aan_en_niet_nog_een_kopie()
    {
        var ruw = Golden("jw323.xml");
        var opgeslagen = Inhoudsvorm.Pak(ruw);
        Assert.Equal(ruw, Inhoudsvorm.Uitpak(opgeslagen)); // the thread's decompressor with its dictionary made first

        var voor = GC.GetAllocatedBytesForCurrentThread();
        var uit = Inhoudsvorm.Uitpak(opgeslagen);
        var aangemaakt = GC.GetAllocatedBytesForCurrentThread() - voor;

        // The message's array and a little bookkeeping: a copy of it on top (what the what-if replay paid per message
        // read) would be twice its length.
        Assert.Equal(ruw, uit);
        Assert.True(aangemaakt < ruw.Length * 3 / 2, $"{aangemaakt} bytes aangemaakt voor een bericht van {ruw.Length}");
    }
}

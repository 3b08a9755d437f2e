using System.Globalization;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Inwoners;

/// <summary>
/// The register keeps residents as compact rows and makes an <see cref="Inwoner"/> when asked: what it answers must be
/// exactly what a dictionary of the residents as given would answer.
/// </summary>
public class InwonersregisterTests
{
    private static readonly Bsn Anna = Bsn.Parse("100023757").Waarde;
    private static readonly Bsn Bram = Bsn.Parse("100039595").Waarde;
    private static readonly Bsn Cor = Bsn.Parse("100126704").Waarde;

    [Fact]
    public void Zoek_geeft_de_inwoner_met_al_zijn_gegevens_terug_en_null_voor_een_onbekend_bsn()
    {
        var anna = new Inwoner(Anna, Gemeente("0034"), new DateOnly(2015, 4, 1), "H1", false);
        var bram = new Inwoner(Bram, Gemeente("0995"), new DateOnly(2009, 12, 31), null, true);
        var register = new Inwonersregister([anna, bram]);

        Assert.Equal(anna, register.Zoek(Anna));
        Assert.Equal(bram, register.Zoek(Bram));
        Assert.Null(register.Zoek(Cor));
        Assert.Null(register.Zoek(default));
        Assert.Equal(2, register.Aantal);
    }

    [Fact]
    public void Een_latere_regel_voor_hetzelfde_bsn_vervangt_de_eerdere_ook_in_het_huishouden()
    {
        var register = new Inwonersregister([
            new Inwoner(Anna, Gemeente("0034"), new DateOnly(2015, 4, 1), "H1", false),
            new Inwoner(Bram, Gemeente("0034"), new DateOnly(2012, 9, 30), "H1", false),
            new Inwoner(Cor, Gemeente("0034"), new DateOnly(2010, 1, 15), "H1", false),
            new Inwoner(Anna, Gemeente("0995"), new DateOnly(2015, 4, 1), "H2", true),
        ]);

        Assert.Equal(3, register.Aantal);
        Assert.Equal(new Inwoner(Anna, Gemeente("0995"), new DateOnly(2015, 4, 1), "H2", true), register.Zoek(Anna));
        Assert.Equal([Bram, Cor], register.Huishouden("H1").Select(i => i.Bsn));
        Assert.Equal([Anna], register.Huishouden("H2").Select(i => i.Bsn));
        Assert.Empty(register.Huishouden("H3"));
    }

    [Fact]
    public void Bij_een_groot_register_antwoordt_het_als_een_woordenboek_van_de_inwoners()
    {
        // 30,000 rows in a shuffled order: BSNs from far apart (leading zeros too), 300 municipalities, households of one to
        // five with some residents without one, and every tenth BSN given twice (the second row wins, in a new household).
        var random = new Random(21);
        var bsns = Geldig(random).Distinct().Take(27_000).ToList();
        var rijen = new List<Inwoner>();
        for (var i = 0; i < bsns.Count; i++)
        {
            rijen.Add(Maak(random, bsns[i], i % 17 == 0 ? null : $"HH-{i / 3}"));
        }

        for (var i = 0; i < bsns.Count; i += 9)
        {
            rijen.Insert(random.Next(rijen.Count + 1), Maak(random, bsns[i], $"HH-{i / 3}"));
            rijen.Add(Maak(random, bsns[i], random.Next(4) == 0 ? null : $"nieuw-{i % 500}"));
        }

        var verwacht = new Dictionary<string, Inwoner>(StringComparer.Ordinal);
        foreach (var rij in rijen)
        {
            verwacht[rij.Bsn.Waarde] = rij;
        }

        var huishoudens = verwacht.Values.Where(i => i.Huishouden is not null).ToLookup(i => i.Huishouden!, StringComparer.Ordinal);

        var register = new Inwonersregister(rijen);

        Assert.Equal(verwacht.Count, register.Aantal);
        Assert.All(verwacht.Values, i => Assert.Equal(i, register.Zoek(i.Bsn)));
        Assert.All(huishoudens, h => Assert.Equal(h.ToList(), register.Huishouden(h.Key)));
        Assert.All(Geldig(new Random(22)).Take(2_000).Where(b => !verwacht.ContainsKey(b.Waarde)), b => Assert.Null(register.Zoek(b)));
        Assert.Contains(verwacht.Values, i => i.Bsn.Waarde[0] == '0');
    }

    private static Inwoner Maak(Random random, Bsn bsn, string? huishouden) =>
        new(bsn, Gemeente((random.Next(300) * 3).ToString("D4", CultureInfo.InvariantCulture)),
            new DateOnly(2000, 1, 1).AddDays(random.Next(9_000)), huishouden, random.Next(10) == 0);

    private static IEnumerable<Bsn> Geldig(Random random)
    {
        while (true)
        {
            if (Bsn.Parse(random.Next(1_000_000, 999_999_999).ToString("D9", CultureInfo.InvariantCulture)).TryGet(out var bsn))
            {
                yield return bsn;
            }
        }
    }

    private static Gemeentecode Gemeente(string code) => Gemeentecode.Parse(code).Waarde;
}

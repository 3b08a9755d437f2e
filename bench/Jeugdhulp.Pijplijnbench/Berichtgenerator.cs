using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Pijplijnbench;

/// <summary>
/// Makes distinct valid JW315 messages from the 2.7 KB golden JW315 (two product requests: 45F11 with every
/// optional element, and one without a product code): per message its own Identificatie, client and
/// ReferentieAanbieders. Clients come from a pool of generated residents of Noordoostpolder (valid BSNs,
/// households of three); message <c>i</c> asks for client <c>i mod pool</c>, so a run longer than the pool
/// meets clients with earlier allocations, as a real year does. Nothing is held: message <c>i</c> is built
/// when asked for.
/// </summary>
internal sealed class Berichtgenerator
{
    public const string Gemeente = "0171";
    public const string Geboortedatum = "2016-09-12";

    private readonly string[] delen;
    private readonly string[] bsns;

    public Berichtgenerator(string sjabloon, int inwoners)
    {
        // The fixed parts between the values that change per message, in document order.
        delen = Splits(sjabloon, ["VOT-0001", "100002183", "NOP-2027-0001", "NOP-2027-0002"]);
        bsns = [.. GeldigeBsns().Take(inwoners)];
    }

    public int Inwoners => bsns.Length;

    /// <summary>The residents the messages ask for: valid BSNs, 0171, born 2016-09-12, households of three.</summary>
    public IEnumerable<Inwoner> Register()
    {
        var gemeente = Gemeentecode.Parse(Gemeente).Waarde;
        var geboren = DateOnly.ParseExact(Geboortedatum, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 0; i < bsns.Length; i++)
        {
            yield return new Inwoner(Bsn.Parse(bsns[i]).Waarde, gemeente, geboren,
                string.Create(CultureInfo.InvariantCulture, $"H{i / 3}"), false);
        }
    }

    /// <summary>Message <paramref name="i"/> (0-based) as UTF-8 bytes.</summary>
    public byte[] Bericht(long i)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"B{i}");
        var bsn = bsns[(int)(i % bsns.Length)];
        var r1 = string.Create(CultureInfo.InvariantCulture, $"R{i}-1");
        var r2 = string.Create(CultureInfo.InvariantCulture, $"R{i}-2");
        return Encoding.UTF8.GetBytes(string.Concat([delen[0], id, delen[1], bsn, delen[2], r1, delen[3], r2, delen[4]]));
    }

    /// <summary>Messages 0 … <paramref name="aantal"/> − 1, one at a time.</summary>
    public IEnumerable<byte[]> Berichten(long aantal)
    {
        for (long i = 0; i < aantal; i++)
        {
            yield return Bericht(i);
        }
    }

    private static string[] Splits(string tekst, string[] waarden)
    {
        var delen = new List<string>();
        var vanaf = 0;
        foreach (var w in waarden)
        {
            var p = tekst.IndexOf(w, vanaf, StringComparison.Ordinal);
            if (p < 0)
            {
                throw new InvalidOperationException($"Het sjabloon bevat '{w}' niet.");
            }

            delen.Add(tekst[vanaf..p]);
            vanaf = p + w.Length;
        }

        delen.Add(tekst[vanaf..]);
        return [.. delen];
    }

    /// <summary>BSNs passing the 11-proef, counting up from 200000000 (outside the demo residents' range).</summary>
    private static IEnumerable<string> GeldigeBsns()
    {
        for (var n = 200_000_000; n < 999_999_999; n++)
        {
            var s = n.ToString(CultureInfo.InvariantCulture);
            if (Bsn.IsElfproef(s))
            {
                yield return s;
            }
        }
    }
}

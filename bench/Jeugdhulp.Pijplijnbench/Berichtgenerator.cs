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
/// when asked for. With more than one municipality (<c>--spread</c>) the residents are dealt out by household over
/// them (household <c>h</c> lives in municipality <c>h mod count</c>) and each message goes to its client's municipality
/// (the header's Ontvanger): consecutive messages rotate through the municipalities every three, so each group commit
/// touches many of them, as a national stream would.
/// </summary>
internal sealed class Berichtgenerator
{
    public const string Gemeente = "0171";
    public const string Geboortedatum = "2016-09-12";

    private readonly string[] delen;
    private readonly string[] bsns;
    private readonly string[] gemeenten;

    /// <param name="sjabloon">The golden JW315.</param>
    /// <param name="inwoners">The size of the residents' pool.</param>
    /// <param name="gemeenten">The municipalities the residents live in and the messages go to; default <see cref="Gemeente"/> only.</param>
    public Berichtgenerator(string sjabloon, int inwoners, IReadOnlyList<string>? gemeenten = null)
    {
        // The fixed parts between the values that change per message, in document order.
        delen = Splits(sjabloon, ["<Ontvanger>" + Gemeente, "VOT-0001", "100002183", "NOP-2027-0001", "NOP-2027-0002"]);
        bsns = [.. GeldigeBsns().Take(inwoners)];
        this.gemeenten = gemeenten is { Count: > 0 } ? [.. gemeenten] : [Gemeente];
    }

    public int Inwoners => bsns.Length;

    /// <summary>The municipalities of the residents and the messages.</summary>
    public IReadOnlyList<string> Gemeenten => gemeenten;

    /// <summary>
    /// The residents the messages ask for: valid BSNs, born 2016-09-12, households of three, each household in one
    /// municipality (<see cref="GemeenteVan"/>).
    /// </summary>
    public IEnumerable<Inwoner> Register()
    {
        var geboren = DateOnly.ParseExact(Geboortedatum, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 0; i < bsns.Length; i++)
        {
            yield return new Inwoner(Bsn.Parse(bsns[i]).Waarde, Gemeentecode.Parse(GemeenteVan(i)).Waarde, geboren,
                string.Create(CultureInfo.InvariantCulture, $"H{i / 3}"), false);
        }
    }

    /// <summary>The municipality of resident <paramref name="inwoner"/>: its household's, dealt out in turn.</summary>
    private string GemeenteVan(long inwoner) => gemeenten[(int)(inwoner / 3 % gemeenten.Length)];

    /// <summary>Message <paramref name="i"/> (0-based) as UTF-8 bytes, to its client's municipality.</summary>
    public byte[] Bericht(long i)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"B{i}");
        var inwoner = i % bsns.Length;
        var bsn = bsns[inwoner];
        var r1 = string.Create(CultureInfo.InvariantCulture, $"R{i}-1");
        var r2 = string.Create(CultureInfo.InvariantCulture, $"R{i}-2");
        return Encoding.UTF8.GetBytes(string.Concat([delen[0], "<Ontvanger>", GemeenteVan(inwoner), delen[1], id, delen[2], bsn, delen[3], r1, delen[4], r2, delen[5]]));
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

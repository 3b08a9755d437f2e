using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Demo;

/// <summary>
/// A deterministic export of running allocations of the size of a Flevoland year (13,000), in the format
/// of <c>demo/lopende-toewijzingen.csv</c>, for the conversion's benchmark and its kill-mid-run test. The
/// providers and old codes are those of <c>demo/contracten.csv</c>, <c>demo/contracten-oud.csv</c> and
/// <c>rules/flevoland/conversie.json</c>, so every route occurs.
/// </summary>
public static class Lopendetoewijzingengenerator
{
    // (gemeente, aanbieder, weight): providers with regional contracts, and 04567890 with old ones only (HK-CONV-3).
    private static readonly (string Gemeente, string Aanbieder, int Gewicht)[] Paren =
    [
        ("0034", "02345678", 40), ("0034", "04567890", 4), ("0303", "02345678", 10), ("0171", "01234567", 10),
        ("0184", "01234567", 6), ("0995", "02345678", 10),
    ];

    private static readonly string[] Codes = ["45A01", "45A01", "45A01", "45A02", "45A03", "45A03", "45A04", "45A05", "45A06", "45A09"];

    /// <summary>The CSV text: <paramref name="aantal"/> allocations for about 0.77 × as many clients.</summary>
    public static string Csv(int aantal, ulong zaad = 15)
    {
        var toeval = new Toeval(zaad);
        var totaalGewicht = Paren.Sum(p => p.Gewicht);
        var sb = new StringBuilder(LopendeToewijzingenLezen.Kop).Append('\n');
        var client = 0;
        var bsn = 300_000_000;
        string? huidigBsn = null;
        (string Gemeente, string Aanbieder, int) paar = default;
        for (var i = 0; i < aantal; i++)
        {
            // About three in ten clients have a second allocation (same municipality and provider).
            if (huidigBsn is null || toeval.Getal(10) >= 3)
            {
                do
                {
                    bsn++;
                }
                while (!Bsn.IsElfproef(bsn.ToString(CultureInfo.InvariantCulture)));

                huidigBsn = bsn.ToString(CultureInfo.InvariantCulture);
                client++;
                var w = toeval.Getal(totaalGewicht);
                paar = Paren.First(p => (w -= p.Gewicht) < 0);
            }

            var code = paar.Gemeente == "0995" ? (toeval.Getal(2) == 0 ? "45A04" : "45A01") : Codes[toeval.Getal(Codes.Length)];
            if (code == "45A06" && paar.Gemeente is not ("0171" or "0184"))
            {
                code = "45A01";
            }

            // Running across the transition (2027-01-01), a few open-ended, about one in thirty ending before it.
            var begin = new DateOnly(2026, 1, 2).AddDays(toeval.Getal(330));
            var open = toeval.Getal(20) == 0;
            var eind = toeval.Getal(30) == 0 ? new DateOnly(2026, 12, 15) : begin.AddMonths(12 + toeval.Getal(7)).AddDays(-1);
            if (eind < begin)
            {
                eind = begin;
            }

            var (volume, eenheid, frequentie) = code == "45A03" ? (600 + (toeval.Getal(20) * 60), "01", "6") : (1 + toeval.Getal(4), "04", "2");
            sb.Append(CultureInfo.InvariantCulture,
                $"{paar.Gemeente},{700_000 + i},{huidigBsn},{new DateOnly(2008, 1, 1).AddDays(toeval.Getal(5000)):yyyy-MM-dd},{1 + toeval.Getal(2)},Client{client},,X,{paar.Aanbieder},{code},{begin:yyyy-MM-dd},{(open ? "" : eind.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))},{volume},{eenheid},{frequentie}\n");
        }

        return sb.ToString();
    }
}

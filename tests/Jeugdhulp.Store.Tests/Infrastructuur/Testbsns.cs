using System.Globalization;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Tests.Infrastructuur;

/// <summary>Valid BSNs for test data: the numbers from a start on that Core accepts (nine digits, the 11-proef).</summary>
public static class Testbsns
{
    /// <summary>The first <paramref name="aantal"/> valid BSNs from <paramref name="vanaf"/> on, in increasing order.</summary>
    public static List<Bsn> Vanaf(int vanaf, int aantal)
    {
        var lijst = new List<Bsn>(aantal);
        for (var n = vanaf; lijst.Count < aantal; n++)
        {
            if (Bsn.Parse(n.ToString(CultureInfo.InvariantCulture)).TryGet(out var b))
            {
                lijst.Add(b);
            }
        }

        return lijst;
    }
}

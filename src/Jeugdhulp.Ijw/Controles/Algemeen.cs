using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;

namespace Jeugdhulp.Ijw.Controles;

/// <summary>Rules that apply to every message: BSN (CS002), periods (CS003), dates not in the future (TR134/TR135), no duplicate lines (TR101).</summary>
internal static class Algemeen
{
    /// <summary>TR134: the Dagtekening of a message does not lie after the day it was received.</summary>
    public static void Header(Bevindingen b, Header h, DateOnly ontvangstdatum)
    {
        if (h.BerichtIdentificatie.Dagtekening > ontvangstdatum)
        {
            b.Meld("TR134", $"Dagtekening {h.BerichtIdentificatie.Dagtekening:yyyy-MM-dd} ligt na de ontvangstdatum {ontvangstdatum:yyyy-MM-dd}.", "/Bericht/Header/BerichtIdentificatie/Dagtekening");
        }
    }

    /// <summary>CS002: the BSN passes the 11-proef (Core's <see cref="Bsn.IsElfproef"/>). The BSN itself never appears in the message.</summary>
    public static void Bsn(Bevindingen b, string bsn, string pad)
    {
        if (!Core.Waarden.Bsn.IsElfproef(bsn))
        {
            b.Meld("CS002", "Het BSN voldoet niet aan de 11-proef.", pad);
        }
    }

    /// <summary>TR135: a Geboortedatum does not lie after the Dagtekening of the message.</summary>
    public static void Geboortedatum(Bevindingen b, Geboortedatum? g, DateOnly dagtekening, string pad)
    {
        if (g is not null && g.Datum > dagtekening)
        {
            b.Meld("TR135", $"Geboortedatum {g.Datum:yyyy-MM-dd} ligt na de dagtekening {dagtekening:yyyy-MM-dd}.", pad + "/Datum");
        }
    }

    /// <summary>CS003: an Einddatum does not lie before the begin of its period.</summary>
    public static void Periode(Bevindingen b, DateOnly? begin, DateOnly? eind, string eindPad)
    {
        if (begin is { } x && eind is { } y && y < x)
        {
            b.Meld("CS003", $"Einddatum {y:yyyy-MM-dd} ligt voor de begindatum {x:yyyy-MM-dd}.", eindPad);
        }
    }

    /// <summary>
    /// TR101: a message contains no duplicate lines. Two items of the same repeated class that are equal
    /// in every element (retour codes aside) are duplicates; the second one is reported.
    /// </summary>
    public static void GeenDubbeleRegels<T>(Bevindingen b, IReadOnlyList<T> items, Func<T, T> zonderCodes, string pad, string naam)
        where T : notnull
    {
        if (items.Count > 8)
        {
            var gezien = new Dictionary<T, int>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                if (!gezien.TryAdd(zonderCodes(items[i]), i))
                {
                    b.Meld("TR101", $"{naam} {i + 1} is een dubbele regel: gelijk aan {naam} {gezien[zonderCodes(items[i])] + 1}.", Bevindingen.Index(pad, naam, i));
                }
            }

            return;
        }

        // Most lists hold one or a few items: pairwise comparison then beats building a hash set.
        for (var i = 1; i < items.Count; i++)
        {
            var item = zonderCodes(items[i]);
            for (var j = 0; j < i; j++)
            {
                if (EqualityComparer<T>.Default.Equals(item, zonderCodes(items[j])))
                {
                    b.Meld("TR101", $"{naam} {i + 1} is een dubbele regel: gelijk aan {naam} {j + 1}.", Bevindingen.Index(pad, naam, i));
                    break;
                }
            }
        }
    }
}

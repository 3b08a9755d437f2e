using System.Globalization;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Lezen;

/// <summary>
/// The schema-valid elements of one message as a flat array (parent, first child, next sibling, text):
/// what the streaming pass hands to the typed mapping. Not a DOM: no objects per node, no navigation API
/// beyond finding a child by its declaration.
/// </summary>
internal sealed class Elementboom
{
    // Rented: the tree lives only until the message is mapped, and a fresh array per message (doubling for a long
    // declaration) was a tenth of what the what-if replay allocated.
    private Knoop[] knopen = System.Buffers.ArrayPool<Knoop>.Shared.Rent(64);

    public int Aantal { get; private set; }

    /// <summary>Hands the nodes back to the pool once the message is mapped; the tree is empty afterwards.</summary>
    public void Geef()
    {
        Array.Clear(knopen, 0, Aantal);
        System.Buffers.ArrayPool<Knoop>.Shared.Return(knopen);
        knopen = [];
        Aantal = 0;
    }

    /// <summary>Empties the tree for the next message and keeps its array (a tree kept per thread, <see cref="Utf8Lezer"/>).</summary>
    public void Leeg()
    {
        Array.Clear(knopen, 0, Aantal);
        Aantal = 0;

        // A rare huge message does not keep its array on the thread for good.
        if (knopen.Length > 4096)
        {
            System.Buffers.ArrayPool<Knoop>.Shared.Return(knopen);
            knopen = System.Buffers.ArrayPool<Knoop>.Shared.Rent(64);
        }
    }

    public int Voeg(Elementdef def, int ouder)
    {
        if (Aantal == knopen.Length)
        {
            var groter = System.Buffers.ArrayPool<Knoop>.Shared.Rent(Math.Max(64, knopen.Length * 2));
            Array.Copy(knopen, groter, Aantal);
            Array.Clear(knopen, 0, Aantal);
            System.Buffers.ArrayPool<Knoop>.Shared.Return(knopen);
            knopen = groter;
        }

        var i = Aantal++;
        knopen[i] = new Knoop { Def = def, Ouder = ouder, EersteKind = -1, LaatsteKind = -1, Volgende = -1 };
        if (ouder >= 0)
        {
            ref var o = ref knopen[ouder];
            if (o.LaatsteKind < 0)
            {
                o.EersteKind = i;
            }
            else
            {
                knopen[o.LaatsteKind].Volgende = i;
            }

            o.LaatsteKind = i;
        }

        return i;
    }

    public void ZetTekst(int knoop, string tekst) => knopen[knoop].Tekst = tekst;

    public string Naam(int knoop) => knopen[knoop].Def.Naam;

    public string TekstVan(int knoop) => knopen[knoop].Tekst ?? "";

    /// <summary>The first child named <paramref name="naam"/>, or −1.</summary>
    public int Kind(int ouder, string naam)
    {
        if (ouder < 0)
        {
            return -1;
        }

        for (var k = knopen[ouder].EersteKind; k >= 0; k = knopen[k].Volgende)
        {
            if (ReferenceEquals(knopen[k].Def.Naam, naam) || knopen[k].Def.Naam == naam)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>All children named <paramref name="naam"/> of the child <paramref name="lijst"/> of <paramref name="ouder"/>.</summary>
    public List<T> Lijst<T>(int ouder, string lijst, string naam, Func<int, T> lees)
    {
        var l = Kind(ouder, lijst);
        if (l < 0)
        {
            return [];
        }

        // Sized once: a declaration's prestaties grew the list by doubling, copying each time.
        var aantal = 0;
        for (var k = knopen[l].EersteKind; k >= 0; k = knopen[k].Volgende)
        {
            aantal += knopen[k].Def.Naam == naam ? 1 : 0;
        }

        var uit = new List<T>(aantal);
        for (var k = knopen[l].EersteKind; k >= 0; k = knopen[k].Volgende)
        {
            if (knopen[k].Def.Naam == naam)
            {
                uit.Add(lees(k));
            }
        }

        return uit;
    }

    public string? Tekst(int ouder, string naam)
    {
        var k = Kind(ouder, naam);
        return k < 0 ? null : knopen[k].Tekst;
    }

    public string TekstVerplicht(int ouder, string naam) => Tekst(ouder, naam) ?? "";

    public DateOnly? Datum(int ouder, string naam) =>
        Tekst(ouder, naam) is { } t && Waarden.LeesDatum(t, out var d) ? d : null;

    public DateOnly DatumVerplicht(int ouder, string naam) => Datum(ouder, naam) ?? default;

    public TimeOnly TijdVerplicht(int ouder, string naam) =>
        Tekst(ouder, naam) is { } t && Waarden.LeesTijd(t, out var d) ? d : default;

    public long? Getal(int ouder, string naam) =>
        Tekst(ouder, naam) is { } t && Waarden.LeesGeheel(t, out var g) ? g : null;

    public long GetalVerplicht(int ouder, string naam) => Getal(ouder, naam) ?? 0;

    private struct Knoop
    {
        public Elementdef Def;
        public int Ouder;
        public int EersteKind;
        public int LaatsteKind;
        public int Volgende;
        public string? Tekst;
    }
}

/// <summary>Lexical forms of the XSD built-in types iJw uses, parsed without culture.</summary>
internal static class Waarden
{
    /// <summary>Exactly yyyy-MM-dd (the only xs:date form without time zone that iJw can carry), hand-parsed: dates are on the hot path.</summary>
    public static bool LeesDatum(string t, out DateOnly datum)
    {
        datum = default;
        var s = t.AsSpan().Trim(" \t\r\n");
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }

        var jaar = Cijfers(s[..4]);
        var maand = Cijfers(s.Slice(5, 2));
        var dag = Cijfers(s.Slice(8, 2));
        if (jaar < 1 || maand is < 1 or > 12 || dag < 1 || dag > DateTime.DaysInMonth(jaar, maand))
        {
            return false;
        }

        datum = new DateOnly(jaar, maand, dag);
        return true;
    }

    private static int Cijfers(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            n = (n * 10) + (c - '0');
        }

        return n;
    }

    public static bool LeesTijd(string t, out TimeOnly tijd)
    {
        var s = t.AsSpan().Trim(" \t\r\n");
        return TimeOnly.TryParseExact(s, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out tijd)
            || TimeOnly.TryParseExact(s, ["HH:mm:ss.F", "HH:mm:ss.FF", "HH:mm:ss.FFF", "HH:mm:ss.FFFF", "HH:mm:ss.FFFFF", "HH:mm:ss.FFFFFF", "HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out tijd);
    }

    public static bool LeesGeheel(string t, out long waarde) =>
        long.TryParse(t.AsSpan().Trim(" \t\r\n"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out waarde);

    public static string Schrijf(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Schrijf(TimeOnly t) => t.Ticks % TimeSpan.TicksPerSecond == 0
        ? t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
        : t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string Schrijf(long g) => g.ToString(CultureInfo.InvariantCulture);
}

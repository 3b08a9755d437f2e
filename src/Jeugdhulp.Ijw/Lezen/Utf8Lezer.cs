using System.Buffers;
using System.Text;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Lezen;

/// <summary>
/// Reads a message this backoffice accepted before straight from its stored UTF-8 bytes into the
/// <see cref="Elementboom"/> the typed mapping takes, without an <see cref="System.Xml.XmlReader"/>: for the what-if
/// replay, where reading the messages again was a third of the loop (the reader's decoding to UTF-16, its node buffers
/// and name table). It follows the element structure exactly as <see cref="Schemacontrole"/> does without its value
/// checks (order, cardinality, namespaces, attributes), so it builds the same tree and the same record.
/// <para>
/// It follows only the plain form messages have — UTF-8, elements, whitespace, comments, processing instructions, the
/// five predefined entities, any prefixes, any line ends. Anything else (another encoding, a DOCTYPE, CDATA, a character
/// reference, an attribute that is not a namespace declaration or xsi:schemaLocation, bytes that are not well-formed,
/// a structure the schema does not allow) makes it answer null, and the caller reads the message the existing way:
/// it never decides a case differently, it only declines it.
/// </para>
/// </summary>
internal sealed class Utf8Lezer
{
    /// <summary>Bytes no XML 1.0 document may hold (control characters other than tab, LF and CR).</summary>
    private static readonly SearchValues<byte> Stuurtekens = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    /// <summary>What a name may hold here: ASCII letters, digits, '_', '-', '.' and the prefix's ':'.</summary>
    private static readonly SearchValues<byte> Naamtekens = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:"u8);

    [ThreadStatic]
    private static Utf8Lezer? perDraad;

    /// <summary>This thread's tree, emptied after each message but kept at its size (a declaration's tree grew by doubling, copying, every time).</summary>
    private readonly Elementboom boom = new();

    private Frame[] stapel = new Frame[16];
    private int diepte;
    private Binding[] bindingen = new Binding[8];
    private int aantalBindingen;
    private Attribuut[] attributen = new Attribuut[8];

    private struct Frame
    {
        public Elementdef Def;
        public int Knoop;
        public int Deeltje;
        public int Aantal;
        public int NaamStart;
        public int NaamLengte;
        public int Bindingen;
    }

    /// <summary>A namespace declaration in scope: prefix (length 0: the default namespace) and URI as ranges of the input.</summary>
    private struct Binding
    {
        public int PrefixStart;
        public int PrefixLengte;
        public int UriStart;
        public int UriLengte;

        /// <summary>The schema's namespace string this URI was found equal to, so the next element compares references, not 50 bytes.</summary>
        public string? Bekend;
    }

    private struct Attribuut
    {
        public int NaamStart;
        public int NaamLengte;
        public int PrefixLengte;
    }

    /// <summary>The message, or null when these bytes are not in the plain form this reader follows (then read them the existing way).</summary>
    public static IjwBericht? Lees(ReadOnlySpan<byte> xml)
    {
        // Checks over the whole input once, so the scan below can treat every byte as valid UTF-8 XML text.
        if (xml.IndexOfAny(Stuurtekens) >= 0 || !System.Text.Unicode.Utf8.IsValid(xml)
            || xml.IndexOf("\uFFFE"u8) >= 0 || xml.IndexOf("\uFFFF"u8) >= 0)
        {
            return null;
        }

        var lezer = perDraad ??= new Utf8Lezer();
        if (lezer.bindingen.Length > 64 || lezer.attributen.Length > 64)
        {
            lezer = perDraad = new Utf8Lezer(); // a message with hundreds of declarations does not keep its tables on the thread
        }

        lezer.aantalBindingen = 0;
        lezer.diepte = 0;
        try
        {
            var soort = lezer.Loop(xml, lezer.boom);
            return soort is { } s ? Berichtmapping.Map(s, lezer.boom) : null;
        }
        finally
        {
            lezer.boom.Leeg();
        }
    }

    private Berichtsoort? Loop(ReadOnlySpan<byte> x, Elementboom boom)
    {
        var p = x.StartsWith("\uFEFF"u8) ? 3 : 0;
        if (x[p..].StartsWith("<?xml"u8) && x.Length > p + 5 && IsWit(x[p + 5]))
        {
            if (!Declaratie(x, ref p))
            {
                return null;
            }
        }

        if (!Overig(x, ref p) || p >= x.Length || x[p] != '<')
        {
            return null;
        }

        // The root: Bericht in one of the 14 message namespaces.
        if (!Starttag(x, ref p, out var naamStart, out var naamLengte, out var prefixLengte, out var leeg, out var bindingenVoor)
            || !Lokaal(x, naamStart, naamLengte, prefixLengte).SequenceEqual("Bericht"u8)
            || !Naamruimte(x, naamStart, prefixLengte, out var nsStart, out var nsLengte))
        {
            return null;
        }

        var def = Berichtdefinities.VanNaamruimte(Encoding.UTF8.GetString(x.Slice(nsStart, nsLengte)));
        if (def is null)
        {
            return null;
        }

        Duw(def.Root, boom.Voeg(def.Root, -1), naamStart, naamLengte, bindingenVoor);
        if (leeg && !Sluit())
        {
            return null;
        }

        while (diepte > 0)
        {
            SlaWitOver(x, ref p);
            if (p >= x.Length || x[p] != '<')
            {
                return null; // text in an element of elements, or the input ends inside the root
            }

            if (x[p..].StartsWith("</"u8))
            {
                ref var f = ref stapel[diepte - 1];
                if (!Eindtag(x, ref p, f.NaamStart, f.NaamLengte) || !Sluit())
                {
                    return null;
                }

                continue;
            }

            if (x[p..].StartsWith("<!--"u8) || x[p..].StartsWith("<?"u8))
            {
                if (!Overig(x, ref p))
                {
                    return null;
                }

                continue;
            }

            if (x[p..].StartsWith("<!"u8)
                || !Starttag(x, ref p, out naamStart, out naamLengte, out prefixLengte, out leeg, out bindingenVoor)
                || Kind(x, naamStart, naamLengte, prefixLengte) is not { } kind)
            {
                return null; // CDATA or DOCTYPE, a tag that is not well-formed, or an element the schema does not allow here
            }

            var knoop = boom.Voeg(kind, stapel[diepte - 1].Knoop);
            if (kind.Complex is not null)
            {
                Duw(kind, knoop, naamStart, naamLengte, bindingenVoor);
                if (leeg && !Sluit())
                {
                    return null;
                }

                continue;
            }

            string tekst;
            if (leeg)
            {
                tekst = "";
            }
            else
            {
                var begin = p;
                var eind = x[p..].IndexOf((byte)'<');
                if (eind < 0)
                {
                    return null;
                }

                p += eind;
                if (Tekst(x.Slice(begin, eind)) is not { } t || !Eindtag(x, ref p, naamStart, naamLengte))
                {
                    return null; // a value with a reference it does not decode, or a comment/element inside a value
                }

                tekst = t;
            }

            boom.ZetTekst(knoop, tekst);
            aantalBindingen = bindingenVoor;
        }

        // After the root only whitespace, comments and processing instructions.
        return Overig(x, ref p) && p == x.Length ? def.Soort : null;
    }

    /// <summary>The XML declaration: version 1.0, and if it names an encoding, UTF-8 (what the bytes were checked as).</summary>
    private static bool Declaratie(ReadOnlySpan<byte> x, ref int p)
    {
        var eind = x[p..].IndexOf("?>"u8);
        if (eind < 0)
        {
            return false;
        }

        var d = x.Slice(p + 5, eind - 5);
        p += eind + 2;
        var i = 0;
        var volgorde = 0;
        while (true)
        {
            var wit = i;
            while (i < d.Length && IsWit(d[i]))
            {
                i++;
            }

            if (i == d.Length)
            {
                return volgorde > 0;
            }

            if (i == wit)
            {
                return false;
            }

            var naamStart = i;
            while (i < d.Length && d[i] != '=' && !IsWit(d[i]))
            {
                i++;
            }

            var naam = d[naamStart..i];
            while (i < d.Length && IsWit(d[i]))
            {
                i++;
            }

            if (i == d.Length || d[i] != '=')
            {
                return false;
            }

            i++;
            while (i < d.Length && IsWit(d[i]))
            {
                i++;
            }

            if (i == d.Length || d[i] is not ((byte)'"' or (byte)'\''))
            {
                return false;
            }

            var aanhaling = d[i];
            var sluit = d[(i + 1)..].IndexOf(aanhaling);
            if (sluit < 0)
            {
                return false;
            }

            var waarde = d.Slice(i + 1, sluit);
            i += sluit + 2;
            if (volgorde == 0 && naam.SequenceEqual("version"u8) && waarde.SequenceEqual("1.0"u8))
            {
                volgorde = 1;
            }
            else if (volgorde == 1 && naam.SequenceEqual("encoding"u8) && Ascii.EqualsIgnoreCase(waarde, "utf-8"u8))
            {
                volgorde = 2;
            }
            else if (volgorde is 1 or 2 && naam.SequenceEqual("standalone"u8) && (waarde.SequenceEqual("yes"u8) || waarde.SequenceEqual("no"u8)))
            {
                volgorde = 3;
            }
            else
            {
                return false;
            }
        }
    }

    /// <summary>Skips whitespace, comments and processing instructions (the reader ignores both); false for one that is not well-formed.</summary>
    private static bool Overig(ReadOnlySpan<byte> x, ref int p)
    {
        while (true)
        {
            SlaWitOver(x, ref p);
            var rest = x[p..];
            if (rest.StartsWith("<!--"u8))
            {
                // "--" may only close the comment.
                var eind = rest[4..].IndexOf("--"u8);
                if (eind < 0 || 4 + eind + 2 >= rest.Length || rest[4 + eind + 2] != '>')
                {
                    return false;
                }

                p += 4 + eind + 3;
            }
            else if (rest.StartsWith("<?"u8))
            {
                // A target that is a plain name, never "xml" in any case (the declaration stands only at the start).
                var n = 2;
                while (n < rest.Length && IsNaamteken(rest[n]))
                {
                    n++;
                }

                if (n == 2 || !IsNaambegin(rest[2]) || (n == 5 && Ascii.EqualsIgnoreCase(rest[2..5], "xml"u8)) || n == rest.Length
                    || !(IsWit(rest[n]) || rest[n..].StartsWith("?>"u8)))
                {
                    return false;
                }

                var eind = rest[n..].IndexOf("?>"u8);
                if (eind < 0)
                {
                    return false;
                }

                p += n + eind + 2;
            }
            else
            {
                return true;
            }
        }
    }

    /// <summary>
    /// A start tag at <paramref name="p"/> (on its '&lt;'): its qualified name, whether it is empty, and its namespace
    /// declarations pushed (<paramref name="bindingenVoor"/>: how many were in scope before). False when it is not
    /// well-formed or has an attribute <see cref="Schemacontrole"/> would refuse.
    /// </summary>
    private bool Starttag(ReadOnlySpan<byte> x, ref int p, out int naamStart, out int naamLengte, out int prefixLengte, out bool leeg, out int bindingenVoor)
    {
        bindingenVoor = aantalBindingen;
        leeg = false;
        p++;
        naamStart = p;
        if (!Naam(x, ref p, out prefixLengte))
        {
            naamLengte = 0;
            return false;
        }

        naamLengte = p - naamStart;
        var aantalAttributen = 0;
        while (true)
        {
            var wit = p;
            SlaWitOver(x, ref p);
            if (p >= x.Length)
            {
                return false;
            }

            if (x[p] == '>')
            {
                p++;
                break;
            }

            if (x[p] == '/')
            {
                if (p + 1 >= x.Length || x[p + 1] != '>')
                {
                    return false;
                }

                p += 2;
                leeg = true;
                break;
            }

            // An attribute: whitespace before it, name = "value" or 'value'.
            var attribuutStart = p;
            if (p == wit || !Naam(x, ref p, out var attribuutPrefix))
            {
                return false;
            }

            var attribuutLengte = p - attribuutStart;
            SlaWitOver(x, ref p);
            if (p >= x.Length || x[p] != '=')
            {
                return false;
            }

            p++;
            SlaWitOver(x, ref p);
            if (p >= x.Length || x[p] is not ((byte)'"' or (byte)'\''))
            {
                return false;
            }

            var sluit = x[(p + 1)..].IndexOf(x[p]);
            if (sluit < 0)
            {
                return false;
            }

            var waardeStart = p + 1;
            p += sluit + 2;

            // A value with a reference, '<' or whitespace the parser would normalise: not followed here.
            if (x.Slice(waardeStart, sluit).IndexOfAny("<&\t\r\n"u8) >= 0)
            {
                return false;
            }

            var naam = x.Slice(attribuutStart, attribuutLengte);
            for (var i = 0; i < aantalAttributen; i++)
            {
                if (x.Slice(attributen[i].NaamStart, attributen[i].NaamLengte).SequenceEqual(naam))
                {
                    return false; // the same attribute twice is not well-formed
                }
            }

            if (aantalAttributen == attributen.Length)
            {
                Array.Resize(ref attributen, attributen.Length * 2);
            }

            attributen[aantalAttributen++] = new Attribuut { NaamStart = attribuutStart, NaamLengte = attribuutLengte, PrefixLengte = attribuutPrefix };
            if (attribuutPrefix == 0 && naam.SequenceEqual("xmlns"u8))
            {
                Bind(0, 0, waardeStart, sluit);
            }
            else if (attribuutPrefix == 5 && naam.StartsWith("xmlns:"u8))
            {
                var prefix = naam[6..];
                if (sluit == 0 || prefix.SequenceEqual("xml"u8) || prefix.SequenceEqual("xmlns"u8))
                {
                    return false; // an empty prefixed declaration, or one of the reserved prefixes: the parser refuses these
                }

                Bind(attribuutStart + 6, prefix.Length, waardeStart, sluit);
            }
        }

        // The other attributes, now every declaration of this tag is in scope: only xsi:schemaLocation and
        // xsi:noNamespaceSchemaLocation pass the schema pass.
        for (var i = 0; i < aantalAttributen; i++)
        {
            var a = attributen[i];
            var naam = x.Slice(a.NaamStart, a.NaamLengte);
            if (IsDeclaratie(x, a))
            {
                continue;
            }

            if (a.PrefixLengte == 0 || !Naamruimte(x, a.NaamStart, a.PrefixLengte, out var s, out var l)
                || !x.Slice(s, l).SequenceEqual("http://www.w3.org/2001/XMLSchema-instance"u8))
            {
                return false;
            }

            var lokaal = naam[(a.PrefixLengte + 1)..];
            if (!lokaal.SequenceEqual("schemaLocation"u8) && !lokaal.SequenceEqual("noNamespaceSchemaLocation"u8))
            {
                return false;
            }

            // Two attributes that are the same expanded name under different prefixes are not well-formed either.
            // (Every attribute before this one that is not a declaration passed this check, so it is an xsi one too.)
            for (var j = 0; j < i; j++)
            {
                var b = attributen[j];
                if (!IsDeclaratie(x, b) && x.Slice(b.NaamStart + b.PrefixLengte + 1, b.NaamLengte - b.PrefixLengte - 1).SequenceEqual(lokaal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsDeclaratie(ReadOnlySpan<byte> x, Attribuut a) =>
        a.PrefixLengte == 0 ? x.Slice(a.NaamStart, a.NaamLengte).SequenceEqual("xmlns"u8) : a.PrefixLengte == 5 && x.Slice(a.NaamStart, 6).SequenceEqual("xmlns:"u8);

    private void Bind(int prefixStart, int prefixLengte, int uriStart, int uriLengte)
    {
        if (aantalBindingen == bindingen.Length)
        {
            Array.Resize(ref bindingen, bindingen.Length * 2);
        }

        bindingen[aantalBindingen++] = new Binding { PrefixStart = prefixStart, PrefixLengte = prefixLengte, UriStart = uriStart, UriLengte = uriLengte };
    }

    /// <summary>An end tag at <paramref name="p"/> with exactly the start tag's qualified name.</summary>
    private static bool Eindtag(ReadOnlySpan<byte> x, ref int p, int naamStart, int naamLengte)
    {
        if (!x[p..].StartsWith("</"u8))
        {
            return false;
        }

        p += 2;
        if (!x[p..].StartsWith(x.Slice(naamStart, naamLengte)))
        {
            return false;
        }

        p += naamLengte;
        SlaWitOver(x, ref p);
        if (p >= x.Length || x[p] != '>')
        {
            return false;
        }

        p++;
        return true;
    }

    /// <summary>A qualified name: ASCII NCName, optionally prefix ':' NCName; <paramref name="prefixLengte"/> 0 without a prefix.</summary>
    private static bool Naam(ReadOnlySpan<byte> x, ref int p, out int prefixLengte)
    {
        prefixLengte = 0;
        var start = p;
        if (p >= x.Length || !IsNaambegin(x[p]))
        {
            return false;
        }

        var lengte = x[p..].IndexOfAnyExcept(Naamtekens);
        if (lengte < 0)
        {
            return false;
        }

        p += lengte;
        var naam = x[start..p];
        if (naam.IndexOf((byte)':') is var dubbelepunt and >= 0)
        {
            // One colon, with a name start after it.
            if (dubbelepunt + 1 >= naam.Length || !IsNaambegin(naam[dubbelepunt + 1]) || naam[(dubbelepunt + 1)..].IndexOf((byte)':') >= 0)
            {
                return false;
            }

            prefixLengte = dubbelepunt;
        }

        // A name that goes on in a character outside ASCII is left to the parser.
        return x[p] < 0x80;
    }

    private static ReadOnlySpan<byte> Lokaal(ReadOnlySpan<byte> x, int naamStart, int naamLengte, int prefixLengte) =>
        prefixLengte == 0 ? x.Slice(naamStart, naamLengte) : x.Slice(naamStart + prefixLengte + 1, naamLengte - prefixLengte - 1);

    /// <summary>True when the prefix of the name at <paramref name="naamStart"/> is bound to <paramref name="naamruimte"/> (the schema's string).</summary>
    private bool IsNaamruimte(ReadOnlySpan<byte> x, int naamStart, int prefixLengte, string naamruimte)
    {
        var i = Zoek(x, naamStart, prefixLengte);
        if (i < 0)
        {
            return prefixLengte == 0 && naamruimte.Length == 0;
        }

        ref var b = ref bindingen[i];
        if (b.Bekend is { } bekend && (ReferenceEquals(bekend, naamruimte) || bekend == naamruimte))
        {
            return true;
        }

        if (!GelijkAscii(x.Slice(b.UriStart, b.UriLengte), naamruimte))
        {
            return false;
        }

        b.Bekend = naamruimte;
        return true;
    }

    /// <summary>The innermost declaration in scope of the prefix of the name at <paramref name="naamStart"/>, or −1.</summary>
    private int Zoek(ReadOnlySpan<byte> x, int naamStart, int prefixLengte)
    {
        var prefix = x.Slice(naamStart, prefixLengte);
        for (var i = aantalBindingen - 1; i >= 0; i--)
        {
            var b = bindingen[i];
            if (b.PrefixLengte == prefixLengte && x.Slice(b.PrefixStart, b.PrefixLengte).SequenceEqual(prefix))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The namespace URI the prefix of the name at <paramref name="naamStart"/> is bound to (no prefix: the default, possibly none).</summary>
    private bool Naamruimte(ReadOnlySpan<byte> x, int naamStart, int prefixLengte, out int uriStart, out int uriLengte)
    {
        if (Zoek(x, naamStart, prefixLengte) is var i and >= 0)
        {
            uriStart = bindingen[i].UriStart;
            uriLengte = bindingen[i].UriLengte;
            return true;
        }

        uriStart = 0;
        uriLengte = 0;
        return prefixLengte == 0; // no default declaration: no namespace; an undeclared prefix is not well-formed
    }

    /// <summary>
    /// The declaration of the child element just opened, exactly as <see cref="Schemacontrole"/> finds it (the next one of
    /// that name in the sequence, within its cardinality, no required element skipped, in its namespace); null where the
    /// schema pass would report an error.
    /// </summary>
    private Elementdef? Kind(ReadOnlySpan<byte> x, int naamStart, int naamLengte, int prefixLengte)
    {
        ref var f = ref stapel[diepte - 1];
        var els = f.Def.Complex!.Elementen;
        var naam = Lokaal(x, naamStart, naamLengte, prefixLengte);
        var j = -1;
        for (var k = f.Deeltje; k < els.Length; k++)
        {
            if (GelijkAscii(naam, els[k].Naam))
            {
                j = k;
                break;
            }
        }

        if (j < 0 || (j == f.Deeltje && f.Aantal >= els[j].Max))
        {
            return null;
        }

        for (var k = f.Deeltje; k < j; k++)
        {
            if ((k == f.Deeltje ? f.Aantal : 0) < els[k].Min)
            {
                return null;
            }
        }

        var def = els[j];
        if (!IsNaamruimte(x, naamStart, prefixLengte, def.Naamruimte))
        {
            return null;
        }

        f.Aantal = j == f.Deeltje ? f.Aantal + 1 : 1;
        f.Deeltje = j;
        return def;
    }

    private void Duw(Elementdef def, int knoop, int naamStart, int naamLengte, int bindingenVoor)
    {
        if (diepte == stapel.Length)
        {
            Array.Resize(ref stapel, stapel.Length * 2);
        }

        stapel[diepte++] = new Frame { Def = def, Knoop = knoop, NaamStart = naamStart, NaamLengte = naamLengte, Bindingen = bindingenVoor };
    }

    /// <summary>Closes the innermost complex element; false when a required element is missing (the schema pass would report it).</summary>
    private bool Sluit()
    {
        ref var f = ref stapel[diepte - 1];
        var els = f.Def.Complex!.Elementen;
        for (var k = f.Deeltje; k < els.Length; k++)
        {
            if ((k == f.Deeltje ? f.Aantal : 0) < els[k].Min)
            {
                return false;
            }
        }

        aantalBindingen = f.Bindingen;
        diepte--;
        return true;
    }

    // The short values this thread read last, by a hash of their bytes (see Gedeeld). Per thread, so no locking; a slot
    // is overwritten by the next value hashing to it.
    [ThreadStatic]
    private static string?[]? gedeeld;

    private const int GedeeldMaxLengte = 16;

    /// <summary>
    /// The UTF-8 value <paramref name="t"/> as a string; a short ASCII value (a code, date, BSN, AGB code, number: most of
    /// a message's values) is the same string object as the last equal one this thread read, instead of a new one per
    /// value — the values are immutable strings compared by content, so sharing one changes nothing, and it is reused
    /// only when its characters equal these bytes exactly. The what-if replay reads a year of messages per pass, and a
    /// new string per value was a tenth of what it allocated.
    /// </summary>
    private static string Gedeeld(ReadOnlySpan<byte> t)
    {
        if (t.Length > GedeeldMaxLengte)
        {
            return Encoding.UTF8.GetString(t);
        }

        var hash = 2166136261u; // FNV-1a
        foreach (var b in t)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        var tabel = gedeeld ??= new string?[1024];
        var plek = (int)(hash & (uint)(tabel.Length - 1));
        if (tabel[plek] is { } bekend && System.Text.Ascii.Equals(t, bekend))
        {
            return bekend;
        }

        var nieuw = Encoding.UTF8.GetString(t);
        if (System.Text.Ascii.IsValid(t))
        {
            tabel[plek] = nieuw;
        }

        return nieuw;
    }

    /// <summary>
    /// A value as the reader gives it: whitespace only is no value (the reader ignores it), line ends become LF, the five
    /// predefined entities are decoded; null for anything else with '&amp;' (a character reference, an unknown entity)
    /// and for "]]&gt;", which is not well-formed in text.
    /// </summary>
    private static string? Tekst(ReadOnlySpan<byte> t)
    {
        if (t.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return "";
        }

        if (t.IndexOfAny((byte)'&', (byte)'\r', (byte)']') < 0)
        {
            return Gedeeld(t);
        }

        if (t.IndexOf("]]>"u8) >= 0)
        {
            return null;
        }

        var sb = new StringBuilder(Encoding.UTF8.GetString(t));
        sb.Replace("\r\n", "\n").Replace('\r', '\n');
        for (var i = 0; i < sb.Length; i++)
        {
            if (sb[i] != '&')
            {
                continue;
            }

            var eind = -1;
            for (var k = i + 1; k < sb.Length && k <= i + 5; k++)
            {
                if (sb[k] == ';')
                {
                    eind = k;
                    break;
                }
            }

            var teken = eind < 0 ? '\0' : sb.ToString(i + 1, eind - i - 1) switch
            {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                _ => '\0',
            };
            if (teken == '\0')
            {
                return null;
            }

            sb.Remove(i, eind - i + 1).Insert(i, teken);
        }

        return sb.ToString();
    }

    private static bool GelijkAscii(ReadOnlySpan<byte> bytes, string tekst)
    {
        if (bytes.Length != tekst.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != tekst[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void SlaWitOver(ReadOnlySpan<byte> x, ref int p)
    {
        while (p < x.Length && IsWit(x[p]))
        {
            p++;
        }
    }

    private static bool IsWit(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool IsNaambegin(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (byte)'_';

    private static bool IsNaamteken(byte b) => IsNaambegin(b) || b is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.';
}

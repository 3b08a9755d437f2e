using System.Text;
using System.Xml;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Lezen;

/// <summary>
/// One streaming pass over a message with <see cref="XmlReader"/>: checks what the XSDs demand (element
/// order, namespaces, cardinality, lengths, bounds, patterns, code lists) against the generated
/// <see cref="Schemamodel"/> and keeps the values in an <see cref="Elementboom"/> for the typed mapping.
/// Every violation becomes a <see cref="Fout"/> with the element path; the pass goes on after an error
/// so a sender sees all of them at once.
/// </summary>
internal sealed class Schemacontrole
{
    private const int MaxFouten = 200;
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private readonly XmlReader xr;
    private readonly List<Fout> fouten = [];
    private readonly Elementboom boom = new();
    private Frame[] stapel = new Frame[16];
    private int diepte;

    /// <summary>False for a message already accepted once (the what-if replay): the values are not checked again.</summary>
    private readonly bool waarden;

    private Schemacontrole(XmlReader xr, bool waarden)
    {
        this.xr = xr;
        this.waarden = waarden;
    }

    private struct Frame
    {
        public Elementdef Def;
        public int Knoop;
        public int Deeltje;
        public int Aantal;

        /// <summary>Its position among its same-named siblings (1-based), for the path of a repeating element.</summary>
        public int Nummer;
    }

    /// <summary>Runs the pass; the reader must stand on the root element, whose namespace chose <paramref name="bericht"/>.</summary>
    /// <param name="xr">The reader.</param>
    /// <param name="bericht">The message definition.</param>
    /// <param name="waarden">
    /// False only for a message this backoffice accepted before (its journal says so): the element structure is still
    /// followed (it builds the tree), but the values' types, lengths, patterns and code lists are not checked again —
    /// the schema does not change with the rules, so they cannot fail now.
    /// </param>
    public static (Elementboom Boom, List<Fout> Fouten) Voer(XmlReader xr, Berichtdef bericht, bool waarden = true)
    {
        var c = new Schemacontrole(xr, waarden);
        c.Loop(bericht);
        return (c.boom, c.fouten);
    }

    private void Loop(Berichtdef bericht)
    {
        var root = bericht.Root;
        Duw(root, boom.Voeg(root, -1), 0);
        ControleerAttributen();
        if (xr.IsEmptyElement)
        {
            SluitComplex();
            return;
        }

        xr.Read();
        while (diepte > 0 && !xr.EOF && fouten.Count < MaxFouten)
        {
            switch (xr.NodeType)
            {
                case XmlNodeType.Element:
                    Kind();
                    break;
                case XmlNodeType.EndElement:
                    SluitComplex();
                    xr.Read();
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    // Element-only content may hold whitespace (XSD 1.0 §3.4.4). The reader reports a run of it
                    // as Text, not Whitespace, once it spans its 4,096-character buffer, so whitespace is judged here.
                    if (!IsWitruimte(xr.Value))
                    {
                        Meld(Foutcodes.Inhoud, $"Element {stapel[diepte - 1].Def.Naam} bevat alleen elementen, geen tekst.", Pad());
                    }

                    xr.Read();
                    break;
                default:
                    xr.Read();
                    break;
            }
        }
    }

    private void Kind()
    {
        ref var f = ref stapel[diepte - 1];
        var els = f.Def.Complex!.Elementen;
        var naam = xr.LocalName;
        var j = -1;
        for (var k = f.Deeltje; k < els.Length; k++)
        {
            if (els[k].Naam == naam)
            {
                j = k;
                break;
            }
        }

        if (j < 0)
        {
            var eerder = false;
            for (var k = 0; k < f.Deeltje; k++)
            {
                eerder |= els[k].Naam == naam;
            }

            if (eerder)
            {
                Meld(Foutcodes.Volgorde, $"Element {naam} staat op de verkeerde plaats in {f.Def.Naam}; verwacht: {Verwacht(f)}.", Pad() + "/" + naam);
            }
            else
            {
                Meld(Foutcodes.Onbekend, $"Element {naam} hoort niet in {f.Def.Naam}; verwacht: {Verwacht(f)}.", Pad() + "/" + naam);
            }

            xr.Skip();
            return;
        }

        if (j == f.Deeltje && f.Aantal >= els[j].Max)
        {
            Meld(Foutcodes.TeVeel, $"Element {naam} komt vaker voor dan toegestaan (maximaal {els[j].Max}).", Pad() + "/" + naam);
            xr.Skip();
            return;
        }

        for (var k = f.Deeltje; k < j; k++)
        {
            if ((k == f.Deeltje ? f.Aantal : 0) < els[k].Min)
            {
                Meld(Foutcodes.Ontbreekt, $"Verplicht element {els[k].Naam} ontbreekt in {f.Def.Naam}.", Pad() + "/" + els[k].Naam);
            }
        }

        f.Aantal = j == f.Deeltje ? f.Aantal + 1 : 1;
        f.Deeltje = j;
        var def = els[j];
        var nummer = f.Aantal;
        if (xr.NamespaceURI != def.Naamruimte)
        {
            Meld(Foutcodes.Naamruimte, $"Element {naam} staat in naamruimte '{xr.NamespaceURI}', verwacht '{def.Naamruimte}'.", Pad() + "/" + Segment(def, nummer));
        }

        var knoop = boom.Voeg(def, f.Knoop);
        if (def.Complex is not null)
        {
            Duw(def, knoop, nummer);
            ControleerAttributen();
            if (xr.IsEmptyElement)
            {
                SluitComplex();
            }

            xr.Read();
            return;
        }

        Duw(def, knoop, nummer);
        ControleerAttributen();
        var tekst = LeesTekst();
        boom.ZetTekst(knoop, tekst);
        if (waarden)
        {
            ControleerWaarde(def, tekst);
        }

        diepte--;
    }

    /// <summary>Reads the text of a simple-type element and leaves the reader after its end tag.</summary>
    private string LeesTekst()
    {
        if (xr.IsEmptyElement)
        {
            xr.Read();
            return "";
        }

        xr.Read();
        string? eerste = null;
        StringBuilder? meer = null;
        while (!xr.EOF)
        {
            switch (xr.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (eerste is null)
                    {
                        eerste = xr.Value;
                    }
                    else
                    {
                        (meer ??= new StringBuilder(eerste)).Append(xr.Value);
                    }

                    xr.Read();
                    break;
                case XmlNodeType.EndElement:
                    xr.Read();
                    return meer?.ToString() ?? eerste ?? "";
                case XmlNodeType.Element:
                    Meld(Foutcodes.Inhoud, $"Element {stapel[diepte - 1].Def.Naam} bevat een waarde, geen elementen ({xr.LocalName}).", Pad() + "/" + xr.LocalName);
                    xr.Skip();
                    break;
                default:
                    xr.Read();
                    break;
            }
        }

        return meer?.ToString() ?? eerste ?? "";
    }

    /// <summary>XML whitespace (XML 1.0 production S), as one array: <c>Trim(' ', …)</c> allocated one per value read.</summary>
    private static readonly char[] XmlWitruimte = [' ', '\t', '\r', '\n'];

    /// <summary>XML whitespace only: space, tab, carriage return, line feed (XML 1.0 production S).</summary>
    private static bool IsWitruimte(string tekst) => tekst.AsSpan().IndexOfAnyExcept(" \t\r\n") < 0;

    private void ControleerWaarde(Elementdef def, string waarde)
    {
        var t = def.Enkelvoudig!;
        var w = t.Basis == Basistype.Tekst ? waarde : waarde.Trim(XmlWitruimte);
        if (w.Length == 0)
        {
            Meld(Foutcodes.Leeg, $"Element {def.Naam} is leeg; lege elementen zijn niet toegestaan.", Pad());
            return;
        }

        // Built only for a message: a valid value costs no allocation here. A BSN never appears in a message.
        string Toon() => def.Naam == "Bsn" ? "(BSN)" : "'" + (w.Length > 40 ? w[..40] + "…" : w) + "'";
        switch (t.Basis)
        {
            case Basistype.Datum:
                if (!Waarden.LeesDatum(w, out _))
                {
                    Meld(w.Length > 10 && (w.EndsWith('Z') || w[10] is '+' or '-') ? Foutcodes.Tijdzone : Foutcodes.Type,
                        $"{def.Naam} {Toon()} is geen datum jjjj-mm-dd zonder tijdzone.", Pad());
                    return;
                }

                break;
            case Basistype.Tijd:
                if (w.AsSpan().IndexOfAny("Z+-") >= 0)
                {
                    Meld(Foutcodes.Tijdzone, $"{def.Naam} {Toon()} heeft een tijdzone; die is niet toegestaan.", Pad());
                    return;
                }

                if (!Waarden.LeesTijd(w, out _))
                {
                    Meld(Foutcodes.Type, $"{def.Naam} {Toon()} is geen tijd uu:mm:ss.", Pad());
                    return;
                }

                break;
            case Basistype.Geheel:
                if (!Waarden.LeesGeheel(w, out var g) || w.Contains(' ', StringComparison.Ordinal))
                {
                    Meld(Foutcodes.Type, $"{def.Naam} {Toon()} is geen geheel getal.", Pad());
                    return;
                }

                if ((t.Minimum is { } min && g < min) || (t.Maximum is { } max && g > max))
                {
                    Meld(Foutcodes.Bereik, $"{def.Naam} {Toon()} ligt buiten {t.Minimum}..{t.Maximum}.", Pad());
                    return;
                }

                break;
            default:
                if ((t.MinLengte is { } minL && w.Length < minL) || (t.MaxLengte is { } maxL && w.Length > maxL))
                {
                    Meld(Foutcodes.Lengte, $"{def.Naam} {Toon()} heeft lengte {w.Length}, toegestaan {t.MinLengte ?? 0}..{(t.MaxLengte is { } m ? m.ToString() : "")}.", Pad());
                    return;
                }

                break;
        }

        foreach (var groep in t.Patronen)
        {
            var past = false;
            foreach (var p in groep)
            {
                past |= p.Past(w);
            }

            if (!past)
            {
                Meld(Foutcodes.Patroon, $"{def.Naam} {Toon()} voldoet niet aan het patroon {string.Join(" of ", groep.Select(p => p.Xsd))}.", Pad());
                return;
            }
        }

        if (t.Waarden is { } waarden && !waarden.Contains(w))
        {
            Meld(Foutcodes.Codelijst, $"{def.Naam} {Toon()} staat niet in de codelijst {t.Naam}.", Pad());
        }
    }

    private void ControleerAttributen()
    {
        if (!xr.HasAttributes)
        {
            return;
        }

        for (var ok = xr.MoveToFirstAttribute(); ok; ok = xr.MoveToNextAttribute())
        {
            if (xr.Prefix == "xmlns" || xr.LocalName == "xmlns" && xr.Prefix.Length == 0)
            {
                continue;
            }

            if (xr.NamespaceURI == Xsi && xr.LocalName is "schemaLocation" or "noNamespaceSchemaLocation")
            {
                continue;
            }

            Meld(Foutcodes.Attribuut, $"Attribuut {xr.Name} is niet toegestaan.", Pad());
        }

        xr.MoveToElement();
    }

    private void Duw(Elementdef def, int knoop, int nummer)
    {
        if (diepte == stapel.Length)
        {
            Array.Resize(ref stapel, stapel.Length * 2);
        }

        stapel[diepte++] = new Frame { Def = def, Knoop = knoop, Nummer = nummer };
    }

    private void SluitComplex()
    {
        ref var f = ref stapel[diepte - 1];
        var els = f.Def.Complex!.Elementen;
        for (var k = f.Deeltje; k < els.Length; k++)
        {
            if ((k == f.Deeltje ? f.Aantal : 0) < els[k].Min)
            {
                Meld(Foutcodes.Ontbreekt, $"Verplicht element {els[k].Naam} ontbreekt in {f.Def.Naam}.", Pad() + "/" + els[k].Naam);
            }
        }

        diepte--;
    }

    private static string Verwacht(in Frame f)
    {
        var els = f.Def.Complex!.Elementen;
        var start = f.Aantal > 0 && f.Aantal >= els[f.Deeltje].Max ? f.Deeltje + 1 : f.Deeltje;
        var namen = new List<string>();
        for (var k = start; k < els.Length; k++)
        {
            namen.Add(els[k].Naam);
            if (els[k].Min > 0 && !(k == f.Deeltje && f.Aantal >= els[k].Min))
            {
                break;
            }
        }

        return namen.Count == 0 ? "geen elementen meer" : string.Join(", ", namen);
    }

    private string Pad()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < diepte; i++)
        {
            sb.Append('/').Append(i == 0 ? "Bericht" : Segment(stapel[i].Def, stapel[i].Nummer));
        }

        return sb.ToString();
    }

    /// <summary>An element's path segment, built only for an error's path (a valid message builds none).</summary>
    private static string Segment(Elementdef def, int nummer) =>
        def.Herhaalt ? def.Naam + "[" + nummer.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" : def.Naam;

    private void Meld(string code, string melding, string pad)
    {
        if (fouten.Count < MaxFouten)
        {
            fouten.Add(new Fout(code, melding, pad));
        }
    }
}

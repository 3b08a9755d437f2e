using System.Text;
using System.Xml;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Schrijven;

/// <summary>
/// Writes the 14 iJw 3.2 messages with <see cref="XmlWriter"/>: UTF-8, the message namespace as default
/// namespace, basisschema elements with the <c>ijw</c> prefix. Which namespace an element is in comes
/// from the <see cref="Schemamodel"/> (the namespace of the complex type that declares it), never from
/// this code, so no element can end up in the wrong one. Output is deterministic: same records, same bytes.
/// </summary>
public static class IjwSchrijver
{
    private static readonly XmlWriterSettings Instellingen = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    public static byte[] Schrijf(IjwBericht bericht)
    {
        using var uit = new MemoryStream();
        Schrijf(bericht, uit);
        return uit.ToArray();
    }

    public static string SchrijfTekst(IjwBericht bericht) => Encoding.UTF8.GetString(Schrijf(bericht));

    public static void Schrijf(IjwBericht bericht, Stream uit)
    {
        ArgumentNullException.ThrowIfNull(bericht);
        using var xw = XmlWriter.Create(uit, Instellingen);
        var s = new Schrijver(xw, Berichtdefinities.Van(bericht.Soort));
        xw.WriteStartDocument();
        s.Root();
        Header(s, bericht.Header);
        switch (bericht)
        {
            case Toewijzingbericht t when t.Client is { } c:
                ToewijzingClient(s, c);
                break;
            case StartBericht t when t.Client is { } c:
                StartClient(s, c);
                break;
            case StopBericht t when t.Client is { } c:
                StopClient(s, c);
                break;
            case VerzoekOmToewijzingBericht t when t.Client is { } c:
                VotClient(s, c);
                break;
            case VerzoekOmWijzigingBericht t when t.Client is { } c:
                VowClient(s, c);
                break;
            case Antwoordbericht t when t.Antwoord is { } a:
                Antwoord(s, a);
                break;
            case Declaratiebericht d:
                Declaratie(s, d.Declaratie);
                break;
            case DeclaratieAntwoordbericht d when d.DeclaratieAntwoord is { } a:
                DeclaratieAntwoord(s, a);
                break;
            default:
                break;
        }

        s.Eind();
        xw.WriteEndDocument();
    }

    private static void Header(Schrijver s, Header h)
    {
        s.Begin("Header");
        s.Waarde("BerichtCode", h.BerichtCode);
        s.Waarde("BerichtVersie", h.BerichtVersie);
        s.Waarde("BerichtSubversie", h.BerichtSubversie);
        s.Waarde("Afzender", h.Afzender);
        s.Waarde("Ontvanger", h.Ontvanger);
        BerichtIdentificatie(s, "BerichtIdentificatie", h.BerichtIdentificatie);
        XsdVersie(s, "XsdVersie", h.XsdVersie);
        s.Waarde("IdentificatieRetour", h.IdentificatieRetour);
        s.Waarde("DagtekeningRetour", h.DagtekeningRetour);
        BerichtIdentificatie(s, "DeclaratieIdentificatie", h.DeclaratieIdentificatie);
        s.Waarde("XsltVersie", h.XsltVersie);
        XsdVersie(s, "XsdVersieRetour", h.XsdVersieRetour);
        XsdVersie(s, "XsdVersieDeclaratie", h.XsdVersieDeclaratie);
        Codes(s, h.RetourCodes);
        s.Eind();
    }

    private static void Codes(Schrijver s, IReadOnlyList<string>? codes)
    {
        if (codes is null)
        {
            return;
        }

        s.Begin("RetourCodes");
        foreach (var c in codes)
        {
            s.Waarde("RetourCode", c);
        }

        s.Eind();
    }

    private static void BerichtIdentificatie(Schrijver s, string naam, BerichtIdentificatie? b)
    {
        if (b is null)
        {
            return;
        }

        s.Begin(naam);
        s.Waarde("Identificatie", b.Identificatie);
        s.Waarde("Dagtekening", b.Dagtekening);
        s.Eind();
    }

    private static void XsdVersie(Schrijver s, string naam, XsdVersie? v)
    {
        if (v is null)
        {
            return;
        }

        s.Begin(naam);
        s.Waarde("BasisschemaXsdVersie", v.BasisschemaXsdVersie);
        s.Waarde("BerichtXsdVersie", v.BerichtXsdVersie);
        s.Eind();
    }

    private static void Product(Schrijver s, string naam, Product? p)
    {
        if (p is null)
        {
            return;
        }

        s.Begin(naam);
        s.Waarde("Categorie", p.Categorie);
        s.Waarde("Code", p.Code);
        s.Eind();
    }

    private static void Omvang(Schrijver s, Omvang? o)
    {
        if (o is null)
        {
            return;
        }

        s.Begin("Omvang");
        s.Waarde("Volume", o.Volume);
        s.Waarde("Eenheid", o.Eenheid);
        s.Waarde("Frequentie", o.Frequentie);
        s.Eind();
    }

    private static void Geboortedatum(Schrijver s, Geboortedatum? g)
    {
        if (g is null)
        {
            return;
        }

        s.Begin("Geboortedatum");
        s.Waarde("Datum", g.Datum);
        s.Waarde("DatumGebruik", g.DatumGebruik);
        s.Eind();
    }

    private static void Achternaam(Schrijver s, string naam, Achternaam? a)
    {
        if (a is null)
        {
            return;
        }

        s.Begin(naam);
        s.Waarde("Achternaam", a.Naam);
        s.Waarde("Voorvoegsel", a.Voorvoegsel);
        s.Eind();
    }

    private static void VerkorteNaam(Schrijver s, VerkorteNaam n)
    {
        s.Begin("Naam");
        Achternaam(s, "Geslachtsnaam", n.Geslachtsnaam);
        s.Waarde("Voornamen", n.Voornamen);
        s.Waarde("Voorletters", n.Voorletters);
        s.Eind();
    }

    private static void VolledigeNaam(Schrijver s, VolledigeNaam n)
    {
        s.Begin("Naam");
        Achternaam(s, "Geslachtsnaam", n.Geslachtsnaam);
        Achternaam(s, "Partnernaam", n.Partnernaam);
        s.Waarde("Voornamen", n.Voornamen);
        s.Waarde("Voorletters", n.Voorletters);
        s.Waarde("NaamGebruik", n.NaamGebruik);
        s.Eind();
    }

    private static void GeslotenPeriode(Schrijver s, string naam, GeslotenPeriode p)
    {
        s.Begin(naam);
        s.Waarde("Begindatum", p.Begindatum);
        s.Waarde("Einddatum", p.Einddatum);
        s.Eind();
    }

    private static void Bedrag(Schrijver s, string naam, string bedragNaam, BedragMetDc b)
    {
        s.Begin(naam);
        s.Waarde(bedragNaam, b.Bedrag);
        s.Waarde("DebetCredit", b.DebetCredit);
        s.Eind();
    }

    private static void ToewijzingClient(Schrijver s, ToewijzingClient c)
    {
        s.Begin("Client");
        s.Waarde("Bsn", c.Bsn);
        Geboortedatum(s, c.Geboortedatum);
        s.Waarde("Geslacht", c.Geslacht);
        VolledigeNaam(s, c.Naam);
        if (c.Communicatie is { } com)
        {
            s.Begin("Communicatie");
            s.Waarde("Vorm", com.Vorm);
            s.Waarde("Taal", com.Taal);
            s.Eind();
        }

        s.Waarde("JuridischeStatus", c.JuridischeStatus);
        s.Waarde("WettelijkeVertegenwoordiging", c.WettelijkeVertegenwoordiging);
        s.Waarde("Commentaar", c.Commentaar);
        s.Lijst("Relaties", c.Relaties, r =>
        {
            s.Begin("Relatie");
            s.Waarde("Nummer", r.Nummer);
            s.Waarde("Volgorde", r.Volgorde);
            s.Waarde("Soort", r.Soort);
            Geboortedatum(s, r.Geboortedatum);
            s.Waarde("Geslacht", r.Geslacht);
            VolledigeNaam(s, r.Naam);
            Contact(s, r.Contact);
            Codes(s, r.RetourCodes);
            s.Eind();
        });
        s.Lijst("Contactgegevens", c.Contactgegevens, k => Contact(s, k), verplicht: true);
        s.Lijst("ToegewezenProducten", c.ToegewezenProducten, p =>
        {
            s.Begin("ToegewezenProduct");
            s.Waarde("ToewijzingNummer", p.ToewijzingNummer);
            s.Waarde("ReferentieAanbieder", p.ReferentieAanbieder);
            Product(s, "Product", p.Product);
            s.Waarde("Toewijzingsdatum", p.Toewijzingsdatum);
            s.Waarde("Toewijzingstijd", p.Toewijzingstijd);
            s.Waarde("Ingangsdatum", p.Ingangsdatum);
            s.Waarde("Einddatum", p.Einddatum);
            s.Waarde("RedenWijziging", p.RedenWijziging);
            Omvang(s, p.Omvang);
            s.Waarde("Budget", p.Budget);
            s.Waarde("Commentaar", p.Commentaar);
            Codes(s, p.RetourCodes);
            s.Eind();
        }, verplicht: true);
        Codes(s, c.RetourCodes);
        s.Eind();
    }

    private static void Contact(Schrijver s, Contact k)
    {
        s.Begin("Contact");
        s.Waarde("Soort", k.Soort);
        if (k.Adres is { } a)
        {
            s.Begin("Adres");
            if (a.Huis is { } h)
            {
                s.Begin("Huis");
                s.Waarde("Huisnummer", h.Huisnummer);
                s.Waarde("Huisletter", h.Huisletter);
                s.Waarde("HuisnummerToevoeging", h.HuisnummerToevoeging);
                s.Waarde("AanduidingWoonadres", h.AanduidingWoonadres);
                s.Eind();
            }

            s.Waarde("Postcode", a.Postcode);
            s.Waarde("Straatnaam", a.Straatnaam);
            s.Waarde("Plaatsnaam", a.Plaatsnaam);
            s.Waarde("LandCode", a.LandCode);
            s.Eind();
        }

        s.Waarde("Organisatie", k.Organisatie);
        if (k.Telefoon is { } t)
        {
            s.Begin("Telefoon");
            Telefoon(s, "Telefoon01", t.Telefoon01);
            Telefoon(s, "Telefoon02", t.Telefoon02);
            s.Eind();
        }

        s.Waarde("Emailadres", k.Emailadres);
        if (k.Periode is { } p)
        {
            s.Begin("Periode");
            s.Waarde("Begindatum", p.Begindatum);
            s.Waarde("Einddatum", p.Einddatum);
            s.Eind();
        }

        Codes(s, k.RetourCodes);
        s.Eind();
    }

    private static void Telefoon(Schrijver s, string naam, Telefoon? t)
    {
        if (t is null)
        {
            return;
        }

        s.Begin(naam);
        s.Waarde("Telefoonnummer", t.Telefoonnummer);
        s.Waarde("Landnummer", t.Landnummer);
        s.Eind();
    }

    private static void ClientKop(Schrijver s, string bsn, Geboortedatum g, string geslacht, VerkorteNaam naam)
    {
        s.Begin("Client");
        s.Waarde("Bsn", bsn);
        Geboortedatum(s, g);
        s.Waarde("Geslacht", geslacht);
        VerkorteNaam(s, naam);
    }

    private static void StartClient(Schrijver s, StartClient c)
    {
        ClientKop(s, c.Bsn, c.Geboortedatum, c.Geslacht, c.Naam);
        s.Lijst("StartProducten", c.StartProducten, p =>
        {
            s.Begin("StartProduct");
            s.Waarde("ToewijzingNummer", p.ToewijzingNummer);
            Product(s, "Product", p.Product);
            s.Waarde("ToewijzingIngangsdatum", p.ToewijzingIngangsdatum);
            s.Waarde("Begindatum", p.Begindatum);
            s.Waarde("StatusAanlevering", p.StatusAanlevering);
            Codes(s, p.RetourCodes);
            s.Eind();
        }, verplicht: true);
        Codes(s, c.RetourCodes);
        s.Eind();
    }

    private static void StopClient(Schrijver s, StopClient c)
    {
        ClientKop(s, c.Bsn, c.Geboortedatum, c.Geslacht, c.Naam);
        s.Lijst("StopProducten", c.StopProducten, p =>
        {
            s.Begin("StopProduct");
            s.Waarde("ToewijzingNummer", p.ToewijzingNummer);
            Product(s, "Product", p.Product);
            s.Waarde("ToewijzingIngangsdatum", p.ToewijzingIngangsdatum);
            s.Waarde("Begindatum", p.Begindatum);
            s.Waarde("RedenBeeindiging", p.RedenBeeindiging);
            s.Waarde("Einddatum", p.Einddatum);
            s.Waarde("StatusAanlevering", p.StatusAanlevering);
            Codes(s, p.RetourCodes);
            s.Eind();
        }, verplicht: true);
        Codes(s, c.RetourCodes);
        s.Eind();
    }

    private static void VotClient(Schrijver s, VerzoekOmToewijzingClient c)
    {
        ClientKop(s, c.Bsn, c.Geboortedatum, c.Geslacht, c.Naam);
        s.Waarde("GezagsdragerBekend", c.GezagsdragerBekend);
        s.Waarde("Commentaar", c.Commentaar);
        s.Lijst("AangevraagdeProducten", c.AangevraagdeProducten, p =>
        {
            s.Begin("AangevraagdProduct");
            s.Waarde("ReferentieAanbieder", p.ReferentieAanbieder);
            s.Waarde("BeschikkingNummer", p.BeschikkingNummer);
            Product(s, "Product", p.Product);
            s.Waarde("BeschikkingIngangsdatum", p.BeschikkingIngangsdatum);
            s.Waarde("ToewijzingIngangsdatum", p.ToewijzingIngangsdatum);
            s.Waarde("ToewijzingEinddatum", p.ToewijzingEinddatum);
            Omvang(s, p.Omvang);
            s.Waarde("Budget", p.Budget);
            s.Begin("Verwijzer");
            s.Waarde("Type", p.Verwijzer.Type);
            s.Waarde("Naam", p.Verwijzer.Naam);
            s.Waarde("ZorgverlenerCode", p.Verwijzer.ZorgverlenerCode);
            s.Eind();
            s.Waarde("Raamcontract", p.Raamcontract);
            s.Waarde("Commentaar", p.Commentaar);
            Codes(s, p.RetourCodes);
            s.Eind();
        }, verplicht: true);
        Codes(s, c.RetourCodes);
        s.Eind();
    }

    private static void VowClient(Schrijver s, VerzoekOmWijzigingClient c)
    {
        s.Begin("Client");
        s.Waarde("Bsn", c.Bsn);
        var v = c.Verzoek;
        s.Begin("Verzoek");
        s.Waarde("ReferentieAanbieder", v.ReferentieAanbieder);
        s.Waarde("RedenVerzoek", v.RedenVerzoek);
        s.Lijst("OngewijzigdeProducten", v.OngewijzigdeProducten, p =>
        {
            s.Begin("OngewijzigdProduct");
            s.Waarde("ToewijzingNummer", p.ToewijzingNummer);
            Codes(s, p.RetourCodes);
            s.Eind();
        });
        s.Lijst("TeWijzigenProducten", v.TeWijzigenProducten, p =>
        {
            s.Begin("TeWijzigenProduct");
            s.Waarde("ToewijzingNummer", p.ToewijzingNummer);
            s.Waarde("GewensteIngangsdatum", p.GewensteIngangsdatum);
            s.Waarde("Einddatum", p.Einddatum);
            Omvang(s, p.Omvang);
            s.Waarde("Budget", p.Budget);
            Codes(s, p.RetourCodes);
            s.Eind();
        });
        s.Lijst("NieuweProducten", v.NieuweProducten, p =>
        {
            s.Begin("NieuwProduct");
            Product(s, "Product", p.Product);
            s.Waarde("GewensteIngangsdatum", p.GewensteIngangsdatum);
            s.Waarde("Einddatum", p.Einddatum);
            Omvang(s, p.Omvang);
            s.Waarde("Budget", p.Budget);
            Codes(s, p.RetourCodes);
            s.Eind();
        });
        Codes(s, v.RetourCodes);
        s.Eind();
        Codes(s, c.RetourCodes);
        s.Eind();
    }

    private static void Antwoord(Schrijver s, Antwoord a)
    {
        s.Begin("Antwoord");
        s.Waarde("ReferentieAanbieder", a.ReferentieAanbieder);
        s.Waarde("VerzoekAntwoord", a.VerzoekAntwoord);
        s.Waarde("RedenAfwijzingVerzoek", a.RedenAfwijzingVerzoek);
        if (a.Woonplaatsbeginsel is { } w)
        {
            s.Begin("Woonplaatsbeginsel");
            s.Waarde("Gemeente", w.Gemeente);
            Codes(s, w.RetourCodes);
            s.Eind();
        }

        Codes(s, a.RetourCodes);
        s.Eind();
    }

    private static void Declaratie(Schrijver s, Declaratie d)
    {
        s.Begin("Declaratie");
        s.Waarde("DeclaratieNummer", d.DeclaratieNummer);
        GeslotenPeriode(s, "DeclaratiePeriode", d.DeclaratiePeriode);
        s.Waarde("DeclaratieDagtekening", d.DeclaratieDagtekening);
        Bedrag(s, "TotaalIngediendBedrag", "TotaalBedrag", d.TotaalIngediendBedrag);
        s.Lijst("Clienten", d.Clienten, c => DeclaratieClient(s, c), verplicht: true);
        s.Eind();
    }

    private static void DeclaratieAntwoord(Schrijver s, DeclaratieAntwoord d)
    {
        s.Begin("DeclaratieAntwoord");
        s.Waarde("DeclaratieNummer", d.DeclaratieNummer);
        Bedrag(s, "TotaalIngediendBedrag", "TotaalBedrag", d.TotaalIngediendBedrag);
        Bedrag(s, "TotaalToegekendBedrag", "TotaalBedrag", d.TotaalToegekendBedrag);
        s.Lijst("Clienten", d.Clienten, c => DeclaratieClient(s, c));
        Codes(s, d.RetourCodes);
        s.Eind();
    }

    private static void DeclaratieClient(Schrijver s, DeclaratieClient c)
    {
        s.Begin("Client");
        s.Waarde("Bsn", c.Bsn);
        s.Lijst("Prestaties", c.Prestaties, p =>
        {
            s.Begin("Prestatie");
            s.Begin("ProductReferentie");
            s.Waarde("ReferentieNummer", p.ProductReferentie.ReferentieNummer);
            s.Waarde("VorigReferentieNummer", p.ProductReferentie.VorigReferentieNummer);
            s.Eind();
            s.Waarde("ToewijzingNummer", p.ToewijzingNummer);
            s.Waarde("ProductCategorie", p.ProductCategorie);
            s.Waarde("ProductCode", p.ProductCode);
            GeslotenPeriode(s, "ProductPeriode", p.ProductPeriode);
            s.Waarde("GeleverdVolume", p.GeleverdVolume);
            s.Waarde("Eenheid", p.Eenheid);
            s.Waarde("ProductTarief", p.ProductTarief);
            Bedrag(s, "IngediendBedrag", "Bedrag", p.IngediendBedrag);
            Codes(s, p.RetourCodes);
            s.Eind();
        }, verplicht: true);
        Codes(s, c.RetourCodes);
        s.Eind();
    }

    /// <summary>Follows the schema model while writing, so every element gets its declared namespace.</summary>
    private sealed class Schrijver(XmlWriter xw, Berichtdef bericht)
    {
        private readonly Stack<Samengesteldtype> types = new();

        public void Root()
        {
            xw.WriteStartElement("", "Bericht", bericht.Naamruimte);
            xw.WriteAttributeString("xmlns", "ijw", null, Naamruimten.Basisschema);
            types.Push(bericht.Root.Complex!);
        }

        public void Begin(string naam)
        {
            var def = Def(naam);
            xw.WriteStartElement(Prefix(def), naam, def.Naamruimte);
            types.Push(def.Complex ?? throw new InvalidOperationException($"{naam} is geen samengesteld element."));
        }

        public void Eind()
        {
            xw.WriteEndElement();
            types.Pop();
        }

        public void Waarde(string naam, string? waarde)
        {
            if (waarde is null)
            {
                return;
            }

            var def = Def(naam);
            xw.WriteElementString(Prefix(def), naam, def.Naamruimte, waarde);
        }

        public void Waarde(string naam, DateOnly? waarde) => Waarde(naam, waarde is { } d ? Waarden.Schrijf(d) : null);

        public void Waarde(string naam, TimeOnly? waarde) => Waarde(naam, waarde is { } t ? Waarden.Schrijf(t) : null);

        public void Waarde(string naam, long? waarde) => Waarde(naam, waarde is { } g ? Waarden.Schrijf(g) : null);

        /// <summary>A container element with its items; an empty optional list is left out, as the XSD requires at least one item.</summary>
        public void Lijst<T>(string naam, IReadOnlyList<T> items, Action<T> schrijf, bool verplicht = false)
        {
            if (items.Count == 0 && !verplicht)
            {
                return;
            }

            Begin(naam);
            foreach (var i in items)
            {
                schrijf(i);
            }

            Eind();
        }

        private Elementdef Def(string naam) => types.Peek().Element(naam)
            ?? throw new InvalidOperationException($"{naam} is geen element van {types.Peek().Naam} in {bericht.Soort}.");

        private static string Prefix(Elementdef def) => def.Naamruimte == Naamruimten.Basisschema ? "ijw" : "";
    }
}

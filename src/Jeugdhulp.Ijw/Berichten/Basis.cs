using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Berichten;

// The basisschema structures (CDT_*) every message shares. Values stay as the message has them:
// codes and identifiers as strings, dates as DateOnly, numbers as long, so that a message with a bad BSN
// or an impossible combination can still be read, reported and answered. Checks turn them into coded
// errors (Controles/).

/// <summary>CDT_BerichtIdentificatie.</summary>
public sealed record BerichtIdentificatie(string Identificatie, DateOnly Dagtekening);

/// <summary>CDT_XsdVersie.</summary>
public sealed record XsdVersie(string BasisschemaXsdVersie, string BerichtXsdVersie)
{
    /// <summary>The versions of the XSDs this implementation follows (BasisschemaXsdVersie and BerichtXsdVersie in the appinfo of the official iJw 3.2 XSDs).</summary>
    public static XsdVersie Huidig { get; } = new("0.1.0", "0.1.0");
}

/// <summary>CDT_Product: Categorie with an optional Code (aspecifiek when empty).</summary>
public sealed record Product(string Categorie, string? Code);

/// <summary>CDT_Omvang.</summary>
public sealed record Omvang(long Volume, string Eenheid, string Frequentie);

/// <summary>CDT_Verwijzer.</summary>
public sealed record Verwijzer(string Type, string? Naam, string? ZorgverlenerCode);

/// <summary>CDT_Geboortedatum.</summary>
public sealed record Geboortedatum(DateOnly Datum, string? DatumGebruik);

/// <summary>CDT_Achternaam (Geslachtsnaam, Partnernaam).</summary>
public sealed record Achternaam(string Naam, string? Voorvoegsel);

/// <summary>CDT_VerkorteNaam.</summary>
public sealed record VerkorteNaam(Achternaam Geslachtsnaam, string? Voornamen, string? Voorletters);

/// <summary>CDT_VolledigeNaam.</summary>
public sealed record VolledigeNaam(Achternaam Geslachtsnaam, Achternaam? Partnernaam, string? Voornamen, string? Voorletters, string NaamGebruik);

/// <summary>CDT_GeslotenPeriode: both dates required.</summary>
public sealed record GeslotenPeriode(DateOnly Begindatum, DateOnly Einddatum);

/// <summary>CDT_OpenPeriode: both dates optional.</summary>
public sealed record OpenPeriode(DateOnly? Begindatum, DateOnly? Einddatum);

/// <summary>CDT_BedragMetDC and CDT_TotaalBedragMetDC: eurocent with D (debet) or C (credit).</summary>
public sealed record BedragMetDc(long Bedrag, string DebetCredit)
{
    /// <summary>The signed amount: debet positive, credit negative.</summary>
    public long Saldo => DebetCredit == "C" ? -Bedrag : Bedrag;

    /// <summary>Debet for zero and positive amounts, credit for negative ones (CS325: zero is D).</summary>
    public static BedragMetDc VanSaldo(long saldo) => saldo < 0 ? new(-saldo, "C") : new(saldo, "D");
}

/// <summary>CDT_Referentie.</summary>
public sealed record ProductReferentie(string ReferentieNummer, string? VorigReferentieNummer);

/// <summary>CDT_Communicatie.</summary>
public sealed record Communicatie(string Vorm, string? Taal);

/// <summary>CDT_Huis.</summary>
public sealed record Huis(long Huisnummer, string? Huisletter, string? HuisnummerToevoeging, string? AanduidingWoonadres);

/// <summary>CDT_Adres.</summary>
public sealed record Adres(Huis? Huis, string? Postcode, string? Straatnaam, string? Plaatsnaam, string? LandCode);

/// <summary>CDT_Telefoon.</summary>
public sealed record Telefoon(string Telefoonnummer, string Landnummer);

/// <summary>CDT_Telefoonnummers.</summary>
public sealed record Telefoonnummers(Telefoon Telefoon01, Telefoon? Telefoon02);

/// <summary>
/// The header of all 14 messages. Retour messages (JW302 … JW320) add IdentificatieRetour,
/// DagtekeningRetour, XsltVersie, XsdVersieRetour and RetourCodes; the JW325 adds DeclaratieIdentificatie,
/// XsltVersie, XsdVersieDeclaratie and RetourCodes (required there).
/// </summary>
public sealed record Header(
    string BerichtCode,
    long BerichtVersie,
    long BerichtSubversie,
    string Afzender,
    string Ontvanger,
    BerichtIdentificatie BerichtIdentificatie,
    XsdVersie XsdVersie)
{
    public string? IdentificatieRetour { get; init; }

    public DateOnly? DagtekeningRetour { get; init; }

    public BerichtIdentificatie? DeclaratieIdentificatie { get; init; }

    public string? XsltVersie { get; init; }

    public XsdVersie? XsdVersieRetour { get; init; }

    public XsdVersie? XsdVersieDeclaratie { get; init; }

    public IReadOnlyList<string>? RetourCodes { get; init; }

    /// <summary>A heenbericht header for <paramref name="soort"/> with the fixed version 3.2.</summary>
    public static Header Voor(Berichtsoort soort, string afzender, string ontvanger, BerichtIdentificatie identificatie) =>
        new(soort.BerichtCode(), 3, 2, afzender, ontvanger, identificatie, XsdVersie.Huidig);
}

/// <summary>One of the 14 iJw 3.2 messages.</summary>
public abstract record IjwBericht(Berichtsoort Soort, Header Header);

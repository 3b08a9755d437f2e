using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Berichten;

// JW301 Toewijzing and its retour JW302: the JW302 repeats the JW301 and adds RetourCodes to every class.

/// <summary>JW301 (Client required) or JW302 (Client only when a class has a code).</summary>
public sealed record Toewijzingbericht(Berichtsoort Soort, Header Header, ToewijzingClient? Client) : IjwBericht(Soort, Header);

public sealed record ToewijzingClient(
    string Bsn,
    Geboortedatum Geboortedatum,
    string Geslacht,
    VolledigeNaam Naam,
    Communicatie? Communicatie,
    string? JuridischeStatus,
    string? WettelijkeVertegenwoordiging,
    string? Commentaar,
    IReadOnlyList<Relatie> Relaties,
    IReadOnlyList<Contact> Contactgegevens,
    IReadOnlyList<ToegewezenProduct> ToegewezenProducten,
    IReadOnlyList<string>? RetourCodes = null);

public sealed record Relatie(
    string Nummer,
    long? Volgorde,
    string Soort,
    Geboortedatum? Geboortedatum,
    string? Geslacht,
    VolledigeNaam Naam,
    Contact Contact,
    IReadOnlyList<string>? RetourCodes = null);

public sealed record Contact(
    string Soort,
    Adres? Adres,
    string? Organisatie,
    Telefoonnummers? Telefoon,
    string? Emailadres,
    OpenPeriode? Periode,
    IReadOnlyList<string>? RetourCodes = null);

public sealed record ToegewezenProduct(
    long ToewijzingNummer,
    string? ReferentieAanbieder,
    Product? Product,
    DateOnly Toewijzingsdatum,
    TimeOnly Toewijzingstijd,
    DateOnly Ingangsdatum,
    DateOnly? Einddatum,
    string? RedenWijziging,
    Omvang? Omvang,
    long? Budget,
    string? Commentaar,
    IReadOnlyList<string>? RetourCodes = null);

using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Conversie;

/// <summary>
/// A running allocation exported from the previous system, as the conversion reads it
/// (<c>demo/lopende-toewijzingen.csv</c>, documented in docs/CONVERSIE.md). It carries the client's name and
/// birth date because the new JW301 must (the XSD requires them) and the previous system is their source.
/// </summary>
/// <param name="Regel">Line in the import file, for messages.</param>
/// <param name="Gemeente">The municipality that allocated it.</param>
/// <param name="Nummer">The old ToewijzingNummer (unique per municipality, TR332).</param>
/// <param name="Client">The client.</param>
/// <param name="Geboortedatum">Birth date.</param>
/// <param name="Geslacht">iJw LDT_Geslacht: 0 onbekend, 1 man, 2 vrouw.</param>
/// <param name="Achternaam">Geslachtsnaam.</param>
/// <param name="Voorvoegsel">Voorvoegsel, when any.</param>
/// <param name="Voorletters">Voorletters, when any.</param>
/// <param name="Aanbieder">The provider.</param>
/// <param name="Product">The old local product code.</param>
/// <param name="Periode">Start and (optional) end of the old allocation.</param>
/// <param name="Omvang">Volume in the old unit and frequency.</param>
public sealed record LopendeToewijzing(
    int Regel,
    Gemeentecode Gemeente,
    long Nummer,
    Bsn Client,
    DateOnly Geboortedatum,
    string Geslacht,
    string Achternaam,
    string? Voorvoegsel,
    string? Voorletters,
    AgbCode Aanbieder,
    ProductCode Product,
    Periode Periode,
    Omvang Omvang);

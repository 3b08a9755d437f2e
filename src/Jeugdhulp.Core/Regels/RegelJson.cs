using System.Diagnostics.CodeAnalysis;

namespace Jeugdhulp.Core.Regels;

// The JSON shape of the rule files (documented field by field in rules/README.md). These classes only
// carry what the file says; RegelLader checks it and builds the model records. `required` makes a missing
// field an error; every optional field is nullable so "absent" is never confused with a default value.

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class RegioJson
{
    public required string Regio { get; init; }

    public required string Versie { get; init; }

    public required StapelingUitkomst StandaardStapeling { get; init; }

    public string? ContactEmail { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class GemeenteJson
{
    public required string Code { get; init; }

    public required string Naam { get; init; }

    public required string EmailToewijzingen { get; init; }

    public required string EmailDeclaraties { get; init; }

    public required DateOnly GeldigVanaf { get; init; }

    public DateOnly? GeldigTot { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class PerceelJson
{
    public required string Code { get; init; }

    public required string Naam { get; init; }

    public required string Contract { get; init; }

    public required List<DeelnameJson> Deelnames { get; init; }

    public required bool Jw315AltijdBeoordelen { get; init; }

    public string? DiagnostiekEerst { get; init; }

    public required bool Jw317Toegestaan { get; init; }

    public string? DoorlooptijdTermijn { get; init; }

    public required DateOnly GeldigVanaf { get; init; }

    public DateOnly? GeldigTot { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class DeelnameJson
{
    public required string Gemeente { get; init; }

    public required DateOnly GeldigVanaf { get; init; }

    public DateOnly? GeldigTot { get; init; }

    public List<string>? Producten { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class ProductJson
{
    public required string Code { get; init; }

    public required string Naam { get; init; }

    public required string Categorie { get; init; }

    public required string Perceel { get; init; }

    public required string Eenheid { get; init; }

    public required string Frequentie { get; init; }

    public required ProductSoort Soort { get; init; }

    public required List<RichtlijnJson> Richtlijn { get; init; }

    public int? StandaardDuurMaanden { get; init; }

    public int? MaxDuurMaanden { get; init; }

    public bool? MaxDuurHard { get; init; }

    public int? MaxGroepsgrootte { get; init; }

    public string? Begeleidingsratio { get; init; }

    public string? ExtraClientProduct { get; init; }

    public string? HoofdProduct { get; init; }

    public string? Groepsvariant { get; init; }

    public bool? ExtraToewijzingMetTarief { get; init; }

    public int? MaxDuurDagen { get; init; }

    public string? DuurRegel { get; init; }

    public required DateOnly GeldigVanaf { get; init; }

    public DateOnly? GeldigTot { get; init; }

    public string? Toelichting { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class RichtlijnJson
{
    public required string Naam { get; init; }

    public decimal? UrenPerWeek { get; init; }

    public int? MaxUren { get; init; }

    public int? DuurMaanden { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class LeeftijdJson
{
    public required string Perceel { get; init; }

    public required int MaxLeeftijd { get; init; }

    public required List<LeeftijdUitzondering> Uitzonderingen { get; init; }

    public required int SignaalMaanden { get; init; }

    public required DateOnly GeldigVanaf { get; init; }

    public DateOnly? GeldigTot { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class StapelingJson
{
    public required string A { get; init; }

    public required string B { get; init; }

    public required StapelingUitkomst Uitkomst { get; init; }

    public required string RegelId { get; init; }

    public required string Toelichting { get; init; }

    public required DateOnly GeldigVanaf { get; init; }

    public DateOnly? GeldigTot { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class TermijnJson
{
    public required string Id { get; init; }

    public required string Omschrijving { get; init; }

    public required Partij Partij { get; init; }

    public required int Aantal { get; init; }

    public required TermijnEenheid Eenheid { get; init; }

    public required bool Advies { get; init; }

    public required DateOnly GeldigVanaf { get; init; }

    public DateOnly? GeldigTot { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class BeleidJson
{
    public required TerugvalJson Terugval { get; init; }

    public required EinddatumVerschuivenJson EinddatumVerschuiven { get; init; }

    public required int IntakeNaVerwijzingMaanden { get; init; }

    public required int NoShowMaxPerKalenderjaar { get; init; }

    public required List<MedischeVerwijzerJson> MedischeVerwijzers { get; init; }

    public required DateOnly GeldigVanaf { get; init; }

    public DateOnly? GeldigTot { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class MedischeVerwijzerJson
{
    public required string Type { get; init; }

    public required string Omschrijving { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class TerugvalJson
{
    public required int VensterMaanden { get; init; }

    public required int Minuten { get; init; }

    public required int DuurMaanden { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class EinddatumVerschuivenJson
{
    public required int MaxKeren { get; init; }

    public required int MaxProcentVanPeriode { get; init; }

    public required int MaxMaanden { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class VrijeDagJson
{
    public required DateOnly Datum { get; init; }

    public required string Omschrijving { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class ConversietabelJson
{
    public required string Gemeente { get; init; }

    public required DateOnly Overgangsdatum { get; init; }

    public required int AfrondenBinnenMaanden { get; init; }

    public required List<ConversieregelJson> Mapping { get; init; }

    public required DateOnly GeldigVanaf { get; init; }

    public DateOnly? GeldigTot { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class VerblijfJson
{
    public required decimal MinEtmalenPerWeek { get; init; }

    public required List<VerblijfProductJson> Producten { get; init; }

    public required List<BuitenScopeJson> BuitenScope { get; init; }

    public required BegeleidWonenJson BegeleidWonen { get; init; }

    public required MeerzorgJson Meerzorg { get; init; }

    public required List<MoederKindTariefJson> MoederKindtoeslag { get; init; }

    public required DateOnly GeldigVanaf { get; init; }

    public DateOnly? GeldigTot { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class ConversieregelJson
{
    public required string OudeCode { get; init; }

    public required string OudeEenheid { get; init; }

    public required string OudeFrequentie { get; init; }

    public string? NieuweCode { get; init; }

    public required ConversieRoute Route { get; init; }

    public string? Toelichting { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class VerblijfProductJson
{
    public required string Code { get; init; }

    public required VerblijfSoort Soort { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class BuitenScopeJson
{
    public required string Naam { get; init; }

    public required string Reden { get; init; }

    public List<string>? Producten { get; init; }

    public List<string>? Percelen { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class BegeleidWonenJson
{
    public required int MaxLeeftijdJeugd { get; init; }

    public required int JongvolwassenVanaf { get; init; }

    public required int JongvolwassenTot { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class MeerzorgJson
{
    public required string Product { get; init; }

    public required List<ZzpJson> Zzp { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class ZzpJson
{
    public required string Naam { get; init; }

    public required decimal BegeleidingUren { get; init; }

    public required decimal BehandelingUren { get; init; }
}

[SuppressMessage("Performance", "CA1812", Justification = "Instantiated by System.Text.Json.")]
internal sealed class MoederKindTariefJson
{
    public required int Jaar { get; init; }

    public required decimal BedragPerEtmaal { get; init; }
}

using Jeugdhulp.Core.Regels;
using Jeugdhulp.Ijw.Berichten;
using Product = Jeugdhulp.Core.Regels.Product;

namespace Jeugdhulp.Demo;

/// <summary>
/// What a provider does wrong on purpose in a request, so the demo shows every kind of answer. The engine
/// decides; these labels only say what was sent (the summary counts both).
/// </summary>
internal enum Afwijking
{
    Geen,

    /// <summary>A provider without a contract for this product in this municipality (HK-315-5, reden 3).</summary>
    GeenContract,

    /// <summary>A product of a lot the municipality does not take part in (HK-PER-5, reden 4).</summary>
    NietInPerceel,

    /// <summary>A young adult above the age limit without an exception (HK-PRD-6, reden 9).</summary>
    Leeftijd,

    /// <summary>Sent to another municipality than the client's (HK-315-4, reden 8).</summary>
    Woonplaats,

    /// <summary>A client the register does not know yet (HK-315-4, review).</summary>
    OnbekendBsn,

    /// <summary>Diagnostiek for longer than its hard maximum (HK-PRD-2, reden 4).</summary>
    TeLang,

    /// <summary>More hours than the guideline (HK-PRD-3, review).</summary>
    TeVeelUren,

    /// <summary>The same product again while it runs (OP259, reden 6).</summary>
    Dubbel,
}

/// <summary>What the provider does after an approval of this request.</summary>
internal enum Vervolg
{
    Geen,

    /// <summary>After Diagnostiek: an individual treatment or guidance product.</summary>
    Individueel,

    /// <summary>After Diagnostiek: the family product on the youngest child, then the dummies for the siblings.</summary>
    Gezin,

    /// <summary>After the family product: the dummies for the siblings.</summary>
    Dummies,
}

/// <summary>One planned product request of a provider (one AangevraagdProduct of a JW315).</summary>
internal sealed record Aanvraag(
    string Referentie,
    Aanbieder Aanbieder,
    string Gemeente,
    Persoon Client,
    Huishouden Huishouden,
    Product Product,
    DateOnly Ingang,
    DateOnly? Eind,
    long Volume,
    Verwijzer Verwijzer,
    Afwijking Afwijking,
    Vervolg Vervolg);

/// <summary>An allocation as the provider knows it from the JW301s it received.</summary>
internal sealed class Allocatie(long nummer, string gemeente, Aanbieder aanbieder, Persoon client, Product? product, ToegewezenProduct regel)
{
    public long Nummer { get; } = nummer;

    public string Gemeente { get; } = gemeente;

    public Aanbieder Aanbieder { get; } = aanbieder;

    public Persoon Client { get; } = client;

    /// <summary>The catalogue product; null when the code is not in the catalogue (cannot happen for an allocation the engine made).</summary>
    public Product? Product { get; } = product;

    public string Categorie { get; } = regel.Product?.Categorie ?? "45";

    public string Productcode { get; } = regel.Product?.Code ?? "";

    public DateOnly Ingang { get; } = regel.Ingangsdatum;

    public DateOnly? Eind { get; set; } = regel.Einddatum;

    public long Volume { get; set; } = regel.Omvang?.Volume ?? 0;

    public string Eenheid { get; } = regel.Omvang?.Eenheid ?? "01";

    /// <summary>The Frequentie of the volume: 6 the total of the period, 2 per week (meerzorg hours).</summary>
    public string Frequentie { get; } = regel.Omvang?.Frequentie ?? "6";

    /// <summary>Counted in etmalen (24-hour care): no appointments, so no no-shows; declared per day of stay.</summary>
    public bool InEtmalen => Eenheid == "14";

    public bool Verwijderd { get; set; }

    /// <summary>The Verwijzer type of the request it came from (null when it came from a JW317).</summary>
    public string? Herkomst { get; set; }

    /// <summary>The day care actually began (known to the provider, reported or not).</summary>
    public DateOnly? Begin { get; set; }

    /// <summary>The JW305 was sent with this Begindatum.</summary>
    public bool StartGemeld { get; set; }

    /// <summary>The day care actually ended early or on plan (known to the provider).</summary>
    public DateOnly? Stop { get; set; }

    public long Gedeclareerd { get; set; }

    public bool IsDummy => Product?.Soort == ProductSoort.ExtraClient;

    /// <summary>The last day care is given: the stop, else the allocation's end.</summary>
    public DateOnly? LaatsteDag => Stop is { } s && (Eind is not { } e || s < e) ? s : Eind;
}

/// <summary>A message a provider sends today, with what the simulation needs to read its answer.</summary>
internal sealed record Uitgaand(string Soort, string Afzender, string Identificatie, IjwBericht Bericht);

using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Conversie;

/// <summary>What a staff member did with a conversion work item that waited for a person.</summary>
public enum Afhandeling
{
    /// <summary>A regional allocation was issued (after the light check or the new assessment).</summary>
    Toegewezen,

    /// <summary>The light check showed a full new assessment is needed; it is started outside the conversion.</summary>
    Herindicatie,

    /// <summary>The care ends at the transition; nothing is converted.</summary>
    Beeindigd,

    /// <summary>HK-CONV-3: the provider finishes the running care within the period.</summary>
    Afronden,

    /// <summary>HK-CONV-3: the client moves to a contracted provider.</summary>
    Overstap,

    /// <summary>HK-CONV-3: the provider works as a subcontractor of a contracted provider.</summary>
    Onderaanneming,

    /// <summary>HK-CONV-3: the care is finished under a maatwerkovereenkomst.</summary>
    Maatwerkovereenkomst,
}

/// <summary>A checked closing of a conversion work item: the choice and the staff member's note.</summary>
/// <param name="Keuze">What was done.</param>
/// <param name="Toelichting">Why, in the staff member's words (required: the item leaves the queue on it).</param>
public sealed record Conversieafhandeling(Afhandeling Keuze, string Toelichting);

/// <summary>
/// Closing a conversion work item (HK-CONV-2 lichte toets / herindicatie, HK-CONV-3 provider without a regional
/// contract). The choices depend on why the item waits: a HK-CONV-3 item closes with one of the seed's four
/// options; a light check may end in an allocation, a full new assessment or the end of care; a new
/// assessment in an allocation or the end of care. A note is required, so the queue never loses the why.
/// </summary>
public static class ConversiewerkAfhandelen
{
    /// <summary>The longest note kept.</summary>
    public const int MaxToelichting = 2000;

    /// <summary>The work kinds as stored with the run (conversie_uitgevoerd.werk).</summary>
    public const string LichteToets = "lichteToets";

    /// <inheritdoc cref="LichteToets"/>
    public const string Herindicatie = "herindicatie";

    /// <inheritdoc cref="LichteToets"/>
    public const string ZonderContract = "HK-CONV-3";

    /// <summary>The choices that close a work item of kind <paramref name="werk"/>, in the order a page offers them.</summary>
    public static IReadOnlyList<Afhandeling> Keuzes(string werk) => werk switch
    {
        ZonderContract => [Afhandeling.Afronden, Afhandeling.Overstap, Afhandeling.Onderaanneming, Afhandeling.Maatwerkovereenkomst],
        LichteToets => [Afhandeling.Toegewezen, Afhandeling.Herindicatie, Afhandeling.Beeindigd],
        _ => [Afhandeling.Toegewezen, Afhandeling.Beeindigd],
    };

    /// <summary>
    /// Checks a closing of an item of kind <paramref name="werk"/>: <paramref name="keuze"/> is the choice's name
    /// (as <see cref="Afhandeling"/>, case-insensitive), <paramref name="toelichting"/> the note. Coded errors:
    /// <c>CONV-KEUZE</c> (missing or not allowed for this kind), <c>CONV-TOELICHTING</c> (empty or too long).
    /// </summary>
    public static Resultaat<Conversieafhandeling> Beoordeel(string werk, string? keuze, string? toelichting)
    {
        ArgumentNullException.ThrowIfNull(werk);
        var fouten = new List<Fout>();
        var toegestaan = Keuzes(werk);
        Afhandeling? gekozen = Enum.TryParse<Afhandeling>(keuze, ignoreCase: true, out var k) && Enum.IsDefined(k) && toegestaan.Contains(k) ? k : null;
        if (gekozen is null)
        {
            fouten.Add(new Fout("CONV-KEUZE", "Kies wat er met deze toewijzing is gebeurd.", "keuze"));
        }

        var tekst = toelichting?.Trim() ?? "";
        if (tekst.Length == 0)
        {
            fouten.Add(new Fout("CONV-TOELICHTING", "Schrijf een toelichting: waarom is dit werk klaar?", "toelichting"));
        }
        else if (tekst.Length > MaxToelichting)
        {
            fouten.Add(new Fout("CONV-TOELICHTING", $"De toelichting is te lang (hoogstens {MaxToelichting} tekens).", "toelichting"));
        }

        return fouten.Count > 0 ? Resultaat<Conversieafhandeling>.Mislukt(fouten) : Resultaat<Conversieafhandeling>.Ok(new(gekozen!.Value, tekst));
    }
}

using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Verblijf;

/// <summary>Who the perspectiefregisseur is (HK-24-9): voluntary care the lokale toegang, compulsory the GI.</summary>
public enum Regisseur
{
    /// <summary>Lokale toegang (voluntary).</summary>
    LokaleToegang,

    /// <summary>Gecertificeerde instelling (compulsory).</summary>
    Gi,
}

/// <summary>
/// A 24-hour placement as recorded by the partnership: what the messages do not carry (beschikking, dialogue,
/// perspectiefregisseur, crisis follow-up) beside the product and period.
/// </summary>
/// <param name="Gemeente">The municipality (CBS code).</param>
/// <param name="Referentie">The placement's reference (e.g. the ToewijzingNummer or the provider's reference).</param>
/// <param name="Client">The youth.</param>
/// <param name="Product">The 24-hour product.</param>
/// <param name="Route">How the placement started.</param>
/// <param name="Ingang">First day of the stay (day 1).</param>
/// <param name="Einde">Last day of the stay, when known.</param>
public sealed record Verblijfplaatsing(string Gemeente, string Referentie, Bsn Client, ProductCode Product, Plaatsingsroute Route, DateOnly Ingang, DateOnly? Einde)
{
    /// <summary>The day the beschikking was taken; null when none is recorded.</summary>
    public DateOnly? Beschikking { get; init; }

    /// <summary>The day of the dialogue between referrer and a 24-hour specialist (HK-24-3); null when none is recorded.</summary>
    public DateOnly? Dialoog { get; init; }

    /// <summary>The perspectiefregisseur recorded (HK-24-9); null when none.</summary>
    public Regisseur? Regisseur { get; init; }

    /// <summary>The day the regisseur was recorded.</summary>
    public DateOnly? RegisseurVastgelegd { get; init; }

    /// <summary>Crisis: the day the follow-up perspective was clear (HK-24-8); null while not.</summary>
    public DateOnly? Vervolgperspectief { get; init; }

    /// <summary>Crisis: the day a follow-up placement starts (HK-24-8); null while none.</summary>
    public DateOnly? Vervolgplaatsing { get; init; }

    /// <summary>Crisis via Veilig Thuis or compulsory: the day of the evaluation (HK-24-8); null while not held.</summary>
    public DateOnly? Evaluatie { get; init; }

    /// <summary>The day the youth was registered for care after 18 (HK-24-AANMELDING-18); null while not.</summary>
    public DateOnly? AangemeldNa18 { get; init; }

    /// <summary>True for the routes where the dialogue and the regisseur follow afterwards (HK-24-3, HK-24-9).</summary>
    public bool IsCrisis => Route != Plaatsingsroute.Regulier;
}

namespace Jeugdhulp.Core.Declaratie;

/// <summary>
/// One declared prestatie (JW323 Prestatie) as the checks see it. Amounts are integer eurocent; the
/// DebetCredit sign is kept apart (<see cref="IsCredit"/>) as in the message.
/// </summary>
/// <param name="Client">0-based position of its client in the declaration.</param>
/// <param name="Positie">0-based position within its client's prestaties.</param>
/// <param name="Bsn">The client's BSN as declared.</param>
/// <param name="ReferentieNummer">ProductReferentie/ReferentieNummer (unique per provider, TR314).</param>
/// <param name="VorigReferentieNummer">For a credit: the debet it reverses (TR323).</param>
/// <param name="ToewijzingNummer">The allocation it is declared on (TR338).</param>
/// <param name="Categorie">ProductCategorie.</param>
/// <param name="ProductCode">ProductCode.</param>
/// <param name="Begindatum">ProductPeriode begin.</param>
/// <param name="Einddatum">ProductPeriode end.</param>
/// <param name="Volume">GeleverdVolume.</param>
/// <param name="Eenheid">iJw unit code (01 minuut …, 83 euro's).</param>
/// <param name="Tarief">ProductTarief in eurocent per unit; null for unit 83.</param>
/// <param name="Bedrag">IngediendBedrag in eurocent, without sign.</param>
/// <param name="IsCredit">True for DebetCredit C.</param>
public sealed record Prestatieregel(
    int Client,
    int Positie,
    string Bsn,
    string ReferentieNummer,
    string? VorigReferentieNummer,
    long ToewijzingNummer,
    string Categorie,
    string ProductCode,
    DateOnly Begindatum,
    DateOnly Einddatum,
    long Volume,
    string Eenheid,
    long? Tarief,
    long Bedrag,
    bool IsCredit)
{
    /// <summary>iJw unit code "Euro's": the volume is the amount, no tariff (CS339, CD087).</summary>
    public const string EenheidEuro = "83";

    /// <summary>The amount with its sign: debet positive, credit negative.</summary>
    public long Saldo => IsCredit ? -Bedrag : Bedrag;

    /// <summary>The volume with its sign: a credit takes its volume back.</summary>
    public long SaldoVolume => IsCredit ? -Volume : Volume;
}

/// <summary>A JW323 as the checks see it: the Declaratie class and its prestaties in message order.</summary>
/// <param name="Gemeente">CBS code of the receiving municipality.</param>
/// <param name="Aanbieder">AGB code of the declaring provider.</param>
/// <param name="DeclaratieNummer">DeclaratieNummer (unique per provider, TR333).</param>
/// <param name="PeriodeBegin">DeclaratiePeriode begin.</param>
/// <param name="PeriodeEind">DeclaratiePeriode end.</param>
/// <param name="Dagtekening">DeclaratieDagtekening.</param>
/// <param name="Prestaties">Every prestatie of every client, in message order.</param>
public sealed record Declaratieinvoer(
    string Gemeente,
    string Aanbieder,
    string DeclaratieNummer,
    DateOnly PeriodeBegin,
    DateOnly PeriodeEind,
    DateOnly Dagtekening,
    IReadOnlyList<Prestatieregel> Prestaties);

/// <summary>
/// A prestatie the municipality received before, in an assessed declaration of the same provider.
/// Rejected ones count only for the uniqueness of their ReferentieNummer (TR314); approved ones also for
/// the running sums (TR322, TR369), the one-debet rule (TR389) and credits (TR323, TR390).
/// </summary>
/// <param name="ReferentieNummer">Its ReferentieNummer.</param>
/// <param name="VorigReferentieNummer">For a credit: the debet it reversed.</param>
/// <param name="ToewijzingNummer">The allocation.</param>
/// <param name="Categorie">ProductCategorie.</param>
/// <param name="ProductCode">ProductCode.</param>
/// <param name="Begindatum">ProductPeriode begin.</param>
/// <param name="Einddatum">ProductPeriode end.</param>
/// <param name="Volume">GeleverdVolume.</param>
/// <param name="Bedrag">IngediendBedrag in eurocent, without sign.</param>
/// <param name="IsCredit">True for a credit.</param>
/// <param name="Goedgekeurd">True when it was approved.</param>
public sealed record GeboektePrestatie(
    string ReferentieNummer,
    string? VorigReferentieNummer,
    long ToewijzingNummer,
    string Categorie,
    string ProductCode,
    DateOnly Begindatum,
    DateOnly Einddatum,
    long Volume,
    long Bedrag,
    bool IsCredit,
    bool Goedgekeurd)
{
    /// <summary>The same values as a declared prestatie (to compare a credit with its debet).</summary>
    internal bool KeertOm(Prestatieregel credit) =>
        ToewijzingNummer == credit.ToewijzingNummer && Categorie == credit.Categorie && ProductCode == credit.ProductCode &&
        Begindatum == credit.Begindatum && Einddatum == credit.Einddatum && Volume == credit.Volume && Bedrag == credit.Bedrag;
}

namespace Jeugdhulp.Store.Verwerking;

/// <summary>The file outcomes of <c>jeugdhulp process</c> (English words: they are part of the JSON output).</summary>
public static class Uitkomsten
{
    /// <summary>Failed the technical check (not XML, not iJw, XSD or level-2 failure) or unreadable.</summary>
    public const string Invalid = "invalid";

    /// <summary>Every decision approved.</summary>
    public const string Approved = "approved";

    /// <summary>Every decision rejected; also a start, stop or declaration with rejected parts, and a 9056.</summary>
    public const string Rejected = "rejected";

    /// <summary>Every decision waits for a human.</summary>
    public const string Review = "review";

    /// <summary>Decisions that do not agree.</summary>
    public const string Mixed = "mixed";

    /// <summary>A start, stop or declaration without rejected parts.</summary>
    public const string Accepted = "accepted";

    /// <summary>A bug while processing: the message is journalled, its state untouched, the reason reported.</summary>
    public const string Error = "error";

    /// <summary>The word of an engine outcome, as stored (verzoeken, bevindingen) and reported.</summary>
    public static string Van(Core.Toewijzing.Uitkomst u) => u switch
    {
        Core.Toewijzing.Uitkomst.Toegekend => Approved,
        Core.Toewijzing.Uitkomst.Afgewezen => Rejected,
        _ => Review,
    };
}

/// <summary>One decision as reported: a JW315 product request or a whole JW317.</summary>
/// <param name="Referentie">ReferentieAanbieder.</param>
/// <param name="Uitkomst">approved, rejected or review.</param>
/// <param name="Reden">RedenAfwijzingVerzoek when rejected.</param>
/// <param name="Regels">The rule ids applied.</param>
/// <param name="Toelichting">Dutch explanation.</param>
/// <param name="TerBeoordeling">
/// The rule ids whose findings asked for a person, from the findings themselves (empty when none, or when the
/// decision was read back from the store: <c>BevindingenLezen</c> has them there).
/// </param>
public sealed record Beslissing(string Referentie, string Uitkomst, int? Reden, IReadOnlyList<string> Regels, string Toelichting,
    IReadOnlyList<string>? TerBeoordeling = null)
{
    private readonly Func<string>? weergave;

    /// <summary>
    /// A decision just taken, its explanation rendered from the findings when first read: the pipeline reports every decision
    /// and stores none of their texts (migration 0037); a report that is only counted (the benches, a run whose report nobody
    /// prints) pays nothing for them, one that is shown (the CLI's report, the provider API's answer) renders each once.
    /// </summary>
    public Beslissing(string referentie, string uitkomst, int? reden, IReadOnlyList<string> regels, Func<string> toelichting,
        IReadOnlyList<string>? terBeoordeling)
        : this(referentie, uitkomst, reden, regels, (string)null!, terBeoordeling) => weergave = toelichting;

    /// <summary>Dutch explanation.</summary>
    public string Toelichting { get => field ??= weergave!(); init; } = Toelichting;

    /// <summary>Equal when every reported value is: the explanation as read, however it was made.</summary>
    public bool Equals(Beslissing? other) =>
        other is not null && Referentie == other.Referentie && Uitkomst == other.Uitkomst && Reden == other.Reden
        && ReferenceEquals(Regels, other.Regels) && Toelichting == other.Toelichting && ReferenceEquals(TerBeoordeling, other.TerBeoordeling);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Referentie, Uitkomst, Reden, Regels, Toelichting, TerBeoordeling);
}

/// <summary>What happened to one input file.</summary>
/// <param name="Bestand">The input path.</param>
/// <param name="Bericht">Its berichtcode (JW315 …), when it could be read.</param>
/// <param name="Identificatie">Its BerichtIdentificatie, when it could be read.</param>
/// <param name="Uitkomst">See <see cref="Uitkomsten"/>.</param>
/// <param name="Besluiten">The decisions (JW315/JW317).</param>
/// <param name="Outbox">Paths of the answer files.</param>
/// <param name="Meldingen">Why, in Dutch, when the outcome needs a reason (invalid, 9056, re-delivery, error, retour codes).</param>
/// <param name="JournaalId">
/// The journal row the message was accepted as (for an exact re-delivery: the earlier one); null when nothing was
/// accepted. The provider API hands it out as the message's id.
/// </param>
/// <param name="Herhaling">An exact re-delivery: nothing changed, the earlier outcome and answers are reported.</param>
/// <param name="Antwoorden">
/// The answers stored for this message (for a re-delivery the earlier ones) with their outbox ids, so the provider
/// API can hand out ids without reading them back; null when nothing was accepted.
/// </param>
/// <param name="Retourcodes">The retour codes given per product of a JW305/JW307, in order, as data (the demo counts them); null for other messages.</param>
public sealed record Bestandsverslag(
    string Bestand,
    string? Bericht,
    string? Identificatie,
    string Uitkomst,
    IReadOnlyList<Beslissing> Besluiten,
    IReadOnlyList<string> Outbox,
    IReadOnlyList<string> Meldingen,
    long? JournaalId = null,
    bool Herhaling = false,
    IReadOnlyList<OpgeslagenAntwoord>? Antwoorden = null,
    IReadOnlyList<string>? Retourcodes = null);

/// <summary>An answer stored in the outbox for a message.</summary>
/// <param name="Id">Its outbox id.</param>
/// <param name="Bestandsnaam">"ontvanger_SOORT_identificatie.xml".</param>
/// <param name="Inhoud">The XML.</param>
public sealed record OpgeslagenAntwoord(long Id, string Bestandsnaam, byte[] Inhoud);

/// <summary>An input: a file's bytes, or the reason it could not be read.</summary>
/// <param name="Bestand">The path as given.</param>
/// <param name="Inhoud">The bytes; null when unreadable.</param>
/// <param name="Leesfout">Why it could not be read.</param>
public sealed record Invoer(string Bestand, byte[]? Inhoud, string? Leesfout = null);

/// <summary>A clock standing still at the start of the processing date (UTC), so a run is repeatable.</summary>
public sealed class VasteKlok(DateOnly datum) : TimeProvider
{
    /// <summary>The processing date.</summary>
    public DateOnly Datum { get; } = datum;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Datum.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

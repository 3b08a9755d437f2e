namespace Jeugdhulp.Core.Waarden;

/// <summary>
/// A period of whole days, both ends inclusive; <see cref="Eind"/> null means open-ended. Rule data,
/// contracts and allocations all carry one.
/// </summary>
public readonly record struct Periode
{
    private Periode(DateOnly begin, DateOnly? eind)
    {
        Begin = begin;
        Eind = eind;
    }

    /// <summary>First day, inclusive.</summary>
    public DateOnly Begin { get; }

    /// <summary>Last day, inclusive; null when open-ended.</summary>
    public DateOnly? Eind { get; }

    /// <summary>Makes a period; the end may not lie before the begin (iJw CS003).</summary>
    public static Resultaat<Periode> Maak(DateOnly begin, DateOnly? eind) =>
        eind is { } e && e < begin
            ? Resultaat<Periode>.Mislukt("CS003", $"Einddatum {e:yyyy-MM-dd} ligt voor begindatum {begin:yyyy-MM-dd}.")
            : Resultaat<Periode>.Ok(new Periode(begin, eind));

    /// <summary>An open-ended period from <paramref name="begin"/>.</summary>
    public static Periode Vanaf(DateOnly begin) => new(begin, null);

    /// <summary>True when <paramref name="dag"/> lies inside the period.</summary>
    public bool Bevat(DateOnly dag) => dag >= Begin && (Eind is null || dag <= Eind);

    /// <summary>True when the two periods share at least one day.</summary>
    public bool Overlapt(Periode ander) =>
        (Eind is null || ander.Begin <= Eind) && (ander.Eind is null || Begin <= ander.Eind);

    /// <summary>Number of days, both ends counted; null when open-ended.</summary>
    public int? AantalDagen => Eind is { } e ? e.DayNumber - Begin.DayNumber + 1 : null;

    /// <inheritdoc />
    public override string ToString() => $"{Begin:yyyy-MM-dd}..{(Eind is { } e ? e.ToString("yyyy-MM-dd") : "")}";
}

namespace Jeugdhulp.Core.Waarden;

/// <summary>
/// The outcome of parsing or validating input: either a value or one or more coded errors. Bad input is
/// expected, so it is a result and never an exception; an exception means a bug.
/// </summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
public readonly struct Resultaat<T>
{
    private readonly T? waarde;

    private Resultaat(T? waarde, IReadOnlyList<Fout> fouten)
    {
        this.waarde = waarde;
        Fouten = fouten;
    }

    /// <summary>The errors; empty on success.</summary>
    public IReadOnlyList<Fout> Fouten { get; }

    /// <summary>True when there is a value and no error.</summary>
    public bool IsGeldig => Fouten is null || Fouten.Count == 0;

    /// <summary>The value. Reading it from a failed result is a bug and throws.</summary>
    public T Waarde => IsGeldig ? waarde! : throw new InvalidOperationException(
        "Resultaat heeft geen waarde: " + string.Join("; ", Fouten));

    /// <summary>A successful result.</summary>
    public static Resultaat<T> Ok(T waarde) => new(waarde, []);

    /// <summary>A failed result with one error.</summary>
    public static Resultaat<T> Mislukt(Fout fout) => new(default, [fout]);

    /// <summary>A failed result with at least one error.</summary>
    public static Resultaat<T> Mislukt(IReadOnlyList<Fout> fouten)
    {
        ArgumentNullException.ThrowIfNull(fouten);
        if (fouten.Count == 0)
        {
            throw new ArgumentException("Een mislukt resultaat heeft minstens één fout.", nameof(fouten));
        }

        return new(default, fouten);
    }

    /// <summary>A failed result with one error built from its parts.</summary>
    public static Resultaat<T> Mislukt(string code, string melding, string? plaats = null) =>
        Mislukt(new Fout(code, melding, plaats));

    /// <summary>Gets the value when the result is valid.</summary>
    public bool TryGet(out T value)
    {
        value = waarde!;
        return IsGeldig;
    }
}

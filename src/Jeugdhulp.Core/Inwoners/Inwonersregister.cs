using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Inwoners;

/// <summary>The in-memory register of residents: the default <see cref="IInwonersBron"/>.</summary>
public sealed class Inwonersregister : IInwonersBron
{
    private readonly Dictionary<string, Inwoner> perBsn;
    private readonly ILookup<string, Inwoner> perHuishouden;

    /// <summary>Builds the register; a later row for the same BSN replaces an earlier one.</summary>
    public Inwonersregister(IEnumerable<Inwoner> inwoners)
    {
        ArgumentNullException.ThrowIfNull(inwoners);
        perBsn = new Dictionary<string, Inwoner>(StringComparer.Ordinal);
        foreach (var inwoner in inwoners)
        {
            perBsn[inwoner.Bsn.Waarde] = inwoner;
        }

        perHuishouden = perBsn.Values.Where(i => i.Huishouden is not null).ToLookup(i => i.Huishouden!, StringComparer.Ordinal);
    }

    /// <summary>Number of residents.</summary>
    public int Aantal => perBsn.Count;

    /// <inheritdoc />
    public Inwoner? Zoek(Bsn bsn) => perBsn.GetValueOrDefault(bsn.Waarde);

    /// <inheritdoc />
    public IReadOnlyList<Inwoner> Huishouden(string huishouden) => [.. perHuishouden[huishouden]];
}

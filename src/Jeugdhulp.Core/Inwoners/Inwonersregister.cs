using System.Globalization;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Inwoners;

/// <summary>
/// The in-memory register of residents: the default <see cref="IInwonersBron"/>. The pipeline holds every resident of the
/// deployment in it for as long as it runs, so a resident is kept as one 16-byte row and two indexes (the BSN as a number, the municipality
/// as an index into a table of the few hundred codes, the date of birth as a day number, the household as an index) and
/// made into an <see cref="Inwoner"/> only when asked for. As objects (an <see cref="Inwoner"/> with its strings, a
/// dictionary entry and a household lookup) a million residents took ~290 MB of the pipeline's live heap, and the server
/// GC let the heap grow to four times the live size before a full collection (bench/RESULTS.md, session 21).
/// </summary>
public sealed class Inwonersregister : IInwonersBron
{
    /// <summary>The residents in the order they were first given (a later row for the same BSN replaced the values).</summary>
    private readonly Rij[] rijen;

    /// <summary>The BSNs sorted, and beside each the index of its row in <see cref="rijen"/>.</summary>
    private readonly int[] gesorteerd;

    private readonly int[] opBsn;

    private readonly Gemeentecode[] gemeenten;

    /// <summary>Per household (index) its id; <see cref="huishoudenIndex"/> the way back.</summary>
    private readonly string[] huishoudens;

    private readonly Dictionary<string, int> huishoudenIndex;

    /// <summary>
    /// Indexes into <see cref="rijen"/> grouped by household, in the residents' order; household h's members are
    /// <c>leden[ledenVanaf[h] .. ledenVanaf[h + 1]]</c>.
    /// </summary>
    private readonly int[] leden;

    private readonly int[] ledenVanaf;

    /// <summary>Builds the register; a later row for the same BSN replaces an earlier one.</summary>
    public Inwonersregister(IEnumerable<Inwoner> inwoners)
    {
        ArgumentNullException.ThrowIfNull(inwoners);
        var lijst = new List<Rij>();
        var positie = new Dictionary<int, int>();
        var gemeenteIndex = new Dictionary<string, short>(StringComparer.Ordinal);
        var gemeentelijst = new List<Gemeentecode>();
        var huishoudenlijst = new List<string>();
        huishoudenIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var inwoner in inwoners)
        {
            var bsn = Getal(inwoner.Bsn) ?? throw new ArgumentException("Een inwoner zonder geldig BSN kan niet in het register.", nameof(inwoners));
            var gemeente = (short)-1;
            if (inwoner.Gemeente.Waarde is { } code && !gemeenteIndex.TryGetValue(code, out gemeente))
            {
                gemeente = checked((short)gemeentelijst.Count);
                gemeenteIndex.Add(code, gemeente);
                gemeentelijst.Add(inwoner.Gemeente);
            }

            var huishouden = -1;
            if (inwoner.Huishouden is { } h && !huishoudenIndex.TryGetValue(h, out huishouden))
            {
                huishouden = huishoudenlijst.Count;
                huishoudenIndex.Add(h, huishouden);
                huishoudenlijst.Add(h);
            }

            var rij = new Rij(bsn, inwoner.Geboortedatum.DayNumber, huishouden, gemeente, inwoner.Jeugdreclassering);
            if (positie.TryGetValue(bsn, out var eerder))
            {
                lijst[eerder] = rij;
            }
            else
            {
                positie.Add(bsn, lijst.Count);
                lijst.Add(rij);
            }
        }

        rijen = [.. lijst];
        gemeenten = [.. gemeentelijst];
        huishoudens = [.. huishoudenlijst];
        gesorteerd = new int[rijen.Length];
        opBsn = new int[rijen.Length];
        for (var i = 0; i < rijen.Length; i++)
        {
            gesorteerd[i] = rijen[i].Bsn;
            opBsn[i] = i;
        }

        Array.Sort(gesorteerd, opBsn);

        // A counting sort by household keeps each household's members in the residents' order.
        ledenVanaf = new int[huishoudens.Length + 1];
        foreach (var rij in rijen)
        {
            if (rij.Huishouden >= 0)
            {
                ledenVanaf[rij.Huishouden + 1]++;
            }
        }

        for (var h = 0; h < huishoudens.Length; h++)
        {
            ledenVanaf[h + 1] += ledenVanaf[h];
        }

        leden = new int[ledenVanaf[^1]];
        var volgende = ledenVanaf[..^1];
        for (var i = 0; i < rijen.Length; i++)
        {
            if (rijen[i].Huishouden is var h and >= 0)
            {
                leden[volgende[h]++] = i;
            }
        }
    }

    /// <summary>Number of residents.</summary>
    public int Aantal => rijen.Length;

    /// <inheritdoc />
    public Inwoner? Zoek(Bsn bsn)
    {
        if (Getal(bsn) is not { } getal)
        {
            return null;
        }

        var i = Array.BinarySearch(gesorteerd, getal);
        return i < 0 ? null : Maak(rijen[opBsn[i]], bsn);
    }

    /// <inheritdoc />
    public IReadOnlyList<Inwoner> Huishouden(string huishouden)
    {
        if (huishouden is null || !huishoudenIndex.TryGetValue(huishouden, out var h))
        {
            return [];
        }

        var lijst = new Inwoner[ledenVanaf[h + 1] - ledenVanaf[h]];
        for (var i = 0; i < lijst.Length; i++)
        {
            var rij = rijen[leden[ledenVanaf[h] + i]];
            lijst[i] = Maak(rij, Bsn.Parse(rij.Bsn.ToString("D9", CultureInfo.InvariantCulture)).Waarde);
        }

        return lijst;
    }

    private Inwoner Maak(Rij rij, Bsn bsn) => new(bsn, rij.Gemeente < 0 ? default : gemeenten[rij.Gemeente],
        DateOnly.FromDayNumber(rij.Geboren), rij.Huishouden < 0 ? null : huishoudens[rij.Huishouden], rij.Jeugdreclassering);

    /// <summary>A BSN is nine digits, so it fits an <see cref="int"/> (at most 999,999,999); null for an empty one.</summary>
    private static int? Getal(Bsn bsn) =>
        bsn.Waarde is { Length: 9 } tekst && int.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var getal) ? getal : null;

    /// <summary>One resident: 16 bytes (the fields in this order leave one byte of padding).</summary>
    private readonly record struct Rij(int Bsn, int Geboren, int Huishouden, short Gemeente, bool Jeugdreclassering);
}

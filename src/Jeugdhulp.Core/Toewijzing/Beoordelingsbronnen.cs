using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Toewijzing;

/// <summary>
/// What every assessment reads besides the request and the client's state: the rule catalogue (each
/// decision takes the <see cref="Regelset"/> in force on its date), the contracts, the residents' register
/// and the clock. Nothing here does I/O: the caller loads the data.
/// </summary>
public sealed class Beoordelingsbronnen
{
    private const int MaxRegelsets = 4096;

    private readonly ILookup<(string Gemeente, string Aanbieder, string Product), Contract> contracten;
    private readonly ILookup<(string Gemeente, string Product), Contract> ingekocht;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DateOnly, Regelset> regelsets;
    private readonly Regelgebruik? getuige;

    /// <summary>Bundles the sources; the werkdagen calendar takes the catalogue's extra days off.</summary>
    public Beoordelingsbronnen(Regelcatalogus catalogus, IEnumerable<Contract> contracten, IInwonersBron inwoners, TimeProvider klok)
    {
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(contracten);
        Catalogus = catalogus;
        Inwoners = inwoners ?? throw new ArgumentNullException(nameof(inwoners));
        Klok = klok ?? throw new ArgumentNullException(nameof(klok));
        Kalender = new Werkdagenkalender(catalogus.ExtraVrijeDagen);
        var lijst = contracten as IReadOnlyCollection<Contract> ?? [.. contracten];
        this.contracten = lijst.ToLookup(c => (c.Gemeente.Waarde, c.Aanbieder.Waarde, c.Product.Waarde));
        ingekocht = lijst.ToLookup(c => (c.Gemeente.Waarde, c.Product.Waarde));
        regelsets = new();
    }

    // No field initialisers: a copy shares the original's lookups and rule sets, and the what-if makes one per decision.
    private Beoordelingsbronnen(Beoordelingsbronnen bron, TimeProvider klok, Regelgebruik? getuige = null, IInwonersBron? inwoners = null)
    {
        this.getuige = getuige;
        Catalogus = bron.Catalogus;
        Inwoners = inwoners ?? bron.Inwoners;
        Klok = klok ?? throw new ArgumentNullException(nameof(klok));
        Kalender = bron.Kalender;
        contracten = bron.contracten;
        ingekocht = bron.ingekocht;
        regelsets = bron.regelsets;
    }

    /// <summary>
    /// The same sources on another clock, sharing the lookups and the rule sets built so far: the what-if replay
    /// decides every day of a year and must not rebuild them per day.
    /// </summary>
    public Beoordelingsbronnen MetKlok(TimeProvider klok) => new(this, klok);

    /// <summary>
    /// The same sources (and clock), noting in <paramref name="getuige"/> whether a decision reads a rule item the draft
    /// changes: the what-if replay takes a decision under the draft only when it does.
    /// </summary>
    public Beoordelingsbronnen MetGetuige(Regelgebruik getuige) => new(this, Klok, getuige ?? throw new ArgumentNullException(nameof(getuige)));

    /// <summary>
    /// The same sources (clock, witness) with <paramref name="inwoners"/> as the residents: a caller that reads per decision
    /// only the residents it names (and their households), instead of the whole register, decides with these.
    /// </summary>
    public Beoordelingsbronnen MetInwoners(IInwonersBron inwoners) => new(this, Klok, getuige, inwoners ?? throw new ArgumentNullException(nameof(inwoners)));

    /// <summary>All rule versions.</summary>
    public Regelcatalogus Catalogus { get; }

    /// <summary>
    /// The rules in force on <paramref name="datum"/>, built once per date: the engine asks for every product
    /// request, and a <see cref="Regelset"/> is several dictionaries. Cached here rather than in the catalogue,
    /// a positional record whose equality must stay its data; the cache lives as long as these sources, so
    /// it never outlives a change of catalogue. Bounded: a run touches a few hundred start dates at most.
    /// </summary>
    public Regelset Regels(DateOnly datum)
    {
        if (!regelsets.TryGetValue(datum, out var regels))
        {
            if (regelsets.Count >= MaxRegelsets)
            {
                regelsets.Clear();
            }

            regels = regelsets.GetOrAdd(datum, Catalogus.OpDatum);
        }

        // With a witness: the set notes each item the decision looks up (only on a date where the draft differs).
        return getuige is null ? regels : getuige.Bekijk(regels);
    }

    /// <summary>The residents (woonplaatsbeginsel, age, household).</summary>
    public IInwonersBron Inwoners { get; }

    /// <summary>The clock giving Toewijzingsdatum and -tijd (IV013).</summary>
    public TimeProvider Klok { get; }

    /// <summary>Werkdagen per HK-WD-1 with the catalogue's extra days off.</summary>
    public Werkdagenkalender Kalender { get; }

    /// <summary>True when the provider holds a contract for the product in the municipality on that day.</summary>
    public bool HeeftContract(Gemeentecode gemeente, AgbCode aanbieder, ProductCode product, DateOnly dag) =>
        contracten[(gemeente.Waarde, aanbieder.Waarde, product.Waarde)].OpDag(dag) is not null;

    /// <summary>True when any provider holds a contract for the product in the municipality on that day.</summary>
    public bool IsIngekocht(Gemeentecode gemeente, ProductCode product, DateOnly dag) =>
        ingekocht[(gemeente.Waarde, product.Waarde)].OpDag(dag) is not null;

    /// <summary>The decision moment in local time, to the second.</summary>
    internal (DateOnly Datum, TimeOnly Tijd) Nu()
    {
        var nu = Klok.GetLocalNow().DateTime;
        return (DateOnly.FromDateTime(nu), new TimeOnly(nu.Hour, nu.Minute, nu.Second));
    }

    /// <summary>The day a deadline of <paramref name="termijn"/> counted from <paramref name="van"/> falls on.</summary>
    internal DateOnly Plus(DateOnly van, Termijn termijn) => termijn.Eenheid switch
    {
        TermijnEenheid.Werkdagen => Kalender.Plus(van, termijn.Aantal),
        TermijnEenheid.Dagen => van.AddDays(termijn.Aantal),
        TermijnEenheid.Weken => van.AddDays(7 * termijn.Aantal),
        TermijnEenheid.Maanden => van.AddMonths(termijn.Aantal),
        TermijnEenheid.Jaren => van.AddYears(termijn.Aantal),
        _ => throw new ArgumentOutOfRangeException(nameof(termijn)),
    };
}

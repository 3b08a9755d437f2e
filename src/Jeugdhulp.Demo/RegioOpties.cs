using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store;
using Jeugdhulp.Store.NoShow;

namespace Jeugdhulp.Demo;

/// <summary>What <see cref="Regiogenerator.Genereer"/> builds.</summary>
/// <param name="DataMap">The data folder: store (SQLite by default), outbox, generated CSV files and messages.</param>
/// <param name="Regels">The region's rules (the generator reads municipalities, lots and products from them).</param>
public sealed record RegioOpties(string DataMap, Regelcatalogus Regels)
{
    /// <summary>Default number of clients: small enough for a run of a few seconds.</summary>
    public const int StandaardClienten = 300;

    /// <summary>Default number of simulated months.</summary>
    public const int StandaardMaanden = 3;

    /// <summary>Default seed.</summary>
    public const int StandaardZaad = 1;

    /// <summary>
    /// How the README calls the command from the repository root, so every hint the program prints can be
    /// pasted as it is (no <c>jeugdhulp</c> on the PATH is needed).
    /// </summary>
    public const string CliAanroep = "dotnet run --project src/Jeugdhulp.Cli --";

    /// <summary>Youths for whom a provider starts a care trajectory (siblings in a family trajectory come on top).</summary>
    public int Clienten { get; init; } = StandaardClienten;

    /// <summary>Calendar months simulated from <see cref="Start"/>.</summary>
    public int Maanden { get; init; } = StandaardMaanden;

    /// <summary>Same seed, same region, same messages byte for byte, same summary.</summary>
    public int Zaad { get; init; } = StandaardZaad;

    /// <summary>First simulated day; the Flevoland rules and the generated contracts start on 2027-01-01.</summary>
    public DateOnly Start { get; init; } = new(2027, 1, 1);

    /// <summary>
    /// The sent messages and the answers kept only in the store (the journal and the outbox table, as
    /// <c>process --zonder-bestanden</c> keeps answers): no <c>berichten/</c> and <c>outbox/</c> folders, the providers
    /// reading their answers from the table as the provider API hands them out. For regions of national size: with
    /// the files a message took ~13 KB of disk (3,000 clients × 3 months: 107 MB for 7,990 messages, of which the
    /// database 22 MB), so a year of 10 million messages would not fit on this machine's disk.
    /// </summary>
    public bool ZonderBestanden { get; init; }

    /// <summary>
    /// False (the default): the store's commits during the run are not synced one by one, the region is made durable once
    /// at the end (<see cref="StoreOpties.DuurzaamPerCommit"/>): a run that stops halfway is started again in an empty
    /// folder anyway. True: every commit synced, as the backoffice does — the same region, slower (kept for the test
    /// that shows the two equal, and to measure against).
    /// </summary>
    public bool DuurzaamPerCommit { get; init; }

    /// <summary>PostgreSQL connection string, or null for SQLite in <see cref="DataMap"/> (as <c>--db</c>).</summary>
    public string? Verbinding { get; init; }

    /// <summary>
    /// Where no-show reports reach the municipality's register (HK-323-4, HK-NS-1..3): called on the simulated
    /// day of each report, with the store opened on that day, and answering as the store does (normally
    /// <see cref="NoShowVastleggen.RegistreerNoShow"/> on that store with <see cref="Regels"/> and the report day);
    /// the summary counts those answers. Null: the no-shows are only recorded in the result and in <c>noshows.csv</c>.
    /// </summary>
    public Func<Datastore, NoShow, Resultaat<NoShowRegistratie>>? NoShowGemeld { get; init; }

    /// <summary>Progress lines (one per phase, and per simulated week with the share done), or null.</summary>
    public TextWriter? Voortgang { get; init; }
}

/// <summary>
/// An unplanned absence (HK-323-4, HK-NS-1..3) of a client at an appointment with the provider. The n-th in
/// a calendar year for this product and client: 1 the provider discusses it with the resident; 2 reported to
/// the municipality; 3 reported and care paused, the municipality decides within 3 weeks.
/// </summary>
/// <param name="Datum">The day of the missed appointment.</param>
/// <param name="Gemeld">
/// The day the provider registers it in the municipality's no-show register (every no-show, so the count per year
/// holds; from the second it is also the report of HK-NS-2/3); null when that day falls after the simulation.
/// </param>
/// <param name="Aanbieder">AGB code of the provider.</param>
/// <param name="Gemeente">The municipality of the allocation.</param>
/// <param name="Bsn">The client's BSN (clear text: it goes to the store, never to a log).</param>
/// <param name="ToewijzingNummer">The allocation the appointment belonged to.</param>
/// <param name="Productcode">Its product code.</param>
/// <param name="Volgnummer">1, 2, 3 … within the calendar year for this client and product.</param>
public sealed record NoShow(DateOnly Datum, DateOnly? Gemeld, string Aanbieder, string Gemeente, string Bsn, long ToewijzingNummer, string Productcode, int Volgnummer)
{
    /// <summary>Reported to the municipality (HK-NS-2, from the second no-show).</summary>
    public bool AanGemeente => Volgnummer >= 2;

    /// <summary>The provider pauses direct care and the municipality decides (HK-NS-3, the third).</summary>
    public bool Pauze => Volgnummer >= 3;
}

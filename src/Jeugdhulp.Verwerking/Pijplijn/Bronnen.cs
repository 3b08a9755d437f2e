using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// The loader of what the engine reads in memory, in one place, so the pipeline, the pre-check and the staff's decisions
/// decide on the same sources: every contract, read once per run or call, and the residents a decision names, read
/// with it (<see cref="Voor"/>): the client, named family members and everyone in their households. Reading every
/// resident per call took seconds at a national register's size (a pre-check 1.1 → 7–8 s with a million residents,
/// bench/RESULTS.md, session 21), and holding them all in the pipeline hundreds of megabytes.
/// </summary>
internal static class Bronnen
{
    /// <summary>The stand-in for "no residents read yet": <see cref="Voor"/> reads the decision's own.</summary>
    private static readonly Inwonersregister Geen = new([]);

    /// <summary>
    /// The engine's sources on <paramref name="klok"/>'s date: the rules and every contract. The residents are read per
    /// decision: pass these through <see cref="Voor"/> before deciding.
    /// </summary>
    public static Beoordelingsbronnen Laad(Datastore store, Regelcatalogus catalogus, TimeProvider klok) =>
        new(catalogus, AlleContracten(store), Geen, klok);

    /// <summary>
    /// As <see cref="Laad"/> with every resident read now, for a caller that decides many times while it knows the register
    /// does not change (the demo generator); <see cref="Voor"/> then reads nothing.
    /// </summary>
    public static Beoordelingsbronnen LaadMetAlleInwoners(Datastore store, Regelcatalogus catalogus, TimeProvider klok) =>
        new(catalogus, AlleContracten(store), AlleInwoners(store), klok);

    /// <summary>
    /// <paramref name="bronnen"/> with the residents a decision about <paramref name="bsns"/> may look up: those residents and
    /// every member of their households, read in <paramref name="tx"/> in one command. Sources that hold every resident
    /// (<see cref="LaadMetAlleInwoners"/>, the what-if's snapshot) are returned as they are.
    /// </summary>
    public static Beoordelingsbronnen Voor(this Beoordelingsbronnen bronnen, StoreTransactie tx, IEnumerable<string?> bsns) =>
        ReferenceEquals(bronnen.Inwoners, Geen) ? bronnen.MetInwoners(Inwoners(tx, bsns)) : bronnen;

    /// <summary>The client's BSN of a JW315 or JW317 (the requests the engine decides with the residents), else null.</summary>
    public static string? Clientbsn(IjwBericht bericht) => bericht switch
    {
        VerzoekOmToewijzingBericht { Client: { } k } => k.Bsn,
        VerzoekOmWijzigingBericht { Client: { } k } => k.Bsn,
        _ => null,
    };

    /// <summary>The residents <paramref name="bsns"/> and the members of their households, by BSN.</summary>
    internal static Inwonersregister Inwoners(StoreTransactie tx, IEnumerable<string?> bsns)
    {
        var lijst = bsns.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (lijst.Count == 0)
        {
            return new([]);
        }

        // The household's members through inwoners_huishouden; UNION drops the named resident's second row.
        using var r = tx.Commando($"""
            SELECT i.bsn, i.gemeente, i.geboortedatum, i.huishouden, i.jeugdreclassering FROM inwoners i WHERE {tx.In("i.bsn", "bsns")}
            UNION
            SELECT h.bsn, h.gemeente, h.geboortedatum, h.huishouden, h.jeugdreclassering
            FROM inwoners c JOIN inwoners h ON h.huishouden = c.huishouden WHERE {tx.In("c.bsn", "bsns")}
            ORDER BY 1
            """).MetLijst(tx, "bsns", lijst).ExecuteReader();
        return new(Lees(r));
    }

    public static List<Contract> AlleContracten(Datastore store)
    {
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("SELECT gemeente, aanbieder, productcode, ingangsdatum, einddatum, tarief_cent FROM contracten").ExecuteReader();
        var lijst = new List<Contract>();
        while (r.Read())
        {
            lijst.Add(new Contract(Gemeentecode.Parse(r.GetString(0)).Waarde, AgbCode.Parse(r.GetString(1)).Waarde,
                ProductCode.Parse(r.GetString(2)).Waarde, Periode.Maak(r.GetFieldValue<DateOnly>(3), r.DatumOfNull(4)).Waarde, r.GetInt64(5)));
        }

        return lijst;
    }

    /// <summary>
    /// Every resident, streamed into the compact register: a list of them as objects first would hold the whole register
    /// twice over at start (~290 MB a million).
    /// </summary>
    public static Inwonersregister AlleInwoners(Datastore store) => new(Inwonerstroom(store));

    /// <summary>The residents as stored (the what-if copies them into its snapshot).</summary>
    public static List<Inwoner> Inwonerlijst(Datastore store) => [.. Inwonerstroom(store)];

    private static IEnumerable<Inwoner> Inwonerstroom(Datastore store)
    {
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("SELECT bsn, gemeente, geboortedatum, huishouden, jeugdreclassering FROM inwoners").ExecuteReader();
        foreach (var inwoner in Lees(r))
        {
            yield return inwoner;
        }
    }

    private static IEnumerable<Inwoner> Lees(System.Data.Common.DbDataReader r)
    {
        while (r.Read())
        {
            yield return new Inwoner(Bsn.Parse(r.GetString(0)).Waarde, Gemeentecode.Parse(r.GetString(1)).Waarde, r.GetFieldValue<DateOnly>(2),
                r.TekstOfNull(3), r.GetBoolean(4));
        }
    }
}

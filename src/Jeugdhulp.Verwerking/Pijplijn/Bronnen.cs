using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// The loader: every contract and resident, read once per run, for the engine (which reads them in memory).
/// One place, so the pipeline and the pre-check decide on the same sources.
/// </summary>
internal static class Bronnen
{
    /// <summary>The engine's sources on <paramref name="klok"/>'s date: the rules, every contract and every resident.</summary>
    public static Beoordelingsbronnen Laad(Datastore store, Regelcatalogus catalogus, TimeProvider klok) =>
        new(catalogus, AlleContracten(store), AlleInwoners(store), klok);

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

    public static Inwonersregister AlleInwoners(Datastore store)
    {
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("SELECT bsn, gemeente, geboortedatum, huishouden, jeugdreclassering FROM inwoners").ExecuteReader();
        var lijst = new List<Inwoner>();
        while (r.Read())
        {
            lijst.Add(new Inwoner(Bsn.Parse(r.GetString(0)).Waarde, Gemeentecode.Parse(r.GetString(1)).Waarde, r.GetFieldValue<DateOnly>(2),
                r.TekstOfNull(3), r.GetBoolean(4)));
        }

        return new Inwonersregister(lijst);
    }
}

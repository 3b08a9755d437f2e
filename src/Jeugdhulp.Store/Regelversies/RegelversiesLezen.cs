using System.Data.Common;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Regelversies;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Regelversies;

/// <summary>
/// Reads the rule versions drafted in the backoffice (<c>regelversies</c>), and builds the rule set in force from a
/// rule folder and the published ones (<see cref="Regellagen"/>). Rule data holds no client data: reads are not audited.
/// </summary>
public static class RegelversiesLezen
{
    internal const string Kolommen = "id, soort, sleutel, inhoud, geldig_vanaf, auteur, aangemaakt_op, toelichting, gepubliceerd_door, gepubliceerd_op";

    /// <summary>Every version, drafts and published, newest first.</summary>
    public static IReadOnlyList<Regelversie> LeesRegelversies(this Datastore store) => Lees(store, $"SELECT {Kolommen} FROM regelversies ORDER BY id DESC");

    /// <summary>The published versions in the order they are laid on the rule folder (by id).</summary>
    public static IReadOnlyList<Regelversie> GepubliceerdeRegelversies(this Datastore store) =>
        Lees(store, $"SELECT {Kolommen} FROM regelversies WHERE gepubliceerd_op IS NOT NULL ORDER BY id");

    /// <summary>Version <paramref name="id"/>, or null.</summary>
    public static Regelversie? LeesRegelversie(this Datastore store, long id) =>
        Lees(store, $"SELECT {Kolommen} FROM regelversies WHERE id = @id", c => c.Met("@id", id)).FirstOrDefault();

    /// <summary>
    /// The rule set in force: <paramref name="basis"/> (the files of the rule folder) with every published version laid
    /// on top. Errors name file, version and field, as the loader's do.
    /// </summary>
    public static Resultaat<Regelcatalogus> LaadGeldendeRegels(this Datastore store, IReadOnlyList<RegelBestand> basis) =>
        Regellagen.Laad(basis, store.GepubliceerdeRegelversies());

    /// <summary>As <see cref="LaadGeldendeRegels(Datastore, IReadOnlyList{RegelBestand})"/>, from the folder <paramref name="map"/>.</summary>
    public static Resultaat<Regelcatalogus> LaadGeldendeRegels(this Datastore store, string map)
    {
        var basis = RegelMap.Lees(map);
        return basis.TryGet(out var bestanden) ? store.LaadGeldendeRegels(bestanden) : Resultaat<Regelcatalogus>.Mislukt(basis.Fouten);
    }

    internal static IReadOnlyList<Regelversie> Lees(StoreTransactie tx, string sql, Func<DbCommand, DbCommand>? met = null)
    {
        using var r = (met ?? (c => c))(tx.Commando(sql)).ExecuteReader();
        return Rijen(r);
    }

    private static List<Regelversie> Lees(Datastore store, string sql, Func<DbCommand, DbCommand>? met = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = (met ?? (c => c))(sessie.Commando(sql)).ExecuteReader();
        return Rijen(r);
    }

    private static List<Regelversie> Rijen(DbDataReader r)
    {
        var lijst = new List<Regelversie>();
        while (r.Read())
        {
            lijst.Add(new Regelversie(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateOnly>(4), r.GetString(5),
                r.GetFieldValue<DateTimeOffset>(6))
            {
                Toelichting = r.TekstOfNull(7),
                GepubliceerdDoor = r.TekstOfNull(8),
                GepubliceerdOp = r.DatumTijdOfNull(9),
            });
        }

        return lijst;
    }
}

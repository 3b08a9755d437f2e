using System.Data.Common;
using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Conversie;

/// <summary>One conversion row that waits for a person (lichte toets, herindicatie, HK-CONV-3), or was closed by one.</summary>
/// <param name="Gemeente">Municipality.</param>
/// <param name="Nummer">Old allocation number.</param>
/// <param name="ClientGemaskeerd">The masked BSN.</param>
/// <param name="Aanbieder">Provider.</param>
/// <param name="Route">The route.</param>
/// <param name="NieuwNummer">The new allocation's number, when converted.</param>
/// <param name="Werk">What waits: lichteToets, herindicatie, HK-CONV-3; null when converted.</param>
/// <param name="Bevindingen">The findings as data (rule id, outcome, parameters); <see cref="Conversiebevinding.Tekst"/> is the Dutch.</param>
/// <param name="Uiterlijk">HK-CONV-3 deadline, when any.</param>
/// <param name="Afgehandeld">How staff closed it; null while open.</param>
public sealed record Conversiestap(
    string Gemeente, long Nummer, string ClientGemaskeerd, string Aanbieder, string Route, long? NieuwNummer, string? Werk,
    IReadOnlyList<Conversiebevinding> Bevindingen, DateOnly? Uiterlijk, Conversieafgehandeld? Afgehandeld = null);

/// <summary>How and by whom a conversion work item was closed.</summary>
/// <param name="Keuze">What was done.</param>
/// <param name="Toelichting">The staff member's note.</param>
/// <param name="Door">The staff member.</param>
/// <param name="Op">When (real time).</param>
public sealed record Conversieafgehandeld(Afhandeling Keuze, string Toelichting, string Door, DateTimeOffset Op);

/// <summary>The conversion's state: imported, done, and the work that waits.</summary>
/// <param name="Geimporteerd">Running allocations imported.</param>
/// <param name="Uitgevoerd">Allocations the run has handled (converted or handed to a person).</param>
/// <param name="Omgezet">Administrative conversions executed.</param>
/// <param name="Berichten">JW301s of the conversion.</param>
/// <param name="Open">What waits for a person, oldest deadline first.</param>
/// <param name="Afgehandeld">Work items staff have closed.</param>
public sealed record Conversiestand(int Geimporteerd, int Uitgevoerd, int Omgezet, int Berichten, IReadOnlyList<Conversiestap> Open, int Afgehandeld = 0);

/// <summary>Reads what the conversion needs and what it did.</summary>
public static class ConversieLezen
{
    /// <summary>The running allocations imported (of <paramref name="gemeente"/> only, when given), in (gemeente, nummer) order.</summary>
    public static IReadOnlyList<LopendeToewijzing> LopendeToewijzingen(this Datastore store, Gemeentecode? gemeente = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        var lees = sessie.Commando($"""
            SELECT regel, gemeente, nummer, client_bsn, geboortedatum, geslacht, achternaam, voorvoegsel, voorletters, aanbieder,
                productcode, ingangsdatum, einddatum, volume, eenheid, frequentie
            FROM conversie_lopend {(gemeente is null ? "" : "WHERE gemeente = @gemeente")} ORDER BY gemeente, nummer
            """);
        using var r = (gemeente is { } g ? lees.Met("@gemeente", g.Waarde) : lees).ExecuteReader();
        var lijst = new List<LopendeToewijzing>();
        while (r.Read())
        {
            lijst.Add(new LopendeToewijzing(checked((int)r.GetInt64(0)), Gemeentecode.Parse(r.GetString(1)).Waarde, r.GetInt64(2),
                Bsn.Parse(r.GetString(3)).Waarde, r.GetFieldValue<DateOnly>(4), r.GetString(5), r.GetString(6), r.TekstOfNull(7),
                r.TekstOfNull(8), AgbCode.Parse(r.GetString(9)).Waarde, ProductCode.Parse(r.GetString(10)).Waarde,
                Periode.Maak(r.GetFieldValue<DateOnly>(11), r.DatumOfNull(12)).Waarde,
                new Omvang(checked((int)r.GetInt64(13)), r.GetString(14), r.GetString(15))));
        }

        return lijst;
    }

    /// <summary>Providers with any contract (old or regional): the ones an import may name.</summary>
    public static IReadOnlySet<string> BekendeAanbieders(this Datastore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("SELECT DISTINCT aanbieder FROM contracten").ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read())
        {
            set.Add(r.GetString(0));
        }

        return set;
    }

    /// <summary>
    /// Every contract as a lookup for <see cref="ConversieBepalen.HeeftContract"/>: read once, so planning
    /// 13,000 allocations asks the database nothing more.
    /// </summary>
    public static ConversieBepalen.HeeftContract Contractcontrole(this Datastore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando("SELECT gemeente, aanbieder, productcode, ingangsdatum, einddatum FROM contracten").ExecuteReader();
        var perSleutel = new Dictionary<(string, string, string), List<Periode>>();
        while (r.Read())
        {
            var sleutel = (r.GetString(0), r.GetString(1), r.GetString(2));
            if (!perSleutel.TryGetValue(sleutel, out var lijst))
            {
                perSleutel[sleutel] = lijst = [];
            }

            lijst.Add(Periode.Maak(r.GetFieldValue<DateOnly>(3), r.DatumOfNull(4)).Waarde);
        }

        return (gemeente, aanbieder, product, datum) =>
            perSleutel.TryGetValue((gemeente.Waarde, aanbieder.Waarde, product.Waarde), out var perioden) && perioden.Any(p => p.Bevat(datum));
    }

    /// <summary>
    /// The state of the conversion; the open work of <paramref name="gemeente"/> only, or of all when null. Without
    /// <paramref name="metOpen"/> only the counts (a page reads the open work a page at a time, <see cref="ConversiewerkLezen"/>).
    /// </summary>
    public static Conversiestand Conversiestand(this Datastore store, Gemeentecode? gemeente = null, bool metOpen = true)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        var filter = gemeente is null ? "1 = 1" : "gemeente = @gemeente";
        long Tel(string sql)
        {
            var cmd = sessie.Commando(sql);
            return (gemeente is { } g ? cmd.Met("@gemeente", g.Waarde) : cmd).LeesLongOfNull() ?? 0;
        }

        var open = new List<Conversiestap>();
        var lees = sessie.Commando($"""
            SELECT {StapKolommen}
            FROM conversie_uitgevoerd WHERE status = 'open' AND {filter}
            ORDER BY uiterlijk IS NULL, uiterlijk, gemeente, nummer
            """);
        if (gemeente is { } g)
        {
            lees.Met("@gemeente", g.Waarde);
        }

        if (metOpen)
        {
            using var r = lees.ExecuteReader();
            while (r.Read())
            {
                open.Add(Stap(r));
            }
        }

        return new Conversiestand(
            (int)Tel($"SELECT COUNT(*) FROM conversie_lopend WHERE {filter}"),
            (int)Tel($"SELECT COUNT(*) FROM conversie_uitgevoerd WHERE {filter}"),
            (int)Tel($"SELECT COUNT(*) FROM conversie_uitgevoerd WHERE werk IS NULL AND {filter}"),
            (int)Tel($"SELECT COUNT(*) FROM conversie_berichten WHERE {filter}"),
            open,
            (int)Tel($"SELECT COUNT(*) FROM conversie_uitgevoerd WHERE status = 'afgehandeld' AND {filter}"));
    }

    /// <summary>The columns <see cref="Stap"/> reads, in its order.</summary>
    internal const string StapKolommen = "gemeente, nummer, client_bsn, aanbieder, route, nieuw_nummer, werk, bevindingen, uiterlijk, afhandeling, toelichting, afgehandeld_door, afgehandeld_op";

    internal static Conversiestap Stap(DbDataReader r) => new(
        r.GetString(0), r.GetInt64(1), Bsn.Parse(r.GetString(2)).Waarde.Gemaskeerd, r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetInt64(5), r.TekstOfNull(6), Conversiebevindingen.Lees(r.GetString(7)), r.DatumOfNull(8),
        r.TekstOfNull(9) is { } keuze ? new Conversieafgehandeld(Enum.Parse<Afhandeling>(keuze), r.GetString(10), r.GetString(11), r.GetFieldValue<DateTimeOffset>(12)) : null);
}

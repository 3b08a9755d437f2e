using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>A reported no-show (HK-NS-2, HK-NS-3) as the dossier shows it.</summary>
/// <param name="Aanbieder">The reporting provider.</param>
/// <param name="ToewijzingNummer">The allocation.</param>
/// <param name="Datum">The day of the no-show.</param>
/// <param name="Volgnummer">1st, 2nd, 3rd in the calendar year (per client and product).</param>
/// <param name="Regelversie">The rule-set version the report was judged on; null for reports from before migration 0032.</param>
public sealed record NoShow(string Aanbieder, long ToewijzingNummer, DateOnly Datum, int Volgnummer, string? Regelversie = null);

/// <summary>The no-shows in a client's dossier: the registrations of <see cref="Store.NoShow.NoShowsLezen"/>, cancelled ones left out.</summary>
public static class DossierNoShowsLezen
{
    /// <summary>The active no-shows of <paramref name="client"/> in <paramref name="gemeente"/>, by date.</summary>
    public static IReadOnlyList<NoShow> LeesNoShows(this StoreTransactie tx, Gemeentecode gemeente, Bsn client)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return [.. Store.NoShow.NoShowsLezen.Genummerd(tx, gemeente, client)
            .Where(n => n.Volgnummer is not null)
            .OrderBy(n => n.Datum)
            .Select(n => new NoShow(n.Aanbieder, n.ToewijzingNummer, n.Datum, n.Volgnummer!.Value, n.Regelversie))];
    }
}

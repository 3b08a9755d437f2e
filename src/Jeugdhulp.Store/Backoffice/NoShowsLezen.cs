using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>A reported no-show (HK-NS-2, HK-NS-3).</summary>
/// <param name="Aanbieder">The reporting provider.</param>
/// <param name="ToewijzingNummer">The allocation.</param>
/// <param name="Datum">The day of the no-show.</param>
/// <param name="Volgnummer">1st, 2nd, 3rd … in the calendar year.</param>
public sealed record NoShow(string Aanbieder, long ToewijzingNummer, DateOnly Datum, int Volgnummer);

/// <summary>
/// No-shows of a client. This version of the store has no no-show registration yet (no table, and JW323
/// lines carry no no-show marker), so there is nothing to read and the dossier says so. This is the one
/// place the web app reads no-shows from: when the no-show registration lands, point this file at its table.
/// </summary>
public static class NoShowsLezen
{
    /// <summary>False while the store cannot record no-shows; the web app then shows that instead of an empty list.</summary>
    public static bool IsBeschikbaar => false;

    /// <summary>The no-shows of <paramref name="client"/> in <paramref name="gemeente"/>: none while <see cref="IsBeschikbaar"/> is false.</summary>
    public static IReadOnlyList<NoShow> LeesNoShows(this StoreTransactie tx, Gemeentecode gemeente, Bsn client)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return [];
    }
}

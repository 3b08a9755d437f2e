using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Toewijzingnummers;

/// <summary>A run of consecutive ToewijzingNummers, both ends inclusive.</summary>
public readonly record struct NummerReeks(long Eerste, long Laatste)
{
    /// <summary>How many numbers.</summary>
    public long Aantal => Laatste - Eerste + 1;

    /// <summary>The numbers in order.</summary>
    public IEnumerable<long> Nummers()
    {
        for (var n = Eerste; n <= Laatste; n++)
        {
            yield return n;
        }
    }
}

/// <summary>
/// TR332: a ToewijzingNummer is unique per gemeente. Numbers come from one counter per gemeente, moved on
/// by a single upsert inside the caller's transaction: the row lock (PostgreSQL) or the write lock
/// (SQLite) makes concurrent reservations wait, and a rolled-back transaction gives its numbers back.
/// </summary>
public static class NummersReserveren
{
    /// <summary>LDT_Nummer allows 0..999999999.</summary>
    public const long Hoogste = 999_999_999;

    private const string Reserveer = """
        INSERT INTO toewijzingnummers (gemeente, laatste) VALUES (@gemeente, @aantal)
        ON CONFLICT (gemeente) DO UPDATE SET laatste = toewijzingnummers.laatste + excluded.laatste
        WHERE toewijzingnummers.laatste + excluded.laatste <= @hoogste
        RETURNING laatste
        """;

    /// <summary>Reserves the next <paramref name="aantal"/> numbers of <paramref name="gemeente"/> (the first is 1).</summary>
    public static Resultaat<NummerReeks> ReserveerToewijzingnummers(this StoreTransactie tx, Gemeentecode gemeente, int aantal)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentOutOfRangeException.ThrowIfLessThan(aantal, 1);
        ArgumentNullException.ThrowIfNull(gemeente.Waarde, nameof(gemeente));

        long? laatste;
        if (tx.VastgehoudenTeller(gemeente.Waarde, out var vast, out var bestaat))
        {
            // The counter held by this transaction (the pipeline's fast pass on PostgreSQL): handed out in memory, no round
            // trip; the counter's new value is a deferred write, so every later read in the transaction sees it.
            laatste = vast + aantal > Hoogste ? null : vast + aantal;
            if (laatste is { } nieuw)
            {
                tx.HoudTellerVast(gemeente.Waarde, nieuw);
                tx.Uitgesteld(bestaat
                        ? "UPDATE toewijzingnummers SET laatste = @laatste WHERE gemeente = @gemeente"
                        : "INSERT INTO toewijzingnummers (gemeente, laatste) VALUES (@gemeente, @laatste)")
                    .Met("@laatste", nieuw).Met("@gemeente", gemeente.Waarde).Later(tx);
            }
        }
        else
        {
            // The writes still queued (the message's request lines, findings, journal content) go with it: one round trip on PostgreSQL.
            laatste = aantal > Hoogste ? null : tx.Uitgesteld(Reserveer)
                .Met("@gemeente", gemeente.Waarde)
                .Met("@aantal", (long)aantal)
                .Met("@hoogste", Hoogste)
                .LeesLongOfNull(tx);
        }

        return laatste is { } l
            ? Resultaat<NummerReeks>.Ok(new NummerReeks(l - aantal + 1, l))
            : Resultaat<NummerReeks>.Mislukt("TR332",
                $"Gemeente {gemeente.Waarde} heeft geen {aantal} vrije ToewijzingNummers meer (hoogste is {Hoogste}).");
    }
}

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// Spreads a volume over calendar months, for the allocated-versus-declared chart. An allocation's Omvang
/// is per day (1), per week (2), per month (4) or a total over its period (6); a declared line is a total
/// over its ProductPeriode. Days are counted inclusively.
/// </summary>
public static class Minutenverdeling
{
    /// <summary>
    /// Minutes per unit for the units that measure time (01 minute, 04 hour); null for others. The same
    /// conversion the declaration check uses (HK-301-7), so the chart shows what is paid.
    /// </summary>
    public static int? MinutenPer(string eenheid) => Core.Toewijzing.Omvang.MinutenPer(eenheid);

    /// <summary>
    /// An allocation's minutes per month of <paramref name="jaar"/>: an Omvang in hours counts 60 minutes an
    /// hour (HK-301-7); a unit that is not time gives nothing; a total without an end date gives null.
    /// </summary>
    public static double[]? Toegewezen(Core.Toewijzing.Omvang omvang, DateOnly begin, DateOnly? eind, int jaar)
    {
        ArgumentNullException.ThrowIfNull(omvang);
        return Toegewezen(omvang.Volume, omvang.Eenheid, omvang.Frequentie, begin, eind, jaar);
    }

    /// <inheritdoc cref="Toegewezen(Core.Toewijzing.Omvang, DateOnly, DateOnly?, int)"/>
    /// <remarks>The volume may be the sum of several allocations with the same unit, frequency and period.</remarks>
    public static double[]? Toegewezen(long volume, string eenheid, string frequentie, DateOnly begin, DateOnly? eind, int jaar) =>
        MinutenPer(eenheid) is { } factor ? PerMaand(volume * factor, frequentie, begin, eind, jaar) : new double[12];

    /// <summary>
    /// A declared line's minutes per month of <paramref name="jaar"/>, negative for a credit (it takes its
    /// minutes back); a unit that is not time gives nothing.
    /// </summary>
    public static double[] Gedeclareerd(long volume, string eenheid, bool credit, DateOnly begin, DateOnly eind, int jaar) =>
        MinutenPer(eenheid) is { } factor ? PerMaand((credit ? -volume : volume) * factor, "6", begin, eind, jaar)! : new double[12];

    /// <summary>
    /// The part of <paramref name="volume"/> that falls in each month of <paramref name="jaar"/> (index 0 =
    /// January). A total (frequentie 6) without an end date cannot be spread and gives null.
    /// </summary>
    public static double[]? PerMaand(long volume, string frequentie, DateOnly begin, DateOnly? eind, int jaar)
    {
        var tot = eind ?? DateOnly.MaxValue;
        var maanden = new double[12];
        if (tot < begin)
        {
            return maanden;
        }

        var code = frequentie.TrimStart('0');
        if (code == "6" && eind is null)
        {
            return null;
        }

        var totaalDagen = code == "6" ? tot.DayNumber - begin.DayNumber + 1 : 0;
        for (var m = 0; m < 12; m++)
        {
            var eerste = new DateOnly(jaar, m + 1, 1);
            var laatste = eerste.AddMonths(1).AddDays(-1);
            var van = begin > eerste ? begin : eerste;
            var totDag = tot < laatste ? tot : laatste;
            var dagen = totDag.DayNumber - van.DayNumber + 1;
            if (dagen <= 0)
            {
                continue;
            }

            maanden[m] = code switch
            {
                "1" => volume * (double)dagen,
                "2" => volume * dagen / 7.0,
                "3" => volume * dagen / 28.0,
                "4" => volume * dagen / (double)DateTime.DaysInMonth(jaar, m + 1),
                "5" => volume * dagen / (double)(DateTime.IsLeapYear(jaar) ? 366 : 365),
                "6" => volume * dagen / (double)totaalDagen,
                _ => 0,
            };
        }

        return maanden;
    }
}

using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Declaratie;

/// <summary>The minutes each present youth may be declared for one group session (HK-323-6).</summary>
/// <param name="MinutenPerClient">Whole minutes per youth, rounded down.</param>
/// <param name="Rest">Staff minutes left over by rounding down (never declared).</param>
public sealed record Groepstijd(long MinutenPerClient, long Rest);

/// <summary>
/// HK-323-6: the total time of the present staff divided by the number of present youths
/// (2 staff × 60 minutes / 6 youths = 20 minutes each). Declarations are in whole minutes (HK-323-2), so
/// the quotient is rounded <b>down</b>: the minutes declared for the whole group never exceed the time the
/// staff actually spent; the remainder is reported, not declared.
/// </summary>
public static class GroepstijdBerekenen
{
    /// <summary>
    /// Minutes per youth for a session of <paramref name="minuten"/> minutes with <paramref name="medewerkers"/>
    /// staff and <paramref name="clienten"/> youths present. Errors: <c>HK-323-6</c> for a value below 1 or a
    /// product too large to compute.
    /// </summary>
    public static Resultaat<Groepstijd> Bereken(long minuten, long medewerkers, long clienten)
    {
        var fouten = new List<Fout>();
        if (minuten < 1)
        {
            fouten.Add(new Fout("HK-323-6", $"de duur van de groepsbijeenkomst moet minstens 1 minuut zijn, niet {minuten}", "--minuten"));
        }

        if (medewerkers < 1)
        {
            fouten.Add(new Fout("HK-323-6", $"er is minstens 1 aanwezige medewerker nodig, niet {medewerkers}", "--medewerkers"));
        }

        if (clienten < 1)
        {
            fouten.Add(new Fout("HK-323-6", $"er is minstens 1 aanwezige cliënt nodig, niet {clienten}", "--clienten"));
        }

        if (fouten.Count > 0)
        {
            return Resultaat<Groepstijd>.Mislukt(fouten);
        }

        var totaal = (Int128)minuten * medewerkers;
        if (totaal > long.MaxValue)
        {
            return Resultaat<Groepstijd>.Mislukt("HK-323-6", "minuten × medewerkers is te groot om te rekenen");
        }

        var t = (long)totaal;
        return Resultaat<Groepstijd>.Ok(new Groepstijd(t / clienten, t % clienten));
    }
}

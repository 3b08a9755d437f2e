using Jeugdhulp.Core.Tijd;

namespace Jeugdhulp.Store.Termijnen;

/// <summary>
/// Receipt days are Dutch days: a message at 23:30 UTC in summer arrived the next day in the Netherlands.
/// Deadlines counted from receipt start on that day (<see cref="Bedrijfstijd"/>, the one clock).
/// </summary>
internal static class Ontvangstdag
{
    public static DateOnly Van(DateTimeOffset tijdstip) => Bedrijfstijd.Dag(tijdstip);
}

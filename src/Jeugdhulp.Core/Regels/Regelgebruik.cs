namespace Jeugdhulp.Core.Regels;

/// <summary>
/// The dates whose rules one decision read (<see cref="Toewijzing.Beoordelingsbronnen.MetGetuige"/>,
/// <see cref="Declaratie.Declaratiebronnen.Getuige"/>). The what-if replay (issue 20) decides under the rules in force
/// with a witness, and takes that decision for the draft's as well when the draft's rules on every date it read are the
/// rules in force there (<see cref="Regelverschil"/>): the engine is pure, so the same message, state, rules and clock
/// give the same decision. Only a record of what was read: it changes nothing in the decision. One per decision, not
/// shared between threads.
/// </summary>
public sealed class Regelgebruik
{
    private readonly List<DateOnly> data = new(2);

    /// <summary>The dates read, each once, in the order first read.</summary>
    public IReadOnlyList<DateOnly> Data => data;

    /// <summary>Notes that the rules of <paramref name="datum"/> were read.</summary>
    public void Raak(DateOnly datum)
    {
        if (!data.Contains(datum))
        {
            data.Add(datum);
        }
    }
}

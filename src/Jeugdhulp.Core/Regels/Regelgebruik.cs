namespace Jeugdhulp.Core.Regels;

/// <summary>
/// Whether one decision read a rule item that a draft changes (the what-if replay, issue 20). The replay decides under
/// the rules in force with a witness (<see cref="Toewijzing.Beoordelingsbronnen.MetGetuige"/>,
/// <see cref="Declaratie.Declaratiebronnen.Getuige"/>): on a date where the draft differs, the rule set the decision
/// reads notes every item it looks up (a product, a lot, a municipality, a deadline, the stacking matrix…) against the
/// items the draft changes on that date (<see cref="Regelverschil"/>). When the decision read none of them, the draft's
/// decision is that decision — same message, state, rules read and clock into a pure function — and is not taken again.
/// Only a record of what was read: it changes nothing in the decision. One per decision, not shared between threads.
/// </summary>
public sealed class Regelgebruik
{
    private readonly Regelverschil verschil;

    /// <summary>A witness against the differences <paramref name="verschil"/>; marked at once when the catalogue-wide items differ.</summary>
    public Regelgebruik(Regelverschil verschil)
    {
        this.verschil = verschil ?? throw new ArgumentNullException(nameof(verschil));
        Verschilt = !verschil.AlgemeenGelijk;
    }

    /// <summary>True once the decision read an item the draft changes on the date it read it: it must be taken under the draft too.</summary>
    public bool Verschilt { get; private set; }

    /// <summary>
    /// The rules <paramref name="regels"/> as the decision must read them: the set itself when nothing of it differs in the
    /// draft (or the witness already knows the decision differs), else the same set noting each lookup. A set of another
    /// catalogue than the one compared cannot be checked, so reading it counts as a difference.
    /// </summary>
    public Regelset Bekijk(Regelset regels)
    {
        ArgumentNullException.ThrowIfNull(regels);
        if (Verschilt)
        {
            return regels;
        }

        if (!verschil.Vergelijkt(regels))
        {
            Verschilt = true;
            return regels;
        }

        var dag = verschil.Op(regels.Datum);
        return dag.IsLeeg ? regels : regels.Gezien(this, dag);
    }

    /// <summary>Marks the decision as one the draft may change.</summary>
    internal void Markeer() => Verschilt = true;
}

using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Store.Journaal;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// PostgreSQL, the fast pass (issue 21 point 1): before a group, the journal rows under its messages' (afzender,
/// Identificatie) keys are read and the number counters of the municipalities its JW315s and JW317s are addressed to are
/// locked, in one round trip (<see cref="Groepsvastlegging"/>); the group's journal rows and reservations are then decided
/// in memory and sent with all its other writes at the commit. Not in the safe pass: there each message has a savepoint,
/// and a rolled-back savepoint would undo what memory counted.
/// </summary>
internal static class Groepsbegin
{
    public static void Begin(StoreTransactie tx, IReadOnlyList<Gecontroleerd> blok)
    {
        var berichten = blok.Select(g => g.Validatie?.Bericht).OfType<IjwBericht>().ToList();
        Groepsvastlegging.Begin(tx,
            berichten.Select(b => (b.Header.Afzender, b.Header.BerichtIdentificatie.Identificatie)),
            berichten.Where(b => b is VerzoekOmToewijzingBericht or VerzoekOmWijzigingBericht).Select(b => b.Header.Ontvanger));
    }
}

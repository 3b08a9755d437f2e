using Jeugdhulp.Core.Conversie;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;

namespace Jeugdhulp.Store.Conversie;

/// <summary>Writes a staff member's closing of a conversion work item, audited in the same transaction.</summary>
public static class ConversiewerkVastleggen
{
    /// <summary>
    /// Closes open work item <paramref name="nummer"/> of <paramref name="gemeente"/> of kind <paramref name="werk"/>
    /// (the kind the choice was checked against, <see cref="ConversiewerkAfhandelen.Beoordeel"/>). False, and nothing
    /// written, when there is no such open item: closed meanwhile by a colleague, or not this municipality's.
    /// </summary>
    public static bool HandelConversiewerkAf(this Datastore store, string door, Gemeentecode gemeente, long nummer, string werk, Conversieafhandeling afhandeling)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(door);
        ArgumentNullException.ThrowIfNull(afhandeling);
        if (!ConversiewerkAfhandelen.Keuzes(werk).Contains(afhandeling.Keuze))
        {
            throw new ArgumentException($"Afhandeling {afhandeling.Keuze} hoort niet bij werk {werk}: eerst beoordelen.", nameof(afhandeling));
        }

        using var tx = store.BeginTransactie();
        var bsn = (string?)tx.Commando("""
            SELECT client_bsn FROM conversie_uitgevoerd WHERE gemeente = @gemeente AND nummer = @nummer AND werk = @werk AND status = 'open'
            """).Met("@gemeente", gemeente.Waarde).Met("@nummer", nummer).Met("@werk", werk).ExecuteScalar();
        if (bsn is null)
        {
            return false;
        }

        tx.Commando("""
            UPDATE conversie_uitgevoerd SET status = 'afgehandeld', afhandeling = @keuze, toelichting = @toelichting, afgehandeld_door = @door, afgehandeld_op = @op
            WHERE gemeente = @gemeente AND nummer = @nummer AND status = 'open'
            """).Met("@keuze", afhandeling.Keuze.ToString()).Met("@toelichting", afhandeling.Toelichting).Met("@door", door).Met("@op", tx.EchtNu)
            .Met("@gemeente", gemeente.Waarde).Met("@nummer", nummer).ExecuteNonQuery();
        tx.Audit(door, gemeente, $"conversiewerk {nummer} afgehandeld: {afhandeling.Keuze}", Bsn.Parse(bsn).Waarde);
        tx.Commit();
        return true;
    }
}

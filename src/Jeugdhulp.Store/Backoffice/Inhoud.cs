namespace Jeugdhulp.Store.Backoffice;

/// <summary>Whether a store holds anything yet (for <c>serve --demo</c>: load the demo only into an empty store).</summary>
public static class Inhoud
{
    /// <summary>True when no message, contract or resident is stored.</summary>
    public static bool IsLeeg(this Datastore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        return sessie.Commando("""
            SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM journaal LIMIT 1) j) + (SELECT COUNT(*) FROM (SELECT 1 FROM contracten LIMIT 1) c)
                + (SELECT COUNT(*) FROM (SELECT 1 FROM inwoners LIMIT 1) i)
            """).LeesLongOfNull() == 0;
    }
}

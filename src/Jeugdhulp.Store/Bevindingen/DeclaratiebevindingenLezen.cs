using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Bevindingen;

/// <summary>One stored reason to refuse (or signal) of a declaration, with its Dutch text rendered from the text table.</summary>
/// <param name="JournaalId">The JW323 in the journal.</param>
/// <param name="ReferentieNummer">The refused prestatie; null when the whole declaration was refused, or for a signal.</param>
/// <param name="Soort">"afkeur" or "signaal".</param>
/// <param name="RegelId">The rule id (iJw TR/CS or HK id).</param>
/// <param name="Code">What was found; with the rule id the key of its text.</param>
/// <param name="RetourCode">The iJw retour code in the JW325; null for a signal.</param>
/// <param name="Parameters">The values the text names.</param>
/// <param name="Tekst">The Dutch text.</param>
public sealed record Declaratiebevinding(
    long JournaalId, string? ReferentieNummer, string Soort, string RegelId, string Code, string? RetourCode,
    IReadOnlyList<Parameter> Parameters, string Tekst);

/// <summary>
/// Reads the findings stored with declaration answers (<see cref="DeclaratiebevindingenVastleggen"/>), always
/// filtered on the gemeente; optionally on one rule id, in SQL (index on gemeente, regel_id), so a page filters
/// without parsing text. No BSN here: the caller shows them beside lines it reads itself.
/// </summary>
public static class DeclaratiebevindingenLezen
{
    /// <summary>
    /// The findings of <paramref name="gemeente"/>'s declarations in check order; with <paramref name="regel"/>
    /// only those of that rule.
    /// </summary>
    public static IReadOnlyList<Declaratiebevinding> LeesDeclaratiebevindingen(this Datastore store, Gemeentecode gemeente, string? regel = null) =>
        store.LeesDeclaratiebevindingen(gemeente, regel, null);

    /// <summary>
    /// As <see cref="LeesDeclaratiebevindingen(Datastore, Gemeentecode, string?)"/>, only of the JW323s in <paramref name="journalen"/>
    /// when given: the declarations of one page of lines (primary key journaal_id, volgorde), not the municipality's.
    /// </summary>
    public static IReadOnlyList<Declaratiebevinding> LeesDeclaratiebevindingen(this Datastore store, Gemeentecode gemeente, string? regel,
        IReadOnlyList<long>? journalen)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (journalen is { Count: 0 })
        {
            return [];
        }

        using var sessie = store.OpenSessie();
        var cmd = sessie.Commando($"""
            SELECT journaal_id, referentienummer, soort, regel_id, code, retourcode, parameters FROM declaratiebevindingen
            WHERE gemeente = @gemeente{(regel is null ? "" : " AND regel_id = @regel")}{(journalen is null ? "" : " AND " + store.In("journaal_id", "journalen"))}
            ORDER BY journaal_id, volgorde
            """).Met("@gemeente", gemeente.Waarde);
        if (regel is not null)
        {
            cmd.Met("@regel", regel);
        }

        if (journalen is not null)
        {
            cmd.MetLijst(store, "journalen", journalen);
        }

        var lijst = new List<Declaratiebevinding>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var regelId = r.GetString(3);
            var code = r.GetString(4);
            var parameters = BevindingenVastleggen.UitJson(r.GetString(6));
            lijst.Add(new Declaratiebevinding(r.GetInt64(0), r.TekstOfNull(1), r.GetString(2), regelId, code, r.TekstOfNull(5), parameters,
                Tekst.Bevinding(regelId, code, parameters)));
        }

        return lijst;
    }
}

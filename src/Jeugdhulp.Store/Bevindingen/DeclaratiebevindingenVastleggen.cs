using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Core.Teksten;

namespace Jeugdhulp.Store.Bevindingen;

/// <summary>
/// Stores a declaration's reasons to refuse and its signals beside the JW323 (journaal id), in check order, as
/// data: prestatie, rule id, code, retour code, parameters. Written in the transaction that writes the JW325, so
/// the answer and its findings are there together or not at all.
/// </summary>
internal static class DeclaratiebevindingenVastleggen
{
    public const string SoortAfkeur = "afkeur";
    public const string SoortSignaal = "signaal";

    public static void Bewaar(StoreTransactie tx, long journaalId, string gemeente, Declaratieoordeel oordeel)
    {
        var volgorde = 0;
        foreach (var a in oordeel.DeclaratieAfkeuren)
        {
            Rij(tx, journaalId, volgorde++, gemeente, null, SoortAfkeur, a.Regel, a.Bevinding, a.Code, a.Parameters);
        }

        foreach (var p in oordeel.Prestaties)
        {
            foreach (var a in p.Afkeuren)
            {
                Rij(tx, journaalId, volgorde++, gemeente, p.Prestatie.ReferentieNummer, SoortAfkeur, a.Regel, a.Bevinding, a.Code, a.Parameters);
            }
        }

        foreach (var s in oordeel.Signalen)
        {
            Rij(tx, journaalId, volgorde++, gemeente, null, SoortSignaal, s.RegelId, s.Code, null, s.Parameters);
        }
    }

    // One statement text, so the transaction's cached command is reused for every row.
    private static void Rij(StoreTransactie tx, long journaalId, int volgorde, string gemeente, string? referentie, string soort,
        string regelId, string code, string? retourcode, IReadOnlyList<Parameter> parameters) =>
        tx.Commando("""
            INSERT INTO declaratiebevindingen (journaal_id, volgorde, gemeente, referentienummer, soort, regel_id, code, retourcode, parameters)
            VALUES (@journaal_id, @volgorde, @gemeente, @referentie, @soort, @regel_id, @code, @retourcode, @parameters)
            """)
            .Met("@journaal_id", journaalId).Met("@volgorde", (long)volgorde).Met("@gemeente", gemeente).Met("@referentie", referentie)
            .Met("@soort", soort).Met("@regel_id", regelId).Met("@code", code).Met("@retourcode", retourcode)
            .Met("@parameters", BevindingenVastleggen.Json(parameters))
            .ExecuteNonQuery();
}

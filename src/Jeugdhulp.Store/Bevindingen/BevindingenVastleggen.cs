using System.Text;
using System.Text.Json;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Bevindingen;

/// <summary>
/// Stores a decision's findings and signals beside its request line (journaal id and volgnummer), in check order, as data:
/// rule id, outcome, code, parameters — one row per request line since migration 0038 (<see cref="Bevindinglijst"/>), with the
/// rule ids it was sent to review for as the searchable part, and the line's municipality (the partition key on PostgreSQL,
/// migration 0039). Written in the decision's transaction.
/// </summary>
internal static class BevindingenVastleggen
{
    public const string SoortBevinding = "bevinding";
    public const string SoortSignaal = "signaal";

    /// <summary>
    /// The findings of request line <paramref name="regel"/> (stored in this transaction or before). A finding HK-315-4 puts
    /// the line's client on the deadline list: its mark is kept with the transaction's others (<see cref="StoreTransactie.MerkTermijnen"/>),
    /// because the insert trigger that would mark it stands aside while the transaction marks itself (migration 0035).
    /// A line without findings or signals stores no row.
    /// </summary>
    public static void Bewaar(StoreTransactie tx, VerzoekRegel regel, Besluit besluit)
    {
        var rijen = Rijen(besluit);
        if (rijen.Any(r => r.RegelId == "HK-315-4"))
        {
            tx.MerkTermijnen(regel.Gemeente, regel.ClientBsn);
        }

        if (rijen.Length == 0)
        {
            return;
        }

        tx.Uitgesteld("""
            INSERT INTO verzoekbevindingen (journaal_id, volgnummer, lijst, beoordelen, gemeente)
            VALUES (@journaal_id, @volgnummer, @lijst, @beoordelen, @gemeente)
            """)
            .Met("@journaal_id", regel.JournaalId).Met("@volgnummer", (long)regel.Volgnummer).Met("@gemeente", regel.Gemeente)
            .Met("@lijst", Bevindinglijst.Pak(rijen)).Met("@beoordelen", Bevindinglijst.Beoordelen(rijen))
            .Later(tx);
    }

    /// <summary>The decision's findings, then its signals, in check order.</summary>
    private static Vastgelegd[] Rijen(Besluit besluit) =>
    [
        .. besluit.Bevindingen.Select(b => new Vastgelegd(SoortBevinding, b.RegelId, Uitkomsten.Van(b.Uitkomst), (long?)b.Reden, b.Code, b.Parameters, null)),
        .. besluit.Signalen.Select(s => new Vastgelegd(SoortSignaal, s.RegelId, SoortSignaal, null, s.Code, s.Parameters, s.Datum)),
    ];

    /// <summary>The parameters as one JSON object of strings, in order (the order the text names them).</summary>
    internal static string Json(IReadOnlyList<Parameter> parameters)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var p in parameters)
            {
                w.WriteString(p.Naam, p.Waarde);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static List<Parameter> UitJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateObject().Select(p => new Parameter(p.Name, p.Value.GetString() ?? ""))];
    }
}

using System.Text;
using System.Text.Json;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Bevindingen;

/// <summary>
/// Stores a decision's findings and signals beside its request line (journaal id and volgnummer), in check
/// order, as data: rule id, outcome, code, parameters. Written in the decision's transaction.
/// </summary>
internal static class BevindingenVastleggen
{
    public const string SoortBevinding = "bevinding";
    public const string SoortSignaal = "signaal";

    /// <summary>
    /// The findings of request line <paramref name="regel"/> (stored in this transaction or before). A finding HK-315-4 puts
    /// the line's client on the deadline list: its mark is kept with the transaction's others (<see cref="StoreTransactie.MerkTermijnen"/>),
    /// because the insert trigger that would mark it stands aside while the transaction marks itself (migration 0035).
    /// </summary>
    public static void Bewaar(StoreTransactie tx, VerzoekRegel regel, Besluit besluit)
    {
        var rijen = Rijen(besluit);
        if (rijen.Any(r => r.RegelId == "HK-315-4"))
        {
            tx.MerkTermijnen(regel.Gemeente, regel.ClientBsn);
        }

        var (journaalId, volgnummer) = (regel.JournaalId, regel.Volgnummer);
        if (tx.Store.Provider.IsPostgres)
        {
            BewaarIneens(tx, journaalId, volgnummer, rijen);
            return;
        }

        for (var volgorde = 0; volgorde < rijen.Length; volgorde++)
        {
            var r = rijen[volgorde];
            tx.Uitgesteld("""
                INSERT INTO bevindingen (journaal_id, volgnummer, volgorde, soort, regel_id, uitkomst, reden, code, parameters, datum)
                VALUES (@journaal_id, @volgnummer, @volgorde, @soort, @regel_id, @uitkomst, @reden, @code, @parameters, @datum)
                """)
                .Met("@journaal_id", journaalId).Met("@volgnummer", (long)volgnummer).Met("@volgorde", (long)volgorde)
                .Met("@soort", r.Soort).Met("@regel_id", r.RegelId).Met("@uitkomst", r.Uitkomst).Met("@reden", r.Reden)
                .Met("@code", r.Code).Met("@parameters", r.Parameters).Met("@datum", r.Datum)
                .Later(tx);
        }
    }

    /// <summary>One stored row: a finding or a signal, its parameters as JSON.</summary>
    private readonly record struct Rij(string Soort, string RegelId, string Uitkomst, long? Reden, string Code, string Parameters, DateOnly? Datum);

    /// <summary>The decision's findings, then its signals, as rows in check order (their index is the row's volgorde).</summary>
    private static Rij[] Rijen(Besluit besluit) =>
    [
        .. besluit.Bevindingen.Select(b => new Rij(SoortBevinding, b.RegelId, Uitkomsten.Van(b.Uitkomst), (long?)b.Reden, b.Code, Json(b.Parameters), null)),
        .. besluit.Signalen.Select(s => new Rij(SoortSignaal, s.RegelId, SoortSignaal, null, s.Code, Json(s.Parameters), s.Datum)),
    ];

    /// <summary>
    /// PostgreSQL: the request line's findings and signals as one statement over arrays (the same rows, the same order
    /// numbers), one text for any number of rows, so it is prepared once. They were about five statements per request line
    /// in each message's deferred batch, each bound, executed and answered on its own (bench/RESULTS.md, session 8).
    /// </summary>
    private static void BewaarIneens(StoreTransactie tx, long journaalId, int volgnummer, Rij[] rijen)
    {
        if (rijen.Length == 0)
        {
            return;
        }

        tx.Uitgesteld("""
            INSERT INTO bevindingen (journaal_id, volgnummer, volgorde, soort, regel_id, uitkomst, reden, code, parameters, datum)
            SELECT @journaal_id, @volgnummer, r.volgorde, r.soort, r.regel_id, r.uitkomst, r.reden, r.code, r.parameters, r.datum
            FROM unnest(@volgorde::bigint[], @soort::text[], @regel_id::text[], @uitkomst::text[], @reden::bigint[], @code::text[],
                @parameters::text[], @datum::date[]) AS r (volgorde, soort, regel_id, uitkomst, reden, code, parameters, datum)
            """)
            .Met("@journaal_id", journaalId).Met("@volgnummer", (long)volgnummer)
            .Met("@volgorde", Enumerable.Range(0, rijen.Length).Select(i => (long)i).ToArray())
            .Met("@soort", rijen.Select(r => r.Soort).ToArray()).Met("@regel_id", rijen.Select(r => r.RegelId).ToArray())
            .Met("@uitkomst", rijen.Select(r => r.Uitkomst).ToArray()).Met("@reden", rijen.Select(r => r.Reden).ToArray())
            .Met("@code", rijen.Select(r => r.Code).ToArray()).Met("@parameters", rijen.Select(r => r.Parameters).ToArray())
            .Met("@datum", rijen.Select(r => r.Datum).ToArray())
            .Later(tx);
    }

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

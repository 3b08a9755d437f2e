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
        if (besluit.Bevindingen.Any(b => b.RegelId == "HK-315-4") || besluit.Signalen.Any(s => s.RegelId == "HK-315-4"))
        {
            tx.MerkTermijnen(regel.Gemeente, regel.ClientBsn);
        }

        var (journaalId, volgnummer) = (regel.JournaalId, regel.Volgnummer);
        if (tx.Store.Provider.IsPostgres)
        {
            BewaarIneens(tx, journaalId, volgnummer, besluit);
            return;
        }

        var volgorde = 0;
        foreach (var b in besluit.Bevindingen)
        {
            Rij(tx, journaalId, volgnummer, volgorde++, SoortBevinding, b.RegelId, Uitkomsten.Van(b.Uitkomst), (int?)b.Reden, b.Code, b.Parameters, null);
        }

        foreach (var s in besluit.Signalen)
        {
            Rij(tx, journaalId, volgnummer, volgorde++, SoortSignaal, s.RegelId, SoortSignaal, null, s.Code, s.Parameters, s.Datum);
        }
    }

    /// <summary>
    /// PostgreSQL: the request line's findings and signals as one statement over arrays (the same rows, the same order
    /// numbers), one text for any number of rows, so it is prepared once. They were about five statements per request line
    /// in each message's deferred batch, each bound, executed and answered on its own (bench/RESULTS.md, session 8).
    /// </summary>
    private static void BewaarIneens(StoreTransactie tx, long journaalId, int volgnummer, Besluit besluit)
    {
        var n = besluit.Bevindingen.Count + besluit.Signalen.Count;
        if (n == 0)
        {
            return;
        }

        var volgorde = new long[n];
        var soort = new string[n];
        var regel = new string[n];
        var uitkomst = new string[n];
        var reden = new long?[n];
        var code = new string[n];
        var parameters = new string[n];
        var datum = new DateOnly?[n];
        var i = 0;
        foreach (var b in besluit.Bevindingen)
        {
            (volgorde[i], soort[i], regel[i], uitkomst[i], reden[i], code[i], parameters[i]) =
                (i, SoortBevinding, b.RegelId, Uitkomsten.Van(b.Uitkomst), (long?)b.Reden, b.Code, Json(b.Parameters));
            i++;
        }

        foreach (var s in besluit.Signalen)
        {
            (volgorde[i], soort[i], regel[i], uitkomst[i], code[i], parameters[i], datum[i]) =
                (i, SoortSignaal, s.RegelId, SoortSignaal, s.Code, Json(s.Parameters), s.Datum);
            i++;
        }

        tx.Uitgesteld("""
            INSERT INTO bevindingen (journaal_id, volgnummer, volgorde, soort, regel_id, uitkomst, reden, code, parameters, datum)
            SELECT @journaal_id, @volgnummer, r.volgorde, r.soort, r.regel_id, r.uitkomst, r.reden, r.code, r.parameters, r.datum
            FROM unnest(@volgorde::bigint[], @soort::text[], @regel_id::text[], @uitkomst::text[], @reden::bigint[], @code::text[],
                @parameters::text[], @datum::date[]) AS r (volgorde, soort, regel_id, uitkomst, reden, code, parameters, datum)
            """)
            .Met("@journaal_id", journaalId).Met("@volgnummer", (long)volgnummer).Met("@volgorde", volgorde).Met("@soort", soort)
            .Met("@regel_id", regel).Met("@uitkomst", uitkomst).Met("@reden", reden).Met("@code", code).Met("@parameters", parameters)
            .Met("@datum", datum)
            .Later(tx);
    }

    private static void Rij(StoreTransactie tx, long journaalId, int volgnummer, int volgorde, string soort, string regelId, string uitkomst,
        int? reden, string code, IReadOnlyList<Parameter> parameters, DateOnly? datum) =>
        tx.Uitgesteld("""
            INSERT INTO bevindingen (journaal_id, volgnummer, volgorde, soort, regel_id, uitkomst, reden, code, parameters, datum)
            VALUES (@journaal_id, @volgnummer, @volgorde, @soort, @regel_id, @uitkomst, @reden, @code, @parameters, @datum)
            """)
            .Met("@journaal_id", journaalId).Met("@volgnummer", (long)volgnummer).Met("@volgorde", (long)volgorde)
            .Met("@soort", soort).Met("@regel_id", regelId).Met("@uitkomst", uitkomst).Met("@reden", (long?)reden)
            .Met("@code", code).Met("@parameters", Json(parameters)).Met("@datum", datum)
            .Later(tx);

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

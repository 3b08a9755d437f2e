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

    public static void Bewaar(StoreTransactie tx, long journaalId, int volgnummer, Besluit besluit)
    {
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

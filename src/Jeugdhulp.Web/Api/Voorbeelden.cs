namespace Jeugdhulp.Web.Api;

/// <summary>
/// Examples in the OpenAPI document, so the reference page and generated clients show real requests. The JW315 is
/// the demo's first message (embedded from demo/berichten at build time, so it cannot drift from what the demo sends).
/// </summary>
internal static class Voorbeelden
{
    public static readonly string Jw315 = Lees("Voorbeeld.JW315.xml");

    public const string Berichtverslag = """
        {"id": 1, "bericht": "JW315", "identificatie": "DEMO-001", "outcome": "approved", "herhaling": false,
         "decisions": [{"referentie": "DEMO-0001", "outcome": "approved", "reden": null, "rules": ["HK-315-1"], "toelichting": "Toegekend."}],
         "antwoorden": [
           {"id": 1, "bericht": "JW316", "bestand": "01234567_JW316_0171-000001.xml", "href": "/api/v1/berichten/uitgaand/1", "retourcodes": []},
           {"id": 2, "bericht": "JW301", "bestand": "01234567_JW301_0171-000002.xml", "href": "/api/v1/berichten/uitgaand/2", "retourcodes": []}],
         "reasons": []}
        """;

    public const string ClientZoekvraag = """{"bsn": "100002183"}""";

    public const string Besluit = """{"besluit": "afwijzen", "reden": 4, "toelichting": "Eerst het lokale team."}""";

    public const string Noshow = """{"gemeente": "0034", "toewijzingnummer": 12, "bsn": "100002183", "datum": "2027-03-01"}""";

    private static string Lees(string naam)
    {
        using var stroom = typeof(Voorbeelden).Assembly.GetManifestResourceStream(naam)
            ?? throw new InvalidOperationException($"Voorbeeld {naam} ontbreekt in de assembly.");
        using var lezer = new StreamReader(stroom);
        return lezer.ReadToEnd();
    }
}

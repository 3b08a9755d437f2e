namespace Jeugdhulp.Web.Api;

/// <summary>
/// Examples in the OpenAPI document, so the reference page and generated clients show real requests. The JW315 is
/// the demo's first message (embedded from demo/berichten at build time, so it cannot drift from what the demo sends).
/// </summary>
internal static class Voorbeelden
{
    public static readonly string Jw315 = Lees("Voorbeeld.JW315.xml");

    /// <summary>The real answer to <see cref="Jw315"/> on a fresh store with the demo data on 2027-03-05 (a test checks it).</summary>
    public const string Berichtverslag = """
        {
          "id": 1,
          "bericht": "JW315",
          "identificatie": "DEMO-001",
          "outcome": "approved",
          "herhaling": false,
          "decisions": [
            {
              "referentie": "DEMO-0001",
              "outcome": "approved",
              "reden": null,
              "rules": [
                "HK-315-4",
                "HK-PER-5",
                "HK-315-5",
                "HK-301-7",
                "HK-315-10",
                "HK-PRD-6",
                "HK-PRD-2",
                "HK-PRD-3",
                "OP259",
                "OP347"
              ],
              "toelichting": "Toegekend volgens regelset flevoland 2027.3 op 2027-03-08.\nHK-315-4: Cliënt woont in Noordoostpolder (0171) (woonplaatsbeginsel).\nHK-PER-5: Noordoostpolder (0171) neemt deel aan perceel Multidisciplinaire Specialistische Jeugdhulp voor 45F11.\nHK-315-5: Aanbieder 01234567 heeft op 08-03-2027 een contract voor 45F11.\nHK-301-7: Omvang 1800 in eenheid 01, frequentie 6 past bij 45F11.\nHK-315-10: Verwijzing via de medische route: type 02, huisarts of praktijkondersteuner (POH) (§15 C-14: de brede definitie van medische verwijzer).\nHK-PRD-6: Cliënt is op 08-03-2027 10 jaar, jonger dan 18.\nHK-PRD-2: De periode 08-03-2027 t/m 07-09-2027 valt binnen de maximale duur van 12 maanden.\nHK-PRD-3: 1800 minuten valt binnen de richtlijn (60 uur in categorie 12 maanden).\nOP259: Geen lopende toewijzing voor 45F11 in deze periode.\nOP347: Geen ander verzoek voor 45F11 in deze periode."
            }
          ],
          "antwoorden": [
            {
              "id": 1,
              "bericht": "JW316",
              "bestand": "01234567_JW316_1-0.xml",
              "href": "/api/v1/berichten/uitgaand/1",
              "retourcodes": []
            },
            {
              "id": 2,
              "bericht": "JW301",
              "bestand": "01234567_JW301_1-1.xml",
              "href": "/api/v1/berichten/uitgaand/2",
              "retourcodes": []
            }
          ],
          "reasons": []
        }
        """;

    /// <summary>The real pre-check (<c>POST /api/v1/proef</c>) of <see cref="Jw315"/> on that store and day (a test checks it).</summary>
    public const string Proefverslag = """
        {
          "bericht": "JW315",
          "outcome": "approved",
          "decisions": [
            {
              "referentie": "DEMO-0001",
              "outcome": "approved",
              "reden": null,
              "rules": [
                "HK-315-4",
                "HK-PER-5",
                "HK-315-5",
                "HK-301-7",
                "HK-315-10",
                "HK-PRD-6",
                "HK-PRD-2",
                "HK-PRD-3",
                "OP259",
                "OP347"
              ],
              "toelichting": "Toegekend volgens regelset flevoland 2027.3 op 2027-03-08.\nHK-315-4: Cliënt woont in Noordoostpolder (0171) (woonplaatsbeginsel).\nHK-PER-5: Noordoostpolder (0171) neemt deel aan perceel Multidisciplinaire Specialistische Jeugdhulp voor 45F11.\nHK-315-5: Aanbieder 01234567 heeft op 08-03-2027 een contract voor 45F11.\nHK-301-7: Omvang 1800 in eenheid 01, frequentie 6 past bij 45F11.\nHK-315-10: Verwijzing via de medische route: type 02, huisarts of praktijkondersteuner (POH) (§15 C-14: de brede definitie van medische verwijzer).\nHK-PRD-6: Cliënt is op 08-03-2027 10 jaar, jonger dan 18.\nHK-PRD-2: De periode 08-03-2027 t/m 07-09-2027 valt binnen de maximale duur van 12 maanden.\nHK-PRD-3: 1800 minuten valt binnen de richtlijn (60 uur in categorie 12 maanden).\nOP259: Geen lopende toewijzing voor 45F11 in deze periode.\nOP347: Geen ander verzoek voor 45F11 in deze periode.",
              "antwoord": "JW301"
            }
          ],
          "reasons": [
            "Verzoek DEMO-0001: Toegekend volgens regelset flevoland 2027.3 op 2027-03-08.",
            "  HK-315-4: Cliënt woont in Noordoostpolder (0171) (woonplaatsbeginsel).",
            "  HK-PER-5: Noordoostpolder (0171) neemt deel aan perceel Multidisciplinaire Specialistische Jeugdhulp voor 45F11.",
            "  HK-315-5: Aanbieder 01234567 heeft op 08-03-2027 een contract voor 45F11.",
            "  HK-301-7: Omvang 1800 in eenheid 01, frequentie 6 past bij 45F11.",
            "  HK-315-10: Verwijzing via de medische route: type 02, huisarts of praktijkondersteuner (POH) (§15 C-14: de brede definitie van medische verwijzer).",
            "  HK-PRD-6: Cliënt is op 08-03-2027 10 jaar, jonger dan 18.",
            "  HK-PRD-2: De periode 08-03-2027 t/m 07-09-2027 valt binnen de maximale duur van 12 maanden.",
            "  HK-PRD-3: 1800 minuten valt binnen de richtlijn (60 uur in categorie 12 maanden).",
            "  OP259: Geen lopende toewijzing voor 45F11 in deze periode.",
            "  OP347: Geen ander verzoek voor 45F11 in deze periode."
          ]
        }
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

using System.Xml;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Web.Api;

/// <summary>
/// A message the provider sent, as <c>POST /api/v1/berichten</c> answers and <c>GET /api/v1/berichten/{id}</c> shows it.
/// </summary>
/// <param name="Id">The message's id (its journal row); an exact re-delivery has the same.</param>
/// <param name="Bericht">JW315, JW317, JW305, JW307 or JW323.</param>
/// <param name="Identificatie">Its BerichtIdentificatie.</param>
/// <param name="Outcome">approved, rejected, review, mixed, accepted or invalid ("ontvangen" while undecided).</param>
/// <param name="Herhaling">True when this answer is to an exact re-delivery: nothing changed.</param>
/// <param name="Decisions">One per request (JW315/JW317), with the rule ids applied.</param>
/// <param name="Antwoorden">The answers to this message: id, code and where to fetch each.</param>
/// <param name="Reasons">Dutch reasons, when the outcome needs one (only on the POST answer).</param>
internal sealed record Berichtverslag(
    long Id,
    string Bericht,
    string Identificatie,
    string Outcome,
    bool Herhaling,
    BesluitDocument[] Decisions,
    Antwoordverwijzing[] Antwoorden,
    string[] Reasons)
{
    /// <summary>
    /// The message was refused with an iJw retour: technically invalid (IV032 level 2, e.g. 0001) or its
    /// Identificatie was used before for other content (9056). Such a message is journalled and answered, but
    /// nothing in it was processed, so the API answers 422.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Geweigerd => Outcome == Uitkomsten.Invalid || Antwoorden.Any(a => a.Retourcodes.Contains(Retourcodelezer.IdentificatieAlGebruikt));

    public static string Pad(long id) => FormattableString.Invariant($"/api/v1/berichten/{id}");

    /// <summary>A stored message with its answers as they stand now (<c>GET /api/v1/berichten/{id}</c>).</summary>
    public static Berichtverslag Van(OntvangenBericht bericht)
    {
        ArgumentNullException.ThrowIfNull(bericht);
        return new Berichtverslag(bericht.Id, bericht.Berichtcode, bericht.Identificatie, bericht.Status, false,
            [.. bericht.Besluiten.Select(BesluitDocument.Van)],
            [.. bericht.Antwoorden.Select(a => Antwoordverwijzing.Van(a.Id, a.Bestandsnaam, a.Inhoud))],
            []);
    }

    /// <summary>
    /// What processing message <paramref name="id"/> reported, without reading it back (every POST would otherwise
    /// read next to the one writer): the answers addressed to <paramref name="afzender"/>, by id, as the GET shows them.
    /// </summary>
    public static Berichtverslag Van(Bestandsverslag verslag, long id, string afzender)
    {
        ArgumentNullException.ThrowIfNull(verslag);
        return new Berichtverslag(id, verslag.Bericht ?? "", verslag.Identificatie ?? "", verslag.Uitkomst, verslag.Herhaling,
            [.. verslag.Besluiten.Select(BesluitDocument.Van)],
            [.. (verslag.Antwoorden ?? []).Where(a => a.Bestandsnaam.StartsWith(afzender + "_", StringComparison.Ordinal)).OrderBy(a => a.Id)
                .Select(a => Antwoordverwijzing.Van(a.Id, a.Bestandsnaam, a.Inhoud))],
            [.. verslag.Meldingen]);
    }
}

/// <summary>One answer to a message.</summary>
/// <param name="Id">Outbox id.</param>
/// <param name="Bericht">The answer's message code (JW301, JW316, JW319, JW325 …).</param>
/// <param name="Bestand">Its file name.</param>
/// <param name="Href">Where to fetch its XML: <c>/api/v1/berichten/uitgaand/{id}</c>.</param>
/// <param name="Retourcodes">The iJw retour codes in it other than 0200 (accepted); empty for an answer without any.</param>
internal sealed record Antwoordverwijzing(long Id, string Bericht, string Bestand, string Href, string[] Retourcodes)
{
    public static string Pad(long id) => FormattableString.Invariant($"/api/v1/berichten/uitgaand/{id}");

    public static Antwoordverwijzing Van(long id, string bestandsnaam, byte[] inhoud) =>
        new(id, UitgaandLezen.Berichtcode(bestandsnaam), bestandsnaam, Pad(id), Retourcodelezer.Uit(inhoud));
}

/// <summary>The retour codes an answer carries, read from its XML (an answer we wrote ourselves).</summary>
internal static class Retourcodelezer
{
    /// <summary>"Bericht/element goedgekeurd": not a reason, left out.</summary>
    public const string Goedgekeurd = "0200";

    /// <summary>The Identificatie was used before by this sender for other content.</summary>
    public const string IdentificatieAlGebruikt = "9056";

    private static readonly XmlReaderSettings Instellingen = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public static string[] Uit(byte[] xml)
    {
        var codes = new List<string>();
        using var lezer = XmlReader.Create(new MemoryStream(xml), Instellingen);
        lezer.MoveToContent();
        while (!lezer.EOF)
        {
            if (lezer.NodeType == XmlNodeType.Element && lezer.LocalName == "RetourCode")
            {
                // Reading the content moves past the end tag already: no Read() after it, or a next code is skipped.
                var code = lezer.ReadElementContentAsString().Trim();
                if (code != Goedgekeurd && !codes.Contains(code))
                {
                    codes.Add(code);
                }
            }
            else
            {
                lezer.Read();
            }
        }

        return [.. codes];
    }
}

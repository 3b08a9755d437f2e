using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Retour;

/// <summary>
/// The assessment of one JW323 by the later check levels, as the declarations use case hands it over:
/// codes on the Declaratie class (the whole declaratie is rejected), per client (by BSN) and per prestatie
/// (by ProductReferentie/ReferentieNummer, unique per TR314). A prestatie without codes is approved.
/// </summary>
public sealed class Declaratiebeoordeling
{
    public List<string> DeclaratieCodes { get; } = [];

    public Dictionary<string, List<string>> ClientCodes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<string>> PrestatieCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Codes per prestatie by place (client position, prestatie position within the client, both 0-based).
    /// Needed when a ReferentieNummer occurs twice in one JW323: the first may be approved while the second
    /// is refused with 8021 (TR314). Used before <see cref="PrestatieCodes"/> for the same prestatie.
    /// </summary>
    public Dictionary<(int Client, int Prestatie), List<string>> PrestatieCodesOpPlaats { get; } = [];

    public Declaratiebeoordeling WijsPrestatieAf(int client, int prestatie, string code)
    {
        if (!PrestatieCodesOpPlaats.TryGetValue((client, prestatie), out var l))
        {
            PrestatieCodesOpPlaats[(client, prestatie)] = l = [];
        }

        l.Add(code);
        return this;
    }

    public Declaratiebeoordeling WijsPrestatieAf(string referentieNummer, string code)
    {
        if (!PrestatieCodes.TryGetValue(referentieNummer, out var l))
        {
            PrestatieCodes[referentieNummer] = l = [];
        }

        l.Add(code);
        return this;
    }

    public Declaratiebeoordeling WijsClientAf(string bsn, string code)
    {
        if (!ClientCodes.TryGetValue(bsn, out var l))
        {
            ClientCodes[bsn] = l = [];
        }

        l.Add(code);
        return this;
    }
}

/// <summary>
/// Builds the JW325 per IV087: prestaties are approved or rejected as a whole; approved ones are left out,
/// rejected ones are returned with their codes, their client with 0200; a rejected client gets its code
/// and all its prestaties 0233; a rejected Declaratie class carries its code with TotaalToegekend 0.
/// When everything is approved the DeclaratieAntwoord carries 8001 and no clients. TotaalToegekendBedrag is
/// always the debet-minus-credit sum of the approved prestaties (TR342).
/// </summary>
public static class Declaratieantwoordbouwer
{
    /// <summary>The JW325 after the berichtoverstijgende checks.</summary>
    public static DeclaratieAntwoordbericht Bouw(Declaratiebericht jw323, Retourgegevens gegevens, Declaratiebeoordeling beoordeling)
    {
        ArgumentNullException.ThrowIfNull(jw323);
        ArgumentNullException.ThrowIfNull(beoordeling);
        var d = jw323.Declaratie;
        var header = Header(jw323, gegevens, [Retourcodes.GeenOpmerking]);
        Controleer(d, beoordeling);

        if (beoordeling.DeclaratieCodes.Count > 0)
        {
            return new DeclaratieAntwoordbericht(header, new DeclaratieAntwoord(d.DeclaratieNummer, d.TotaalIngediendBedrag, BedragMetDc.VanSaldo(0), [], [.. beoordeling.DeclaratieCodes]));
        }

        var clienten = new List<DeclaratieClient>();
        long toegekend = 0;
        for (var ci = 0; ci < d.Clienten.Count; ci++)
        {
            var c = d.Clienten[ci];
            var clientAfgewezen = beoordeling.ClientCodes.TryGetValue(c.Bsn, out var clientCodes) && clientCodes.Count > 0;
            var terug = new List<Prestatie>();
            for (var pi = 0; pi < c.Prestaties.Count; pi++)
            {
                var p = c.Prestaties[pi];
                if (clientAfgewezen)
                {
                    terug.Add(p with { RetourCodes = [Retourcodes.NietBeoordeeld] });
                }
                else if ((beoordeling.PrestatieCodesOpPlaats.TryGetValue((ci, pi), out var codes) ||
                          beoordeling.PrestatieCodes.TryGetValue(p.ProductReferentie.ReferentieNummer, out codes)) && codes.Count > 0)
                {
                    terug.Add(p with { RetourCodes = [.. codes] });
                }
                else
                {
                    toegekend += p.IngediendBedrag.Saldo;
                }
            }

            if (terug.Count > 0)
            {
                clienten.Add(c with { Prestaties = terug, RetourCodes = clientAfgewezen ? [.. clientCodes!] : [Retourcodes.GeenOpmerking] });
            }
        }

        var declaratieCode = clienten.Count == 0 ? Retourcodes.VolledigToegewezen : Retourcodes.GeenOpmerking;
        return new DeclaratieAntwoordbericht(header, new DeclaratieAntwoord(d.DeclaratieNummer, d.TotaalIngediendBedrag, BedragMetDc.VanSaldo(toegekend), clienten, [declaratieCode]));
    }

    /// <summary>The JW325 for a JW323 that failed at XSLT level: header only with 0001.</summary>
    public static DeclaratieAntwoordbericht Technisch(Declaratiebericht jw323, Retourgegevens gegevens)
    {
        ArgumentNullException.ThrowIfNull(jw323);
        return new DeclaratieAntwoordbericht(Header(jw323, gegevens, [Retourcodes.Technisch]), null);
    }

    private static void Controleer(Declaratie d, Declaratiebeoordeling b)
    {
        var referenties = d.Clienten.SelectMany(c => c.Prestaties).Select(p => p.ProductReferentie.ReferentieNummer).ToHashSet(StringComparer.Ordinal);
        var onbekend = b.PrestatieCodes.Keys.Where(r => !referenties.Contains(r)).ToList();
        var bsns = d.Clienten.Select(c => c.Bsn).ToHashSet(StringComparer.Ordinal);
        onbekend.AddRange(b.ClientCodes.Keys.Where(k => !bsns.Contains(k)).Select(_ => "client (BSN)"));
        onbekend.AddRange(b.PrestatieCodesOpPlaats.Keys
            .Where(k => k.Client < 0 || k.Client >= d.Clienten.Count || k.Prestatie < 0 || k.Prestatie >= d.Clienten[k.Client].Prestaties.Count)
            .Select(k => $"plaats {k.Client}/{k.Prestatie}"));
        if (onbekend.Count > 0)
        {
            throw new ArgumentException($"Beoordeling noemt prestaties of cliënten die niet in declaratie {d.DeclaratieNummer} staan: {string.Join(", ", onbekend)}.", nameof(b));
        }
    }

    /// <summary>
    /// The JW325 is a message of its own from the gemeente: Afzender and Ontvanger are the JW323's swapped;
    /// DeclaratieIdentificatie and XsdVersieDeclaratie point at the JW323.
    /// </summary>
    private static Header Header(Declaratiebericht jw323, Retourgegevens g, IReadOnlyList<string> codes) =>
        Berichten.Header.Voor(Berichtsoort.JW325, jw323.Header.Ontvanger, jw323.Header.Afzender, new BerichtIdentificatie(g.Identificatie, g.Dagtekening)) with
        {
            DeclaratieIdentificatie = jw323.Header.BerichtIdentificatie,
            XsltVersie = g.XsltVersie,
            XsdVersieDeclaratie = jw323.Header.XsdVersie,
            RetourCodes = codes,
        };
}

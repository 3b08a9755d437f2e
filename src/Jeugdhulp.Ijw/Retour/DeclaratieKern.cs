using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Ijw.Berichten;

namespace Jeugdhulp.Ijw.Retour;

/// <summary>
/// Between the JW323/JW325 records and the pure declaration checks (Core.Declaratie): the message as the
/// checks' input, and their outcome as the assessment <see cref="Declaratieantwoordbouwer"/> turns into a JW325.
/// </summary>
public static class DeclaratieKern
{
    /// <summary>The checks' input: every prestatie of every client in message order, with its place.</summary>
    public static Declaratieinvoer NaarInvoer(Declaratiebericht jw323)
    {
        ArgumentNullException.ThrowIfNull(jw323);
        var d = jw323.Declaratie;
        var prestaties = new List<Prestatieregel>(d.Clienten.Sum(c => c.Prestaties.Count));
        for (var ci = 0; ci < d.Clienten.Count; ci++)
        {
            var c = d.Clienten[ci];
            for (var pi = 0; pi < c.Prestaties.Count; pi++)
            {
                var p = c.Prestaties[pi];
                prestaties.Add(new Prestatieregel(ci, pi, c.Bsn, p.ProductReferentie.ReferentieNummer, p.ProductReferentie.VorigReferentieNummer,
                    p.ToewijzingNummer, p.ProductCategorie, p.ProductCode, p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum,
                    p.GeleverdVolume, p.Eenheid, p.ProductTarief, p.IngediendBedrag.Bedrag, p.IngediendBedrag.DebetCredit == "C"));
            }
        }

        return new Declaratieinvoer(jw323.Header.Ontvanger, jw323.Header.Afzender, d.DeclaratieNummer, d.DeclaratiePeriode.Begindatum,
            d.DeclaratiePeriode.Einddatum, d.DeclaratieDagtekening, prestaties);
    }

    /// <summary>The assessment for the JW325: Declaratie-class codes, or the codes of each refused prestatie by place.</summary>
    public static Declaratiebeoordeling NaarBeoordeling(Declaratieoordeel oordeel)
    {
        ArgumentNullException.ThrowIfNull(oordeel);
        var b = new Declaratiebeoordeling();
        b.DeclaratieCodes.AddRange(oordeel.DeclaratieAfkeuren.Select(a => a.Code).Distinct(StringComparer.Ordinal));
        foreach (var p in oordeel.Prestaties)
        {
            // One code once per prestatie: two reasons can share a code (9341 from TR341 or HK-323-2 never both).
            foreach (var code in p.Afkeuren.Select(a => a.Code).Distinct(StringComparer.Ordinal))
            {
                b.WijsPrestatieAf(p.Prestatie.Client, p.Prestatie.Positie, code);
            }
        }

        return b;
    }
}

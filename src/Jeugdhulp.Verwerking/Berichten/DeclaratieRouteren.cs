using System.Globalization;
using Jeugdhulp.Core.Declaratie;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Retour;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// A JW323 is answered with a JW325 (IV087). The checks are Core.Declaratie's <see cref="DeclaratieBeoordelen"/>
/// (docs/DECLARATIES.md); this use case loads their input in bulk (<see cref="Declaratiestand"/>), books the
/// outcome (approved prestaties count for every later declaration) and sends the JW325.
/// </summary>
internal static class DeclaratieRouteren
{
    /// <summary>Refused prestaties reported one by one; beyond this a count (a 100,000-line file must not flood the report).</summary>
    private const int MeldingenPerBericht = 50;

    public static string Verwerk(Berichtcontext ctx, Declaratiebericht bericht, Regelcatalogus catalogus)
    {
        var (invoer, oordeel) = Beoordeel(ctx.Tx, bericht, catalogus, ctx.Vandaag);
        if (!oordeel.IsAfgewezen)
        {
            Declaratiestand.Boek(ctx.Tx, ctx.JournaalId, invoer, bericht.Declaratie.TotaalIngediendBedrag.Saldo, oordeel);
        }
        else
        {
            // Nothing booked; its lines are kept for the Declaraties page (migration 0033).
            Declaratiestand.BoekAfgewezen(ctx.Tx, ctx.JournaalId, invoer, oordeel);
        }

        // The findings as data beside the answer (same transaction): pages filter on rule id without reading the JW325.
        Bevindingen.DeclaratiebevindingenVastleggen.Bewaar(ctx.Tx, ctx.JournaalId, invoer.Gemeente, oordeel);

        ctx.Meldingen.AddRange(Meldingen(oordeel, MeldingenPerBericht));
        ctx.StuurRetour("JW325", bericht, Declaratieantwoordbouwer.Bouw(bericht, ctx.Retourgegevens, DeclaratieKern.NaarBeoordeling(oordeel)));
        return oordeel.IsVolledigToegekend ? Uitkomsten.Accepted : Uitkomsten.Rejected;
    }

    /// <summary>The assessment of <paramref name="bericht"/> against the stored state; reads only.</summary>
    public static (Declaratieinvoer Invoer, Declaratieoordeel Oordeel) Beoordeel(StoreTransactie tx, Declaratiebericht bericht, Regelcatalogus catalogus, DateOnly vandaag)
    {
        var invoer = DeclaratieKern.NaarInvoer(bericht);
        return (invoer, DeclaratieBeoordelen.Beoordeel(invoer, Declaratiestand.Laad(tx, invoer, catalogus, vandaag)));
    }

    /// <summary>Dutch report lines: the Declaratie-class refusal, or a summary, the refused prestaties (at most <paramref name="maximum"/>) and the signals.</summary>
    public static IEnumerable<string> Meldingen(Declaratieoordeel oordeel, int maximum)
    {
        foreach (var a in oordeel.DeclaratieAfkeuren)
        {
            yield return $"Declaratie afgewezen: retourcode {a.Code} ({a.Regel}): {a.Reden}";
        }

        if (oordeel.IsAfgewezen)
        {
            yield break;
        }

        var afgewezen = oordeel.Prestaties.Where(p => !p.IsGoedgekeurd).ToList();
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{oordeel.Prestaties.Count - afgewezen.Count} van {oordeel.Prestaties.Count} prestatie(s) goedgekeurd; toegekend {Euro(oordeel.TotaalToegekend)}.");
        foreach (var p in afgewezen.Take(maximum))
        {
            foreach (var a in p.Afkeuren)
            {
                yield return $"Prestatie {p.Prestatie.ReferentieNummer}: retourcode {a.Code} ({a.Regel}): {a.Reden}";
            }
        }

        if (afgewezen.Count > maximum)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"… en nog {afgewezen.Count - maximum} afgewezen prestatie(s); zie het JW325.");
        }

        foreach (var s in oordeel.Signalen)
        {
            yield return $"{s.RegelId}: {s.Melding}";
        }
    }

    private static string Euro(long cent) => string.Create(CultureInfo.InvariantCulture, $"{(cent < 0 ? "-" : "")}€ {Math.Abs((decimal)cent) / 100:0.00}");
}

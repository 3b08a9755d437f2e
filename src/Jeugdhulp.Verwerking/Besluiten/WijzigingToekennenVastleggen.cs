using Jeugdhulp.Core.Handbesluiten;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store.Journaal;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>What a JW317 in review asks beside what the client has now, and what approving it would send.</summary>
/// <param name="Verzoek">The request in domain terms; null when a new product has no valid product code.</param>
/// <param name="Huidig">The client's current allocations with this provider (what the request changes).</param>
/// <param name="Toekenning">What approving the whole request would send now (HK-301-2), with its findings.</param>
public sealed record Wijzigingsinhoud(VerzoekOmWijziging? Verzoek, IReadOnlyList<VastgelegdeToewijzing> Huidig, Handtoekenning? Toekenning);

/// <summary>
/// A person approves a whole JW317 the engine left for review (HK-301-2): the stored message is read from
/// the journal, the engine builds the one JW301 for the whole request on today's state, and the Core decision
/// (<see cref="WijzigingToekennen"/>) allows it unless a check now rejects. The allocation versions are
/// recorded as the engine's own approval records them (<see cref="Jw317Verwerken.LegVast"/>).
/// </summary>
public static class WijzigingToekennenVastleggen
{
    /// <summary>The JW317 behind request line <paramref name="verzoekId"/> of <paramref name="gemeente"/> in review, for the review page; null when none.</summary>
    public static Wijzigingsinhoud? Inzien(Datastore store, Regelcatalogus catalogus, Gemeentecode gemeente, long verzoekId, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        var bronnen = Bronnen.Laad(store, catalogus, new Beslisklok(vandaag, store.Klok));
        using var tx = store.BeginTransactie();
        if (Staat.TeBeoordelenOpId(tx, verzoekId, gemeente.Waarde) is not { Berichtcode: "JW317" } v)
        {
            return null;
        }

        // Read only: the proposal names the counter's next numbers and reserves none.
        return Lees(tx, v, bronnen);
    }

    /// <summary>Approves <paramref name="v"/> in <paramref name="ctx"/>'s transaction: the allocation versions and the one JW301; the approval with its findings, or why not.</summary>
    internal static Handtoekenning Toekennen(Berichtcontext ctx, VerzoekRegel v, Beoordelingsbronnen bronnen)
    {
        var tx = ctx.Tx;
        bronnen = bronnen.Voor(tx, [v.ClientBsn]);
        var inhoud = Lees(tx, v, bronnen);
        if (inhoud?.Toekenning is not { Toegestaan: true } || inhoud.Verzoek is null)
        {
            return inhoud?.Toekenning ?? new Handtoekenning(false, [], [], [new(WijzigingToekennen.Regel, Uitkomst.Afgewezen, null, "niet-toe-te-kennen", [("regels", "HK-317-3")])]);
        }

        var engine = new VerzoekOmWijzigingBeoordelen(bronnen);
        var (toestand, volgend) = Staat.LaadToestand(tx, v.Gemeente, inhoud.Verzoek.Client);
        var toekenning = Nummers.Beslis(tx, v.Gemeente, volgend, n => WijzigingToekennen.Beslis(engine.Voorstel(inhoud.Verzoek, toestand, n)), h => h.NieuweNummers.Count);
        if (!toekenning.Toegestaan)
        {
            return toekenning;
        }

        Jw317Verwerken.LegVast(tx, v.Gemeente, v.Aanbieder, toestand, toekenning.Regels, v.JournaalId);
        var client = Staat.LeesClient(tx, v.Gemeente, v.ClientBsn)
            ?? throw new InvalidOperationException("Geen cliëntgegevens (uit een JW315) om de JW301 te vullen.");
        ctx.StuurToewijzing(Jw315Verwerken.Sleutel(v.Volgnummer), v.Volgnummer, v.Gemeente, v.Aanbieder, client, toekenning.Regels);
        return toekenning;
    }

    private static Wijzigingsinhoud? Lees(StoreTransactie tx, VerzoekRegel v, Beoordelingsbronnen bronnen)
    {
        if (tx.LeesJournaal(v.JournaalId) is not { } j || !IjwLezer.Lees(j.Inhoud).TryGet(out var b) || b is not VerzoekOmWijzigingBericht jw317)
        {
            return null;
        }

        var bsn = Bsn.Parse(v.ClientBsn).Waarde;
        bronnen = bronnen.Voor(tx, [v.ClientBsn]);
        var (toestand, volgend) = Staat.LaadToestand(tx, v.Gemeente, bsn);
        var huidig = toestand.Toewijzingen.Where(t => !t.IsVerwijderd && t.Aanbieder.Waarde == v.Aanbieder).OrderBy(t => t.Nummer).ToList();
        if (Jw317Verwerken.NaarVerzoek(jw317, Bedrijfstijd.Dag(j.OntvangenOp)) is not { } verzoek)
        {
            return new Wijzigingsinhoud(null, huidig, null);
        }

        var voorstel = new VerzoekOmWijzigingBeoordelen(bronnen).Voorstel(verzoek, toestand, volgend);
        return new Wijzigingsinhoud(verzoek, huidig, WijzigingToekennen.Beslis(voorstel));
    }
}

using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toewijzing;

/// <summary>
/// Collects the findings of one assessment in check order and turns them into a <see cref="Besluit"/>:
/// the first rejecting finding gives the JW319 reason, otherwise any review finding makes it a review.
/// </summary>
internal sealed class Beoordeling
{
    // Sized for a whole assessment (a JW315 line runs about a dozen checks): the what-if replay takes millions of
    // them, and growing the list was its largest allocation after the message itself.
    private readonly List<Bevinding> bevindingen = new(16);
    private readonly List<Signaal> signalen = [];

    public Gemeentecode? VerantwoordelijkeGemeente { get; set; }

    public bool HeeftAfwijzing => bevindingen.Any(b => b.Uitkomst == Uitkomst.Afgewezen);

    public Uitkomst Uitkomst =>
        HeeftAfwijzing ? Uitkomst.Afgewezen
        : bevindingen.Any(b => b.Uitkomst == Uitkomst.Beoordelen) ? Uitkomst.Beoordelen
        : Uitkomst.Toegekend;

    public void Ok(string regelId, string code, params Parameter[] parameters) =>
        bevindingen.Add(new(regelId, Uitkomst.Toegekend, null, code, parameters));

    public void Beoordelen(string regelId, string code, params Parameter[] parameters) =>
        bevindingen.Add(new(regelId, Uitkomst.Beoordelen, null, code, parameters));

    public void Afwijzen(string regelId, RedenAfwijzing reden, string code, params Parameter[] parameters) =>
        bevindingen.Add(new(regelId, Uitkomst.Afgewezen, reden, code, parameters));

    /// <summary>
    /// A refusal outside an iJw request (a consult request, Core/Verblijf): there is no JW319 to give a reason in.
    /// </summary>
    public void Weigeren(string regelId, string code, params Parameter[] parameters) =>
        bevindingen.Add(new(regelId, Uitkomst.Afgewezen, null, code, parameters));

    /// <summary>The findings so far, in check order (a 24-hour decision keeps them in its own <c>Verblijfoordeel</c>).</summary>
    public IReadOnlyList<Bevinding> Bevindingen => [.. bevindingen];

    /// <summary>Adds a finding another decision made (the 24-hour scope, Core/Verblijf).</summary>
    public void Neem(Bevinding bevinding) => bevindingen.Add(bevinding);

    public void Signaal(string regelId, string code, DateOnly? datum, params Parameter[] parameters) =>
        signalen.Add(new(regelId, code, datum, parameters));

    public Besluit Maak(
        string referentie,
        Regelset regelset,
        IReadOnlyList<ToegewezenProduct> toewijzingen,
        IReadOnlyList<int> nieuweNummers)
    {
        var uitkomst = Uitkomst;
        var reden = bevindingen.FirstOrDefault(b => b.Uitkomst == Uitkomst.Afgewezen)?.Reden;
        var toekennen = uitkomst == Uitkomst.Toegekend;
        return new Besluit(
            referentie,
            uitkomst,
            reden,
            reden == RedenAfwijzing.Woonplaatsbeginsel ? VerantwoordelijkeGemeente : null,
            [.. bevindingen],
            [.. signalen],
            toekennen ? toewijzingen : [],
            toekennen ? nieuweNummers : [],
            regelset.Label)
        {
            Regelversie = regelset.Versie,
        };
    }
}

using System.Text;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toewijzing;

/// <summary>
/// Collects the findings of one assessment in check order and turns them into a <see cref="Besluit"/>:
/// the first rejecting finding gives the JW319 reason, otherwise any review finding makes it a review.
/// </summary>
internal sealed class Beoordeling
{
    private readonly List<Bevinding> bevindingen = [];
    private readonly List<Signaal> signalen = [];

    public Gemeentecode? VerantwoordelijkeGemeente { get; set; }

    public bool HeeftAfwijzing => bevindingen.Any(b => b.Uitkomst == Uitkomst.Afgewezen);

    public Uitkomst Uitkomst =>
        HeeftAfwijzing ? Uitkomst.Afgewezen
        : bevindingen.Any(b => b.Uitkomst == Uitkomst.Beoordelen) ? Uitkomst.Beoordelen
        : Uitkomst.Toegekend;

    public void Ok(string regelId, string melding) => bevindingen.Add(new(regelId, Uitkomst.Toegekend, null, melding));

    public void Beoordelen(string regelId, string melding) => bevindingen.Add(new(regelId, Uitkomst.Beoordelen, null, melding));

    public void Afwijzen(string regelId, RedenAfwijzing reden, string melding) =>
        bevindingen.Add(new(regelId, Uitkomst.Afgewezen, reden, melding));

    /// <summary>Adds a finding another decision made (the 24-hour scope, Core/Verblijf).</summary>
    public void Neem(Bevinding bevinding) => bevindingen.Add(bevinding);

    public void Signaal(string regelId, string melding, DateOnly? datum) => signalen.Add(new(regelId, melding, datum));

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
            regelset.Label,
            Toelichting(uitkomst, reden, regelset));
    }

    private string Toelichting(Uitkomst uitkomst, RedenAfwijzing? reden, Regelset regelset)
    {
        var tekst = new StringBuilder();
        tekst.Append(uitkomst switch
        {
            Uitkomst.Toegekend => "Toegekend",
            Uitkomst.Afgewezen => $"Afgewezen, reden {(int)reden!} ({Omschrijving(reden.Value)})",
            _ => "Ter beoordeling door een medewerker",
        });
        tekst.Append(" volgens regelset ").Append(regelset.Label).Append('.');

        var afwijzend = bevindingen.Where(b => b.Uitkomst == Uitkomst.Afgewezen).ToList();
        var beoordelen = bevindingen.Where(b => b.Uitkomst == Uitkomst.Beoordelen).ToList();
        foreach (var b in afwijzend)
        {
            tekst.Append('\n').Append("Afgewezen op ").Append(b.RegelId).Append(": ").Append(b.Melding);
        }

        foreach (var b in beoordelen)
        {
            tekst.Append('\n').Append("Beoordelen op ").Append(b.RegelId).Append(": ").Append(b.Melding);
        }

        if (uitkomst == Uitkomst.Toegekend)
        {
            foreach (var b in bevindingen)
            {
                tekst.Append('\n').Append(b.RegelId).Append(": ").Append(b.Melding);
            }
        }
        else
        {
            tekst.Append("\nGecontroleerd: ").AppendJoin(", ", bevindingen.Select(b => b.RegelId).Distinct(StringComparer.Ordinal)).Append('.');
        }

        foreach (var s in signalen)
        {
            tekst.Append('\n').Append("Signaal ").Append(s.RegelId).Append(": ").Append(s.Melding);
        }

        return tekst.ToString();
    }

    internal static string Omschrijving(RedenAfwijzing reden) => reden switch
    {
        RedenAfwijzing.NieuweAanvraag => "geen wijziging maar nieuwe aanvraag",
        RedenAfwijzing.Budget => "past niet binnen budget",
        RedenAfwijzing.GeenContract => "geen contract",
        RedenAfwijzing.PastNietBinnenContract => "past niet binnen contract",
        RedenAfwijzing.AndereGemeente => "andere gemeente",
        RedenAfwijzing.Stapeling => "stapeling",
        RedenAfwijzing.Zorginhoudelijk => "zorginhoudelijke afkeur",
        RedenAfwijzing.Woonplaatsbeginsel => "woonplaatsbeginsel",
        RedenAfwijzing.Leeftijdsgrens => "leeftijdsgrens is bereikt",
        _ => reden.ToString(),
    };
}

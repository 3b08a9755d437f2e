using System.Text;
using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Toekenning;

/// <summary>What a municipality's own action comes to.</summary>
public enum Toekenningsstatus
{
    /// <summary>Every check passed, or a guideline was exceeded with a written reason: the JW301 goes out.</summary>
    Toegekend,

    /// <summary>A hard rule blocks it: nothing is written.</summary>
    Geblokkeerd,

    /// <summary>A guideline is exceeded (a check asks for a person) and no written reason was given: nothing is written.</summary>
    MotiveringNodig,

    /// <summary>No BSN or anonymous (HK-ROUTE-4, HK-323-10): recorded without any message; the national protocol applies.</summary>
    GeenBerichtenverkeer,
}

/// <summary>
/// The outcome of issuing, changing, ending or withdrawing an allocation: every finding (rule id, outcome,
/// Dutch text), the JW301 lines when allowed (one list per client: a family product gives the youngest
/// child's line and a dummy per other child), and the written reason kept with it.
/// </summary>
/// <param name="Status">Allowed, blocked, reason needed, or no messages.</param>
/// <param name="Bevindingen">Every check, in order.</param>
/// <param name="Signalen">Non-blocking signals (18th birthday ahead).</param>
/// <param name="Regels">The JW301 lines; empty unless allowed.</param>
/// <param name="Motivering">The written reason kept with the decision.</param>
/// <param name="Regelset">The rule set applied.</param>
public sealed record Toekenningsbesluit(
    Toekenningsstatus Status,
    IReadOnlyList<Bevinding> Bevindingen,
    IReadOnlyList<Signaal> Signalen,
    IReadOnlyList<ToegewezenProduct> Regels,
    string? Motivering,
    string Regelset)
{
    /// <summary>
    /// The route of origin the written version carries (HK-317-7: a change by the procesregisseur moves a medical
    /// trajectory to the lokale toegang); null for a withdrawal or a blocked action, which keep the earlier one.
    /// </summary>
    public VerwijzerType? Herkomst { get; init; }

    /// <summary>True when the JW301 (or, without BSN, the record) may be written.</summary>
    public bool MagSchrijven => Status is Toekenningsstatus.Toegekend or Toekenningsstatus.GeenBerichtenverkeer;

    /// <summary>The ids of every rule applied, in order, without duplicates.</summary>
    public IReadOnlyList<string> RegelIds => [.. Bevindingen.Select(b => b.RegelId).Distinct(StringComparer.Ordinal)];

    /// <summary>The hard rules that block.</summary>
    public IEnumerable<Bevinding> Blokkerend => Bevindingen.Where(b => b.Uitkomst == Uitkomst.Afgewezen);

    /// <summary>The guideline findings that need (or got) a written reason.</summary>
    public IEnumerable<Bevinding> Richtlijnafwijkingen => Bevindingen.Where(b => b.Uitkomst == Uitkomst.Beoordelen);

    /// <summary>The finding a refusal names first (the first blocking, else the first guideline finding); null when allowed.</summary>
    public Bevinding? Reden => Status switch
    {
        Toekenningsstatus.Geblokkeerd => Blokkerend.First(),
        Toekenningsstatus.MotiveringNodig => Richtlijnafwijkingen.First(),
        _ => null,
    };

    /// <summary>Dutch explanation for staff: the outcome, then every finding with its rule id.</summary>
    public string Toelichting
    {
        get
        {
            var tekst = new StringBuilder(Status switch
            {
                Toekenningsstatus.Toegekend => "Toegekend",
                Toekenningsstatus.Geblokkeerd => "Geblokkeerd door een harde regel",
                Toekenningsstatus.MotiveringNodig => "Afwijking van de richtlijn: een schriftelijke motivering is nodig",
                _ => "Geen berichtenverkeer (HK-ROUTE-4): volg het landelijk protocol met formulieren",
            });
            tekst.Append(" volgens regelset ").Append(Regelset).Append('.');
            foreach (var b in Bevindingen)
            {
                var soort = b.Uitkomst switch
                {
                    Uitkomst.Afgewezen => "Blokkeert",
                    Uitkomst.Beoordelen => "Richtlijn",
                    _ => "Ok",
                };
                tekst.Append('\n').Append(soort).Append(' ').Append(b.RegelId).Append(": ").Append(b.Melding);
            }

            foreach (var s in Signalen)
            {
                tekst.Append("\nSignaal ").Append(s.RegelId).Append(": ").Append(s.Melding);
            }

            if (!string.IsNullOrWhiteSpace(Motivering))
            {
                tekst.Append("\nMotivering: ").Append(Motivering.Trim());
            }

            return tekst.ToString();
        }
    }
}

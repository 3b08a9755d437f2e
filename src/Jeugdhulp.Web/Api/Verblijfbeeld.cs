using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Verblijf;

namespace Jeugdhulp.Web.Api;

/// <summary>
/// A municipality's 24-hour records on one day with their open deadlines: what the overview page, the record pages
/// and <c>GET /api/v1/verblijf</c> show. The same reading and deadline watch as <c>jeugdhulp verblijf</c>
/// (<see cref="VerblijfLezen"/>, <see cref="VerblijfBewaken"/>), cut to the municipality, the page or the record in SQL.
/// </summary>
/// <param name="Vandaag">The day counted from.</param>
/// <param name="Dossier">The records shown: one reference's, or one page of the overview or the API.</param>
/// <param name="Termijnen">Every open deadline of those records, earliest first.</param>
public sealed record Verblijfbeeld(DateOnly Vandaag, Verblijfdossier Dossier, IReadOnlyList<Verplichting> Termijnen)
{
    /// <summary>
    /// The records of <paramref name="gemeente"/> with reference <paramref name="referentie"/> (what one record's page and the
    /// API's read of one placement show), read by key: their deadlines are theirs alone, so this is the same as reading the
    /// whole dossier and picking the record, without reading every record of the municipality.
    /// </summary>
    public static Verblijfbeeld Lees(Backoffice b, Gemeentecode gemeente, string referentie, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(b);
        return Van(b, b.Store.LeesVerblijf(gemeente, referentie), vandaag);
    }

    /// <summary>The open deadlines of <paramref name="dossier"/>'s records on <paramref name="vandaag"/> (each record's depend only on that record).</summary>
    public static Verblijfbeeld Van(Backoffice b, Verblijfdossier dossier, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(dossier);
        var termijnen = VerblijfBewaken.Open(dossier.Stand, dossier.Geboortedata, b.Regels.OpDatum(vandaag), new Werkdagenkalender(b.Regels.ExtraVrijeDagen), vandaag)
            .OrderBy(v => v.Vervaldatum).ThenBy(v => v.Referentie, StringComparer.Ordinal).ToList();
        return new Verblijfbeeld(vandaag, dossier, termijnen);
    }

    /// <summary>Every youth in the records.</summary>
    public IReadOnlyList<Bsn> Clienten =>
    [
        .. Dossier.Plaatsingen.Select(p => p.Client).Concat(Dossier.Meerzorg.Select(m => m.Aanvraag.Client)).Concat(Dossier.MoederKind.Select(k => k.Kind)).Distinct(),
    ];

    /// <summary>One audit entry per youth shown (a staff member's or token's look at a client is always auditable).</summary>
    public static void Audit(Backoffice b, Gemeentecode gemeente, string wie, string wat, IEnumerable<Bsn> clienten)
    {
        ArgumentNullException.ThrowIfNull(b);
        var lijst = clienten.Distinct().ToList();
        if (lijst.Count == 0)
        {
            return;
        }

        using var tx = b.Store.BeginTransactie();
        foreach (var c in lijst)
        {
            tx.Audit(wie, gemeente, wat, c);
        }

        tx.Commit();
    }

    /// <summary>The open deadlines of placement <paramref name="referentie"/>.</summary>
    public IReadOnlyList<Verplichting> VanPlaatsing(string referentie) =>
        [.. Termijnen.Where(v => v.Referentie == referentie && VerblijfoverzichtLezen.Plaatsingsregels.Any(r => v.Regel.StartsWith(r, StringComparison.Ordinal)))];

    /// <summary>The open deadlines of meerzorg request <paramref name="referentie"/>.</summary>
    public IReadOnlyList<Verplichting> VanMeerzorg(string referentie) =>
        [.. Termijnen.Where(v => v.Referentie == referentie && v.Regel.StartsWith(VerblijfoverzichtLezen.Meerzorgregel, StringComparison.Ordinal))];

    /// <summary>The open deadlines of moeder-kindtoeslag <paramref name="referentie"/>.</summary>
    public IReadOnlyList<Verplichting> VanMoederKind(string referentie) =>
        [.. Termijnen.Where(v => v.Referentie == referentie && v.Regel == VerblijfoverzichtLezen.MoederKindregel)];

    /// <summary>The day of the stay today (day 1 is the first day), capped at its last day; null before it starts.</summary>
    public int? Dag(Verblijfplaatsing p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var tot = p.Einde is { } e && e < Vandaag ? e : Vandaag;
        return tot < p.Ingang ? null : Verblijfdagen.Aantal(p.Ingang, tot);
    }

    /// <summary>"dag 12 van 28" for a crisis, "dag 12" otherwise, "nog niet begonnen" before its first day.</summary>
    public string Dagtekst(Backoffice b, Verblijfplaatsing p) => (Dag(p), MaxDagen(b, p)) switch
    {
        (null, _) => "nog niet begonnen",
        ({ } dag, { } max) => $"dag {dag} van {max}",
        ({ } dag, null) => $"dag {dag}",
    };

    /// <summary>The maximum days of a crisis stay (HK-24-8-MAX in the data), for "dag 12 van 28".</summary>
    public static int? MaxDagen(Backoffice b, Verblijfplaatsing p)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(p);
        return p.IsCrisis ? b.Regels.OpDatum(p.Ingang).Termijn(CrisisBeoordelen.Maximum)?.Aantal : null;
    }
}

using System.Data.Common;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Bevindingen;

namespace Jeugdhulp.Store.Clienten;

/// <summary>A request line (a JW315 product request or a JW317) and its decision, as the municipality sees it.</summary>
/// <param name="Referentie">ReferentieAanbieder.</param>
/// <param name="Bericht">JW315 or JW317.</param>
/// <param name="Aanbieder">The provider's AGB code.</param>
/// <param name="Productcode">The requested product (null on a JW317).</param>
/// <param name="Ingangsdatum">Requested start.</param>
/// <param name="Einddatum">Requested end.</param>
/// <param name="Status">review (waits for a person) or besloten.</param>
/// <param name="Uitkomst">approved, rejected or review.</param>
/// <param name="Reden">RedenAfwijzingVerzoek when rejected.</param>
/// <param name="Regels">The rule ids applied.</param>
/// <param name="Toelichting">The Dutch explanation.</param>
/// <param name="OntvangenOp">When the message arrived.</param>
/// <param name="Bsn">The client.</param>
public sealed record Verzoekregel(
    string Referentie, string Bericht, string Aanbieder, string? Productcode, DateOnly? Ingangsdatum, DateOnly? Einddatum,
    string Status, string Uitkomst, int? Reden, IReadOnlyList<string> Regels, string Toelichting, DateTimeOffset OntvangenOp, string Bsn);

/// <summary>The current version of an allocation.</summary>
/// <param name="Nummer">ToewijzingNummer.</param>
/// <param name="Aanbieder">The provider's AGB code.</param>
/// <param name="Productcode">The product.</param>
/// <param name="Ingangsdatum">Start.</param>
/// <param name="Einddatum">End, null for open-ended.</param>
/// <param name="Volume">Volume, when the allocation has a size.</param>
/// <param name="Eenheid">Eenheid (code list WJ756).</param>
/// <param name="Frequentie">Frequentie (code list WJ757).</param>
/// <param name="Budget">Budget in cents, when allocated as a budget.</param>
/// <param name="Toewijzingsdatum">The date of this version.</param>
/// <param name="Referentie">ReferentieAanbieder of the request it answers.</param>
public sealed record Toewijzingregel(
    long Nummer, string Aanbieder, string Productcode, DateOnly Ingangsdatum, DateOnly? Einddatum, long? Volume, string? Eenheid,
    string? Frequentie, long? Budget, DateOnly Toewijzingsdatum, string? Referentie);

/// <summary>Everything one municipality holds on one client: requests (decided or waiting) and current allocations.</summary>
/// <param name="Verzoeken">Request lines, oldest first.</param>
/// <param name="Toewijzingen">Current allocations, by number.</param>
public sealed record Clientoverzicht(IReadOnlyList<Verzoekregel> Verzoeken, IReadOnlyList<Toewijzingregel> Toewijzingen);

/// <summary>
/// Read models for the municipality: one client's file, and the requests waiting for a person. Always
/// within one municipality: another municipality's requests for the same child are not shown.
/// </summary>
public static class ClientoverzichtLezen
{
    private const string VerzoekSelect = """
        SELECT v.referentie, v.berichtcode, v.aanbieder, v.productcode, v.ingangsdatum, v.einddatum, v.status, v.uitkomst,
            v.reden, v.regels, v.toelichting, j.ontvangen_op, v.client_bsn, v.id
        FROM verzoeken v JOIN journaal j ON j.id = v.journaal_id
        """;

    /// <summary>
    /// The file of <paramref name="client"/> in <paramref name="gemeente"/>; null when the municipality does
    /// not know the client (no request, no allocation, not a resident).
    /// </summary>
    public static Clientoverzicht? LeesClientoverzicht(this Datastore store, Gemeentecode gemeente, Bsn client)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        var verzoeken = LeesVerzoeken(sessie, sessie.Commando($"{VerzoekSelect} WHERE v.gemeente = @gemeente AND v.client_bsn = @bsn ORDER BY v.id")
            .Met("@gemeente", gemeente.Waarde).Met("@bsn", client.Waarde));
        var toewijzingen = new List<Toewijzingregel>();
        using (var r = sessie.Commando("""
            SELECT nummer, aanbieder, productcode, ingangsdatum, einddatum, volume, eenheid, frequentie, budget, toewijzingsdatum, referentie
            FROM toewijzingen WHERE gemeente = @gemeente AND client_bsn = @bsn AND actueel = 1 ORDER BY nummer
            """).Met("@gemeente", gemeente.Waarde).Met("@bsn", client.Waarde).ExecuteReader())
        {
            while (r.Read())
            {
                toewijzingen.Add(new Toewijzingregel(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.DatumOfNull(4),
                    r.IsDBNull(5) ? null : r.GetInt64(5), r.TekstOfNull(6), r.TekstOfNull(7), r.IsDBNull(8) ? null : r.GetInt64(8),
                    r.GetFieldValue<DateOnly>(9), r.TekstOfNull(10)));
            }
        }

        if (verzoeken.Count == 0 && toewijzingen.Count == 0)
        {
            var inwoner = sessie.Commando("SELECT COUNT(*) FROM inwoners WHERE bsn = @bsn AND gemeente = @gemeente")
                .Met("@bsn", client.Waarde).Met("@gemeente", gemeente.Waarde).LeesLongOfNull();
            if (inwoner is null or 0)
            {
                return null;
            }
        }

        return new Clientoverzicht(verzoeken, toewijzingen);
    }

    /// <summary>The request lines of <paramref name="gemeente"/> waiting for a person, oldest first.</summary>
    public static IReadOnlyList<Verzoekregel> TeBeoordelenVoor(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        return LeesVerzoeken(sessie, sessie.Commando($"{VerzoekSelect} WHERE v.gemeente = @gemeente AND v.status = 'review' ORDER BY v.id")
            .Met("@gemeente", gemeente.Waarde));
    }

    /// <summary>The lines <paramref name="cmd"/> reads, an engine decision's explanation rendered from its findings (one query for them all).</summary>
    private static List<Verzoekregel> LeesVerzoeken(StoreSessie sessie, DbCommand cmd)
    {
        var lijst = new List<(long Id, Verzoekregel Regel)>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var regels = r.GetString(9);
                lijst.Add((r.GetInt64(13), new Verzoekregel(r.GetString(0), r.GetString(1), r.GetString(2), r.TekstOfNull(3), r.DatumOfNull(4),
                    r.DatumOfNull(5), r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : checked((int)r.GetInt64(8)),
                    regels.Length == 0 ? [] : regels.Split(','), r.GetString(10), r.GetFieldValue<DateTimeOffset>(11), r.GetString(12))));
            }
        }

        return [.. Toelichtingen.Vul(lijst, sessie.Store, sessie.Commando, v => v.Id, v => v.Regel.Toelichting,
            (v, t) => (v.Id, v.Regel with { Toelichting = t })).Select(v => v.Regel)];
    }
}

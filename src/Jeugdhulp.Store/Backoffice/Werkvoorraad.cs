using System.Data.Common;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Bevindingen;

namespace Jeugdhulp.Store.Backoffice;

/// <summary>A request line waiting for a person (status review), with the engine's explanation and rule ids.</summary>
/// <param name="Id">The request line's id (stable, used in the web app's URLs).</param>
/// <param name="Berichtcode">JW315 or JW317.</param>
/// <param name="Referentie">ReferentieAanbieder.</param>
/// <param name="Aanbieder">The provider's AGB code.</param>
/// <param name="Client">The client.</param>
/// <param name="Achternaam">The client's surname from the JW315, when known.</param>
/// <param name="Productcode">Requested product (JW315).</param>
/// <param name="Ingangsdatum">Requested start.</param>
/// <param name="Einddatum">Requested end.</param>
/// <param name="Omvang">Requested volume.</param>
/// <param name="Regels">The rule ids the engine applied, comma separated.</param>
/// <param name="Toelichting">The engine's explanation in Dutch (rendered from the findings, <see cref="Toelichtingen"/>).</param>
/// <param name="Ontvangen">When the message was received.</param>
public sealed record Werkitem(
    long Id, string Berichtcode, string Referentie, string Aanbieder, Bsn Client, string? Achternaam, string? Productcode,
    DateOnly? Ingangsdatum, DateOnly? Einddatum, Omvang? Omvang, string Regels, string Toelichting, DateTimeOffset Ontvangen)
{
    /// <summary>After "aanvraag in onderzoek" (JW319 VerzoekAntwoord 2): the new answer deadline (HK-315-3), else null.</summary>
    public DateOnly? OnderzoekTot { get; init; }
}

/// <summary>
/// The municipality's work queue: request lines in review. Every query is filtered on the staff member's
/// gemeente, so another municipality's item is not found (the web app answers 404).
/// </summary>
public static class Werkvoorraad
{
    /// <summary>The columns <see cref="Lees"/> reads, in its order (also used by <see cref="WerkvoorraadZoeken"/>).</summary>
    internal const string Velden = """
        v.id, v.berichtcode, v.referentie, v.aanbieder, v.client_bsn, c.achternaam, v.productcode, v.ingangsdatum,
            v.einddatum, v.volume, v.eenheid, v.frequentie, v.regels, v.toelichting, j.ontvangen_op, v.onderzoek_tot
        """;

    private const string Kolommen = $"""
        SELECT {Velden}
        FROM verzoeken v
        JOIN journaal j ON j.id = v.journaal_id
        LEFT JOIN clienten c ON c.gemeente = v.gemeente AND c.bsn = v.client_bsn
        """;

    /// <summary>Every item in review for <paramref name="gemeente"/>, oldest first (no audit: only masked BSNs are shown).</summary>
    public static IReadOnlyList<Werkitem> LeesWerkvoorraad(this Datastore store, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var sessie = store.OpenSessie();
        using var r = sessie.Commando($"{Kolommen} WHERE v.gemeente = @gemeente AND v.status = 'review' ORDER BY j.ontvangen_op, v.id")
            .Met("@gemeente", gemeente.Waarde).ExecuteReader();
        var lijst = new List<Werkitem>();
        while (r.Read())
        {
            lijst.Add(Lees(r));
        }

        r.Close();
        return Toelichtingen.Vul(lijst, store, sessie.Commando, w => w.Id, w => w.Toelichting, (w, t) => w with { Toelichting = t });
    }

    /// <summary>
    /// A staff member opens one item: null when it is not in review for <paramref name="gemeente"/>. Every
    /// successful look is audited in the same transaction.
    /// </summary>
    public static Werkitem? BekijkWerkitem(this Datastore store, string medewerker, Gemeentecode gemeente, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(medewerker);
        using var tx = store.BeginTransactie();
        Werkitem? item = null;
        using (var r = tx.Commando($"{Kolommen} WHERE v.gemeente = @gemeente AND v.status = 'review' AND v.id = @id")
            .Met("@gemeente", gemeente.Waarde).Met("@id", id).ExecuteReader())
        {
            if (r.Read())
            {
                item = Lees(r);
            }
        }

        if (item is not null)
        {
            item = Toelichtingen.Vul([item], store, tx.Commando, w => w.Id, w => w.Toelichting, (w, t) => w with { Toelichting = t })[0];
            tx.Audit(medewerker, gemeente, $"verzoek {item.Referentie} bekeken", item.Client);
        }

        tx.Commit();
        return item;
    }

    internal static Werkitem Lees(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Bsn.Parse(r.GetString(4)).Waarde, r.TekstOfNull(5),
        r.TekstOfNull(6), r.DatumOfNull(7), r.DatumOfNull(8),
        r.IsDBNull(9) ? null : new Omvang(checked((int)r.GetInt64(9)), r.GetString(10), r.GetString(11)),
        r.GetString(12), r.GetString(13), r.GetFieldValue<DateTimeOffset>(14)) { OnderzoekTot = r.DatumOfNull(15) };
}

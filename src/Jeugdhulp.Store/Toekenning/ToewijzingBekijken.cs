using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Toekenning;

/// <summary>One allocation as the backoffice's allocation page shows it: the current version, whose it is, who holds procesregie.</summary>
/// <param name="Huidig">The current version (IV013: the newest).</param>
/// <param name="Client">The client (shown masked; never in a URL).</param>
/// <param name="Achternaam">The client's surname as the municipality knows it.</param>
/// <param name="Procesregie">Who holds procesregie; null when nothing is recorded.</param>
/// <param name="Handelingen">The municipality's recorded actions on it, oldest first, with the written reasons kept with them.</param>
public sealed record Toewijzingoverzicht(
    DossierToewijzing Huidig, Bsn Client, string? Achternaam, Procesregie? Procesregie, IReadOnlyList<Toekenningshandeling> Handelingen)
{
    /// <summary>Withdrawn (HK-301-6, RedenWijziging 13): nothing can be changed any more.</summary>
    public bool Ingetrokken => Huidig.RedenWijziging == "13";
}

/// <summary>One recorded action of the municipality on an allocation (the <c>toekenningen</c> row).</summary>
/// <param name="Soort">toekennen, wijzigen, beeindigen, intrekken, procesregie.</param>
/// <param name="Regels">The rule ids applied, comma-separated.</param>
/// <param name="Motivering">The written reason for exceeding a guideline (or for withdrawing).</param>
/// <param name="Commentaar">The staff member's comment.</param>
/// <param name="Door">Who.</param>
/// <param name="Op">When.</param>
public sealed record Toekenningshandeling(string Soort, string Regels, string? Motivering, string? Commentaar, string Door, DateTimeOffset Op);

/// <summary>Reads one allocation of the staff member's own municipality; every look is audited.</summary>
public static class ToewijzingBekijken
{
    /// <summary>Allocation <paramref name="nummer"/> of <paramref name="gemeente"/>; null when it has none with that number.</summary>
    public static Toewijzingoverzicht? BekijkToewijzing(this Datastore store, string medewerker, Gemeentecode gemeente, long nummer)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(medewerker);
        using var tx = store.BeginTransactie();
        var t = Staat.Actueel(tx, gemeente.Waarde, nummer);
        if (t is null)
        {
            return null;
        }

        Procesregie? regie = null;
        using (var r = tx.Commando("SELECT houder, team FROM procesregie WHERE gemeente = @gemeente AND nummer = @nummer")
            .Met("@gemeente", gemeente.Waarde).Met("@nummer", nummer).ExecuteReader())
        {
            if (r.Read() && Enum.TryParse<Procesregiehouder>(r.GetString(0), ignoreCase: true, out var houder))
            {
                regie = new Procesregie(houder, r.TekstOfNull(1));
            }
        }

        var handelingen = new List<Toekenningshandeling>();
        using (var r = tx.Commando("""
            SELECT soort, regels, motivering, commentaar, door, op FROM toekenningen
            WHERE gemeente = @gemeente AND client_bsn = @bsn AND nummer = @nummer ORDER BY id
            """).Met("@gemeente", gemeente.Waarde).Met("@bsn", t.Client.Waarde).Met("@nummer", nummer).ExecuteReader())
        {
            while (r.Read())
            {
                handelingen.Add(new Toekenningshandeling(r.GetString(0), r.GetString(1), r.TekstOfNull(2), r.TekstOfNull(3), r.GetString(4),
                    r.GetFieldValue<DateTimeOffset>(5)));
            }
        }

        var client = Staat.LeesClient(tx, gemeente.Waarde, t.Client.Waarde);
        tx.Audit(medewerker, gemeente, $"toewijzing {nummer} bekeken", t.Client);
        tx.Commit();
        return new Toewijzingoverzicht(
            new DossierToewijzing(t.Nummer, t.Aanbieder.Waarde, t.Product.Waarde, t.Ingangsdatum, t.Einddatum, t.Omvang, t.Toewijzingsdatum,
                t.Toewijzingstijd, t.ReferentieAanbieder, t.RedenWijziging, true),
            t.Client, client?.Achternaam, regie, handelingen);
    }
}

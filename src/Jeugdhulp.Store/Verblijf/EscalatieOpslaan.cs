using System.Globalization;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;

namespace Jeugdhulp.Store.Verblijf;

/// <summary>
/// Records an escalation on a recorded placement (HK-24-12) with who decides on its route
/// (<see cref="EscalatieVastleggen"/>), and later that it was decided. The content is between people: only the
/// subject, who decides and when are kept.
/// </summary>
public static class EscalatieOpslaan
{
    /// <summary>Writes an escalation on placement <paramref name="referentie"/>.</summary>
    public static Verblijfvastlegging LegEscalatieVast(this Datastore store, Gemeentecode gemeente, string referentie, string onderwerp, string wie)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        if (string.IsNullOrWhiteSpace(onderwerp))
        {
            return Verblijfvastlegging.Mislukt("VERBLIJF-INVOER", "Het onderwerp van de escalatie is verplicht.");
        }

        using var tx = store.BeginTransactie();
        Plaatsingsroute route;
        Bsn? client;
        using (var r = tx.Commando("SELECT route, client_bsn FROM verblijf_plaatsingen WHERE gemeente = @gemeente AND referentie = @referentie")
            .Met("@gemeente", gemeente.Waarde).Met("@referentie", referentie).ExecuteReader())
        {
            if (!r.Read())
            {
                return Verblijfvastlegging.Mislukt("VERBLIJF-ONBEKEND", $"Gemeente {gemeente} heeft geen 24-uursplaatsing {referentie}.");
            }

            route = Enum.Parse<Plaatsingsroute>(r.GetString(0));
            client = Bsn.Parse(r.GetString(1)).TryGet(out var b) ? b : null;
        }

        var beslisser = EscalatieVastleggen.WieBeslist(route);
        tx.Commando("""
            INSERT INTO verblijf_escalaties (gemeente, referentie, onderwerp, beslisser, door, op)
            VALUES (@gemeente, @referentie, @onderwerp, @beslisser, @door, @op)
            """)
            .Met("@gemeente", gemeente.Waarde).Met("@referentie", referentie).Met("@onderwerp", onderwerp).Met("@beslisser", beslisser.ToString())
            .Met("@door", wie).Met("@op", tx.EchtNu).ExecuteNonQuery();
        tx.Audit(wie, gemeente, string.Create(CultureInfo.InvariantCulture, $"escalatie op 24-uursplaatsing {referentie} vastgelegd (HK-24-12, beslist: {beslisser})"), client);
        tx.Commit();
        var bevinding = EscalatieVastleggen.Vastleggen(route, onderwerp);
        return new(new Verblijfoordeel([bevinding], [], ""), true, null);
    }

    /// <summary>Records that escalation <paramref name="id"/> was decided on <paramref name="dag"/>.</summary>
    public static Verblijfvastlegging SluitEscalatie(this Datastore store, Gemeentecode gemeente, long id, DateOnly dag, string wie)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        using var tx = store.BeginTransactie();
        var n = tx.Commando("UPDATE verblijf_escalaties SET besloten = @dag, door = @door, op = @op WHERE id = @id AND gemeente = @gemeente AND besloten IS NULL")
            .Met("@dag", dag).Met("@door", wie).Met("@op", tx.EchtNu).Met("@id", id).Met("@gemeente", gemeente.Waarde).ExecuteNonQuery();
        if (n != 1)
        {
            return Verblijfvastlegging.Mislukt("VERBLIJF-ESCALATIE", string.Create(CultureInfo.InvariantCulture, $"Gemeente {gemeente} heeft geen open escalatie {id}."));
        }

        tx.Audit(wie, gemeente, string.Create(CultureInfo.InvariantCulture, $"escalatie {id} besloten op {dag:yyyy-MM-dd} (HK-24-12)"), null);
        tx.Commit();
        return new(null, true, null);
    }
}

using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Audit;

namespace Jeugdhulp.Store.Verblijf;

/// <summary>
/// Records a consult request (HK-24-6; refused without basic information or question, nothing written) and,
/// later, its outcome. No client is stored: a consult may precede any decision, its basic information is the
/// referrer's text.
/// </summary>
public static class ConsultOpslaan
{
    /// <summary>The checks <see cref="LegConsultVast"/> runs, without writing (for a confirmation step).</summary>
    public static Verblijfvastlegging ControleerConsult(Regelcatalogus catalogus, Consultaanvraag a)
    {
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(a);
        return !Gemeentecode.Parse(a.Gemeente).IsGeldig || string.IsNullOrWhiteSpace(a.Referentie)
            ? Verblijfvastlegging.Mislukt("VERBLIJF-INVOER", $"Gemeente '{a.Gemeente}' en een referentie zijn verplicht.")
            : new(ConsultVastleggen.Aanvraag(a, catalogus.OpDatum(a.Ingediend), new Werkdagenkalender(catalogus.ExtraVrijeDagen)), false, null);
    }

    /// <summary>Checks (<see cref="ConsultVastleggen.Aanvraag"/>) and writes the request.</summary>
    public static Verblijfvastlegging LegConsultVast(this Datastore store, Regelcatalogus catalogus, Consultaanvraag a, string wie)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        var controle = ControleerConsult(catalogus, a);
        if (controle.Oordeel is not { Uitkomst: not Uitkomst.Afgewezen } oordeel)
        {
            return controle;
        }

        var gemeente = Gemeentecode.Parse(a.Gemeente).Waarde;
        using var tx = store.BeginTransactie();
        var n = tx.Commando("""
            INSERT INTO verblijf_consulten (gemeente, referentie, basisinformatie, vraag, ingediend, gewenst, door, op)
            VALUES (@gemeente, @referentie, @basis, @vraag, @ingediend, @gewenst, @door, @op)
            ON CONFLICT (gemeente, referentie) DO NOTHING
            """)
            .Met("@gemeente", a.Gemeente).Met("@referentie", a.Referentie).Met("@basis", a.Basisinformatie).Met("@vraag", a.Vraag)
            .Met("@ingediend", a.Ingediend).Met("@gewenst", a.Gewenst).Met("@door", wie).Met("@op", tx.EchtNu).ExecuteNonQuery();
        if (n != 1)
        {
            return Verblijfvastlegging.Mislukt("VERBLIJF-DUBBEL", $"Consultaanvraag {a.Referentie} is al vastgelegd.");
        }

        tx.Audit(wie, gemeente, $"consultaanvraag {a.Referentie} vastgelegd (HK-24-6)", null);
        tx.Commit();
        return new(oordeel, true, null);
    }

    /// <summary>Records the outcome of consult <paramref name="referentie"/> (once).</summary>
    public static Verblijfvastlegging LegConsultuitkomstVast(this Datastore store, Gemeentecode gemeente, string referentie, Consultuitkomst uitkomst, DateOnly op, string wie)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        using var tx = store.BeginTransactie();
        var n = tx.Commando("""
            UPDATE verblijf_consulten SET uitkomst = @uitkomst, uitkomst_op = @dag, door = @door, op = @op
            WHERE gemeente = @gemeente AND referentie = @referentie AND uitkomst IS NULL
            """)
            .Met("@uitkomst", uitkomst.ToString()).Met("@dag", op).Met("@door", wie).Met("@op", tx.EchtNu)
            .Met("@gemeente", gemeente.Waarde).Met("@referentie", referentie).ExecuteNonQuery();
        if (n != 1)
        {
            return Verblijfvastlegging.Mislukt("VERBLIJF-CONSULT", $"Gemeente {gemeente} heeft geen open consultaanvraag {referentie}.");
        }

        tx.Audit(wie, gemeente, string.Create(CultureInfo.InvariantCulture, $"uitkomst consult {referentie}: {uitkomst} (HK-24-6)"), null);
        tx.Commit();
        var bevinding = ConsultVastleggen.Vastleggen(uitkomst);
        return new(new Verblijfoordeel([bevinding], [], ""), true, null);
    }
}

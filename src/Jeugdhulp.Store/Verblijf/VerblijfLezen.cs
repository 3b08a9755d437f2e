using System.Data.Common;
using System.Globalization;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Verblijf;

/// <summary>A recorded consult (HK-24-6): the request and, once held, its outcome.</summary>
/// <param name="Aanvraag">The request.</param>
/// <param name="Uitkomst">The outcome; null while not held.</param>
/// <param name="UitkomstOp">The day the outcome was recorded.</param>
public sealed record VastgelegdConsult(Consultaanvraag Aanvraag, Consultuitkomst? Uitkomst, DateOnly? UitkomstOp);

/// <summary>A recorded meerzorg request (HK-24-10) with its decision.</summary>
/// <param name="Aanvraag">The request as last recorded (with the state of both checks).</param>
/// <param name="Besluit">"toegekend" or "afgewezen"; null while open.</param>
/// <param name="Nummer">The Begeleiding Individueel allocation written when granted.</param>
/// <param name="Herbeoordeeld">True once reassessed after its period (HK-24-10-DUUR).</param>
public sealed record VastgelegdeMeerzorg(Meerzorgaanvraag Aanvraag, string? Besluit, int? Nummer, bool Herbeoordeeld);

/// <summary>A recorded escalation (HK-24-12).</summary>
/// <param name="Id">Row id.</param>
/// <param name="Gemeente">The municipality.</param>
/// <param name="Referentie">The placement it is about.</param>
/// <param name="Onderwerp">What it is about.</param>
/// <param name="Beslisser">Who decides on that route.</param>
/// <param name="Besloten">The day it was decided; null while open.</param>
public sealed record VastgelegdeEscalatie(long Id, string Gemeente, string Referentie, string Onderwerp, Beslisser Beslisser, DateOnly? Besloten);

/// <summary>Every 24-hour record of one municipality (or all), for the lists, the CLI and the deadline watch.</summary>
/// <param name="Plaatsingen">Placements.</param>
/// <param name="Consulten">Consults.</param>
/// <param name="Meerzorg">Meerzorg requests.</param>
/// <param name="MoederKind">Moeder-kindtoeslag uses.</param>
/// <param name="Escalaties">Escalations.</param>
public sealed record Verblijfdossier(
    IReadOnlyList<Verblijfplaatsing> Plaatsingen,
    IReadOnlyList<VastgelegdConsult> Consulten,
    IReadOnlyList<VastgelegdeMeerzorg> Meerzorg,
    IReadOnlyList<MoederKindgebruik> MoederKind,
    IReadOnlyList<VastgelegdeEscalatie> Escalaties)
{
    /// <summary>The placed youths' birth dates known to the municipality or the register (HK-24-AANMELDING-18).</summary>
    public IReadOnlyDictionary<Bsn, DateOnly> Geboortedata { get; init; } = new Dictionary<Bsn, DateOnly>();

    /// <summary>What the deadline watch reads (HK-24-8, -3, -9, -10, -11, 18th birthday).</summary>
    public Verblijfstand Stand => new(
        Plaatsingen,
        [.. Meerzorg.Where(m => m.Besluit is null).Select(m => m.Aanvraag)],
        [.. Meerzorg.Where(m => m.Besluit == MeerzorgBesluiten.Toegekend)
            .Select(m => new Meerzorgtoekenning(m.Aanvraag.Gemeente, m.Aanvraag.Referentie, m.Aanvraag.Client, m.Aanvraag.Tot, m.Herbeoordeeld))],
        MoederKind);
}

/// <summary>The words stored for a meerzorg decision.</summary>
public static class MeerzorgBesluiten
{
    /// <summary>Granted: an allocation was written.</summary>
    public const string Toegekend = "toegekend";

    /// <summary>Refused.</summary>
    public const string Afgewezen = "afgewezen";
}

/// <summary>
/// Reads the 24-hour records (migration 0012) in a fixed number of commands. Rows with an unreadable BSN or
/// product are skipped (the write path never writes them).
/// </summary>
public static class VerblijfLezen
{
    // The columns of each table as the row readers below map them (shared with the overview's pages, VerblijfoverzichtLezen).
    internal const string PlaatsingKolommen = """
        gemeente, referentie, client_bsn, productcode, route, ingang, einde, beschikking, dialoog, regisseur, regisseur_vastgelegd,
            vervolgperspectief, vervolgplaatsing, evaluatie, aangemeld_na_18,
            COALESCE((SELECT c.geboortedatum FROM clienten c WHERE c.gemeente = p.gemeente AND c.bsn = p.client_bsn),
                (SELECT i.geboortedatum FROM inwoners i WHERE i.bsn = p.client_bsn))
        """;

    internal const string ConsultKolommen = "gemeente, referentie, basisinformatie, vraag, ingediend, gewenst, uitkomst, uitkomst_op";

    internal const string MeerzorgKolommen = """
        gemeente, referentie, client_bsn, aanbieder, zzp, extra_uren, van, tot, ontvangen, hulpplan, onafhankelijke_toets, financiele_toets,
            besluit, nummer, herbeoordeeld
        """;

    internal const string MoederKindKolommen = "gemeente, referentie, kind_bsn, aanbieder, besluit_moeder, van, tot, rapportage";

    internal const string EscalatieKolommen = "id, gemeente, referentie, onderwerp, beslisser, besloten";

    private const string Query = $$"""
        SELECT {{PlaatsingKolommen}} FROM verblijf_plaatsingen p {0} ORDER BY ingang, referentie;
        SELECT {{ConsultKolommen}} FROM verblijf_consulten {0} ORDER BY ingediend, referentie;
        SELECT {{MeerzorgKolommen}} FROM verblijf_meerzorg {0} ORDER BY ontvangen, referentie;
        SELECT {{MoederKindKolommen}} FROM verblijf_moederkind {0} ORDER BY van, referentie;
        SELECT {{EscalatieKolommen}} FROM verblijf_escalaties {0} ORDER BY id
        """;

    /// <summary>Every record of <paramref name="gemeente"/> (all municipalities when null).</summary>
    public static Verblijfdossier LeesVerblijf(this Datastore store, Gemeentecode? gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var tx = store.BeginTransactie();
        var dossier = Lees(tx, gemeente?.Waarde);
        tx.Commit();
        return dossier;
    }

    /// <summary>
    /// The records of <paramref name="gemeente"/> with reference <paramref name="referentie"/> — a placement with its
    /// escalations, a consult, a meerzorg request, a moeder-kind use: what one action on one record needs (a meerzorg
    /// decision, an API or CLI action). Read by the tables' key (gemeente, referentie): the municipality's whole dossier, which
    /// those actions read before, grows with every record (a demo month of 800,000 clients records ~74,000 placements).
    /// </summary>
    public static Verblijfdossier LeesVerblijf(this Datastore store, Gemeentecode gemeente, string referentie)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(referentie);
        using var tx = store.BeginTransactie();
        var dossier = Lees(tx, gemeente.Waarde, referentie);
        tx.Commit();
        return dossier;
    }

    internal static Verblijfdossier Lees(StoreTransactie tx, string? gemeente, string? referentie = null)
    {
        var plaatsingen = new List<Verblijfplaatsing>();
        var consulten = new List<VastgelegdConsult>();
        var meerzorg = new List<VastgelegdeMeerzorg>();
        var moederKind = new List<MoederKindgebruik>();
        var escalaties = new List<VastgelegdeEscalatie>();
        var geboortedata = new Dictionary<Bsn, DateOnly>();
        var filter = gemeente is null ? "" : referentie is null ? "WHERE gemeente = @gemeente" : "WHERE gemeente = @gemeente AND referentie = @referentie";
        var cmd = tx.Commando(Query.Replace("{0}", filter, StringComparison.Ordinal));
        if (gemeente is not null)
        {
            cmd.Met("@gemeente", gemeente);
            if (referentie is not null)
            {
                cmd.Met("@referentie", referentie);
            }
        }

        using var r = cmd.ExecuteReader();
        LeesPlaatsingen(r, plaatsingen, geboortedata);
        r.NextResult();
        LeesConsulten(r, consulten);
        r.NextResult();
        LeesMeerzorg(r, meerzorg);
        r.NextResult();
        LeesMoederKind(r, moederKind);
        r.NextResult();
        LeesEscalaties(r, escalaties);
        return new Verblijfdossier(plaatsingen, consulten, meerzorg, moederKind, escalaties) { Geboortedata = geboortedata };
    }

    /// <summary>The escalation <paramref name="id"/> of <paramref name="gemeente"/> by its key; null when that municipality has none.</summary>
    public static VastgelegdeEscalatie? LeesEscalatie(this Datastore store, Gemeentecode gemeente, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var s = store.OpenSessie();
        using var r = s.Commando($"SELECT {EscalatieKolommen} FROM verblijf_escalaties WHERE id = @id AND gemeente = @gemeente")
            .Met("@id", id).Met("@gemeente", gemeente.Waarde).ExecuteReader();
        var lijst = new List<VastgelegdeEscalatie>();
        LeesEscalaties(r, lijst);
        return lijst.SingleOrDefault();
    }

    internal static void LeesPlaatsingen(DbDataReader r, List<Verblijfplaatsing> plaatsingen, Dictionary<Bsn, DateOnly> geboortedata)
    {
        while (r.Read())
        {
            if (Bsn.Parse(r.GetString(2)).TryGet(out var bsn) && ProductCode.Parse(r.GetString(3)).TryGet(out var product))
            {
                plaatsingen.Add(new Verblijfplaatsing(r.GetString(0), r.GetString(1), bsn, product, Enum.Parse<Plaatsingsroute>(r.GetString(4)),
                    r.GetFieldValue<DateOnly>(5), r.DatumOfNull(6))
                {
                    Beschikking = r.DatumOfNull(7),
                    Dialoog = r.DatumOfNull(8),
                    Regisseur = r.TekstOfNull(9) is { } regisseur ? Enum.Parse<Regisseur>(regisseur) : null,
                    RegisseurVastgelegd = r.DatumOfNull(10),
                    Vervolgperspectief = r.DatumOfNull(11),
                    Vervolgplaatsing = r.DatumOfNull(12),
                    Evaluatie = r.DatumOfNull(13),
                    AangemeldNa18 = r.DatumOfNull(14),
                });
                if (r.DatumOfNull(15) is { } geboren)
                {
                    geboortedata[bsn] = geboren;
                }
            }
        }
    }

    internal static void LeesConsulten(DbDataReader r, List<VastgelegdConsult> consulten)
    {
        while (r.Read())
        {
            consulten.Add(new VastgelegdConsult(
                new Consultaanvraag(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateOnly>(4), r.GetFieldValue<DateOnly>(5)),
                r.TekstOfNull(6) is { } u ? Enum.Parse<Consultuitkomst>(u) : null, r.DatumOfNull(7)));
        }
    }

    internal static void LeesMeerzorg(DbDataReader r, List<VastgelegdeMeerzorg> meerzorg)
    {
        while (r.Read())
        {
            if (Bsn.Parse(r.GetString(2)).TryGet(out var bsn))
            {
                var aanvraag = new Meerzorgaanvraag(r.GetString(0), r.GetString(1), bsn, r.GetString(3), r.GetString(4), checked((int)Long(r.GetValue(5))),
                    r.GetFieldValue<DateOnly>(6), r.GetFieldValue<DateOnly>(7), r.GetFieldValue<DateOnly>(8), Long(r.GetValue(9)) == 1,
                    Enum.Parse<Toetsstand>(r.GetString(10)), Enum.Parse<Toetsstand>(r.GetString(11)));
                meerzorg.Add(new VastgelegdeMeerzorg(aanvraag, r.TekstOfNull(12), r.IsDBNull(13) ? null : checked((int)Long(r.GetValue(13))), Long(r.GetValue(14)) == 1));
            }
        }
    }

    internal static void LeesMoederKind(DbDataReader r, List<MoederKindgebruik> moederKind)
    {
        while (r.Read())
        {
            if (Bsn.Parse(r.GetString(2)).TryGet(out var bsn))
            {
                moederKind.Add(new MoederKindgebruik(r.GetString(0), r.GetString(1), bsn, r.GetString(3), r.GetString(4),
                    r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateOnly>(6), r.DatumOfNull(7)));
            }
        }
    }

    internal static void LeesEscalaties(DbDataReader r, List<VastgelegdeEscalatie> escalaties)
    {
        while (r.Read())
        {
            escalaties.Add(new VastgelegdeEscalatie(Long(r.GetValue(0)), r.GetString(1), r.GetString(2), r.GetString(3), Enum.Parse<Beslisser>(r.GetString(4)), r.DatumOfNull(5)));
        }
    }

    private static long Long(object waarde) => Convert.ToInt64(waarde, CultureInfo.InvariantCulture);
}

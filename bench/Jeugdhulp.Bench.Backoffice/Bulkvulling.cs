using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Bevindingen;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Bench.Backoffice;

/// <summary>
/// Fills a migrated store with one municipality at national size: the rows the pipeline writes for a JW315 that
/// was answered (journal + content, request line, findings, JW301/JW316 outbox rows, allocation, start), review
/// items, JW323s per provider and month with their booked prestaties, and audit rows. Written in bulk
/// with prepared inserts in one transaction per table: the real pipeline does ~30 clients/s under load, far too
/// slow for 100,000 clients. A JW315's stored content is one real example message (the pages only parse the
/// content of a few rows); the JW323s are real messages written by IjwSchrijver for exactly the booked lines.
/// </summary>
internal static class Bulkvulling
{
    public const string Gemeente = "0034";
    public static readonly string[] Aanbieders = ["02345678", "03456789"];
    /// <summary>The findings after HK-315-4 of an approved JW315 line, as the engine stored them in a generated region.</summary>
    private static readonly (string Regel, string Code, string Parameters)[] Bevindingen =
    [
        ("HK-PER-5", "neemt-deel", """{"gemeenteNaam":"Almere (0034)","naam":"Multidisciplinaire Specialistische Jeugdhulp","product":"45F11"}"""),
        ("HK-315-5", "contract", """{"aanbieder":"98557962","dag":"2027-01-16","product":"45F11"}"""),
        ("HK-301-7", "omvang", """{"volume":"1320","eenheid":"01","frequentie":"6","product":"45F11"}"""),
        ("HK-315-10", "medisch", """{"type":"02","omschrijving":"huisarts of praktijkondersteuner (POH)"}"""),
        ("HK-PRD-6", "jonger", """{"ingang":"2027-01-16","leeftijd":"11","maxLeeftijd":"18"}"""),
        ("HK-PRD-2", "binnen-duur", """{"ingang":"2027-01-16","eind":"2027-07-15","max":"12","toevoeging":""}"""),
        ("HK-PRD-3", "binnen-richtlijn", """{"minuten":"1320","maxUren":"60","hoogste":"12 maanden"}"""),
        ("OP259", "geen-lopende-toewijzing", """{"product":"45F11"}"""),
        ("OP347", "geen-ander-verzoek", """{"product":"45F11"}"""),
    ];

    /// <summary>
    /// A line's findings as the engine stores them since migration 0038 (one row, written by the store's own encoder,
    /// Store/Bevindingen/Bevindinglijst): HK-315-4 in review or approved, then the nine above, approved.
    /// </summary>
    private static Vastgelegd[] Rijen(bool inReview, string bsn) =>
    [
        inReview
            ? new Vastgelegd(BevindingenVastleggen.SoortBevinding, "HK-315-4", Uitkomsten.Review, null, "onbekend", [new Parameter("client", bsn)], null)
            : new Vastgelegd(BevindingenVastleggen.SoortBevinding, "HK-315-4", Uitkomsten.Approved, null, "woont-in-gemeente", [new Parameter("gemeenteNaam", "Almere")], null),
        .. Bevindingen.Select(b => new Vastgelegd(BevindingenVastleggen.SoortBevinding, b.Regel, Uitkomsten.Approved, null, b.Code, BevindingenVastleggen.UitJson(b.Parameters), null)),
    ];

    private static readonly (string Aanbieder, string Product, long Tarief)[] Producten =
        [("02345678", "45F21", 150), ("02345678", "45F22", 60), ("02345678", "45F11", 175), ("03456789", "45F21", 150), ("03456789", "45F22", 60)];

    /// <summary>Volumes written, for the report.</summary>
    public sealed record Volumes(int Clienten, int Toewijzingen, int Review, int Journaal, int Prestaties, int Jw323, int Audit);

    public static Volumes Vul(DbConnection c, int clienten, byte[] jw315, DateOnly vandaag)
    {
        var bsns = Bsns(clienten);
        var rnd = new Random(18);
        var start = new DateTimeOffset(vandaag.AddMonths(-14).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var toewijzingen = new List<(long Nummer, string Bsn, int Product, DateOnly Ingang)>();
        long journaal = 0, outbox = 0, review = 0;
        using (var tx = c.BeginTransaction())
        {
            var client = Prep(c, tx, "INSERT INTO clienten (gemeente, bsn, geboortedatum, geslacht, achternaam, voornamen) VALUES (@g, @b, @d, '1', @a, @v)");
            var inwoner = Prep(c, tx, "INSERT INTO inwoners (bsn, gemeente, geboortedatum, huishouden, jeugdreclassering) VALUES (@b, @g, @d, @h, @jr)");
            var jr = Prep(c, tx, "INSERT INTO journaal (id, afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op, status) VALUES (@id, @a, @g, @code, @ident, @sha, @op, 'verwerkt')");
            var ji = Prep(c, tx, "INSERT INTO journaalinhoud (journaal_id, inhoud, gemeente) VALUES (@id, @inhoud, @g)");
            var vz = Prep(c, tx, """
                INSERT INTO verzoeken (journaal_id, volgnummer, berichtcode, gemeente, aanbieder, client_bsn, referentie, productcode, categorie,
                    ingangsdatum, einddatum, volume, eenheid, frequentie, verwijzer_type, status, uitkomst, regels, toelichting)
                VALUES (@id, 1, 'JW315', @g, @a, @b, @ref, @p, '45', @in, @eind, 1800, '01', '6', 1, @status, @uitkomst, 'HK-315-1,HK-PRD-1', '')
                """);
            var bev = Prep(c, tx, "INSERT INTO verzoekbevindingen (journaal_id, volgnummer, lijst, beoordelen, gemeente) VALUES (@id, 1, @lijst, @beoordelen, @g)");
            var ob = Prep(c, tx, "INSERT INTO outbox (id, journaal_id, berichtcode, ontvanger, bestandsnaam, aangemaakt_op, geschreven_op) VALUES (@id, @j, @code, @a, @naam, @op, @op)");
            var oi = Prep(c, tx, "INSERT INTO outboxinhoud (outbox_id, inhoud) VALUES (@id, @inhoud)");
            var tw = Prep(c, tx, """
                INSERT INTO toewijzingen (gemeente, nummer, client_bsn, aanbieder, productcode, categorie, ingangsdatum, einddatum, volume, eenheid, frequentie,
                    toewijzingsdatum, toewijzingstijd, referentie, herkomst, keren_verschoven, journaal_id, actueel)
                VALUES (@g, @n, @b, @a, @p, '45', @in, @eind, 1800, '01', '6', @td, @tt, @ref, 1, 0, @j, 1)
                """);
            var ss = Prep(c, tx, "INSERT INTO startstop (journaal_id, soort, gemeente, nummer, begindatum, actief) VALUES (@j, 'start', @g, @n, @in, 1)");
            for (var i = 0; i < bsns.Count; i++)
            {
                var bsn = bsns[i];
                var geboren = new DateOnly(2008 + (i % 16), 1 + (i % 12), 1 + (i % 28));
                Run(client, ("@g", Gemeente), ("@b", bsn), ("@d", geboren), ("@a", Achternamen[i % Achternamen.Length] + (i % 97).ToString(CultureInfo.InvariantCulture)), ("@v", "Kind"));
                Run(inwoner, ("@b", bsn), ("@g", Gemeente), ("@d", geboren), ("@h", "H" + (i / 3).ToString(CultureInfo.InvariantCulture)), ("@jr", false));
                var p = i % Producten.Length;
                var (aanbieder, product, _) = Producten[p];
                var op = start.AddMinutes(i * 4.2);
                var id = ++journaal;
                var referentie = $"R{i:D7}";
                Run(jr, ("@id", id), ("@a", aanbieder), ("@g", Gemeente), ("@code", "JW315"), ("@ident", "B" + id.ToString(CultureInfo.InvariantCulture)), ("@sha", RandomNumberGenerator.GetBytes(32)), ("@op", op));
                Run(ji, ("@id", id), ("@inhoud", jw315), ("@g", Gemeente));
                // 2% wait for a person (the werkvoorraad), the rest was approved with a JW316 and a JW301.
                var inReview = i % 50 == 7;
                var ingang = DateOnly.FromDateTime(op.UtcDateTime).AddDays(7);
                Run(vz, ("@id", id), ("@g", Gemeente), ("@a", aanbieder), ("@b", bsn), ("@ref", referentie), ("@p", product), ("@in", ingang), ("@eind", ingang.AddYears(1)),
                    ("@status", inReview ? "review" : "besloten"), ("@uitkomst", inReview ? "review" : "approved"));
                // Findings as the engine stores them (rule, outcome, text code, parameters) and as many: the ten of an approved
                // JW315 line of a generated region (~11.7 a line there). The pages render them via Tekst — since migration 0037
                // the explanation too, from these rows, so their number is what a page's rendering costs.
                var rijen = Rijen(inReview, bsn);
                Run(bev, ("@id", id), ("@lijst", Bevindinglijst.Pak(rijen)), ("@beoordelen", Bevindinglijst.Beoordelen(rijen)), ("@g", Gemeente));
                foreach (var code in inReview ? Alleen316 : Met301)
                {
                    var o = ++outbox;
                    Run(ob, ("@id", o), ("@j", id), ("@code", code), ("@a", aanbieder), ("@naam", $"{code}-{o}.xml"), ("@op", op));
                    Run(oi, ("@id", o), ("@inhoud", Array.Empty<byte>()));
                }

                if (inReview)
                {
                    review++;
                    continue;
                }

                var nummer = toewijzingen.Count + 1L;
                Run(tw, ("@g", Gemeente), ("@n", nummer), ("@b", bsn), ("@a", aanbieder), ("@p", product), ("@in", ingang), ("@eind", ingang.AddYears(1)),
                    ("@td", DateOnly.FromDateTime(op.UtcDateTime)), ("@tt", TimeOnly.FromDateTime(op.UtcDateTime)), ("@ref", referentie), ("@j", id));
                // 90% started (JW305; the journal row is the request's: the pages only read the start's dates).
                if (i % 10 != 3)
                {
                    Run(ss, ("@j", id), ("@g", Gemeente), ("@n", nummer), ("@in", ingang));
                }

                toewijzingen.Add((nummer, bsn, p, ingang));
            }

            tx.Commit();
        }

        // JW323: per provider and month, one message per 1,000 clients, the last three months; 3% refused.
        var prestaties = 0;
        var jw323 = 0;
        using (var tx = c.BeginTransaction())
        {
            var jr = Prep(c, tx, "INSERT INTO journaal (id, afzender, ontvanger, berichtcode, identificatie, sha256, ontvangen_op, status) VALUES (@id, @a, @g, 'JW323', @ident, @sha, @op, 'verwerkt')");
            var ji = Prep(c, tx, "INSERT INTO journaalinhoud (journaal_id, inhoud, gemeente) VALUES (@id, @inhoud, @g)");
            var dc = Prep(c, tx, """
                INSERT INTO declaraties (id, journaal_id, gemeente, aanbieder, declaratienummer, begindatum, einddatum, dagtekening, ingediend, toegekend,
                    regels, afgewezen_regels, regelbedrag)
                VALUES (@id, @j, @g, @a, @nr, @begin, @eind, @dag, @bedrag, @toegekend, @regels, @afgewezen, @bedrag)
                """);
            var dp = Prep(c, tx, """
                INSERT INTO declaratieprestaties (declaratie_id, gemeente, aanbieder, referentienummer, nummer, categorie, productcode, begindatum, einddatum,
                    volume, eenheid, tarief, bedrag, credit, goedgekeurd, retourcodes, client_bsn, volgorde)
                VALUES (@d, @g, @a, @ref, @n, '45', @p, @begin, @eind, 300, '01', @tarief, @bedrag, 0, @ok, @codes, @bsn, @volgorde)
                """);
            var ob = Prep(c, tx, "INSERT INTO outbox (id, journaal_id, berichtcode, ontvanger, bestandsnaam, aangemaakt_op, geschreven_op) VALUES (@id, @j, 'JW325', @a, @naam, @op, @op)");
            var oi = Prep(c, tx, "INSERT INTO outboxinhoud (outbox_id, inhoud) VALUES (@id, @inhoud)");
            for (var m = 3; m >= 1; m--)
            {
                var maand = new DateOnly(vandaag.Year, vandaag.Month, 1).AddMonths(-m);
                var eind = maand.AddMonths(1).AddDays(-1);
                foreach (var aanbieder in Aanbieders)
                {
                    var lopend = toewijzingen.Where(t => Producten[t.Product].Aanbieder == aanbieder && t.Ingang <= maand).ToList();
                    foreach (var blok in lopend.Chunk(1000))
                    {
                        var id = ++journaal;
                        var nr = $"D{maand:yyyyMM}{aanbieder[..4]}{id:D6}";
                        var regels = blok.Select(t => (t, Ref: $"P{id}-{t.Nummer}", Tarief: Producten[t.Product].Tarief, Ok: rnd.Next(100) >= 3)).ToList();
                        var bericht = new Declaratiebericht(Header.Voor(Berichtsoort.JW323, aanbieder, Gemeente, new BerichtIdentificatie("DEC" + id.ToString(CultureInfo.InvariantCulture), eind.AddDays(2))),
                            new Declaratie(nr, new GeslotenPeriode(maand, eind), eind.AddDays(2), new BedragMetDc(regels.Sum(r => r.Tarief * 300), "D"),
                            [.. regels.Select(r => new DeclaratieClient(r.t.Bsn, [new Prestatie(new ProductReferentie(r.Ref, null), r.t.Nummer, "45", Producten[r.t.Product].Product,
                                new GeslotenPeriode(maand, eind), 300, "01", r.Tarief, new BedragMetDc(r.Tarief * 300, "D"))]))]));
                        var op = new DateTimeOffset(eind.AddDays(3).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
                        Run(jr, ("@id", id), ("@a", aanbieder), ("@g", Gemeente), ("@ident", "DEC" + id.ToString(CultureInfo.InvariantCulture)), ("@sha", RandomNumberGenerator.GetBytes(32)), ("@op", op));
                        Run(ji, ("@id", id), ("@inhoud", IjwSchrijver.Schrijf(bericht)), ("@g", Gemeente));
                        Run(dc, ("@id", id), ("@j", id), ("@g", Gemeente), ("@a", aanbieder), ("@nr", nr), ("@begin", maand), ("@eind", eind), ("@dag", eind.AddDays(2)),
                            ("@bedrag", regels.Sum(r => r.Tarief * 300)), ("@toegekend", regels.Where(r => r.Ok).Sum(r => r.Tarief * 300)),
                            ("@regels", regels.Count), ("@afgewezen", regels.Count(r => !r.Ok)));
                        var volgorde = 0;
                        foreach (var r in regels)
                        {
                            Run(dp, ("@d", id), ("@g", Gemeente), ("@a", aanbieder), ("@ref", r.Ref), ("@n", r.t.Nummer), ("@p", Producten[r.t.Product].Product), ("@begin", maand), ("@eind", eind),
                                ("@tarief", r.Tarief), ("@bedrag", r.Tarief * 300), ("@ok", r.Ok ? 1 : 0), ("@codes", r.Ok ? null : "8017"),
                                ("@bsn", r.t.Bsn), ("@volgorde", volgorde++));
                        }

                        // The JW325 row (its content left empty: the Declaraties page reads the booked prestaties, migration 0033, not the JW325).
                        var o = ++outbox;
                        Run(ob, ("@id", o), ("@j", id), ("@a", aanbieder), ("@naam", $"JW325-{o}.xml"), ("@op", op));
                        Run(oi, ("@id", o), ("@inhoud", Array.Empty<byte>()));
                        prestaties += regels.Count;
                        jw323++;
                    }
                }
            }

            tx.Commit();
        }

        // Audit: five staff views per client over the year.
        var audit = 0;
        using (var tx = c.BeginTransaction())
        {
            var au = Prep(c, tx, "INSERT INTO auditlog (op, wie, gemeente, actie, client_hash, client_gemaskeerd) VALUES (@op, @wie, @g, 'dossier bekeken', @h, @m)");
            for (var i = 0; i < bsns.Count * 5; i++)
            {
                var bsn = bsns[i % bsns.Count];
                Run(au, ("@op", start.AddMinutes(i)), ("@wie", "medewerker" + (i % 40).ToString(CultureInfo.InvariantCulture)), ("@g", Gemeente),
                    ("@h", Convert.ToHexString(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(bsn)))), ("@m", "*****" + bsn[5..]));
                audit++;
            }

            tx.Commit();
        }

        return new Volumes(bsns.Count, toewijzingen.Count, (int)review, (int)journaal, prestaties, jw323, audit);
    }

    /// <summary>Valid BSNs (11-proef) counting up from 300,000,000.</summary>
    /// <summary>24-hour records written by <see cref="VulVerblijf"/>, for the report.</summary>
    public sealed record Verblijfvolumes(int Plaatsingen, int Consulten, int Meerzorg, int MoederKind, int Escalaties);

    /// <summary>
    /// The municipality's 24-hour records at the national year's size (issue 21: store A's Almere had 110,215 placements,
    /// 20,266 consults and 4,046 meerzorg requests): 1.1 placements per client over the last 14 months (70 % regular, the rest
    /// crises of 1–28 days on the three crisis routes, some without their follow-up recorded, so their deadlines stay open),
    /// a consult per 5 clients, a meerzorg request per 25, a moeder-kind use per 200 and an escalation per 100.
    /// </summary>
    public static Verblijfvolumes VulVerblijf(DbConnection c, List<string> bsns, DateOnly vandaag)
    {
        var rnd = new Random(21);
        var op = new DateTimeOffset(vandaag.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        string[] crisisroutes = ["Crisis", "VeiligThuis", "Gedwongen"];
        int plaatsingen = bsns.Count * 11 / 10, consulten = bsns.Count / 5, meerzorg = bsns.Count / 25, moederKind = bsns.Count / 200, escalaties = bsns.Count / 100;
        using var tx = c.BeginTransaction();
        var pl = Prep(c, tx, """
            INSERT INTO verblijf_plaatsingen (gemeente, referentie, client_bsn, productcode, route, ingang, einde, beschikking, dialoog, vervolgperspectief,
                evaluatie, regels, door, op)
            VALUES (@g, @r, @b, @p, @route, @in, @eind, @besch, @dialoog, @perspectief, @evaluatie, 'HK-24-2', 'bench', @op)
            """);
        for (var i = 0; i < plaatsingen; i++)
        {
            var crisis = i % 10 >= 7;
            var ingang = vandaag.AddDays(-rnd.Next(0, 425));
            DateOnly? einde = crisis ? ingang.AddDays(rnd.Next(0, 28)) : rnd.Next(5) == 0 ? null : ingang.AddDays(rnd.Next(30, 365));
            var volledig = rnd.Next(4) > 0;
            Run(pl, ("@g", Gemeente), ("@r", $"PL-{i:000000}"), ("@b", bsns[i % bsns.Count]), ("@p", crisis ? "46R01" : "44R03"),
                ("@route", crisis ? crisisroutes[i % 3] : "Regulier"), ("@in", ingang), ("@eind", einde), ("@besch", ingang),
                ("@dialoog", crisis && volledig ? ingang.AddDays(5) : null), ("@perspectief", crisis && volledig ? ingang.AddDays(12) : null),
                ("@evaluatie", crisis && volledig ? ingang.AddDays(9) : null), ("@op", op));
        }

        var co = Prep(c, tx, """
            INSERT INTO verblijf_consulten (gemeente, referentie, basisinformatie, vraag, ingediend, gewenst, uitkomst, uitkomst_op, door, op)
            VALUES (@g, @r, 'dossier en hulpverleningsplan', 'Welke plek past?', @in, @gewenst, @uitkomst, @uitkomstop, 'bench', @op)
            """);
        for (var i = 0; i < consulten; i++)
        {
            var ingediend = vandaag.AddDays(-rnd.Next(0, 425));
            var gehouden = ingediend < vandaag.AddDays(-30) || rnd.Next(3) == 0;
            Run(co, ("@g", Gemeente), ("@r", $"CO-{i:000000}"), ("@in", ingediend), ("@gewenst", ingediend.AddDays(14)),
                ("@uitkomst", gehouden ? "Opschalen" : null), ("@uitkomstop", gehouden ? ingediend.AddDays(14) : null), ("@op", op));
        }

        var mz = Prep(c, tx, """
            INSERT INTO verblijf_meerzorg (gemeente, referentie, client_bsn, aanbieder, zzp, extra_uren, van, tot, ontvangen, hulpplan, onafhankelijke_toets,
                financiele_toets, besluit, besloten_op, herbeoordeeld, regels, door, op)
            VALUES (@g, @r, @b, @a, 'LVG4', 6, @van, @tot, @ontvangen, 1, 'Positief', 'Positief', @besluit, @besloten, @her, 'HK-24-10', 'bench', @op)
            """);
        for (var i = 0; i < meerzorg; i++)
        {
            var ontvangen = vandaag.AddDays(-rnd.Next(0, 425));
            var besluit = ontvangen < vandaag.AddDays(-14) ? (rnd.Next(4) == 0 ? "afgewezen" : "toegekend") : null;
            Run(mz, ("@g", Gemeente), ("@r", $"MZ-{i:000000}"), ("@b", bsns[(i * 7) % bsns.Count]), ("@a", Aanbieders[i % 2]), ("@van", ontvangen.AddDays(7)),
                ("@tot", ontvangen.AddDays(180)), ("@ontvangen", ontvangen), ("@besluit", besluit), ("@besloten", besluit is null ? null : ontvangen.AddDays(10)),
                ("@her", besluit == "toegekend" && ontvangen.AddDays(180) < vandaag ? 1 : 0), ("@op", op));
        }

        var mk = Prep(c, tx, """
            INSERT INTO verblijf_moederkind (gemeente, referentie, kind_bsn, aanbieder, besluit_moeder, van, tot, rapportage, door, op)
            VALUES (@g, @r, @b, @a, 'ja', @van, @tot, @rapportage, 'bench', @op)
            """);
        for (var i = 0; i < moederKind; i++)
        {
            var van = vandaag.AddDays(-rnd.Next(0, 425));
            Run(mk, ("@g", Gemeente), ("@r", $"MK-{i:000000}"), ("@b", bsns[(i * 13) % bsns.Count]), ("@a", Aanbieders[i % 2]), ("@van", van),
                ("@tot", van.AddDays(180)), ("@rapportage", rnd.Next(2) == 0 ? van.AddDays(90) : null), ("@op", op));
        }

        var es = Prep(c, tx, """
            INSERT INTO verblijf_escalaties (gemeente, referentie, onderwerp, beslisser, besloten, door, op)
            VALUES (@g, @r, 'vervolgplek', 'VerwijzerOfRegisseur', @besloten, 'bench', @op)
            """);
        for (var i = 0; i < escalaties; i++)
        {
            Run(es, ("@g", Gemeente), ("@r", $"PL-{(i * 97) % plaatsingen:000000}"), ("@besloten", i % 3 == 0 ? null : vandaag.AddDays(-rnd.Next(1, 300))), ("@op", op));
        }

        tx.Commit();
        return new Verblijfvolumes(plaatsingen, consulten, meerzorg, moederKind, escalaties);
    }

    public static List<string> Bsns(int aantal)
    {
        var bsns = new List<string>(aantal);
        for (var n = 300_000_000; bsns.Count < aantal; n++)
        {
            var s = n.ToString(CultureInfo.InvariantCulture);
            if (Jeugdhulp.Core.Waarden.Bsn.IsElfproef(s))
            {
                bsns.Add(s);
            }
        }

        return bsns;
    }

    private static readonly string[] Alleen316 = ["JW316"];
    private static readonly string[] Met301 = ["JW316", "JW301"];
    private static readonly string[] Achternamen = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos"];

    private static DbCommand Prep(DbConnection c, DbTransaction tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void Run(DbCommand cmd, params (string Naam, object? Waarde)[] waarden)
    {
        foreach (var (naam, waarde) in waarden)
        {
            var p = cmd.Parameters.Contains(naam) ? cmd.Parameters[naam] : null;
            if (p is null)
            {
                p = cmd.CreateParameter();
                p.ParameterName = naam;
                cmd.Parameters.Add(p);
            }

            p.Value = waarde ?? DBNull.Value;
        }

        cmd.ExecuteNonQuery();
    }
}

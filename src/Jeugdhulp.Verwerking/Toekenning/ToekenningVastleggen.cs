using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;
using Jeugdhulp.Store.Journaal;
using Jeugdhulp.Store.Outbox;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Store.Toekenning;

/// <summary>
/// The one write path of the municipality's own allocations, for the form, the API and the CSV alike: each action
/// is checked by Core (<see cref="ToekenningBeoordelen"/>, <see cref="ToekenningWijzigen"/>, <see cref="ToekenningIntrekken"/>),
/// and only when allowed journalled (berichtcode TOEKENNING, Identificatie from the content: a repeat changes
/// nothing), the allocation versions, the JW301s in the outbox, the timeline row and the audit entry written in
/// one transaction. A refused action writes nothing. The answer files are written after the commit.
/// </summary>
public static class ToekenningVastleggen
{
    /// <summary>The journal's berichtcode for a municipality's own action (not an iJw message).</summary>
    public const string Berichtcode = "TOEKENNING";

    private const string Jw301Sleutel = "toekenning";

    /// <summary>The decision moment of <paramref name="nu"/> in Europe/Amsterdam (IV013: Toewijzingsdatum and -tijd, no zone).</summary>
    public static Toewijzingsmoment Moment(DateTimeOffset nu) => Toewijzingsmoment.In(nu, Core.Tijd.Bedrijfstijd.Zone);

    /// <summary>
    /// Checks and (unless <paramref name="alleenControleren"/>) writes <paramref name="acties"/> in one transaction, in
    /// order (a later line sees what an earlier one allocated). <paramref name="moment"/> is the decision time in
    /// Europe/Amsterdam (IV013). One report per action.
    /// </summary>
    public static IReadOnlyList<Toekenningsverslag> Verwerk(this Datastore store, Regelcatalogus catalogus, IReadOnlyList<Toekenningsactie> acties,
        string medewerker, Toewijzingsmoment moment, string? outboxMap, bool alleenControleren = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(acties);
        ArgumentException.ThrowIfNullOrWhiteSpace(medewerker);
        ArgumentNullException.ThrowIfNull(moment);
        var bronnen = new Beoordelingsbronnen(catalogus, Bronnen.AlleContracten(store), Bronnen.AlleInwoners(store), new VasteKlok(moment.Datum));
        var schrijver = new Schrijver(bronnen, medewerker, moment, outboxMap, alleenControleren);
        var verslagen = new List<Toekenningsverslag>(acties.Count);
        using (var tx = store.BeginTransactie())
        {
            foreach (var actie in acties)
            {
                verslagen.Add(schrijver.Verwerk(tx, actie));
            }

            if (!alleenControleren)
            {
                tx.Commit();
            }
        }

        if (!alleenControleren && verslagen.Any(v => v.Geschreven))
        {
            // A file that cannot be written now stays in the outbox table; the next run writes it (nothing lost).
            store.Materialiseer(outboxMap);
        }

        return verslagen;
    }

    private sealed class Schrijver(Beoordelingsbronnen bronnen, string medewerker, Toewijzingsmoment moment, string? outboxMap, bool proef)
    {
        private readonly ToekenningBeoordelen toekennen = new(bronnen);
        private readonly ToekenningWijzigen wijzigen = new(bronnen);
        private readonly ToekenningIntrekken intrekken = new(bronnen);

        public Toekenningsverslag Verwerk(StoreTransactie tx, Toekenningsactie actie)
        {
            var gemeente = actie.Gemeente.Waarde;
            var sleutel = actie.Sleutel;
            if (Eerder(tx, gemeente, sleutel) is { } herhaling)
            {
                return herhaling;
            }

            return actie switch
            {
                Toekenningsactie.Toekennen t => Toekennen(tx, t, sleutel),
                Toekenningsactie.Wijzigen w => Wijzig(tx, w, w.Opdracht.Nummer, sleutel),
                Toekenningsactie.Intrekken i => Wijzig(tx, i, i.Nummer, sleutel),
                Toekenningsactie.ProcesregieVastleggen p => Procesregie(tx, p, sleutel),
                _ => throw new ArgumentOutOfRangeException(nameof(actie)),
            };
        }

        private Toekenningsverslag Toekennen(StoreTransactie tx, Toekenningsactie.Toekennen actie, string sleutel)
        {
            var o = actie.Opdracht;
            var gemeente = o.Gemeente.Waarde;
            var toestanden = new Dictionary<Bsn, Clienttoestand>();
            var volgend = 1;
            foreach (var bsn in new[] { o.Client }.Concat(o.Gezinsleden.Select(g => (Bsn?)g)).OfType<Bsn>().Distinct())
            {
                var (toestand, n) = Staat.LaadToestand(tx, gemeente, bsn);
                toestanden[bsn] = toestand;
                volgend = n;
            }

            var bekend = o.Client is { } c ? Staat.LeesClient(tx, gemeente, c.Waarde) : null;
            var geboren = actie.Persoon?.Geboortedatum ?? bekend?.Geboortedatum;
            Toekenningsbesluit Beslis(int nummer) => toekennen.Beoordeel(o, geboren, toestanden, nummer, moment);
            var besluit = proef ? Beslis(volgend) : Nummers.Beslis(tx, gemeente, volgend, Beslis, b => b.Regels.Count);
            if (proef || !besluit.MagSchrijven)
            {
                return new(besluit.Status, besluit, [.. besluit.Regels.Select(r => r.ToewijzingNummer)], [], false, false, null);
            }

            // The JW301 needs name and gender: the client's earlier details, else the form's; a family's dummies on
            // children the municipality has no details of carry the family's surname and gender 0 (onbekend).
            var hoofd = o.Client is { } cl ? Gegevens(tx, gemeente, cl, actie.Persoon, bekend, null) : null;
            if (o.Client is not null && hoofd is null)
            {
                return Toekenningsverslag.Mislukt("TOEKENNING-CLIENT",
                    "De cliënt is bij deze gemeente nog niet bekend: geef achternaam en geslacht op (de JW301 vraagt naam en geslacht).");
            }

            var journaal = Journaliseer(tx, actie, sleutel, o.Aanbieder.Waarde);
            var ctx = new Berichtcontext(tx, journaal, moment.Datum, moment.Tijd, outboxMap);
            if (hoofd is not null && actie.Persoon is not null)
            {
                Staat.BewaarClient(tx, gemeente, hoofd);
            }

            var slot = 0;
            foreach (var perClient in besluit.Regels.GroupBy(r => r.Client))
            {
                var gegevens = perClient.Key == o.Client ? hoofd! : Gegevens(tx, gemeente, perClient.Key, null, null, hoofd)!;
                foreach (var regel in perClient)
                {
                    Staat.LegToewijzingVast(tx, gemeente, o.Aanbieder.Waarde, regel, o.Herkomst, 0, null, journaal);
                }

                slot++;
                ctx.StuurToewijzing(string.Create(CultureInfo.InvariantCulture, $"{Jw301Sleutel} {slot}"), slot, gemeente, o.Aanbieder.Waarde, gegevens, [.. perClient]);
            }

            var nummer = besluit.Regels.Count > 0 ? besluit.Regels[0].ToewijzingNummer : (int?)null;
            if (nummer is { } nr && o.Procesregie is { } regie)
            {
                ZetProcesregie(tx, gemeente, nr, regie);
            }

            Tijdlijn(tx, journaal, gemeente, actie.Soort, nummer, (besluit.Regels.Count > 0 ? besluit.Regels[0].Client : o.Client), o.Aanbieder.Waarde, o.Product.Waarde,
                besluit, o.Verwijzer, o.Commentaar);
            tx.Audit(medewerker, o.Gemeente, besluit.Status == Toekenningsstatus.GeenBerichtenverkeer
                ? $"toekenning zonder BSN vastgelegd ({o.Product}, geen berichtenverkeer)"
                : string.Create(CultureInfo.InvariantCulture, $"toewijzing {nummer} toegekend ({o.Product}, {besluit.Regels.Count} JW301-regel(s))"), o.Client);
            return new(besluit.Status, besluit, [.. besluit.Regels.Select(r => r.ToewijzingNummer)], ctx.Outbox, false, true, null);
        }

        private Toekenningsverslag Wijzig(StoreTransactie tx, Toekenningsactie actie, int nummer, string sleutel)
        {
            var gemeente = actie.Gemeente.Waarde;
            var huidig = Staat.Actueel(tx, gemeente, nummer);
            if (huidig is null)
            {
                return Toekenningsverslag.Mislukt("TOEKENNING-ONBEKEND", $"Gemeente {gemeente} heeft geen toewijzing met nummer {nummer}.");
            }

            var (toestand, _) = Staat.LaadToestand(tx, gemeente, huidig.Client);
            var client = Staat.LeesClient(tx, gemeente, huidig.Client.Waarde);
            var besluit = actie switch
            {
                Toekenningsactie.Wijzigen w => wijzigen.Beoordeel(w.Opdracht, huidig, toestand, LeesProcesregie(tx, gemeente, nummer), client?.Geboortedatum, moment),
                Toekenningsactie.Intrekken i => intrekken.Beoordeel(huidig, toestand, i.Motivering, moment),
                _ => throw new ArgumentOutOfRangeException(nameof(actie)),
            };
            if (proef || !besluit.MagSchrijven)
            {
                return new(besluit.Status, besluit, [nummer], [], false, false, null);
            }

            if (client is null)
            {
                return Toekenningsverslag.Mislukt("TOEKENNING-CLIENT", $"De cliëntgegevens van toewijzing {nummer} ontbreken; de JW301 kan niet worden gemaakt.");
            }

            var journaal = Journaliseer(tx, actie, sleutel, huidig.Aanbieder.Waarde);
            var regel = besluit.Regels[0];
            Staat.LegToewijzingVast(tx, gemeente, huidig.Aanbieder.Waarde, regel, besluit.Herkomst ?? huidig.Herkomst, huidig.KerenEinddatumVerschoven,
                huidig.OorspronkelijkeEinddatum ?? huidig.Einddatum, journaal);

            // OP087: a JW301 carries every current allocation of the client with this provider, the changed one with
            // its RedenWijziging and the others as last sent (IV013: their own date and time, no reason, IV099).
            var overig = toestand.Toewijzingen
                .Where(t => t.Nummer != nummer && t.Aanbieder == huidig.Aanbieder && !t.IsVerwijderd && (t.Einddatum is null || t.Einddatum >= moment.Datum))
                .Select(t => new ToegewezenProduct(t.Nummer, t.Client, t.ReferentieAanbieder, t.Product, t.Categorie, t.Toewijzingsdatum, t.Toewijzingstijd,
                    t.Ingangsdatum, t.Einddatum, null, t.Omvang, t.Budget));
            var ctx = new Berichtcontext(tx, journaal, moment.Datum, moment.Tijd, outboxMap);
            ctx.StuurToewijzing($"{Jw301Sleutel} 1", 1, gemeente, huidig.Aanbieder.Waarde, client, [regel, .. overig]);
            Tijdlijn(tx, journaal, gemeente, actie.Soort, nummer, huidig.Client, huidig.Aanbieder.Waarde, huidig.Product.Waarde, besluit, null, null);
            tx.Audit(medewerker, actie.Gemeente,
                string.Create(CultureInfo.InvariantCulture, $"toewijzing {nummer}: {actie.Soort} (RedenWijziging {regel.RedenWijziging})"), huidig.Client);
            return new(besluit.Status, besluit, [nummer], ctx.Outbox, false, true, null);
        }

        private Toekenningsverslag Procesregie(StoreTransactie tx, Toekenningsactie.ProcesregieVastleggen actie, string sleutel)
        {
            var gemeente = actie.Gemeente.Waarde;
            var huidig = Staat.Actueel(tx, gemeente, actie.Nummer);
            if (huidig is null)
            {
                return Toekenningsverslag.Mislukt("TOEKENNING-ONBEKEND", $"Gemeente {gemeente} heeft geen toewijzing met nummer {actie.Nummer}.");
            }

            if (proef)
            {
                return new(Toekenningsstatus.Toegekend, null, [actie.Nummer], [], false, false, null);
            }

            var journaal = Journaliseer(tx, actie, sleutel, huidig.Aanbieder.Waarde);
            ZetProcesregie(tx, gemeente, actie.Nummer, actie.Regie);
            var tekst = $"Procesregie: {Houder(actie.Regie.Houder)}{(actie.Regie.Team is { } t ? $" (team {t})" : "")}.";
            Tijdlijn(tx, journaal, gemeente, actie.Soort, actie.Nummer, huidig.Client, huidig.Aanbieder.Waarde, huidig.Product.Waarde, null, null, tekst);
            tx.Audit(medewerker, actie.Gemeente, string.Create(CultureInfo.InvariantCulture, $"procesregie van toewijzing {actie.Nummer}: {Houder(actie.Regie.Houder)}"), huidig.Client);
            return new(Toekenningsstatus.Toegekend, null, [actie.Nummer], [], false, true, null);
        }

        private static Clientgegevens? Gegevens(StoreTransactie tx, string gemeente, Bsn bsn, Clientpersoon? persoon, Clientgegevens? bekend, Clientgegevens? gezin)
        {
            bekend ??= Staat.LeesClient(tx, gemeente, bsn.Waarde);
            var geboren = persoon?.Geboortedatum ?? bekend?.Geboortedatum ?? Geboortedatum(tx, bsn);
            if (persoon is not null && geboren is { } g)
            {
                return new Clientgegevens(bsn.Waarde, g, null, persoon.Geslacht, persoon.Achternaam, persoon.Voorvoegsel, null, persoon.Voorletters);
            }

            if (bekend is not null)
            {
                return bekend;
            }

            return gezin is not null && geboren is { } gb
                ? new Clientgegevens(bsn.Waarde, gb, null, "0", gezin.Achternaam, gezin.Voorvoegsel, null, null)
                : null;
        }

        private static DateOnly? Geboortedatum(StoreTransactie tx, Bsn bsn)
        {
            using var r = tx.Commando("SELECT geboortedatum FROM inwoners WHERE bsn = @bsn").Met("@bsn", bsn.Waarde).ExecuteReader();
            return r.Read() ? r.GetFieldValue<DateOnly>(0) : null;
        }

        private static long Journaliseer(StoreTransactie tx, Toekenningsactie actie, string sleutel, string aanbieder)
        {
            var uitkomst = tx.Journaliseer(actie.Gemeente.Waarde, aanbieder, sleutel, Berichtcode, Encoding.UTF8.GetBytes(actie.Inhoud()));
            var id = uitkomst is JournaalUitkomst.Nieuw n ? n.JournaalId : throw new InvalidOperationException("De toekenning is zojuist al vastgelegd.");
            tx.ZetJournaalStatus(id, Uitkomsten.Accepted);
            return id;
        }

        private Toekenningsverslag? Eerder(StoreTransactie tx, string gemeente, string sleutel)
        {
            var journaal = tx.Commando("SELECT id FROM journaal WHERE afzender = @gemeente AND identificatie = @sleutel AND berichtcode = @code")
                .Met("@gemeente", gemeente).Met("@sleutel", sleutel).Met("@code", Berichtcode).LeesLongOfNull();
            if (journaal is not { } id)
            {
                return null;
            }

            var nummers = new List<int>();
            string? status = null;
            using (var r = tx.Commando("SELECT nummer, status FROM toekenningen WHERE journaal_id = @id").Met("@id", id).ExecuteReader())
            {
                while (r.Read())
                {
                    if (!r.IsDBNull(0))
                    {
                        nummers.Add(checked((int)r.GetInt64(0)));
                    }

                    status = r.GetString(1);
                }
            }

            var outbox = new List<string>();
            using (var r = tx.Commando("SELECT bestandsnaam FROM outbox WHERE journaal_id = @id ORDER BY id").Met("@id", id).ExecuteReader())
            {
                while (r.Read())
                {
                    outbox.Add(Berichtcontext.Pad(outboxMap, r.GetString(0)));
                }
            }

            var st = Enum.TryParse<Toekenningsstatus>(status, ignoreCase: true, out var s) ? s : Toekenningsstatus.Toegekend;
            return new(st, null, nummers, outbox, true, false, null);
        }

        private void Tijdlijn(StoreTransactie tx, long journaal, string gemeente, string soort, int? nummer, Bsn? client, string aanbieder, string product,
            Toekenningsbesluit? besluit, string? verwijzer, string? commentaar) =>
            tx.Commando("""
                INSERT INTO toekenningen (journaal_id, gemeente, soort, nummer, client_bsn, aanbieder, productcode, status, regels, toelichting,
                    motivering, verwijzer, commentaar, door, op)
                VALUES (@journaal, @gemeente, @soort, @nummer, @bsn, @aanbieder, @product, @status, @regels, @toelichting,
                    @motivering, @verwijzer, @commentaar, @door, @op)
                """)
                .Met("@journaal", journaal).Met("@gemeente", gemeente).Met("@soort", soort).Met("@nummer", (long?)nummer)
                .Met("@bsn", client?.Waarde).Met("@aanbieder", aanbieder).Met("@product", product)
                .Met("@status", (besluit?.Status ?? Toekenningsstatus.Toegekend).ToString())
                .Met("@regels", besluit is null ? "HK-317-7" : string.Join(",", besluit.RegelIds))
                .Met("@toelichting", besluit?.Toelichting ?? commentaar ?? "")
                .Met("@motivering", besluit?.Motivering).Met("@verwijzer", verwijzer).Met("@commentaar", besluit is null ? null : commentaar)
                .Met("@door", medewerker).Met("@op", tx.EchtNu)
                .ExecuteNonQuery();
    }

    /// <summary>Who holds procesregie over allocation <paramref name="nummer"/>; null when nothing is recorded.</summary>
    internal static Procesregie? LeesProcesregie(StoreTransactie tx, string gemeente, long nummer)
    {
        using var r = tx.Commando("SELECT houder, team FROM procesregie WHERE gemeente = @gemeente AND nummer = @nummer")
            .Met("@gemeente", gemeente).Met("@nummer", nummer).ExecuteReader();
        return r.Read() && Enum.TryParse<Procesregiehouder>(r.GetString(0), ignoreCase: true, out var houder) ? new Procesregie(houder, r.TekstOfNull(1)) : null;
    }

    private static void ZetProcesregie(StoreTransactie tx, string gemeente, long nummer, Procesregie regie) =>
        tx.Commando("""
            INSERT INTO procesregie (gemeente, nummer, houder, team) VALUES (@gemeente, @nummer, @houder, @team)
            ON CONFLICT (gemeente, nummer) DO UPDATE SET houder = excluded.houder, team = excluded.team
            """)
            .Met("@gemeente", gemeente).Met("@nummer", nummer).Met("@houder", regie.Houder.ToString().ToLowerInvariant())
            .Met("@team", regie.Houder == Procesregiehouder.Gemeente ? regie.Team : null).ExecuteNonQuery();

    /// <summary>Dutch name of a procesregie holder.</summary>
    public static string Houder(Procesregiehouder houder) => houder switch
    {
        Procesregiehouder.Gemeente => "de gemeente (procesregisseur)",
        Procesregiehouder.GecertificeerdeInstelling => "de gecertificeerde instelling",
        Procesregiehouder.MedischeVerwijzer => "de medische verwijzer",
        _ => "niemand",
    };
}

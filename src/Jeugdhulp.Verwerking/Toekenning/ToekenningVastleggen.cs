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
/// <remarks>
/// Issuing (the CSV's thousands of lines, the form's one) runs per group of up to <see cref="Groepsgrootte"/> lines, in
/// three steps with a handful of round trips per group rather than a dozen per line: read the group's repeats, client
/// states and client details (one command each); check every line in memory, a later line seeing the earlier lines'
/// allocations (stacking within one household, family products); reserve the group's numbers in one statement and
/// write the allowed lines' rows per kind (<see cref="Meerrijig"/>: multi-row on PostgreSQL, one prepared statement
/// per row on SQLite). Changes, withdrawals and procesregie stay one action at a time.
/// </remarks>
public static class ToekenningVastleggen
{
    /// <summary>The journal's berichtcode for a municipality's own action (not an iJw message).</summary>
    public const string Berichtcode = "TOEKENNING";

    /// <summary>Lines per group: PostgreSQL's 500 rows per multi-row statement; few enough to keep a group's state small.</summary>
    public const int Groepsgrootte = 500;

    private const string Jw301Sleutel = "toekenning";

    /// <summary>The decision moment of <paramref name="nu"/> in Europe/Amsterdam (IV013: Toewijzingsdatum and -tijd, no zone).</summary>
    public static Toewijzingsmoment Moment(DateTimeOffset nu) => Toewijzingsmoment.In(nu, Core.Tijd.Bedrijfstijd.Zone);

    /// <summary>
    /// Every contract and the whole residents' register, read once, for a caller that makes many calls of
    /// <see cref="Verwerk"/> while it knows neither changes between them (the demo generator imports both before its
    /// first simulated day and never again). Read per call, they cost time in the size of the region: a generated year
    /// would grow with the square of its clients.
    /// </summary>
    public static Beoordelingsbronnen LeesBronnen(this Datastore store, Regelcatalogus catalogus)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        return Bronnen.LaadMetAlleInwoners(store, catalogus, TimeProvider.System);
    }

    /// <summary>
    /// Checks and (unless <paramref name="alleenControleren"/>) writes <paramref name="acties"/> in one transaction, in
    /// order (a later line sees what an earlier one allocated). <paramref name="moment"/> is the decision time in
    /// Europe/Amsterdam (IV013). One report per action. <paramref name="gelezen"/>: the contracts and register from
    /// <see cref="LeesBronnen"/> (for <paramref name="catalogus"/>); null reads them now, as the form, the API and the
    /// CSV do, so an import between two calls is always seen.
    /// </summary>
    public static IReadOnlyList<Toekenningsverslag> Verwerk(this Datastore store, Regelcatalogus catalogus, IReadOnlyList<Toekenningsactie> acties,
        string medewerker, Toewijzingsmoment moment, string? outboxMap, bool alleenControleren = false, Beoordelingsbronnen? gelezen = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(acties);
        ArgumentException.ThrowIfNullOrWhiteSpace(medewerker);
        ArgumentNullException.ThrowIfNull(moment);
        if (gelezen is not null && !ReferenceEquals(gelezen.Catalogus, catalogus))
        {
            throw new ArgumentException("The sources read belong to another rule catalogue.", nameof(gelezen));
        }

        var klok = new VasteKlok(moment.Datum);
        var bronnen = gelezen?.MetKlok(klok) ?? Bronnen.Laad(store, catalogus, klok);
        var schrijver = new Schrijver(bronnen, medewerker, moment, outboxMap, alleenControleren);
        var verslagen = new List<Toekenningsverslag>(acties.Count);
        using (var tx = store.BeginTransactie())
        {
            for (var i = 0; i < acties.Count;)
            {
                // Consecutive issues go as one group (in order: a later one sees what an earlier one allocated); the rest one by one.
                var groep = new List<Toekenningsactie.Toekennen>();
                while (i < acties.Count && groep.Count < Groepsgrootte && acties[i] is Toekenningsactie.Toekennen t)
                {
                    groep.Add(t);
                    i++;
                }

                if (groep.Count > 0)
                {
                    verslagen.AddRange(schrijver.Toekennen(tx, groep));
                }
                else
                {
                    verslagen.Add(schrijver.Verwerk(tx, acties[i++]));
                }
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

    /// <summary>
    /// The journal rows of earlier calls with these keys (<paramref name="sleutels"/>: the test on <c>j.identificatie</c>
    /// against the list <c>@k</c>), their allocations and their answers. The allocations are found from the journal rows
    /// (CROSS JOIN: SQLite keeps the journal the outer loop), not the other way round: SQLite, without statistics, chose the
    /// municipality's index on toekenningen and read every allocation the municipality ever issued by hand, once per call
    /// — a cost that grew with the region (the demo's 24-hour steps, a national year).
    /// </summary>
    internal static string EerdereQuery(string sleutels)
    {
        var waar = $"j.afzender = @gemeente AND j.berichtcode = @code AND {sleutels}";
        return $"""
            SELECT j.id, j.identificatie FROM journaal j WHERE {waar};
            SELECT t.journaal_id, t.nummer, t.status FROM journaal j CROSS JOIN toekenningen t WHERE t.journaal_id = j.id AND {waar} AND t.gemeente = @gemeente ORDER BY t.id;
            SELECT o.journaal_id, o.bestandsnaam FROM outbox o JOIN journaal j ON j.id = o.journaal_id WHERE {waar} ORDER BY o.id
            """;
    }

    private sealed class Schrijver(Beoordelingsbronnen basis, string medewerker, Toewijzingsmoment moment, string? outboxMap, bool proef)
    {
        private readonly Beoordelingsbronnen basis = basis;

        /// <summary>The sources with the residents of the group being issued (<see cref="ToekennenIn"/>), and its decider.</summary>
        private Beoordelingsbronnen bronnen = basis;
        private ToekenningBeoordelen toekennen = new(basis);

        /// <summary>A change, withdrawal or procesregie: one action.</summary>
        public Toekenningsverslag Verwerk(StoreTransactie tx, Toekenningsactie actie)
        {
            var gemeente = actie.Gemeente.Waarde;
            var sleutel = actie.Sleutel;
            if (Eerdere(tx, gemeente, [sleutel]).GetValueOrDefault(sleutel) is { } herhaling)
            {
                return herhaling;
            }

            return actie switch
            {
                Toekenningsactie.Wijzigen w => Wijzig(tx, w, w.Opdracht.Nummer, sleutel),
                Toekenningsactie.Intrekken i => Wijzig(tx, i, i.Nummer, sleutel),
                Toekenningsactie.ProcesregieVastleggen p => Procesregie(tx, p, sleutel),
                _ => throw new ArgumentOutOfRangeException(nameof(actie)),
            };
        }

        /// <summary>
        /// A line of a group after the checks: either its report is final (<paramref name="Klaar"/>: refused, failed, a repeat of
        /// an earlier run, a check only), or it repeats line <paramref name="HerhalingVan"/> of the group, or it is to be written.
        /// </summary>
        private sealed record Lijn(Toekenningsactie.Toekennen Actie, string Sleutel, Toekenningsverslag? Klaar = null, int? HerhalingVan = null,
            Toekenningsbesluit? Besluit = null, Clientgegevens? Hoofd = null, IReadOnlyList<(Clientgegevens Client, ToegewezenProduct[] Regels)>? Berichten = null);

        /// <summary>
        /// Issues a group of allocations (see the class remarks), per municipality in the group; one report per line, in order.
        /// </summary>
        public Toekenningsverslag[] Toekennen(StoreTransactie tx, List<Toekenningsactie.Toekennen> groep)
        {
            var verslagen = new Toekenningsverslag[groep.Count];
            foreach (var perGemeente in Enumerable.Range(0, groep.Count).GroupBy(i => groep[i].Gemeente.Waarde, StringComparer.Ordinal))
            {
                var uit = ToekennenIn(tx, perGemeente.Key, [.. perGemeente.Select(i => groep[i])]);
                foreach (var (i, v) in perGemeente.Zip(uit))
                {
                    verslagen[i] = v;
                }
            }

            return verslagen;
        }

        private Toekenningsverslag[] ToekennenIn(StoreTransactie tx, string gemeente, IReadOnlyList<Toekenningsactie.Toekennen> acties)
        {
            // 1. Read, one command each: the repeats, the state of every named client and their households, the clients' details.
            var eerder = Eerdere(tx, gemeente, [.. acties.Select(a => a.Sleutel).Distinct(StringComparer.Ordinal)]);
            var genoemd = acties.Where(a => !eerder.ContainsKey(a.Sleutel)).SelectMany(a => Genoemd(a.Opdracht)).Distinct().ToList();
            var metInwoners = basis.Voor(tx, genoemd.Select(b => b.Waarde));
            if (!ReferenceEquals(metInwoners, bronnen))
            {
                bronnen = metInwoners;
                toekennen = new(bronnen);
            }

            var stand = Staat.LaadToestanden(tx, gemeente,
                [.. genoemd.SelectMany(b => Huishouden(b).Prepend(b)).Select(b => b.Waarde).Distinct(StringComparer.Ordinal)]);
            var clienten = Staat.LeesClienten(tx, gemeente, [.. genoemd.Select(b => b.Waarde)]);

            // 2. Check every line in memory; then reserve exactly the numbers used in one statement (should a concurrent
            // writer have moved the counter meanwhile, the group is decided again from the reserved start: Core is pure).
            var lijnen = proef
                ? Beslis(acties, eerder, stand, clienten, stand.VolgendNummer)
                : Nummers.Beslis(tx, gemeente, stand.VolgendNummer, n => Beslis(acties, eerder, stand, clienten, n), l => l.Sum(x => x.Besluit?.Regels.Count ?? 0));

            // 3. Write the allowed lines, each kind of row in one go.
            var geschreven = Schrijf(tx, gemeente, lijnen);
            return [.. lijnen.Select((l, i) => l.Klaar ?? (l.HerhalingVan is { } eerste ? Herhaling(geschreven[eerste]!) : geschreven[i]!))];
        }

        /// <summary>
        /// Checks every line of a group in order without writing: a line sees the allocations and client details the earlier
        /// lines would write (<c>nieuw</c>, <c>bewaard</c>); the same line twice is a repeat of the first.
        /// </summary>
        private List<Lijn> Beslis(IReadOnlyList<Toekenningsactie.Toekennen> acties, Dictionary<string, Toekenningsverslag> eerder, Groepstoestand stand,
            Dictionary<string, Clientgegevens> clienten, int volgend)
        {
            var nieuw = new Dictionary<string, List<VastgelegdeToewijzing>>(StringComparer.Ordinal);
            var bewaard = new Dictionary<string, Clientgegevens>(clienten, StringComparer.Ordinal);
            var eerste = new Dictionary<string, int>(StringComparer.Ordinal);
            var lijnen = new List<Lijn>(acties.Count);
            foreach (var actie in acties)
            {
                var sleutel = actie.Sleutel;
                if (eerder.TryGetValue(sleutel, out var herhaling))
                {
                    lijnen.Add(new(actie, sleutel, Klaar: herhaling));
                    continue;
                }

                if (eerste.TryGetValue(sleutel, out var i))
                {
                    lijnen.Add(proef ? lijnen[i] : new(actie, sleutel, HerhalingVan: i));
                    continue;
                }

                eerste[sleutel] = lijnen.Count;
                var o = actie.Opdracht;
                var toestanden = Genoemd(o).ToDictionary(b => b, b => stand.Toestand(b, Huishouden(b), nieuw));
                var bekend = o.Client is { } c ? bewaard.GetValueOrDefault(c.Waarde) : null;
                var besluit = toekennen.Beoordeel(o, actie.Persoon?.Geboortedatum ?? bekend?.Geboortedatum, toestanden, volgend, moment);
                var uitslag = new Toekenningsverslag(besluit.Status, besluit, [.. besluit.Regels.Select(r => r.ToewijzingNummer)], [], false, false, null);
                if (!besluit.MagSchrijven)
                {
                    lijnen.Add(new(actie, sleutel, Klaar: uitslag));
                    continue;
                }

                // The JW301 needs name and gender: the client's earlier details, else the form's; a family's dummies on
                // children the municipality has no details of carry the family's surname and gender 0 (onbekend).
                var hoofd = o.Client is { } cl ? Gegevens(cl, actie.Persoon, bekend, null) : null;
                var berichten = besluit.Regels.GroupBy(r => r.Client)
                    .Select(g => (Client: g.Key == o.Client ? hoofd : Gegevens(g.Key, null, bewaard.GetValueOrDefault(g.Key.Waarde), hoofd), Regels: g.ToArray()))
                    .ToList();
                if (!proef && ((o.Client is not null && hoofd is null) || berichten.Any(b => b.Client is null)))
                {
                    lijnen.Add(new(actie, sleutel, Klaar: Toekenningsverslag.Mislukt("TOEKENNING-CLIENT",
                        "De cliënt is bij deze gemeente nog niet bekend: geef achternaam en geslacht op (de JW301 vraagt naam en geslacht).")));
                    continue;
                }

                volgend += besluit.Regels.Count;
                foreach (var r in besluit.Regels)
                {
                    Groepstoestand.Van(nieuw, r.Client.Waarde).Add(new VastgelegdeToewijzing(r.ToewijzingNummer, r.Client, o.Aanbieder, r.Product, r.Categorie,
                        r.Ingangsdatum, r.Einddatum, r.Omvang, r.Budget, r.Toewijzingsdatum, r.Toewijzingstijd, r.ReferentieAanbieder, o.Herkomst));
                }

                if (proef)
                {
                    lijnen.Add(new(actie, sleutel, Klaar: uitslag));
                    continue;
                }

                if (hoofd is not null && actie.Persoon is not null)
                {
                    bewaard[hoofd.Bsn] = hoofd;
                }

                lijnen.Add(new(actie, sleutel, Besluit: besluit, Hoofd: hoofd, Berichten: [.. berichten.Select(b => (b.Client!, b.Regels))]));
            }

            return lijnen;
        }

        /// <summary>
        /// Writes the allowed lines of a group: per kind of row (journal, status, client, allocation, JW301, procesregie,
        /// timeline, audit) one multi-row statement. Returns the report of each written line (null for the others).
        /// </summary>
        private Toekenningsverslag?[] Schrijf(StoreTransactie tx, string gemeente, List<Lijn> lijnen)
        {
            var verslagen = new Toekenningsverslag?[lijnen.Count];
            var teSchrijven = Enumerable.Range(0, lijnen.Count).Where(i => lijnen[i].Besluit is not null).ToList();
            if (teSchrijven.Count == 0)
            {
                return verslagen;
            }

            var journaal = tx.Journaliseer([.. teSchrijven.Select(i => new InkomendBericht(gemeente, lijnen[i].Actie.Opdracht.Aanbieder.Waarde, lijnen[i].Sleutel,
                    Berichtcode, Encoding.UTF8.GetBytes(lijnen[i].Actie.Inhoud()), Gemeente: gemeente))])
                .Select(u => u is JournaalUitkomst.Nieuw n ? n.JournaalId : throw new InvalidOperationException("De toekenning is zojuist al vastgelegd."))
                .ToList();
            tx.ZetJournaalStatus(journaal, Uitkomsten.Accepted);

            var clienten = new Dictionary<string, Clientgegevens>(StringComparer.Ordinal);
            var toewijzingen = new List<(string Aanbieder, ToegewezenProduct Regel, VerwijzerType Herkomst, long Journaal)>();
            var antwoorden = new List<Antwoord>();
            var regie = new List<(long Nummer, Procesregie Regie)>();
            var tijdlijn = new List<object?[]>();
            var audit = new List<(string, Gemeentecode, string, Bsn?)>();
            foreach (var (i, id) in teSchrijven.Zip(journaal))
            {
                var (l, o, besluit) = (lijnen[i], lijnen[i].Actie.Opdracht, lijnen[i].Besluit!);
                if (l.Hoofd is { } hoofd && l.Actie.Persoon is not null)
                {
                    clienten[hoofd.Bsn] = hoofd;
                }

                var ctx = new Berichtcontext(tx, id, moment.Datum, moment.Tijd, outboxMap);
                var outbox = new List<string>();
                var slot = 0;
                foreach (var (client, regels) in l.Berichten!)
                {
                    toewijzingen.AddRange(regels.Select(r => (o.Aanbieder.Waarde, r, o.Herkomst, id)));
                    slot++;
                    var jw301 = ctx.MaakToewijzing(string.Create(CultureInfo.InvariantCulture, $"{Jw301Sleutel} {slot}"), slot, gemeente, o.Aanbieder.Waarde, client, regels);
                    antwoorden.Add(jw301);
                    outbox.Add(Berichtcontext.Pad(outboxMap, jw301.Bestandsnaam));
                }

                var nummer = besluit.Regels.Count > 0 ? besluit.Regels[0].ToewijzingNummer : (int?)null;
                if (nummer is { } nr && o.Procesregie is { } p)
                {
                    regie.Add((nr, p));
                }

                tijdlijn.Add(Tijdlijnrij(tx, id, gemeente, l.Actie.Soort, nummer, besluit.Regels.Count > 0 ? besluit.Regels[0].Client : o.Client,
                    o.Aanbieder.Waarde, o.Product.Waarde, besluit, o.Verwijzer, o.Commentaar));
                audit.Add((medewerker, o.Gemeente, besluit.Status == Toekenningsstatus.GeenBerichtenverkeer
                    ? $"toekenning zonder BSN vastgelegd ({o.Product}, geen berichtenverkeer)"
                    : string.Create(CultureInfo.InvariantCulture, $"toewijzing {nummer} toegekend ({o.Product}, {besluit.Regels.Count} JW301-regel(s))"), o.Client));
                verslagen[i] = new(besluit.Status, besluit, [.. besluit.Regels.Select(r => r.ToewijzingNummer)], outbox, false, true, null);
            }

            Staat.BewaarClienten(tx, gemeente, [.. clienten.Values]);
            Staat.LegNieuweToewijzingenVast(tx, gemeente, toewijzingen);
            tx.VoegAntwoordenToe(antwoorden);
            ZetProcesregie(tx, gemeente, regie);
            Tijdlijn(tx, tijdlijn);
            tx.Audit(audit);
            return verslagen;
        }

        /// <summary>A repeat within the same run: what the first line wrote, written nothing now (as a repeat from an earlier run reports it).</summary>
        private static Toekenningsverslag Herhaling(Toekenningsverslag eerste) =>
            new(eerste.Status, null, eerste.Nummers.Count > 0 ? [eerste.Nummers[0]] : [], eerste.Outbox, true, false, null);

        /// <summary>The client and the named family members of an issue.</summary>
        private static IEnumerable<Bsn> Genoemd(Toekenningsopdracht o) =>
            new[] { o.Client }.Concat(o.Gezinsleden.Select(g => (Bsn?)g)).OfType<Bsn>().Distinct();

        /// <summary>The members of <paramref name="bsn"/>'s household in the residents' register (the client too); none when unknown.</summary>
        private IEnumerable<Bsn> Huishouden(Bsn bsn) =>
            bronnen.Inwoners.Zoek(bsn)?.Huishouden is { } h ? bronnen.Inwoners.Huishouden(h).Select(i => i.Bsn) : [];

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
            // The checks of a change read the client's residents' record and household (HK-315-4, HK-PRD-5/6).
            var metInwoners = basis.Voor(tx, [huidig.Client.Waarde]);
            var besluit = actie switch
            {
                Toekenningsactie.Wijzigen w => new ToekenningWijzigen(metInwoners).Beoordeel(w.Opdracht, huidig, toestand, LeesProcesregie(tx, gemeente, nummer), client?.Geboortedatum, moment),
                Toekenningsactie.Intrekken i => new ToekenningIntrekken(metInwoners).Beoordeel(huidig, toestand, i.Motivering, moment),
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
            ZetProcesregie(tx, gemeente, [(actie.Nummer, actie.Regie)]);
            var tekst = $"Procesregie: {Houder(actie.Regie.Houder)}{(actie.Regie.Team is { } t ? $" (team {t})" : "")}.";
            Tijdlijn(tx, journaal, gemeente, actie.Soort, actie.Nummer, huidig.Client, huidig.Aanbieder.Waarde, huidig.Product.Waarde, null, null, tekst);
            tx.Audit(medewerker, actie.Gemeente, string.Create(CultureInfo.InvariantCulture, $"procesregie van toewijzing {actie.Nummer}: {Houder(actie.Regie.Houder)}"), huidig.Client);
            return new(Toekenningsstatus.Toegekend, null, [actie.Nummer], [], false, true, null);
        }

        /// <summary>
        /// The JW301's name and gender for <paramref name="bsn"/>: the form's (with a birth date), else the client's earlier
        /// details, else — a family's dummy on a child the municipality has no details of — the family's surname and gender 0.
        /// </summary>
        private Clientgegevens? Gegevens(Bsn bsn, Clientpersoon? persoon, Clientgegevens? bekend, Clientgegevens? gezin)
        {
            var geboren = persoon?.Geboortedatum ?? bekend?.Geboortedatum ?? bronnen.Inwoners.Zoek(bsn)?.Geboortedatum;
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

        private static long Journaliseer(StoreTransactie tx, Toekenningsactie actie, string sleutel, string aanbieder)
        {
            // The municipality sends this one: its content is stored under it, not under the provider (migration 0039).
            var uitkomst = tx.Journaliseer(actie.Gemeente.Waarde, aanbieder, sleutel, Berichtcode, Encoding.UTF8.GetBytes(actie.Inhoud()),
                gemeente: actie.Gemeente.Waarde);
            var id = uitkomst is JournaalUitkomst.Nieuw n ? n.JournaalId : throw new InvalidOperationException("De toekenning is zojuist al vastgelegd.");
            tx.ZetJournaalStatus(id, Uitkomsten.Accepted);
            return id;
        }

        /// <summary>
        /// The actions among <paramref name="sleutels"/> that <paramref name="gemeente"/> did before, as repeats (their numbers,
        /// status and JW301s; nothing is written again): one command for a whole group.
        /// </summary>
        private Dictionary<string, Toekenningsverslag> Eerdere(StoreTransactie tx, string gemeente, IReadOnlyList<string> sleutels)
        {
            var eerder = new Dictionary<long, (string Sleutel, List<int> Nummers, List<string> Status, List<string> Outbox)>();
            using (var r = tx.Commando(EerdereQuery(tx.In("j.identificatie", "k")))
                .Met("@gemeente", gemeente).Met("@code", Berichtcode).MetLijst(tx, "k", sleutels).ExecuteReader())
            {
                while (r.Read())
                {
                    eerder[r.GetInt64(0)] = (r.GetString(1), [], [], []);
                }

                r.NextResult();
                while (r.Read())
                {
                    var e = eerder[r.GetInt64(0)];
                    if (!r.IsDBNull(1))
                    {
                        e.Nummers.Add(checked((int)r.GetInt64(1)));
                    }

                    e.Status.Add(r.GetString(2));
                }

                r.NextResult();
                while (r.Read())
                {
                    eerder[r.GetInt64(0)].Outbox.Add(Berichtcontext.Pad(outboxMap, r.GetString(1)));
                }
            }

            return eerder.Values.ToDictionary(e => e.Sleutel, e => new Toekenningsverslag(
                Enum.TryParse<Toekenningsstatus>(e.Status.LastOrDefault(), ignoreCase: true, out var s) ? s : Toekenningsstatus.Toegekend,
                null, e.Nummers, e.Outbox, true, false, null), StringComparer.Ordinal);
        }

        private void Tijdlijn(StoreTransactie tx, long journaal, string gemeente, string soort, int? nummer, Bsn? client, string aanbieder, string product,
            Toekenningsbesluit? besluit, string? verwijzer, string? commentaar) =>
            Tijdlijn(tx, [Tijdlijnrij(tx, journaal, gemeente, soort, nummer, client, aanbieder, product, besluit, verwijzer, commentaar)]);

        /// <summary>The dossier's timeline rows (who, when, rules, reason), a group at once.</summary>
        private static void Tijdlijn(StoreTransactie tx, IReadOnlyList<object?[]> rijen) =>
            tx.VoegToe("""
                INSERT INTO toekenningen (journaal_id, gemeente, soort, nummer, client_bsn, aanbieder, productcode, status, regels, toelichting,
                    motivering, verwijzer, commentaar, door, op, regelversie)
                """, ["j", "g", "s", "n", "b", "a", "p", "st", "r", "t", "m", "v", "c", "d", "o", "rv"], rijen);

        private object?[] Tijdlijnrij(StoreTransactie tx, long journaal, string gemeente, string soort, int? nummer, Bsn? client, string aanbieder, string product,
            Toekenningsbesluit? besluit, string? verwijzer, string? commentaar) =>
        [
            journaal, gemeente, soort, (long?)nummer, client?.Waarde, aanbieder, product, (besluit?.Status ?? Toekenningsstatus.Toegekend).ToString(),
            besluit is null ? "HK-317-7" : string.Join(",", besluit.RegelIds), besluit?.Toelichting ?? commentaar ?? "", besluit?.Motivering, verwijzer,
            besluit is null ? null : commentaar, medewerker, tx.EchtNu, bronnen.Catalogus.Versie,
        ];
    }

    /// <summary>Who holds procesregie over allocation <paramref name="nummer"/>; null when nothing is recorded.</summary>
    internal static Procesregie? LeesProcesregie(StoreTransactie tx, string gemeente, long nummer)
    {
        using var r = tx.Commando("SELECT houder, team FROM procesregie WHERE gemeente = @gemeente AND nummer = @nummer")
            .Met("@gemeente", gemeente).Met("@nummer", nummer).ExecuteReader();
        return r.Read() && Enum.TryParse<Procesregiehouder>(r.GetString(0), ignoreCase: true, out var houder) ? new Procesregie(houder, r.TekstOfNull(1)) : null;
    }

    private static void ZetProcesregie(StoreTransactie tx, string gemeente, IReadOnlyList<(long Nummer, Procesregie Regie)> regie) =>
        tx.VoegToe("INSERT INTO procesregie (gemeente, nummer, houder, team)", ["g", "n", "h", "t"],
            [.. regie.Select(r => new object?[]
            {
                gemeente, r.Nummer, r.Regie.Houder.ToString().ToLowerInvariant(), r.Regie.Houder == Procesregiehouder.Gemeente ? r.Regie.Team : null,
            })],
            "ON CONFLICT (gemeente, nummer) DO UPDATE SET houder = excluded.houder, team = excluded.team");

    /// <summary>Dutch name of a procesregie holder.</summary>
    public static string Houder(Procesregiehouder houder) => houder switch
    {
        Procesregiehouder.Gemeente => "de gemeente (procesregisseur)",
        Procesregiehouder.GecertificeerdeInstelling => "de gecertificeerde instelling",
        Procesregiehouder.MedischeVerwijzer => "de medische verwijzer",
        _ => "niemand",
    };
}

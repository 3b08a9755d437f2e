using System.Globalization;
using CoreOmvang = Jeugdhulp.Core.Toewijzing.Omvang;
using CoreProduct = Jeugdhulp.Core.Toewijzing.AangevraagdProduct;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Retour;
using Jeugdhulp.Store.Toewijzingnummers;

namespace Jeugdhulp.Store.Verwerking;

/// <summary>
/// A JW315 (HK-301-1): one JW316 retour, then per product request the engine's decision: approved → a
/// new allocation and a JW301 (ReferentieAanbieder copied, TR379); rejected → a JW319 with the reason
/// (and the responsible municipality for reason 8); review → stored, answered later by a person.
/// </summary>
internal static class Jw315Verwerken
{
    public static string Verwerk(Berichtcontext ctx, VerzoekOmToewijzingBericht bericht, VerzoekOmToewijzingBeoordelen engine)
    {
        var k = bericht.Client ?? throw new InvalidOperationException("Een geldige JW315 heeft een Client.");
        var gemeente = bericht.Header.Ontvanger;
        var aanbieder = bericht.Header.Afzender;
        var clientgegevens = new Clientgegevens(k.Bsn, k.Geboortedatum.Datum, k.Geboortedatum.DatumGebruik, k.Geslacht,
            k.Naam.Geslachtsnaam.Naam, k.Naam.Geslachtsnaam.Voorvoegsel, k.Naam.Voornamen, k.Naam.Voorletters);
        var t0 = Fasetijden.Start();
        if (!ctx.Proef)
        {
            Staat.BewaarClient(ctx.Tx, gemeente, clientgegevens);
        }

        Fasetijden.Stop(Fasetijden.Fase.Staat, t0);

        var besluiten = Beslis(ctx.Tx, bericht, engine, ctx.Vandaag, ctx.Proef, ctx.Voorraad);

        t0 = Fasetijden.Start();
        ctx.StuurRetour("JW316", bericht, Retourbouwer.Bouw(bericht, ctx.Retourgegevens, null));
        Fasetijden.Stop(Fasetijden.Fase.Antwoorden, t0);
        for (var i = 0; i < besluiten.Length; i++)
        {
            var besluit = besluiten[i];
            var p = k.AangevraagdeProducten[i];
            var slot = i + 1;
            t0 = Fasetijden.Start();

            // The explanation and the rule ids are rendered from the findings on every read: once here for the report; the request line
            // stores no explanation, only the rule set's label its rendering names (Store/Bevindingen/Toelichtingen, migration 0037).
            var verslag = Berichtcontext.Verslag(besluit);
            if (!ctx.Proef)
            {
                var verzoekregel = new VerzoekRegel(0, ctx.JournaalId, slot, "JW315", gemeente, aanbieder, k.Bsn,
                    p.ReferentieAanbieder, p.Product?.Code, p.Product?.Categorie, p.ToewijzingIngangsdatum, p.ToewijzingEinddatum,
                    Omvang(p.Omvang), p.Budget, VerwijzerType(p.Verwijzer),
                    besluit.Uitkomst == Uitkomst.Beoordelen ? Staat.StatusReview : Staat.StatusBesloten,
                    Berichtcontext.Woord(besluit.Uitkomst), (int?)besluit.Reden, string.Join(",", verslag.Regels), Bevindingen.Toelichtingen.Weergegeven,
                    besluit.VerantwoordelijkeGemeente?.Waarde, besluit.Regelversie, besluit.Regelset);
                Staat.BewaarVerzoek(ctx.Tx, verzoekregel);
                Bevindingen.BevindingenVastleggen.Bewaar(ctx.Tx, verzoekregel, besluit);
            }

            ctx.Besluiten.Add(verslag);
            ctx.Genomen.Add(besluit);
            Fasetijden.Stop(Fasetijden.Fase.Staat, t0);
            switch (besluit.Uitkomst)
            {
                case Uitkomst.Toegekend:
                    t0 = Fasetijden.Start();
                    foreach (var regel in ctx.Proef ? [] : besluit.Toewijzingen)
                    {
                        var herkomst = (Core.Toewijzing.VerwijzerType)VerwijzerType(p.Verwijzer)!;
                        if (besluit.NieuweNummers.Contains(regel.ToewijzingNummer))
                        {
                            // A number reserved for this decision has no earlier version to retire: the insert alone (on
                            // PostgreSQL the retire was an UPDATE that found nothing, ~50 µs of server time per JW315).
                            Staat.LegNieuweToewijzingenVast(ctx.Tx, gemeente, [(aanbieder, regel, herkomst, ctx.JournaalId)]);
                        }
                        else
                        {
                            Staat.LegToewijzingVast(ctx.Tx, gemeente, aanbieder, regel, herkomst, 0, null, ctx.JournaalId);
                        }

                        // As the state read gives it back (Staat.LeesToewijzing), for a later message of the household in the group.
                        ctx.Voorraad?.Vastgelegd(new VastgelegdeToewijzing(regel.ToewijzingNummer, regel.Client, AgbCode.Parse(aanbieder).Waarde,
                            regel.Product, regel.Categorie, regel.Ingangsdatum, regel.Einddatum, regel.Omvang, regel.Budget, regel.Toewijzingsdatum,
                            regel.Toewijzingstijd, regel.ReferentieAanbieder, herkomst, 0, regel.RedenWijziging, null));
                    }

                    Fasetijden.Stop(Fasetijden.Fase.Staat, t0);
                    t0 = Fasetijden.Start();
                    ctx.StuurToewijzing(Sleutel(slot), slot, gemeente, aanbieder, clientgegevens, besluit.Toewijzingen);
                    Fasetijden.Stop(Fasetijden.Fase.Antwoorden, t0);
                    break;
                case Uitkomst.Afgewezen:
                    t0 = Fasetijden.Start();
                    ctx.StuurAfwijzing(Sleutel(slot), slot, gemeente, aanbieder, p.ReferentieAanbieder, (int)besluit.Reden!,
                        besluit.VerantwoordelijkeGemeente?.Waarde);
                    Fasetijden.Stop(Fasetijden.Fase.Antwoorden, t0);
                    break;
                default:
                    break;
            }
        }

        return Berichtcontext.Samen(ctx.Besluiten.Select(b => b.Uitkomst));
    }

    /// <summary>
    /// The decision on every product request line, in order: a line without a (known) product code or referrer
    /// is rejected here, the rest go to the engine with the client's state (from the group's read, <paramref name="voorraad"/>,
    /// when it still holds, else read now). Stores nothing; <paramref name="proef"/> (the provider's pre-check) also reserves
    /// no ToewijzingNummers.
    /// </summary>
    public static Besluit[] Beslis(StoreTransactie tx, VerzoekOmToewijzingBericht bericht, VerzoekOmToewijzingBeoordelen engine, DateOnly ontvangen, bool proef,
        Groepsvoorraad? voorraad = null)
    {
        var gemeente = bericht.Header.Ontvanger;
        return Beslis(bericht, ontvangen, verzoek =>
        {
            var t0 = Fasetijden.Start();
            var (toestand, volgend) = voorraad?.Toestand(gemeente, verzoek.Client) ?? Staat.LaadToestand(tx, gemeente, verzoek.Client);
            Fasetijden.Stop(Fasetijden.Fase.Toestand, t0);
            t0 = Fasetijden.Start();
            var uitslag = proef
                ? engine.Beoordeel(verzoek, toestand, volgend)
                : Nummers.Beslis(tx, gemeente, volgend, n => engine.Beoordeel(verzoek, toestand, n), u => u.Besluiten.Sum(b => b.NieuweNummers.Count));
            if (!proef)
            {
                voorraad?.Volgend(gemeente, uitslag.VolgendVrijNummer);
            }

            Fasetijden.Stop(Fasetijden.Fase.Beslissen, t0);
            return uitslag;
        });
    }

    /// <summary>
    /// As above with the engine call given: the what-if replay (<c>Watals.Momentopname</c>) decides on a state it
    /// holds in memory, with the very same conversion of the message.
    /// </summary>
    public static Besluit[] Beslis(VerzoekOmToewijzingBericht bericht, DateOnly ontvangen, Func<VerzoekOmToewijzing, Verzoekuitslag> beoordeel)
    {
        var k = bericht.Client ?? throw new InvalidOperationException("Een geldige JW315 heeft een Client.");
        var gemeente = bericht.Header.Ontvanger;
        var bsn = Bsn.Parse(k.Bsn).Waarde; // CS002 passed at level 2

        // Product requests the engine cannot take (no product code) are rejected here; the rest go in order.
        var producten = new List<(int Index, CoreProduct Product)>();
        var besluiten = new Besluit[k.AangevraagdeProducten.Count];
        for (var i = 0; i < k.AangevraagdeProducten.Count; i++)
        {
            var p = k.AangevraagdeProducten[i];
            if (Naar(p) is { } gevraagd)
            {
                producten.Add((i, gevraagd));
            }
            else
            {
                besluiten[i] = OnvolledigVerzoek.ZonderProduct(p.ReferentieAanbieder);
            }
        }

        var verzoek = new VerzoekOmToewijzing(AgbCode.Parse(bericht.Header.Afzender).Waarde, Gemeentecode.Parse(gemeente).Waarde, bsn,
            k.Geboortedatum.Datum, bericht.Header.BerichtIdentificatie.Dagtekening, ontvangen, [.. producten.Select(p => p.Product)]);
        var uitslag = beoordeel(verzoek);
        for (var j = 0; j < producten.Count; j++)
        {
            besluiten[producten[j].Index] = uitslag.Besluiten[j];
        }

        return besluiten;
    }

    /// <summary>The outbox slot of the one answer (JW301 or JW319) to request line <paramref name="slot"/>.</summary>
    public static string Sleutel(int slot) => string.Create(CultureInfo.InvariantCulture, $"antwoord {slot}");

    private static CoreProduct? Naar(Ijw.Berichten.AangevraagdProduct p)
    {
        if (p.Product?.Code is not { } code || !ProductCode.Parse(code).TryGet(out var product) || VerwijzerType(p.Verwijzer) is not { } type)
        {
            return null;
        }

        // HK-ROUTE-1: iJw 3.2 has no referral date; the regional convention puts it in the Commentaar. An
        // unreadable one stays null here and the engine signals it from the Commentaar.
        var verwijsdatum = Verwijsdatum.UitCommentaar(p.Commentaar).TryGet(out var datum) ? datum : null;
        return new CoreProduct(p.ReferentieAanbieder, product, p.Product.Categorie, p.ToewijzingIngangsdatum, p.ToewijzingEinddatum,
            Omvang(p.Omvang), p.Budget, new Core.Toewijzing.Verwijzer((Core.Toewijzing.VerwijzerType)type, p.Verwijzer.Naam, p.Verwijzer.ZorgverlenerCode),
            verwijsdatum, p.Commentaar);
    }

    public static CoreOmvang? Omvang(Ijw.Berichten.Omvang? o) =>
        o is null ? null : new CoreOmvang(checked((int)o.Volume), o.Eenheid, o.Frequentie);

    private static int? VerwijzerType(Ijw.Berichten.Verwijzer v) =>
        int.TryParse(v.Type, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && Enum.IsDefined((Core.Toewijzing.VerwijzerType)t) ? t : null;
}

/// <summary>
/// ToewijzingNummers for a decision (TR332): the engine is given the counter's next number (read with the
/// client's state, <see cref="Staat.LaadToestand"/>), then exactly
/// the numbers it used are reserved in the same transaction. Should a concurrent writer (PostgreSQL) have
/// moved the counter in between, the decision is taken again from the reserved start: the engine is pure,
/// so the outcome is the same with other numbers.
/// </summary>
internal static class Nummers
{
    public static T Beslis<T>(StoreTransactie tx, string gemeente, int volgend, Func<int, T> beslis, Func<T, int> gebruikt)
    {
        var uitslag = beslis(volgend);
        var n = gebruikt(uitslag);
        if (n == 0)
        {
            return uitslag;
        }

        var reeks = tx.ReserveerToewijzingnummers(Gemeentecode.Parse(gemeente).Waarde, n);
        if (!reeks.TryGet(out var r))
        {
            throw new InvalidOperationException(string.Join("; ", reeks.Fouten));
        }

        return r.Eerste == volgend ? uitslag : beslis(checked((int)r.Eerste));
    }
}

using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Clienten;
using Jeugdhulp.Store.Toekenning;
using Jeugdhulp.Store.Verblijf;

namespace Jeugdhulp.Web.Api;

/// <summary>
/// One 24-hour care record to write (HK-24, docs/VERBLIJF.md), as the backoffice pages and the municipality API
/// both build it. Each runs the Store/Verwerking use case the CLI and the tests use; nothing here decides.
/// </summary>
internal abstract record Verblijfactie
{
    /// <summary>The BSN the action is about, when it names one (checked against the municipality's own residents).</summary>
    public virtual Bsn? Client => null;

    /// <summary>A placement or its follow-up (<see cref="PlaatsingVastleggen"/>).</summary>
    public sealed record Plaatsing(Verblijfplaatsing P) : Verblijfactie
    {
        public override Bsn? Client => P.Client;
    }

    /// <summary>A consult request (<see cref="ConsultOpslaan"/>).</summary>
    public sealed record Consult(Consultaanvraag A) : Verblijfactie;

    /// <summary>The outcome of a recorded consult.</summary>
    public sealed record Consultresultaat(string Referentie, Consultuitkomst Uitkomst, DateOnly Op) : Verblijfactie;

    /// <summary>A meerzorg request with the state of its two checks (<see cref="MeerzorgaanvraagOpslaan"/>).</summary>
    public sealed record Meerzorg(Meerzorgaanvraag A) : Verblijfactie
    {
        public override Bsn? Client => A.Client;
    }

    /// <summary>The decision on a recorded meerzorg request (<see cref="MeerzorgBesluitVastleggen"/>): granted, the 45R02 allocation and its JW301.</summary>
    public sealed record Meerzorgbesluit(string Referentie, bool Toekennen, string? Motivering, Clientpersoon? Persoon) : Verblijfactie;

    /// <summary>A moeder-kindtoeslag use (<see cref="MoederKindOpslaan"/>).</summary>
    public sealed record MoederKind(MoederKindgebruik G) : Verblijfactie
    {
        public override Bsn? Client => G.Kind;
    }

    /// <summary>An escalation on a recorded placement (<see cref="EscalatieOpslaan"/>).</summary>
    public sealed record Escalatie(string Referentie, string Onderwerp) : Verblijfactie;

    /// <summary>That an escalation was decided.</summary>
    public sealed record Escalatiebesluit(long Id, DateOnly Dag) : Verblijfactie;
}

/// <summary>What a 24-hour action came to (checked only, or written).</summary>
/// <param name="Oordeel">Core's findings and the deadlines they open; null when the input stopped it first.</param>
/// <param name="Geschreven">True when written now.</param>
/// <param name="Weigering">Why it is not (or would not be) written: a coded error, or the rule that refuses.</param>
/// <param name="RegelId">The rule that refuses, when a rule does.</param>
/// <param name="Nummer">The Begeleiding Individueel allocation of granted meerzorg.</param>
/// <param name="Outbox">Its JW301 files.</param>
/// <param name="Toewijzingscontrole">Granting meerzorg: the allocation path's own checks.</param>
public sealed record Verblijfverslag(
    Verblijfoordeel? Oordeel, bool Geschreven, Fout? Weigering, string? RegelId, int? Nummer, IReadOnlyList<string> Outbox, Toekenningsbesluit? Toewijzingscontrole)
{
    /// <summary>Every finding to show: Core's on the record, then the allocation's.</summary>
    public IReadOnlyList<Bevinding> Bevindingen => [.. Oordeel?.Bevindingen ?? [], .. Toewijzingscontrole?.Bevindingen ?? []];
}

/// <summary>
/// Runs a <see cref="Verblijfactie"/> for one municipality: only checking (the confirmation step, <c>alleenControleren</c>
/// in the API) or writing through the one write path of each record. Called on the host's one writer
/// (<see cref="Verwerkingsrij.Exclusief{T}"/>), so a meerzorg allocation never interleaves with the message pipeline.
/// A youth must be a resident or client of the municipality itself.
/// </summary>
internal static class Verblijfuitvoering
{
    public static Verblijfverslag Voer(Backoffice b, Gemeentecode gemeente, Verblijfactie actie, string wie, bool alleenControleren)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(actie);
        if (actie.Client is { } client && b.Store.LeesClientoverzicht(gemeente, client) is null)
        {
            return Mislukt("VERBLIJF-GEEN-INWONER", $"Jeugdige {client.Gemaskeerd} is geen inwoner of cliënt van gemeente {gemeente.Waarde}: alleen eigen inwoners.");
        }

        var regels = b.Regels;
        switch (actie)
        {
            case Verblijfactie.Plaatsing p:
                // The regisseur counts as recorded on the day it was first recorded (HK-24-9), as the CLI does: today, or
                // the earlier day when recording again with the same regisseur.
                var eerder = b.Store.LeesVerblijf(gemeente, p.P.Referentie).Plaatsingen.FirstOrDefault(x => x.Referentie == p.P.Referentie);
                var plaatsing = p.P with
                {
                    RegisseurVastgelegd = p.P.Regisseur is null ? null
                        : eerder?.Regisseur == p.P.Regisseur && eerder.RegisseurVastgelegd is { } dag ? dag : b.Vandaag,
                };
                return Van(alleenControleren ? PlaatsingVastleggen.ControleerPlaatsing(regels, plaatsing) : b.Store.LegPlaatsingVast(regels, plaatsing, wie), true);
            case Verblijfactie.Consult c:
                return Van(alleenControleren ? ConsultOpslaan.ControleerConsult(regels, c.A) : b.Store.LegConsultVast(regels, c.A, wie), true);
            case Verblijfactie.Meerzorg m:
                // A request is recorded whatever its checks say: the decision is the next step.
                return Van(alleenControleren ? MeerzorgaanvraagOpslaan.ControleerMeerzorgaanvraag(regels, m.A) : b.Store.LegMeerzorgaanvraagVast(regels, m.A, wie), false);
            case Verblijfactie.MoederKind k:
                return Van(alleenControleren ? MoederKindOpslaan.ControleerMoederKind(regels, k.G) : b.Store.LegMoederKindVast(regels, k.G, wie), true);
            case Verblijfactie.Consultresultaat u:
                if (b.Store.LeesVerblijf(gemeente, u.Referentie).Consulten.FirstOrDefault(c => c.Aanvraag.Referentie == u.Referentie) is not { Uitkomst: null })
                {
                    return Mislukt("VERBLIJF-CONSULT", $"Gemeente {gemeente.Waarde} heeft geen open consultaanvraag {u.Referentie}.");
                }

                return alleenControleren
                    ? new(new Verblijfoordeel([ConsultVastleggen.Vastleggen(u.Uitkomst)], [], ""), false, null, null, null, [], null)
                    : Van(b.Store.LegConsultuitkomstVast(gemeente, u.Referentie, u.Uitkomst, u.Op, wie), true);
            case Verblijfactie.Escalatie e:
                if (string.IsNullOrWhiteSpace(e.Onderwerp))
                {
                    return Mislukt("VERBLIJF-INVOER", "Het onderwerp van de escalatie is verplicht.");
                }

                if (b.Store.LeesVerblijf(gemeente, e.Referentie).Plaatsingen.FirstOrDefault(p => p.Referentie == e.Referentie) is not { } geplaatst)
                {
                    return Mislukt("VERBLIJF-ONBEKEND", $"Gemeente {gemeente.Waarde} heeft geen 24-uursplaatsing {e.Referentie}.");
                }

                return alleenControleren
                    ? new(new Verblijfoordeel([EscalatieVastleggen.Vastleggen(geplaatst.Route, e.Onderwerp)], [], ""), false, null, null, null, [], null)
                    : Van(b.Store.LegEscalatieVast(gemeente, e.Referentie, e.Onderwerp, wie), true);
            case Verblijfactie.Escalatiebesluit eb:
                if (b.Store.LeesEscalatie(gemeente, eb.Id) is not { Besloten: null })
                {
                    return Mislukt("VERBLIJF-ESCALATIE", $"Gemeente {gemeente.Waarde} heeft geen open escalatie {eb.Id}.");
                }

                return alleenControleren ? new(null, false, null, null, null, [], null) : Van(b.Store.SluitEscalatie(gemeente, eb.Id, eb.Dag, wie), true);
            case Verblijfactie.Meerzorgbesluit mb:
                var v = b.Store.BesluitMeerzorg(regels, gemeente, mb.Referentie, mb.Toekennen, mb.Motivering, mb.Persoon, wie, ToekenningApi.Moment(b), b.OutboxMap,
                    alleenControleren);
                var regel = v.Fout is null ? null
                    : v.Toewijzingscontrole?.Reden?.RegelId ?? v.Oordeel?.Bevindingen.FirstOrDefault(x => x.Uitkomst != Uitkomst.Toegekend)?.RegelId;
                return new(v.Oordeel, v.Geschreven, v.Fout, regel, v.Nummer, v.Outbox, v.Toewijzingscontrole);
            default:
                throw new ArgumentOutOfRangeException(nameof(actie), actie.GetType().Name);
        }
    }

    /// <summary>A Store result as the verslag; <paramref name="regelWeigert"/>: a rejecting finding means nothing is (or would be) written.</summary>
    private static Verblijfverslag Van(Verblijfvastlegging v, bool regelWeigert)
    {
        if (v.Fout is { } f)
        {
            return new(v.Oordeel, false, f, null, null, [], null);
        }

        var weigert = regelWeigert ? v.Oordeel?.Bevindingen.FirstOrDefault(x => x.Uitkomst == Uitkomst.Afgewezen) : null;
        return weigert is null
            ? new(v.Oordeel, v.Geschreven, null, null, null, [], null)
            : new(v.Oordeel, false, new Fout("VERBLIJF-REGEL", $"{weigert.RegelId}: {weigert.Melding}"), weigert.RegelId, null, [], null);
    }

    private static Verblijfverslag Mislukt(string code, string melding) => new(null, false, new Fout(code, melding), null, null, [], null);
}

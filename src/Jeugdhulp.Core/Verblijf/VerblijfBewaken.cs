using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Termijnen;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Verblijf;

/// <summary>A granted meerzorg: reassessed at its end (HK-24-10-DUUR).</summary>
/// <param name="Gemeente">The municipality.</param>
/// <param name="Referentie">The record's reference.</param>
/// <param name="Client">The youth.</param>
/// <param name="Tot">Last day granted.</param>
/// <param name="Herbeoordeeld">True once reassessed.</param>
public sealed record Meerzorgtoekenning(string Gemeente, string Referentie, Bsn Client, DateOnly Tot, bool Herbeoordeeld);

/// <summary>The 24-hour records the deadline watch reads (issue 14).</summary>
/// <param name="Plaatsingen">24-hour placements.</param>
/// <param name="OpenMeerzorg">Meerzorg requests not decided yet.</param>
/// <param name="Meerzorg">Granted meerzorg.</param>
/// <param name="MoederKind">Moeder-kindtoeslag uses.</param>
public sealed record Verblijfstand(
    IReadOnlyList<Verblijfplaatsing> Plaatsingen,
    IReadOnlyList<Meerzorgaanvraag> OpenMeerzorg,
    IReadOnlyList<Meerzorgtoekenning> Meerzorg,
    IReadOnlyList<MoederKindgebruik> MoederKind)
{
    /// <summary>Only the records of <paramref name="gemeente"/> (a municipality sees only its own residents).</summary>
    public Verblijfstand VoorGemeente(string gemeente) => new(
        [.. Plaatsingen.Where(p => p.Gemeente == gemeente)],
        [.. OpenMeerzorg.Where(m => m.Gemeente == gemeente)],
        [.. Meerzorg.Where(m => m.Gemeente == gemeente)],
        [.. MoederKind.Where(m => m.Gemeente == gemeente)]);
}

/// <summary>
/// The open 24-hour deadlines: per crisis placement the follow-up perspective, bridging care and evaluation
/// (HK-24-8), the dialogue and regisseur that follow a crisis (HK-24-3, HK-24-9); per placement running past
/// the 18th birthday the registration 3 months before it (HK-24-AANMELDING-18); the meerzorg decision (HK-24-10)
/// and reassessment (HK-24-10-DUUR); the moeder-kind report (HK-24-11). An item disappears when what it waits
/// for is recorded; a crisis item also when the stay has ended.
/// </summary>
public static class VerblijfBewaken
{
    /// <summary>Deadline id of the registration before the 18th birthday.</summary>
    public const string Aanmelding18 = "HK-24-AANMELDING-18";

    /// <summary>Every open obligation of <paramref name="stand"/> on <paramref name="vandaag"/>.</summary>
    public static IEnumerable<Verplichting> Open(Verblijfstand stand, IReadOnlyDictionary<Bsn, DateOnly> geboortedata, Regelset regels, Werkdagenkalender kalender, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(stand);
        ArgumentNullException.ThrowIfNull(geboortedata);
        ArgumentNullException.ThrowIfNull(regels);
        foreach (var p in stand.Plaatsingen)
        {
            if (p.Ingang > vandaag)
            {
                continue;
            }

            var loopt = p.Einde is not { } einde || einde >= vandaag;
            if (p.IsCrisis && loopt)
            {
                foreach (var v in CrisisBeoordelen.Beoordeel(p, regels).Verplichtingen)
                {
                    yield return v;
                }
            }

            if (p.IsCrisis)
            {
                foreach (var v in VoorwaardenToetsen.Toets(p, regels, kalender).Verplichtingen)
                {
                    yield return v;
                }
            }

            if (Achttien(p, geboortedata, regels, vandaag) is { } a)
            {
                yield return a;
            }
        }

        foreach (var m in stand.OpenMeerzorg)
        {
            foreach (var v in MeerzorgBeoordelen.Beoordeel(m, regels, kalender).Oordeel.Verplichtingen.Where(v => v.Regel == MeerzorgBeoordelen.Besluittermijn))
            {
                yield return v;
            }
        }

        if (regels.Termijn(MeerzorgBeoordelen.Duur) is { } duur)
        {
            foreach (var m in stand.Meerzorg.Where(m => !m.Herbeoordeeld))
            {
                yield return new Verplichting(duur.Partij, m.Gemeente, "herbeoordeling meerzorg", m.Referentie, m.Client, m.Tot, duur.Id, duur.Advies);
            }
        }

        foreach (var g in stand.MoederKind)
        {
            foreach (var v in MoederKindtoeslagBepalen.Bepaal(g, regels, kalender).Oordeel.Verplichtingen)
            {
                yield return v;
            }
        }
    }

    /// <summary>
    /// A 24-hour placement that runs (or has no end) past the 18th birthday: registration for what follows is due
    /// the deadline's months before that birthday; shown from 3 months before the due date until recorded.
    /// </summary>
    private static Verplichting? Achttien(Verblijfplaatsing p, IReadOnlyDictionary<Bsn, DateOnly> geboortedata, Regelset regels, DateOnly vandaag)
    {
        if (p.AangemeldNa18 is not null
            || !geboortedata.TryGetValue(p.Client, out var geboren)
            || regels.Termijn(Aanmelding18) is not { } termijn
            || termijn.Eenheid != TermijnEenheid.Maanden)
        {
            return null;
        }

        var achttien = geboren.AddYears(18);
        var uiterlijk = achttien.AddMonths(-termijn.Aantal);
        var looptDoor = p.Einde is not { } e || e >= achttien;
        return looptDoor && vandaag >= uiterlijk.AddMonths(-termijn.Aantal) && vandaag < achttien
            ? new Verplichting(termijn.Partij, p.Gemeente, "aanmelding zorg na 18 jaar", p.Referentie, p.Client, uiterlijk, termijn.Id, termijn.Advies)
            : null;
    }
}

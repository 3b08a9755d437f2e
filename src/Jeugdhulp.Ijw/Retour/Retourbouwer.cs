using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Ijw.Retour;

/// <summary>What the sender of a retour fills in itself: its own identification, date and XSLT version.</summary>
public sealed record Retourgegevens(string Identificatie, DateOnly Dagtekening, string XsltVersie);

/// <summary>
/// Builds the one retour per heenbericht (IV028) for JW301, JW305, JW307, JW315, JW317 and JW319:
/// the JW302/306/308/316/318/320. Afzender and Ontvanger are copied unchanged from the heenbericht.
/// <list type="bullet">
/// <item>XSLT-level failure (IV032 level 2): header only, RetourCode 0001 and the XsltVersie.</item>
/// <item>No errors: header only, RetourCode 0200.</item>
/// <item>Level 3/4 errors: the whole class tree, every class with a code: its own, 0200, or 0233 when not assessed.</item>
/// </list>
/// An XSD-level failure gets no retour (IV032 level 1): <see cref="VoorValidatie"/> returns null then.
/// A JW323 is answered by a JW325: see <see cref="Declaratieantwoordbouwer"/>.
/// </summary>
public static class Retourbouwer
{
    /// <summary>The retour for a message checked up to level 2; null when no retour may be sent (not XML, not iJw, XSD failure).</summary>
    public static IjwBericht? VoorValidatie(Validatie validatie, Retourgegevens gegevens)
    {
        ArgumentNullException.ThrowIfNull(validatie);
        return validatie switch
        {
            { Bericht: null } => null,
            { Niveau: Controleniveau.Bericht, Bericht: var b } => Technisch(b, gegevens),
            { Bericht: Declaratiebericht } => null, // a valid JW323 is answered by the JW325 after levels 3 and 4
            { Bericht: var b } => Bouw(b, gegevens, null),
        };
    }

    /// <summary>Header only with 0001 and the XsltVersie: the heenbericht failed at XSLT level.</summary>
    public static IjwBericht Technisch(IjwBericht heen, Retourgegevens gegevens)
    {
        ArgumentNullException.ThrowIfNull(heen);
        if (heen is Declaratiebericht d)
        {
            return Declaratieantwoordbouwer.Technisch(d, gegevens);
        }

        return Leeg(heen, Header(heen, gegevens, [Retourcodes.Technisch]));
    }

    /// <summary>
    /// The retour after the berichtoverstijgende checks: header only with 0200 when <paramref name="codes"/>
    /// is null or empty, else the full class tree with a code on every class.
    /// </summary>
    public static IjwBericht Bouw(IjwBericht heen, Retourgegevens gegevens, Klassecodes? codes)
    {
        ArgumentNullException.ThrowIfNull(heen);
        if (codes is null || codes.IsLeeg)
        {
            return Leeg(heen, Header(heen, gegevens, [Retourcodes.GeenOpmerking]));
        }

        var header = Header(heen, gegevens, codes.Voor("/Bericht/Header"));
        var soort = Retoursoort(heen);
        const string c = "/Bericht/Client";
        IjwBericht retour = heen switch
        {
            Toewijzingbericht { Client: { } k } => new Toewijzingbericht(soort, header, k with
            {
                Relaties = [.. k.Relaties.Select((r, i) => r with
                {
                    Contact = r.Contact with { RetourCodes = codes.Voor(Pad(c + "/Relaties", "Relatie", i) + "/Contact") },
                    RetourCodes = codes.Voor(Pad(c + "/Relaties", "Relatie", i)),
                })],
                Contactgegevens = [.. k.Contactgegevens.Select((x, i) => x with { RetourCodes = codes.Voor(Pad(c + "/Contactgegevens", "Contact", i)) })],
                ToegewezenProducten = [.. k.ToegewezenProducten.Select((x, i) => x with { RetourCodes = codes.Voor(Pad(c + "/ToegewezenProducten", "ToegewezenProduct", i)) })],
                RetourCodes = codes.Voor(c),
            }),
            StartBericht { Client: { } k } => new StartBericht(soort, header, k with
            {
                StartProducten = [.. k.StartProducten.Select((x, i) => x with { RetourCodes = codes.Voor(Pad(c + "/StartProducten", "StartProduct", i)) })],
                RetourCodes = codes.Voor(c),
            }),
            StopBericht { Client: { } k } => new StopBericht(soort, header, k with
            {
                StopProducten = [.. k.StopProducten.Select((x, i) => x with { RetourCodes = codes.Voor(Pad(c + "/StopProducten", "StopProduct", i)) })],
                RetourCodes = codes.Voor(c),
            }),
            VerzoekOmToewijzingBericht { Client: { } k } => new VerzoekOmToewijzingBericht(soort, header, k with
            {
                AangevraagdeProducten = [.. k.AangevraagdeProducten.Select((x, i) => x with { RetourCodes = codes.Voor(Pad(c + "/AangevraagdeProducten", "AangevraagdProduct", i)) })],
                RetourCodes = codes.Voor(c),
            }),
            VerzoekOmWijzigingBericht { Client: { } k } => new VerzoekOmWijzigingBericht(soort, header, k with
            {
                Verzoek = Verzoek(k.Verzoek, codes, c + "/Verzoek"),
                RetourCodes = codes.Voor(c),
            }),
            Antwoordbericht { Antwoord: { } a } => new Antwoordbericht(soort, header, a with
            {
                Woonplaatsbeginsel = a.Woonplaatsbeginsel is { } w ? w with { RetourCodes = codes.Voor("/Bericht/Antwoord/Woonplaatsbeginsel") } : null,
                RetourCodes = codes.Voor("/Bericht/Antwoord"),
            }),
            _ => throw new ArgumentException($"{heen.Soort} is geen heenbericht met een retourbericht.", nameof(heen)),
        };

        var bekend = Klassepaden(retour).ToHashSet(StringComparer.Ordinal);
        var onbekend = codes.Paden.Where(p => !bekend.Contains(p)).ToList();
        return onbekend.Count == 0
            ? retour
            : throw new ArgumentException($"Retourcodes voor klassen die het {heen.Soort} niet heeft: {string.Join(", ", onbekend)}.", nameof(codes));
    }

    private static Verzoek Verzoek(Verzoek v, Klassecodes codes, string pad) => v with
    {
        OngewijzigdeProducten = [.. v.OngewijzigdeProducten.Select((x, i) => x with { RetourCodes = codes.Voor(Pad(pad + "/OngewijzigdeProducten", "OngewijzigdProduct", i)) })],
        TeWijzigenProducten = [.. v.TeWijzigenProducten.Select((x, i) => x with { RetourCodes = codes.Voor(Pad(pad + "/TeWijzigenProducten", "TeWijzigenProduct", i)) })],
        NieuweProducten = [.. v.NieuweProducten.Select((x, i) => x with { RetourCodes = codes.Voor(Pad(pad + "/NieuweProducten", "NieuwProduct", i)) })],
        RetourCodes = codes.Voor(pad),
    };

    /// <summary>Every class path of a message that can carry retour codes (the header included).</summary>
    public static IEnumerable<string> Klassepaden(IjwBericht bericht)
    {
        ArgumentNullException.ThrowIfNull(bericht);
        yield return "/Bericht/Header";
        const string c = "/Bericht/Client";
        switch (bericht)
        {
            case Toewijzingbericht { Client: { } k }:
                yield return c;
                for (var i = 0; i < k.Relaties.Count; i++)
                {
                    yield return Pad(c + "/Relaties", "Relatie", i);
                    yield return Pad(c + "/Relaties", "Relatie", i) + "/Contact";
                }

                for (var i = 0; i < k.Contactgegevens.Count; i++)
                {
                    yield return Pad(c + "/Contactgegevens", "Contact", i);
                }

                for (var i = 0; i < k.ToegewezenProducten.Count; i++)
                {
                    yield return Pad(c + "/ToegewezenProducten", "ToegewezenProduct", i);
                }

                break;
            case StartBericht { Client: { } k }:
                yield return c;
                for (var i = 0; i < k.StartProducten.Count; i++)
                {
                    yield return Pad(c + "/StartProducten", "StartProduct", i);
                }

                break;
            case StopBericht { Client: { } k }:
                yield return c;
                for (var i = 0; i < k.StopProducten.Count; i++)
                {
                    yield return Pad(c + "/StopProducten", "StopProduct", i);
                }

                break;
            case VerzoekOmToewijzingBericht { Client: { } k }:
                yield return c;
                for (var i = 0; i < k.AangevraagdeProducten.Count; i++)
                {
                    yield return Pad(c + "/AangevraagdeProducten", "AangevraagdProduct", i);
                }

                break;
            case VerzoekOmWijzigingBericht { Client: { } k }:
                yield return c;
                yield return c + "/Verzoek";
                for (var i = 0; i < k.Verzoek.OngewijzigdeProducten.Count; i++)
                {
                    yield return Pad(c + "/Verzoek/OngewijzigdeProducten", "OngewijzigdProduct", i);
                }

                for (var i = 0; i < k.Verzoek.TeWijzigenProducten.Count; i++)
                {
                    yield return Pad(c + "/Verzoek/TeWijzigenProducten", "TeWijzigenProduct", i);
                }

                for (var i = 0; i < k.Verzoek.NieuweProducten.Count; i++)
                {
                    yield return Pad(c + "/Verzoek/NieuweProducten", "NieuwProduct", i);
                }

                break;
            case Antwoordbericht { Antwoord: { } a }:
                yield return "/Bericht/Antwoord";
                if (a.Woonplaatsbeginsel is not null)
                {
                    yield return "/Bericht/Antwoord/Woonplaatsbeginsel";
                }

                break;
            default:
                break;
        }
    }

    private static string Pad(string lijst, string naam, int i) => $"{lijst}/{naam}[{i + 1}]";

    private static Berichtsoort Retoursoort(IjwBericht heen) =>
        heen.Soort.IsRetour() || heen.Soort is Berichtsoort.JW323 or Berichtsoort.JW325
            ? throw new ArgumentException($"{heen.Soort} krijgt geen retourbericht als JW302…JW320.", nameof(heen))
            : heen.Soort.Retoursoort()!.Value;

    private static Header Header(IjwBericht heen, Retourgegevens g, IReadOnlyList<string> codes)
    {
        var soort = Retoursoort(heen);
        return heen.Header with
        {
            BerichtCode = soort.BerichtCode(),
            IdentificatieRetour = g.Identificatie,
            DagtekeningRetour = g.Dagtekening,
            XsltVersie = g.XsltVersie,
            XsdVersieRetour = XsdVersie.Huidig,
            RetourCodes = codes,
            DeclaratieIdentificatie = null,
            XsdVersieDeclaratie = null,
        };
    }

    private static IjwBericht Leeg(IjwBericht heen, Header header)
    {
        var soort = Retoursoort(heen);
        return heen switch
        {
            Toewijzingbericht => new Toewijzingbericht(soort, header, null),
            StartBericht => new StartBericht(soort, header, null),
            StopBericht => new StopBericht(soort, header, null),
            VerzoekOmToewijzingBericht => new VerzoekOmToewijzingBericht(soort, header, null),
            VerzoekOmWijzigingBericht => new VerzoekOmWijzigingBericht(soort, header, null),
            Antwoordbericht => new Antwoordbericht(soort, header, null),
            _ => throw new ArgumentException($"{heen.Soort} krijgt geen retourbericht als JW302…JW320.", nameof(heen)),
        };
    }
}

using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;

namespace Jeugdhulp.Ijw.Controles;

/// <summary>
/// IV032/IV088 level 2 ("XSLT"): the rules that a schema-valid message can be checked on by itself. Every
/// error carries the official rule code (CS…, CD…, TR…) and the path of the element. The reception date
/// is passed in (the core stays free of clocks): rules about dates in the future compare with it.
/// </summary>
public static class Berichtcontrole
{
    /// <summary>The level-2 errors of <paramref name="bericht"/>; empty when it passes.</summary>
    public static IReadOnlyList<Fout> Controleer(IjwBericht bericht, DateOnly ontvangstdatum)
    {
        ArgumentNullException.ThrowIfNull(bericht);
        var b = new Bevindingen();
        Algemeen.Header(b, bericht.Header, ontvangstdatum);
        var dag = bericht.Header.BerichtIdentificatie.Dagtekening;
        switch (bericht)
        {
            case Toewijzingbericht { Client: { } c }:
                ToewijzingControles.Controleer(b, c, dag);
                break;
            case StartBericht { Client: { } c }:
                StartStopControles.Controleer(b, c, dag);
                break;
            case StopBericht { Client: { } c }:
                StartStopControles.Controleer(b, c, dag);
                break;
            case VerzoekOmToewijzingBericht { Client: { } c }:
                VerzoekControles.Controleer(b, c, dag);
                break;
            case VerzoekOmWijzigingBericht { Client: { } c }:
                VerzoekControles.Controleer(b, c);
                break;
            case Antwoordbericht { Antwoord: { } a }:
                AntwoordControles.Controleer(b, a);
                break;
            case Declaratiebericht d:
                DeclaratieControles.Controleer(b, d.Declaratie);
                break;
            case DeclaratieAntwoordbericht { DeclaratieAntwoord: { } a }:
                DeclaratieControles.Controleer(b, a);
                break;
            default:
                break;
        }

        return b.Fouten;
    }
}

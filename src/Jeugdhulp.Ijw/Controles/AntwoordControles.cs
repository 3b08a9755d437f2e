using Jeugdhulp.Ijw.Berichten;

namespace Jeugdhulp.Ijw.Controles;

/// <summary>JW319: CD085, CD086, TR377, TR409.</summary>
internal static class AntwoordControles
{
    public static void Controleer(Bevindingen b, Antwoord a)
    {
        const string pad = "/Bericht/Antwoord";
        if (a.VerzoekAntwoord == "1" && a.RedenAfwijzingVerzoek is null)
        {
            b.Meld("CD085", "RedenAfwijzingVerzoek is verplicht als VerzoekAntwoord 1 (afgewezen) is.", pad + "/RedenAfwijzingVerzoek");
        }

        if (a.VerzoekAntwoord == "2" && a.RedenAfwijzingVerzoek is not null)
        {
            b.Meld("CD086", "RedenAfwijzingVerzoek blijft leeg als VerzoekAntwoord 2 (in onderzoek) is.", pad + "/RedenAfwijzingVerzoek");
        }

        if (a.RedenAfwijzingVerzoek == "8" && a.Woonplaatsbeginsel is null)
        {
            b.Meld("TR377", "Woonplaatsbeginsel is verplicht als RedenAfwijzingVerzoek 8 (woonplaatsbeginsel) is.", pad + "/Woonplaatsbeginsel");
        }

        if (a.RedenAfwijzingVerzoek != "8" && a.Woonplaatsbeginsel is not null)
        {
            b.Meld("TR409", "Woonplaatsbeginsel blijft leeg als RedenAfwijzingVerzoek niet 8 (woonplaatsbeginsel) is.", pad + "/Woonplaatsbeginsel");
        }
    }
}

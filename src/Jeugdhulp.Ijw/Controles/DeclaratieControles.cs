using Jeugdhulp.Ijw.Berichten;

namespace Jeugdhulp.Ijw.Controles;

/// <summary>
/// JW323: CS002, CS003, CS325, CS337, CS340, CD087, TR358, TR137, TR101; JW325: CS002, CS325. TR346 (amount =
/// volume × tariff) and the DeclaratieDagtekening against the system date are level-3/4 checks with their
/// own retour codes per prestatie (9346) or on the Declaratie class (8848): Core.Declaratie does them, so a
/// wrong amount refuses one prestatie instead of the whole message.
/// </summary>
internal static class DeclaratieControles
{
    private const string Pad = "/Bericht/Declaratie";

    public static void Controleer(Bevindingen b, Declaratie d)
    {
        var periode = d.DeclaratiePeriode;
        Algemeen.Periode(b, periode.Begindatum, periode.Einddatum, Pad + "/DeclaratiePeriode/Einddatum");
        if (!IsKalendermaand(periode))
        {
            b.Meld("CS340", $"DeclaratiePeriode {periode.Begindatum:yyyy-MM-dd}..{periode.Einddatum:yyyy-MM-dd} is niet precies één kalendermaand.", Pad + "/DeclaratiePeriode");
        }

        if (periode.Einddatum > d.DeclaratieDagtekening)
        {
            b.Meld("TR137", $"De DeclaratiePeriode eindigt na de DeclaratieDagtekening {d.DeclaratieDagtekening:yyyy-MM-dd}: er wordt alleen geleverde zorg gedeclareerd.", Pad + "/DeclaratiePeriode/Einddatum");
        }

        NulIsDebet(b, d.TotaalIngediendBedrag, Pad + "/TotaalIngediendBedrag");

        long saldo = 0;
        for (var i = 0; i < d.Clienten.Count; i++)
        {
            var c = d.Clienten[i];
            var cpad = Bevindingen.Index(Pad + "/Clienten", "Client", i);
            Algemeen.Bsn(b, c.Bsn, cpad + "/Bsn");
            for (var j = 0; j < c.Prestaties.Count; j++)
            {
                var p = c.Prestaties[j];
                saldo += p.IngediendBedrag.Saldo;
                Prestatie(b, p, Bevindingen.Index(cpad + "/Prestaties", "Prestatie", j));
            }

            Algemeen.GeenDubbeleRegels(b, c.Prestaties, p => p with { RetourCodes = null }, cpad + "/Prestaties", "Prestatie");
        }

        if (saldo != d.TotaalIngediendBedrag.Saldo)
        {
            b.Meld("TR358", $"TotaalIngediendBedrag ({Tekst(d.TotaalIngediendBedrag)}) is niet de som van de debet- min de creditbedragen ({Tekst(BedragMetDc.VanSaldo(saldo))}).", Pad + "/TotaalIngediendBedrag");
        }
    }

    private static void Prestatie(Bevindingen b, Prestatie p, string pad)
    {
        var pp = p.ProductPeriode;
        Algemeen.Periode(b, pp.Begindatum, pp.Einddatum, pad + "/ProductPeriode/Einddatum");
        if (pp.Einddatum >= pp.Begindatum && (pp.Begindatum.Year != pp.Einddatum.Year || pp.Begindatum.Month != pp.Einddatum.Month))
        {
            b.Meld("CS337", $"ProductPeriode {pp.Begindatum:yyyy-MM-dd}..{pp.Einddatum:yyyy-MM-dd} ligt niet binnen één kalendermaand.", pad + "/ProductPeriode");
        }

        NulIsDebet(b, p.IngediendBedrag, pad + "/IngediendBedrag");
        if (p.Eenheid == "83")
        {
            if (p.ProductTarief is not null)
            {
                b.Meld("CD087", "ProductTarief blijft leeg bij Eenheid 83 (euro's).", pad + "/ProductTarief");
            }
        }
        else if (p.ProductTarief is null)
        {
            b.Meld("CD087", $"ProductTarief is verplicht bij Eenheid {p.Eenheid}.", pad + "/ProductTarief");
        }
    }

    /// <summary>JW325: BSNs and zero amounts.</summary>
    public static void Controleer(Bevindingen b, DeclaratieAntwoord a)
    {
        const string pad = "/Bericht/DeclaratieAntwoord";
        NulIsDebet(b, a.TotaalIngediendBedrag, pad + "/TotaalIngediendBedrag");
        NulIsDebet(b, a.TotaalToegekendBedrag, pad + "/TotaalToegekendBedrag");
        for (var i = 0; i < a.Clienten.Count; i++)
        {
            var cpad = Bevindingen.Index(pad + "/Clienten", "Client", i);
            Algemeen.Bsn(b, a.Clienten[i].Bsn, cpad + "/Bsn");
            for (var j = 0; j < a.Clienten[i].Prestaties.Count; j++)
            {
                NulIsDebet(b, a.Clienten[i].Prestaties[j].IngediendBedrag, Bevindingen.Index(cpad + "/Prestaties", "Prestatie", j) + "/IngediendBedrag");
            }
        }
    }

    /// <summary>CS325: an amount of 0 is debet.</summary>
    private static void NulIsDebet(Bevindingen b, BedragMetDc bedrag, string pad)
    {
        if (bedrag.Bedrag == 0 && bedrag.DebetCredit != "D")
        {
            b.Meld("CS325", "Een bedrag van 0 heeft DebetCredit D.", pad + "/DebetCredit");
        }
    }

    private static bool IsKalendermaand(GeslotenPeriode p) =>
        p.Begindatum.Day == 1 && p.Einddatum == p.Begindatum.AddMonths(1).AddDays(-1);

    private static string Tekst(BedragMetDc b) => $"{b.Bedrag} {b.DebetCredit}";
}

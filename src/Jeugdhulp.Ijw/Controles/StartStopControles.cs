using Jeugdhulp.Ijw.Berichten;

namespace Jeugdhulp.Ijw.Controles;

/// <summary>JW305 and JW307: CS002, TR135, CS003, CS058, TR137, TR101.</summary>
internal static class StartStopControles
{
    private const string Client = "/Bericht/Client";

    public static void Controleer(Bevindingen b, StartClient c, DateOnly dagtekening)
    {
        Algemeen.Bsn(b, c.Bsn, Client + "/Bsn");
        Algemeen.Geboortedatum(b, c.Geboortedatum, dagtekening, Client + "/Geboortedatum");
        const string lijst = Client + "/StartProducten";
        for (var i = 0; i < c.StartProducten.Count; i++)
        {
            var p = c.StartProducten[i];
            var pad = Bevindingen.Index(lijst, "StartProduct", i);
            Status(b, p.StatusAanlevering, pad);
            NietNa(b, p.Begindatum, dagtekening, pad + "/Begindatum", "Begindatum");
        }

        Algemeen.GeenDubbeleRegels(b, c.StartProducten, p => p with { RetourCodes = null }, lijst, "StartProduct");
    }

    public static void Controleer(Bevindingen b, StopClient c, DateOnly dagtekening)
    {
        Algemeen.Bsn(b, c.Bsn, Client + "/Bsn");
        Algemeen.Geboortedatum(b, c.Geboortedatum, dagtekening, Client + "/Geboortedatum");
        const string lijst = Client + "/StopProducten";
        for (var i = 0; i < c.StopProducten.Count; i++)
        {
            var p = c.StopProducten[i];
            var pad = Bevindingen.Index(lijst, "StopProduct", i);
            Status(b, p.StatusAanlevering, pad);
            Algemeen.Periode(b, p.Begindatum, p.Einddatum, pad + "/Einddatum");
            NietNa(b, p.Einddatum, dagtekening, pad + "/Einddatum", "Einddatum");
        }

        Algemeen.GeenDubbeleRegels(b, c.StopProducten, p => p with { RetourCodes = null }, lijst, "StopProduct");
    }

    /// <summary>CS058: in a start or stop message only 1 (eerste aanlevering) or 3 (verwijderen) is allowed.</summary>
    private static void Status(Bevindingen b, string status, string pad)
    {
        if (status is not ("1" or "3"))
        {
            b.Meld("CS058", $"StatusAanlevering {status} is niet toegestaan; alleen 1 (eerste aanlevering) of 3 (verwijderen).", pad + "/StatusAanlevering");
        }
    }

    /// <summary>TR137: a start or stop is reported afterwards, so its date does not lie after the Dagtekening.</summary>
    private static void NietNa(Bevindingen b, DateOnly datum, DateOnly dagtekening, string pad, string naam)
    {
        if (datum > dagtekening)
        {
            b.Meld("TR137", $"{naam} {datum:yyyy-MM-dd} ligt na de dagtekening {dagtekening:yyyy-MM-dd}: start en stop worden achteraf gemeld.", pad);
        }
    }
}

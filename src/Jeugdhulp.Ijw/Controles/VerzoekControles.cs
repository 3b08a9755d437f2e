using Jeugdhulp.Ijw.Berichten;

namespace Jeugdhulp.Ijw.Controles;

/// <summary>JW315 (VOT) and JW317 (VOW).</summary>
internal static class VerzoekControles
{
    /// <summary>JW315: CS002, TR135, CS003, product rules, CD066–CD068 (Verwijzer), TR101.</summary>
    public static void Controleer(Bevindingen b, VerzoekOmToewijzingClient c, DateOnly dagtekening)
    {
        const string client = "/Bericht/Client";
        Algemeen.Bsn(b, c.Bsn, client + "/Bsn");
        Algemeen.Geboortedatum(b, c.Geboortedatum, dagtekening, client + "/Geboortedatum");
        const string lijst = client + "/AangevraagdeProducten";
        for (var i = 0; i < c.AangevraagdeProducten.Count; i++)
        {
            var p = c.AangevraagdeProducten[i];
            var pad = Bevindingen.Index(lijst, "AangevraagdProduct", i);
            Algemeen.Periode(b, p.ToewijzingIngangsdatum, p.ToewijzingEinddatum, pad + "/ToewijzingEinddatum");
            Productregels.Controleer(b, true, p.Product, p.ToewijzingEinddatum, p.Omvang, p.Budget, pad, "ToewijzingEinddatum");
            Verwijzer(b, p.Verwijzer, pad + "/Verwijzer");
        }

        Algemeen.GeenDubbeleRegels(b, c.AangevraagdeProducten, p => p with { RetourCodes = null }, lijst, "AangevraagdProduct");
    }

    /// <summary>
    /// CD066: for Type 02–05 (huisarts, jeugdarts, GI, medisch specialist) ZorgverlenerCode or Naam is filled;
    /// CD067: not both ("either … or"); CD068: for the other types ZorgverlenerCode stays empty.
    /// </summary>
    private static void Verwijzer(Bevindingen b, Verwijzer v, string pad)
    {
        var arts = v.Type is "02" or "03" or "04" or "05";
        if (arts && v.ZorgverlenerCode is null && v.Naam is null)
        {
            b.Meld("CD066", $"Bij verwijzer type {v.Type} is ZorgverlenerCode of Naam verplicht.", pad + "/ZorgverlenerCode");
        }

        if (arts && v.ZorgverlenerCode is not null && v.Naam is not null)
        {
            b.Meld("CD067", $"Bij verwijzer type {v.Type} wordt ZorgverlenerCode óf Naam gevuld, niet beide.", pad + "/Naam");
        }

        if (!arts && v.ZorgverlenerCode is not null)
        {
            b.Meld("CD068", $"Bij verwijzer type {v.Type} blijft ZorgverlenerCode leeg.", pad + "/ZorgverlenerCode");
        }
    }

    /// <summary>JW317: CS002, TR352, TR353, CS003, product rules, TR101.</summary>
    public static void Controleer(Bevindingen b, VerzoekOmWijzigingClient c)
    {
        const string client = "/Bericht/Client";
        const string verzoek = client + "/Verzoek";
        Algemeen.Bsn(b, c.Bsn, client + "/Bsn");
        var v = c.Verzoek;
        if (v.OngewijzigdeProducten.Count == 0 && v.TeWijzigenProducten.Count == 0)
        {
            b.Meld("TR352", "Een verzoek om wijziging bevat minstens één OngewijzigdProduct of TeWijzigenProduct.", verzoek);
        }

        if (v.TeWijzigenProducten.Count == 0 && v.NieuweProducten.Count == 0)
        {
            b.Meld("TR353", "Een verzoek om wijziging bevat minstens één TeWijzigenProduct of NieuwProduct.", verzoek);
        }

        for (var i = 0; i < v.TeWijzigenProducten.Count; i++)
        {
            var p = v.TeWijzigenProducten[i];
            var pad = Bevindingen.Index(verzoek + "/TeWijzigenProducten", "TeWijzigenProduct", i);
            Algemeen.Periode(b, p.GewensteIngangsdatum, p.Einddatum, pad + "/Einddatum");
            Productregels.Controleer(b, false, null, p.Einddatum, p.Omvang, p.Budget, pad, "Einddatum");
        }

        for (var i = 0; i < v.NieuweProducten.Count; i++)
        {
            var p = v.NieuweProducten[i];
            var pad = Bevindingen.Index(verzoek + "/NieuweProducten", "NieuwProduct", i);
            Algemeen.Periode(b, p.GewensteIngangsdatum, p.Einddatum, pad + "/Einddatum");
            Productregels.Controleer(b, true, p.Product, p.Einddatum, p.Omvang, p.Budget, pad, "Einddatum");
        }

        Algemeen.GeenDubbeleRegels(b, v.OngewijzigdeProducten, p => p with { RetourCodes = null }, verzoek + "/OngewijzigdeProducten", "OngewijzigdProduct");
        Algemeen.GeenDubbeleRegels(b, v.TeWijzigenProducten, p => p with { RetourCodes = null }, verzoek + "/TeWijzigenProducten", "TeWijzigenProduct");
        Algemeen.GeenDubbeleRegels(b, v.NieuweProducten, p => p with { RetourCodes = null }, verzoek + "/NieuweProducten", "NieuwProduct");
    }
}

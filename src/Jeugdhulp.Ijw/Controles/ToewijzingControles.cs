using Jeugdhulp.Ijw.Berichten;

namespace Jeugdhulp.Ijw.Controles;

/// <summary>JW301 (and its copy in JW302): CS002, TR135, CS003, product rules, CS335, CS336, TR302, TR101.</summary>
internal static class ToewijzingControles
{
    public static void Controleer(Bevindingen b, ToewijzingClient c, DateOnly dagtekening)
    {
        const string client = "/Bericht/Client";
        Algemeen.Bsn(b, c.Bsn, client + "/Bsn");
        Algemeen.Geboortedatum(b, c.Geboortedatum, dagtekening, client + "/Geboortedatum");
        for (var i = 0; i < c.Relaties.Count; i++)
        {
            var pad = Bevindingen.Index(client + "/Relaties", "Relatie", i);
            Algemeen.Geboortedatum(b, c.Relaties[i].Geboortedatum, dagtekening, pad + "/Geboortedatum");
            Contact(b, c.Relaties[i].Contact, pad + "/Contact");
        }

        for (var i = 0; i < c.Contactgegevens.Count; i++)
        {
            Contact(b, c.Contactgegevens[i], Bevindingen.Index(client + "/Contactgegevens", "Contact", i));
        }

        const string lijst = client + "/ToegewezenProducten";
        var producten = c.ToegewezenProducten;
        for (var i = 0; i < producten.Count; i++)
        {
            var p = producten[i];
            var pad = Bevindingen.Index(lijst, "ToegewezenProduct", i);
            Algemeen.Periode(b, p.Ingangsdatum, p.Einddatum, pad + "/Einddatum");
            Productregels.Controleer(b, true, p.Product, p.Einddatum, p.Omvang, p.Budget, pad, "Einddatum");
            if (p.RedenWijziging == "13" && p.Einddatum != p.Ingangsdatum)
            {
                b.Meld("CS335", "RedenWijziging 13 (verwijderd) mag alleen als Einddatum gelijk is aan Ingangsdatum.", pad + "/RedenWijziging");
            }

            if (p.RedenWijziging == "01")
            {
                b.Meld("CS336", "RedenWijziging 01 (administratieve correctie, vervallen) mag niet gebruikt worden.", pad + "/RedenWijziging");
            }

            // TR302: the same product twice only with periods that do not overlap.
            for (var j = 0; j < i; j++)
            {
                var q = producten[j];
                if (p.Product is not null && p.Product == q.Product
                    && p.Ingangsdatum <= (q.Einddatum ?? DateOnly.MaxValue) && q.Ingangsdatum <= (p.Einddatum ?? DateOnly.MaxValue))
                {
                    b.Meld("TR302", $"Hetzelfde product ({p.Product.Categorie}/{p.Product.Code}) komt twee keer voor met overlappende perioden (ook ToegewezenProduct {j + 1}).", pad + "/Product");
                    break;
                }
            }
        }

        Algemeen.GeenDubbeleRegels(b, producten, p => p with { RetourCodes = null }, lijst, "ToegewezenProduct");
    }

    private static void Contact(Bevindingen b, Contact k, string pad)
    {
        if (k.Periode is { } p)
        {
            Algemeen.Periode(b, p.Begindatum, p.Einddatum, pad + "/Periode/Einddatum");
        }
    }
}

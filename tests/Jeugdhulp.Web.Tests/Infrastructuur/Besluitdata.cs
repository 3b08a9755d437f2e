using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Store.NoShow;
using Jeugdhulp.Store.Termijnen;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Web.Tests.Infrastructuur;

/// <summary>
/// On top of <see cref="Demodata"/>: a JW317 the engine leaves to a person and a third no-show, both on the
/// allocation of DEMO-0001 (Noordoostpolder, client 100002183, 45F11 from a huisarts), through the real pipeline.
/// </summary>
internal static class Besluitdata
{
    public const string Aanbieder = "01234567";
    public const string Client = "100002183";

    /// <summary>The ToewijzingNummer the demo gave DEMO-0001.</summary>
    public static int Nummer(Backoffice b) =>
        (int)b.Store.LeesTermijnstand().Toewijzingen.Single(t => t.Gemeente == Demodata.Nop && t.Client.Waarde == Client).Nummer;

    /// <summary>Processes a JW317 asking <paramref name="minuten"/> minutes on DEMO-0001's allocation; the item id when it waits for review.</summary>
    public static long Jw317(Backoffice b, string referentie, long minuten)
    {
        var kop = Header.Voor(Berichtsoort.JW317, Aanbieder, Demodata.Nop, new BerichtIdentificatie("ID-" + referentie, new DateOnly(2027, 3, 5)));
        var bericht = IjwSchrijver.Schrijf(new VerzoekOmWijzigingBericht(Berichtsoort.JW317, kop,
            new VerzoekOmWijzigingClient(Client, new Verzoek(referentie, "1", [],
                [new TeWijzigenProduct(Nummer(b), new DateOnly(2027, 4, 1), null, new Omvang(minuten, "01", "6"), null)], []))));
        var verslag = new BerichtVerwerken(b.Store, b.Regels, b.Vandaag, b.OutboxMap).Verwerk([new Invoer(referentie + ".xml", bericht)]).Single();
        Assert.True(verslag.Uitkomst == "review", $"{referentie}: {verslag.Uitkomst} {string.Join(" ", verslag.Besluiten.Select(x => x.Toelichting))}");
        return b.Store.LeesWerkvoorraad(Gemeentecode.Parse(Demodata.Nop).Waarde).Single(w => w.Referentie == referentie).Id;
    }

    /// <summary>Three no-shows on DEMO-0001's allocation; the third's id (its decision is due, HK-NS-3).</summary>
    public static long DerdeNoShow(Backoffice b)
    {
        var nop = Gemeentecode.Parse(Demodata.Nop).Waarde;
        foreach (var dag in new[] { 8, 9, 10 })
        {
            var melding = new NoShowMelding(AgbCode.Parse(Aanbieder).Waarde, Bsn.Parse(Client).Waarde, Nummer(b), new DateOnly(2027, 3, dag));
            // Reported after the allocation starts (2027-03-08): a no-show may not lie after the day it is reported.
            Assert.True(b.Store.RegistreerNoShow(melding, nop, b.Regels, new DateOnly(2027, 3, 12)).IsGeldig);
        }

        return b.Store.DerdeNoShows(nop).Single().Id;
    }
}

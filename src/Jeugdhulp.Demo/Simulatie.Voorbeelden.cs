using System.Globalization;
using System.Text;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;
using Jeugdhulp.Ijw.Schrijven;
using Product = Jeugdhulp.Core.Regels.Product;

namespace Jeugdhulp.Demo;

/// <summary>
/// After the run: messages a newcomer can send to the service standing on the day after the run (through the
/// provider API or <c>process</c>), all from one provider so one token does: a JW315 for a resident without
/// care (Diagnostiek on a medical referral), a JW317 moving the end date of one of its running allocations
/// (HK-317-5) and a JW323 for the last simulated month (for the pre-check). Written, never sent by the
/// simulation, so the run's own messages and answers are unchanged by them.
/// </summary>
internal sealed partial class Simulatie
{
    /// <summary>The folder in the data folder that holds the examples.</summary>
    public const string Voorbeeldmap = "voorbeelden";

    /// <summary>
    /// The provider of the examples: of the largest municipality's providers of Diagnostiek the one with the
    /// most contract lines there (then the lowest AGB code). Chosen from the region alone, not from the run's
    /// decisions, so the same seed names the same provider whatever the engine decides.
    /// </summary>
    internal static (Aanbieder Aanbieder, string Gemeente, Product Diagnostiek)? VoorbeeldAanbieder(Regio regio)
    {
        var gemeente = regio.Gemeenten[regio.GemeenteGewichten.IndexOf(regio.GemeenteGewichten.Max())];
        if (regio.ProductenIn(gemeente).FirstOrDefault(regio.IsDiagnostiek) is not { } diag)
        {
            return null;
        }

        var aanbieder = regio.AanbiedersMet(gemeente, diag.Code.Waarde)
            .OrderByDescending(a => regio.Contracten.Count(c => c.Aanbieder == a.Agb && c.Gemeente == gemeente))
            .ThenBy(a => a.Agb, StringComparer.Ordinal)
            .FirstOrDefault();
        return aanbieder is null ? null : (aanbieder, gemeente, diag);
    }

    /// <summary>Writes the examples dated <paramref name="dag"/> into <see cref="Voorbeeldmap"/>; records them in the summary.</summary>
    public void SchrijfVoorbeelden(DateOnly dag)
    {
        if (VoorbeeldAanbieder(regio) is not var (aanbieder, gemeente, diag))
        {
            return;
        }

        var map = Path.Combine(opties.DataMap, Voorbeeldmap);
        Directory.CreateDirectory(map);
        verslag.VoorbeeldAanbieder = aanbieder.Agb;
        var leesmij = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"Voorbeeldberichten van aanbieder {aanbieder.Agb} ({aanbieder.Naam}), gedagtekend {dag:yyyy-MM-dd}:\n"));

        void Schrijf(string naam, IjwBericht bericht, string wat)
        {
            File.WriteAllBytes(Path.Combine(map, naam), IjwSchrijver.Schrijf(bericht));
            verslag.Voorbeelden.Add(naam);
            leesmij.Append(CultureInfo.InvariantCulture, $"  {naam}: {wat}\n");
        }

        // A child of the municipality that no provider asked anything for in the run: a first request, decided automatically.
        var aangevraagd = aanvragen.Values.Select(a => a.Client.Bsn).Concat(allocatieVolgorde.Select(a => a.Client.Bsn)).ToHashSet(StringComparer.Ordinal);
        var kind = regio.Huishoudens.Where(h => h.Gemeente == gemeente)
            .SelectMany(h => h.Kinderen(dag).Where(k => k.InRegister && k.LeeftijdOp(dag) is >= 4 and < 17 && !aangevraagd.Contains(k.Bsn)).Select(k => (h, k)))
            .FirstOrDefault();
        if (kind.k is not null)
        {
            var aanvraag = NieuweAanvraag(aanbieder, gemeente, kind.k, kind.h, diag, dag, Afwijking.Geen, Vervolg.Geen, maanden: 6);
            var id = Identificatie(aanbieder.Agb, "VOT");
            Schrijf("jw315.xml", Berichtenbouwer.Jw315(Berichtenbouwer.Kop(Berichtsoort.JW315, aanbieder.Agb, gemeente, id, dag), kind.k, [Berichtenbouwer.Aangevraagd(aanvraag)]),
                $"JW315, {diag.Naam} voor een kind zonder eerdere zorg (gemeente {gemeente}); POST /api/berichten of process");
        }

        // A running allocation from a non-GI referral, never changed: its end date moves by a fifth of its period (HK-317-5).
        var lopend = allocatieVolgorde.FirstOrDefault(a => a.Aanbieder == aanbieder && !a.Verwijderd && !a.IsDummy && a.Stop is null && a.StartGemeld
            && a.Herkomst is { } h && h != GiVerwijzer().Type && a.Eind is { } e && e > dag.AddDays(28) && a.Product is { Soort: not ProductSoort.Groep } p
            && regels.Perceel(p.Perceel) is { Jw317Toegestaan: true } && !gewijzigd.Contains(a));
        if (lopend is { Eind: { } einde })
        {
            var periode = einde.DayNumber - lopend.Ingang.DayNumber + 1;
            var wijziging = new TeWijzigenProduct(lopend.Nummer, lopend.Ingang, einde.AddDays(periode / 5), new Omvang(lopend.Volume, lopend.Eenheid, "6"), null);
            var id = Identificatie(aanbieder.Agb, "VOW");
            var kop = Berichtenbouwer.Kop(Berichtsoort.JW317, aanbieder.Agb, lopend.Gemeente, id, dag);
            Schrijf("jw317.xml", Berichtenbouwer.Jw317(kop, lopend.Client.Bsn, Referentie(aanbieder), "1", Ongewijzigd(lopend, dag), wijziging, []),
                $"JW317, einddatum van toewijzing {lopend.Nummer} (gemeente {lopend.Gemeente}) later (HK-317-5); POST /api/berichten of process");
        }

        // The last simulated month, as the provider will declare it: for the pre-check (POST /api/declaraties/proef, process --proef).
        var maand = new DateOnly(eind.Year, eind.Month, 1);
        var declaratieGemeente = lopend?.Gemeente ?? gemeente;
        if (Declaratie(dag, aanbieder, declaratieGemeente, maand, foutloos: true) is var (_, jw323))
        {
            Schrijf("jw323.xml", jw323, string.Create(CultureInfo.InvariantCulture,
                $"JW323 over {maand:yyyy-MM} (gemeente {declaratieGemeente}), {jw323.Declaratie.Clienten.Sum(c => c.Prestaties.Count)} prestaties; POST /api/declaraties/proef of process --proef"));
        }

        File.WriteAllText(Path.Combine(map, "LEESMIJ.txt"), leesmij.ToString());
        File.WriteAllText(Path.Combine(map, Regiogenerator.VoorbeeldAanbiederbestand), aanbieder.Agb + "\n");
    }
}

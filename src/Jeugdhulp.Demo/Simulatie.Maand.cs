using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Schema;

namespace Jeugdhulp.Demo;

/// <summary>The monthly part of the simulation: each provider's declarations per municipality, and no-shows.</summary>
internal sealed partial class Simulatie
{
    // ---- monthly: declarations and no-shows ----------------------------------------------------------------

    private void PlanDeclaraties(DateOnly maand)
    {
        var maandEind = maand.AddMonths(1).AddDays(-1);
        var paren = allocatieVolgorde
            .Where(a => a.Begin is { } b && b <= maandEind && (a.LaatsteDag is not { } l || l >= maand) && !a.Verwijderd)
            .Select(a => (a.Aanbieder, a.Gemeente)).Distinct().ToList();
        foreach (var (aanbieder, gemeente) in paren)
        {
            var keuze = t.Gewogen([90, 7, 3]);
            if (keuze == 2)
            {
                Regioverslag.Tel(verslag.NietVerstuurd, "JW323");
                continue;
            }

            var volgende = maand.AddMonths(1);
            var op = keuze == 0 ? werkdagen.Plus(volgende, t.Tussen(1, 10)) : werkdagen.Plus(volgende.AddMonths(1), t.Tussen(0, 8));
            Plan(op, d => StuurDeclaratie(d, aanbieder, gemeente, maand));
        }
    }

    private void StuurDeclaratie(DateOnly dag, Aanbieder aanbieder, string gemeente, DateOnly maand)
    {
        if (Declaratie(dag, aanbieder, gemeente, maand, foutloos: false) is not var (id, bericht))
        {
            return;
        }

        if (dag > maand.AddMonths(2).AddDays(-1))
        {
            Regioverslag.Tel(verslag.TeLaat, "JW323");
        }

        verslag.Declaratieregels += bericht.Declaratie.Clienten.Sum(c => c.Prestaties.Count);
        verslag.IngediendCent += bericht.Declaratie.TotaalIngediendBedrag.Saldo;
        Stuur("JW323", aanbieder.Agb, id, bericht);
    }

    /// <summary>
    /// A provider's JW323 for one month and municipality: every allocation with care that month, pro rata.
    /// <paramref name="foutloos"/>: only allocations whose start was reported, no deliberate mistakes (the
    /// example for the pre-check); else now and then a wrong code, period or volume. Null when nothing to declare.
    /// </summary>
    private (string Id, Declaratiebericht Bericht)? Declaratie(DateOnly dag, Aanbieder aanbieder, string gemeente, DateOnly maand, bool foutloos)
    {
        var maandEind = maand.AddMonths(1).AddDays(-1);
        var clienten = new List<DeclaratieClient>();
        var regelsPerClient = new Dictionary<string, List<Prestatie>>(StringComparer.Ordinal);
        var volgorde = new List<string>();
        foreach (var a in AllocatiesVan(gemeente, aanbieder).Where(a => !a.Verwijderd))
        {
            if (a.Begin is not { } begin || begin > maandEind || (a.LaatsteDag is { } l && l < maand) || (foutloos && !a.StartGemeld))
            {
                continue;
            }

            // TR387: a prestatie begins on the 1st of the month or on the allocation's Ingangsdatum, not on the day care started.
            var van = a.Ingang > maand ? a.Ingang : maand;
            var tot = a.LaatsteDag is { } ld && ld < maandEind ? ld : maandEind;
            var code = a.Productcode;
            long volume;
            if (a.IsDummy)
            {
                // HK-323-8: a dummy is not declared; now and then a provider does it anyway.
                if (foutloos || !t.Kans(0.02))
                {
                    continue;
                }

                volume = 1;
                Regioverslag.Tel(verslag.Afwijkingen, "dummy gedeclareerd");
            }
            else
            {
                var perMaand = (double)a.Volume / Maanden(a.Ingang, a.Eind);
                var dagen = tot.DayNumber - van.DayNumber + 1;
                // 24-hour care is declared per etmaal of stay; meerzorg hours per week (Frequentie 2) for the weeks in the month.
                volume = a.InEtmalen ? dagen
                    : a.Frequentie == "2" ? (long)Math.Round(a.Volume * dagen / 7.0 * (foutloos ? 0.9 : 0.8 + (t.Fractie() * 0.2)))
                    : (long)Math.Round(perMaand * dagen / (maandEind.Day) * (foutloos ? 0.9 : 0.75 + (t.Fractie() * 0.3)));
                volume = a.InEtmalen || a.Frequentie == "2" ? Math.Max(volume, 1) : Math.Min(Math.Max(volume, 30), Math.Max(0, a.Volume - a.Gedeclareerd));
                var afwijking = foutloos || a.Frequentie == "2" ? 0 : t.Gewogen([93, 2.5, 2, 2.5]);
                if (afwijking == 1)
                {
                    var anders = regels.Producten.Where(p => p.Perceel == a.Product?.Perceel && p.IsDeclareerbaar && p.Code.Waarde != code)
                        .OrderBy(p => p.Code.Waarde, StringComparer.Ordinal).ToList();
                    if (anders.Count > 0)
                    {
                        code = t.Kies(anders).Code.Waarde;
                        Regioverslag.Tel(verslag.Afwijkingen, "declaratie op verkeerde productcode");
                    }
                }
                else if (afwijking == 2)
                {
                    if (a.Ingang > maand)
                    {
                        van = maand;
                        Regioverslag.Tel(verslag.Afwijkingen, "declaratie buiten toewijzingsperiode");
                    }
                    else if (a.Eind is { } e && e < maandEind)
                    {
                        tot = maandEind;
                        Regioverslag.Tel(verslag.Afwijkingen, "declaratie buiten toewijzingsperiode");
                    }
                }
                else if (afwijking == 3 && a.Volume - a.Gedeclareerd < 2 * perMaand)
                {
                    // Declaring past the allocated minutes happens near their end, not in the first months.

                    volume = Math.Max(0, a.Volume - a.Gedeclareerd) + Math.Max(60, (long)perMaand);
                    Regioverslag.Tel(verslag.Afwijkingen, "declaratie boven toegewezen omvang");
                }

                if (volume <= 0)
                {
                    continue;
                }
            }

            a.Gedeclareerd += volume;
            var tarief = regio.HeeftContract(aanbieder.Agb, gemeente, a.Productcode) ? regio.Tarief(aanbieder.Agb, gemeente, a.Productcode) : 0;
            var referentie = "PR" + (volgnummers[aanbieder.Agb + "/pr"] = volgnummers.GetValueOrDefault(aanbieder.Agb + "/pr") + 1).ToString("D8", CultureInfo.InvariantCulture);
            if (!regelsPerClient.TryGetValue(a.Client.Bsn, out var lijst))
            {
                regelsPerClient[a.Client.Bsn] = lijst = [];
                volgorde.Add(a.Client.Bsn);
            }

            lijst.Add(Berichtenbouwer.Prestatie(referentie, a.Nummer, a.Categorie, code, van, tot, volume, a.Eenheid, tarief));
        }

        if (volgorde.Count == 0)
        {
            return null;
        }

        clienten.AddRange(volgorde.Select(b => new DeclaratieClient(b, regelsPerClient[b])));
        var id = Identificatie(aanbieder.Agb, "DEC");
        var nummer = "D" + id[3..];
        return (id, Berichtenbouwer.Jw323(Berichtenbouwer.Kop(Berichtsoort.JW323, aanbieder.Agb, gemeente, id, dag), nummer, maand, clienten));
    }

    /// <summary>
    /// No-shows for the month ahead: each running individual or family allocation with care under way may
    /// see a missed appointment. Group products are left out (HK-323-4 excludes them from no-show declarations).
    /// </summary>
    private void PlanNoShows(DateOnly dag, DateOnly maand)
    {
        var maandEind = maand.AddMonths(1).AddDays(-1);
        foreach (var a in allocatieVolgorde.Where(a => !a.IsDummy && !a.InEtmalen && a.Product?.Soort is ProductSoort.Individueel or ProductSoort.Gezin).ToList())
        {
            // Most clients rarely miss an appointment; a few miss them often (and reach HK-NS-2/3).
            // (Zero to three a month for those few, so a run of two or three months reaches the second and third no-show.)
            var aantal = noShowGeneigd.Contains(a.Client.Bsn) ? t.Gewogen([30, 35, 25, 10]) : t.Kans(0.04) ? 1 : 0;
            if (aantal == 0 || a.Begin is not { } begin || begin > dag || (a.LaatsteDag is { } l && l < dag))
            {
                continue;
            }

            var laatste = new[] { maandEind, a.LaatsteDag ?? maandEind, eind }.Min();
            for (var i = 0; i < aantal; i++)
            {
                var datum = dag.AddDays(t.Getal(laatste.DayNumber - dag.DayNumber + 1));
                var melden = t.Tussen(1, 3);
                Plan(datum, d => RegistreerNoShow(d, a, datum, melden));
            }
        }
    }

    private void RegistreerNoShow(DateOnly dag, Allocatie a, DateOnly datum, int melden)
    {
        if (a.LaatsteDag is { } ld && ld < datum)
        {
            return;
        }

        // After the third no-show of the year the provider pauses direct care (HK-NS-3): no further appointments are missed.
        var sleutel = (a.Client.Bsn, a.Productcode, datum.Year);
        if (noShowTeller.GetValueOrDefault(sleutel) >= 3)
        {
            return;
        }

        var n = noShowTeller[sleutel] = noShowTeller.GetValueOrDefault(sleutel) + 1;
        var gemeld = werkdagen.Plus(dag, melden);
        var ns = new NoShow(datum, gemeld <= eind ? gemeld : null, a.Aanbieder.Agb, a.Gemeente, a.Client.Bsn, a.Nummer, a.Productcode, n);
        verslag.NoShows.Add(ns);
        if (ns.Gemeld is not null)
        {
            noShowMeldingen.Add(ns);
        }
    }
}

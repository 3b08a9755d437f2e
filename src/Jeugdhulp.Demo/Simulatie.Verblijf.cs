using Jeugdhulp.Core.Toekenning;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store;
using Jeugdhulp.Store.Toekenning;
using Jeugdhulp.Store.Verblijf;

namespace Jeugdhulp.Demo;

/// <summary>
/// The 24-hour part of the simulation (issue 14, HK spec §14): staff of the municipality record consults, allocate
/// 24-hour care themselves (<see cref="ToekenningVastleggen"/>: the same checks and the JW301 in the outbox), record
/// the placement with its beschikking, dialogue and regisseur (<see cref="PlaatsingVastleggen"/>), follow crises up,
/// take meerzorg requests through both checks to a decision (<see cref="MeerzorgBesluitVastleggen"/>: a Begeleiding
/// Individueel allocation with its JW301) and record moeder-kindtoeslag uses. Every step goes through the write path
/// the CLI and the pages use; the summary counts what those answered. The providers then start, stop and declare
/// these allocations like any other, from the JW301s they read.
/// </summary>
internal sealed partial class Simulatie
{
    private const string Toegang = "demo-toegang";

    private static readonly TimeOnly Toekenningstijd = new(11, 0, 0);

    private readonly List<Action<Datastore, DateOnly>> verblijfVandaag = [];

    private Toeval vt = new(0);

    /// <summary>Plans the 24-hour trajectories; their random choices come from <paramref name="toeval"/>, not the providers' stream.</summary>
    public void PlanVerblijf(IReadOnlyList<Verblijfcasus> casussen, Toeval toeval)
    {
        vt = toeval;
        var consulten = 0;
        foreach (var c in casussen)
        {
            if (c.Consult)
            {
                var referentie = $"CO-{c.Gemeente}-{++consulten:D3}";
                PlanStaf(c.Dag.AddDays(-vt.Tussen(10, 20)), (s, d) => Consult(s, d, c.Gemeente, referentie, Consultuitkomst.Opschalen, 5));
            }

            PlanStaf(c.Dag, (s, d) => Plaats(s, d, c));
        }

        // Consults that end otherwise: solved locally, further investigation, the regional expert table; the last one
        // is still waiting for its outcome at the end.
        var anders = Math.Max(1, opties.Clienten / 100);
        var dagen = eind.DayNumber - opties.Start.DayNumber + 1;
        for (var i = 0; i < anders; i++)
        {
            var gemeente = regio.Gemeenten[vt.Gewogen(regio.GemeenteGewichten)];
            var referentie = $"CO-{gemeente}-{++consulten:D3}";
            var laatste = i == anders - 1;
            var uitkomst = new[] { Consultuitkomst.LokaalOplossen, Consultuitkomst.NaderOnderzoek, Consultuitkomst.Expertteam }[vt.Gewogen([60, 25, 15])];
            PlanStaf(laatste ? eind.AddDays(-vt.Tussen(2, 6)) : opties.Start.AddDays(vt.Getal(Math.Max(1, dagen - 20))),
                (s, d) => Consult(s, d, gemeente, referentie, uitkomst, laatste ? 30 : 5));
        }
    }

    /// <summary>A step of the municipality's staff on <paramref name="dag"/> (or the next werkdag), with that day's store.</summary>
    private void PlanStaf(DateOnly dag, Action<Datastore, DateOnly> stap) =>
        Plan(dag < opties.Start ? opties.Start : dag, _ => verblijfVandaag.Add(stap));

    private void VerwerkVerblijf(Datastore store, DateOnly dag)
    {
        // A step may plan a later one; one planned for today waits in the agenda's next round, never in this list.
        var stappen = verblijfVandaag.ToList();
        verblijfVandaag.Clear();
        foreach (var stap in stappen)
        {
            stap(store, dag);
        }
    }

    private void Consult(Datastore store, DateOnly dag, string gemeente, string referentie, Consultuitkomst uitkomst, int na)
    {
        var aanvraag = new Consultaanvraag(gemeente, referentie, "Jeugdige met vastgelopen ambulante hulp; gezinssituatie onder druk.",
            "Is 24-uurs jeugdhulp nodig, of kan het lokaal met extra inzet?", dag, dag.AddDays(14));
        var r = store.LegConsultVast(opties.Regels, aanvraag, Toegang);
        if (!Gelukt(r, $"consult {referentie}"))
        {
            return;
        }

        verslag.Consultaanvragen++;
        PlanStaf(werkdagen.Plus(dag, na), (s, d) =>
        {
            if (Gelukt(s.LegConsultuitkomstVast(Gemeentecode.Parse(gemeente).Waarde, referentie, uitkomst, d, Toegang), $"uitkomst consult {referentie}"))
            {
                Regioverslag.Tel(verslag.Consultuitkomsten, uitkomst switch
                {
                    Consultuitkomst.Opschalen => "opschalen",
                    Consultuitkomst.LokaalOplossen => "lokaal oplossen",
                    Consultuitkomst.NaderOnderzoek => "nader onderzoek",
                    _ => "regionale experttafel",
                });
            }
        });
    }

    private bool Gelukt(Verblijfvastlegging r, string wat)
    {
        if (r.Geschreven)
        {
            return true;
        }

        verslag.Problemen.Add($"{wat}: {r.Fout?.Code ?? string.Join(", ", r.Oordeel?.Bevindingen.Select(b => $"{b.RegelId} {b.Code}") ?? [])}");
        return false;
    }

    private Beoordelingsbronnen? bronnen;

    /// <summary>
    /// The contracts and the register for the municipality's own allocations and for each day's pipeline run, read the
    /// first time one is needed: the generator imports both before the first simulated day and never changes them, so one
    /// read serves the whole run (read per allocation or per day, a step cost time in the size of the region, and a year
    /// the square of it).
    /// </summary>
    private Beoordelingsbronnen Bronnen(Datastore store) => bronnen ??= store.LeesBronnen(opties.Regels);

    /// <summary>The allocation through the municipality's own path; its JW301s go to the provider as any other. Null when refused.</summary>
    private int? Toeken(Datastore store, DateOnly dag, Verblijfcasus c, Core.Regels.Product product, DateOnly ingang, DateOnly einde, Omvang omvang)
    {
        var opdracht = new Toekenningsopdracht(Gemeentecode.Parse(c.Gemeente).Waarde, Bsn.Parse(c.Client.Bsn).Waarde,
            c.Gi ? Toegangsroute.GecertificeerdeInstelling : Toegangsroute.LokaleToegang, c.Gi ? "Gecertificeerde instelling Flevoland" : "Lokale toegang",
            AgbCode.Parse(c.Aanbieder.Agb).Waarde, product.Code, ingang, einde, omvang, [], "24-uurs jeugdhulp na beschikking (HK-24-3)");
        var r = store.Verwerk(opties.Regels, [new Toekenningsactie.Toekennen(opdracht, AlsClientpersoon(c.Client))], Toegang, new Toewijzingsmoment(dag, Toekenningstijd), outbox,
            gelezen: Bronnen(store))[0];
        if (!r.Geschreven || r.Nummers.Count == 0)
        {
            verslag.Problemen.Add($"toewijzing {product.Code} gemeente {c.Gemeente}: {r.Fout?.Code ?? r.Status?.ToString()} {Blokkerend(r.Besluit)}");
            return null;
        }

        Regioverslag.Tel(verslag.Verblijftoewijzingen, product.Naam);
        LeesAntwoorden(dag, store, r.Outbox);
        return r.Nummers[0];
    }

    /// <summary>The rules (id and code) that did not approve a municipality's own action, for the summary's problems.</summary>
    private static string Blokkerend(Toekenningsbesluit? besluit) =>
        string.Join(", ", besluit?.Bevindingen.Where(b => b.Uitkomst != Uitkomst.Toegekend).Select(b => $"{b.RegelId} {b.Code}") ?? []);

    /// <summary>The client's name and gender for the JW301 (the register knows the birth date).</summary>
    private static Clientpersoon AlsClientpersoon(Persoon p) => new(p.Achternaam, p.Voorvoegsel, p.Voorletters, p.Geslacht, null);

    private static Omvang Etmalen(Core.Regels.Product p, DateOnly van, DateOnly tot) => new(tot.DayNumber - van.DayNumber + 1, p.Eenheid, p.Frequentie);

    private void Plaats(Datastore store, DateOnly dag, Verblijfcasus c)
    {
        var crisis = c.Crisis != Crisisverloop.Geen;
        // A crisis starts the day it is decided and is allocated for the maximum (HK-24-8: 28 days, day 1 included).
        var ingang = crisis ? dag : dag.AddDays(vt.Tussen(1, 10));
        var einde = crisis ? ingang.AddDays(27) : ingang.AddMonths(c.Maanden).AddDays(-1);
        if (Toeken(store, dag, c, c.Product, ingang, einde, Etmalen(c.Product, ingang, einde)) is not { } nummer)
        {
            return;
        }

        var regisseur = c.Gi ? Regisseur.Gi : Regisseur.LokaleToegang;
        var plaatsing = new Verblijfplaatsing(c.Gemeente, $"TW{nummer}", Bsn.Parse(c.Client.Bsn).Waarde, c.Product.Code, c.Route, ingang, einde)
        {
            Beschikking = dag,
            // HK-24-3, HK-24-9: a planned placement rests on a dialogue and names its regisseur; after a crisis they follow.
            Dialoog = crisis ? null : dag.AddDays(-vt.Tussen(3, 15)),
            Regisseur = crisis ? null : regisseur,
            RegisseurVastgelegd = crisis ? null : dag,
        };
        if (!Gelukt(store.LegPlaatsingVast(opties.Regels, plaatsing, Toegang), $"plaatsing {plaatsing.Referentie}"))
        {
            return;
        }

        if (crisis)
        {
            verslag.Crisisplaatsingen++;
            PlanCrisis(c, plaatsing, nummer, regisseur);
        }

        if (c.Meerzorg)
        {
            PlanMeerzorg(c, plaatsing, dag);
        }

        if (c.Baby is { } baby)
        {
            var gebruik = new MoederKindgebruik(c.Gemeente, $"MK-{plaatsing.Referentie}", Bsn.Parse(baby.Bsn).Waarde, c.Aanbieder.Agb, plaatsing.Referentie, ingang, einde, null);
            MoederKind(store, gebruik);
            // HK-24-11: the provider reports after 3 months.
            PlanStaf(ingang.AddMonths(3).AddDays(vt.Tussen(0, 10)), (s, d) => MoederKind(s, gebruik with { Rapportage = d }));
        }
    }

    private void MoederKind(Datastore store, MoederKindgebruik gebruik)
    {
        var r = store.LegMoederKindVast(opties.Regels, gebruik, Toegang);
        if (!Gelukt(r, $"moeder-kindtoeslag {gebruik.Referentie}"))
        {
            return;
        }

        if (gebruik.Rapportage is not null)
        {
            verslag.MoederKindRapportages++;
            return;
        }

        verslag.MoederKind++;
        verslag.MoederKindMetBedrag += r.Oordeel?.Uitkomst == Uitkomst.Toegekend ? 1 : 0;
    }

    /// <summary>
    /// HK-24-8 after the first day: the perspective with the dialogue, the regisseur and (Veilig Thuis, compulsory)
    /// the evaluation in the first two weeks; then a follow-up placement before day 28, for which the crisis
    /// allocation is ended early (HK-301-5) — or, per <see cref="Crisisverloop"/>, nothing or no follow-up.
    /// </summary>
    private void PlanCrisis(Verblijfcasus c, Verblijfplaatsing p, int nummer, Regisseur regisseur)
    {
        if (c.Crisis == Crisisverloop.ZonderPerspectief)
        {
            return;
        }

        var perspectief = p.Ingang.AddDays(vt.Tussen(5, 12));
        var vervolg = p.Ingang.AddDays(vt.Tussen(15, 25));
        PlanStaf(perspectief, (s, d) =>
        {
            p = p with
            {
                Vervolgperspectief = d,
                Dialoog = d,
                Regisseur = regisseur,
                RegisseurVastgelegd = d,
                Evaluatie = c.Route is Plaatsingsroute.VeiligThuis or Plaatsingsroute.Gedwongen ? d : null,
            };
            if (Gelukt(s.LegPlaatsingVast(opties.Regels, p, Toegang), $"vervolgperspectief {p.Referentie}"))
            {
                verslag.CrisisPerspectieven++;
            }
        });
        if (c.Crisis != Crisisverloop.Vervolg)
        {
            return;
        }

        PlanStaf(vervolg, (s, d) =>
        {
            // The provider may have stopped the crisis care itself before this day (an early stop, PlanZorg's JW307):
            // the stay is over, nothing is left to shorten (HK-301-5 only allows an earlier end, and once that JW307 is
            // processed the allocation already ends on its stop day) and no follow-up comes from this placement.
            if (allocaties.TryGetValue((c.Gemeente, nummer), out var zorg) && zorg.Stop is { } stop && stop <= d)
            {
                verslag.CrisisEerderGestopt++;
                return;
            }

            // The crisis stay ends the day before the follow-up starts: the municipality shortens its allocation.
            var gemeente = Gemeentecode.Parse(c.Gemeente).Waarde;
            var korter = s.Verwerk(opties.Regels, [new Toekenningsactie.Wijzigen(new Wijzigingsopdracht(gemeente, nummer, Wijzigingssoort.Beeindigen, d, null))],
                Toegang, new Toewijzingsmoment(d, Toekenningstijd), outbox, gelezen: Bronnen(s))[0];
            if (!korter.Geschreven)
            {
                verslag.Problemen.Add($"crisis {p.Referentie} beëindigen: {korter.Fout?.Code ?? korter.Status?.ToString()} {Blokkerend(korter.Besluit)}");
                return;
            }

            LeesAntwoorden(d, s, korter.Outbox);
            var product = regio.Verblijfproducten().First(x => opties.Regels.OpDatum(d).Verblijf?.Soort(x.Code) is Core.Regels.VerblijfSoort.Pleegzorg or Core.Regels.VerblijfSoort.BehandeldWonen);
            var vervolgcasus = c with { Product = product, Crisis = Crisisverloop.Geen, Route = Plaatsingsroute.Regulier, Maanden = 6 };
            var eindeVervolg = d.AddDays(1).AddMonths(6).AddDays(-1);
            if (Toeken(s, d, vervolgcasus, product, d.AddDays(1), eindeVervolg, Etmalen(product, d.AddDays(1), eindeVervolg)) is not { } volgnummer)
            {
                return;
            }

            p = p with { Einde = d, Vervolgplaatsing = d.AddDays(1) };
            var plaatsing = new Verblijfplaatsing(c.Gemeente, $"TW{volgnummer}", p.Client, product.Code, Plaatsingsroute.Regulier, d.AddDays(1), eindeVervolg)
            {
                Beschikking = d,
                Dialoog = p.Dialoog,
                Regisseur = regisseur,
                RegisseurVastgelegd = d,
            };
            if (Gelukt(s.LegPlaatsingVast(opties.Regels, p, Toegang), $"einde crisis {p.Referentie}")
                && Gelukt(s.LegPlaatsingVast(opties.Regels, plaatsing, Toegang), $"vervolgplaatsing {plaatsing.Referentie}"))
            {
                verslag.CrisisVervolgplaatsingen++;
            }
        });
    }

    /// <summary>
    /// HK-24-10: the provider's request with help plan a few weeks into the placement (from the placement's start:
    /// retroactive), the independent and the financial check a few werkdagen later, the decision within about two
    /// weeks — granted with its Begeleiding Individueel allocation, or refused when the financial check is negative.
    /// </summary>
    private void PlanMeerzorg(Verblijfcasus c, Verblijfplaatsing p, DateOnly dag)
    {
        if (Verblijfcasussen.Zzp(c.Product, opties.Regels.OpDatum(p.Ingang).Verblijf?.Soort(c.Product.Code)) is not { } zzp)
        {
            return;
        }

        // A few weeks into the stay; a placement near the end of the run asks in its last days (the decision is then still open).
        var ontvangen = dag.AddDays(vt.Tussen(10, 25));
        if (ontvangen > eind.AddDays(-3))
        {
            ontvangen = eind.AddDays(-vt.Tussen(1, 4));
        }

        if (ontvangen <= dag)
        {
            return;
        }

        var uren = vt.Tussen(4, 10);
        var financieel = vt.Kans(0.8) ? Toetsstand.Positief : Toetsstand.Negatief;
        var toetsen = vt.Tussen(3, 6);
        var besluit = vt.Tussen(7, 10);
        var aanvraag = new Meerzorgaanvraag(c.Gemeente, $"MZ-{p.Referentie}", p.Client, c.Aanbieder.Agb, zzp, uren, p.Ingang, p.Ingang.AddMonths(6).AddDays(-1),
            ontvangen, true, Toetsstand.Open, Toetsstand.Open);
        PlanStaf(ontvangen, (s, d) =>
        {
            aanvraag = aanvraag with { Ontvangen = d };
            if (!Gelukt(s.LegMeerzorgaanvraagVast(opties.Regels, aanvraag, Toegang), $"meerzorg {aanvraag.Referentie}"))
            {
                return;
            }

            verslag.Meerzorgaanvragen++;
            PlanStaf(werkdagen.Plus(d, toetsen), (s2, _) =>
            {
                aanvraag = aanvraag with { OnafhankelijkeToets = Toetsstand.Positief, FinancieleToets = financieel };
                Gelukt(s2.LegMeerzorgaanvraagVast(opties.Regels, aanvraag, Toegang), $"toetsen meerzorg {aanvraag.Referentie}");
            });
            PlanStaf(werkdagen.Plus(d, besluit), (s3, d3) => BesluitMeerzorg(s3, d3, c, aanvraag.Referentie, financieel == Toetsstand.Positief));
        });
    }

    private void BesluitMeerzorg(Datastore store, DateOnly dag, Verblijfcasus c, string referentie, bool toekennen)
    {
        var r = store.BesluitMeerzorg(opties.Regels, Gemeentecode.Parse(c.Gemeente).Waarde, referentie, toekennen,
            // Granting: the carrier runs beside the stay, a pair the stacking matrix does not name (HK-10), so staff write why.
            toekennen ? "Meerzorg boven het ZZP naast het verblijf (HK-24-10), na positieve onafhankelijke en financiële toets."
                : "Financiële toets negatief: past niet binnen het budget.", AlsClientpersoon(c.Client), Toegang, new Toewijzingsmoment(dag, Toekenningstijd), outbox,
            gelezen: Bronnen(store));
        if (!r.Geschreven)
        {
            verslag.Problemen.Add($"besluit meerzorg {referentie}: {r.Fout?.Code}: {r.Fout?.Melding}");
            return;
        }

        if (!toekennen)
        {
            verslag.MeerzorgAfgewezen++;
            return;
        }

        verslag.MeerzorgToegekend++;
        verslag.MeerzorgJw301.AddRange(r.Outbox);
        LeesAntwoorden(dag, store, r.Outbox);
    }

    /// <summary>The open 24-hour deadlines on <paramref name="dag"/> per rule, as the deadline watch shows them.</summary>
    public void TelVerblijftermijnen(DateOnly dag)
    {
        if (opties.Regels.OpDatum(dag).Verblijf is null || !openen(dag).TryGet(out var store))
        {
            return;
        }

        using (store)
        {
            var dossier = store.LeesVerblijf(null);
            foreach (var o in VerblijfBewaken.Open(dossier.Stand, dossier.Geboortedata, opties.Regels.OpDatum(dag), werkdagen, dag))
            {
                Regioverslag.Tel(verslag.Verblijftermijnen, o.Regel + (o.IsTeLaat(dag) ? " te laat" : ""));
            }
        }
    }
}

using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Toekenning;

/// <summary>What kind of change the municipality sends (HK-301-5).</summary>
public enum Wijzigingssoort
{
    /// <summary>Volume or end date changed (IV066: only einddatum, and Omvang when Frequentie is 6).</summary>
    Wijzigen,

    /// <summary>Ended early by a staff decision (default RedenWijziging 05, herbeoordeling: verkorting).</summary>
    Beeindigen,

    /// <summary>Ended early after the provider's JW307 (default RedenWijziging 12, geïnitieerd door de aanbieder).</summary>
    BeeindigenNaStopbericht,
}

/// <summary>A change to an existing allocation of this municipality.</summary>
/// <param name="Gemeente">The municipality (only its own allocations).</param>
/// <param name="Nummer">ToewijzingNummer.</param>
/// <param name="Soort">Change or early end.</param>
/// <param name="Einddatum">The new end date; null keeps it.</param>
/// <param name="Omvang">The new volume; null keeps it.</param>
/// <param name="RedenWijziging">An explicit RedenWijziging; null takes the default of <paramref name="Soort"/>.</param>
/// <param name="Motivering">The written reason when a guideline is exceeded.</param>
public sealed record Wijzigingsopdracht(
    Gemeentecode Gemeente, int Nummer, Wijzigingssoort Soort, DateOnly? Einddatum, Omvang? Omvang, string? RedenWijziging = null,
    string? Motivering = null);

/// <summary>
/// Changes or ends early an allocation the municipality issued (HK-301-5): a new JW301 version with the same
/// number and the right RedenWijziging (IV099). A change is checked like a new allocation; an early end only
/// has to be earlier. A change of a medical-route trajectory on which the municipality holds procesregie moves
/// it to the lokale-toegang route (HK-317-7).
/// </summary>
public sealed class ToekenningWijzigen
{
    private static readonly HashSet<string> Redenen = new(StringComparer.Ordinal)
    {
        "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "14",
    };

    private readonly Beoordelingsbronnen bronnen;

    /// <summary>Creates the use case over its sources.</summary>
    public ToekenningWijzigen(Beoordelingsbronnen bronnen) =>
        this.bronnen = bronnen ?? throw new ArgumentNullException(nameof(bronnen));

    /// <summary>
    /// Decides the change of <paramref name="huidig"/> (the current version, IV013). <paramref name="toestand"/> is the
    /// client's state; <paramref name="procesregie"/> who holds procesregie over this trajectory.
    /// </summary>
    public Toekenningsbesluit Beoordeel(Wijzigingsopdracht opdracht, VastgelegdeToewijzing huidig, Clienttoestand toestand,
        Procesregie? procesregie, DateOnly? geboortedatum, Toewijzingsmoment moment)
    {
        ArgumentNullException.ThrowIfNull(opdracht);
        ArgumentNullException.ThrowIfNull(huidig);
        ArgumentNullException.ThrowIfNull(toestand);
        ArgumentNullException.ThrowIfNull(moment);
        var regels = bronnen.Regels(huidig.Ingangsdatum);
        var b = new Beoordeling();
        if (huidig.IsVerwijderd)
        {
            b.Afwijzen("HK-301-6", RedenAfwijzing.PastNietBinnenContract, "ingetrokken-niet-wijzigen", ("nummer", $"{huidig.Nummer}"));
            return Toekenningscontroles.Besluit(b, regels, opdracht.Motivering, []);
        }

        var eind = opdracht.Einddatum ?? huidig.Einddatum;
        var omvang = opdracht.Omvang ?? huidig.Omvang;
        var beeindigen = opdracht.Soort != Wijzigingssoort.Wijzigen;
        var reden = opdracht.RedenWijziging ?? StandaardReden(opdracht.Soort, huidig, eind, omvang);
        Reden(b, reden);
        Omvang(b, huidig, omvang, beeindigen);
        if (eind == huidig.Einddatum && omvang == huidig.Omvang)
        {
            b.Afwijzen("IV099", RedenAfwijzing.PastNietBinnenContract, "niets-gewijzigd", ("nummer", $"{huidig.Nummer}"));
        }

        var periode = Periode.Maak(huidig.Ingangsdatum, eind);
        if (!periode.IsGeldig)
        {
            b.Afwijzen("CS003", RedenAfwijzing.PastNietBinnenContract, "periode-ongeldig", ("fout", periode.Fouten[0].Melding));
            return Toekenningscontroles.Besluit(b, regels, opdracht.Motivering, []);
        }

        if (beeindigen)
        {
            if (eind is not { } e || (huidig.Einddatum is { } oud && e >= oud))
            {
                b.Afwijzen("HK-301-5", RedenAfwijzing.PastNietBinnenContract, "einde-niet-eerder", ("einde", $"{huidig.Einddatum:yyyy-MM-dd}"));
            }
            else
            {
                b.Ok("HK-301-5", "eerder-einde", ("nummer", $"{huidig.Nummer}"), ("einde", $"{e:yyyy-MM-dd}"), ("reden", reden));
            }
        }
        else if (regels.Product(huidig.Product) is { } product)
        {
            // A change checks the same rules as a new allocation, against every other allocation of the client.
            var anderen = toestand with { Toewijzingen = [.. toestand.Toewijzingen.Where(t => t.Nummer != huidig.Nummer)] };
            Toekenningscontroles.Controleer(b, bronnen, regels, opdracht.Gemeente, huidig.Aanbieder, huidig.Client, geboortedatum, product,
                periode.Waarde, omvang, anderen, Toekenningscontroles.RouteRegel(huidig.Herkomst));
        }
        else
        {
            var routeRegel = Toekenningscontroles.RouteRegel(huidig.Herkomst);
            b.Afwijzen(routeRegel, RedenAfwijzing.PastNietBinnenContract, "product-onbekend", ("product", $"{huidig.Product}"), ("datum", $"{regels.Datum:yyyy-MM-dd}"));
        }

        var herkomst = huidig.Herkomst;
        if (Verwijzer.IsMedisch(huidig.Herkomst) && procesregie?.Houder == Procesregiehouder.Gemeente)
        {
            herkomst = VerwijzerType.Gemeente;
            if (procesregie.Team is { } team)
            {
                b.Ok("HK-317-7", "procesregie-team", ("team", $"{team}"));
            }
            else
            {
                b.Ok("HK-317-7", "procesregie");
            }
        }

        var lijn = new ToegewezenProduct(huidig.Nummer, huidig.Client, huidig.ReferentieAanbieder, huidig.Product, huidig.Categorie,
            moment.Datum, moment.Tijd, huidig.Ingangsdatum, eind, reden, omvang, huidig.Budget);
        return Toekenningscontroles.Besluit(b, regels, opdracht.Motivering, [lijn], herkomst);
    }

    /// <summary>The RedenWijziging of the kind of change: longer or more is 04, shorter or less 05; after a JW307 12.</summary>
    public static string StandaardReden(Wijzigingssoort soort, VastgelegdeToewijzing huidig, DateOnly? eind, Omvang? omvang) => soort switch
    {
        Wijzigingssoort.BeeindigenNaStopbericht => "12",
        Wijzigingssoort.Beeindigen => "05",
        _ => (eind is null && huidig.Einddatum is not null) || (eind > huidig.Einddatum) || (omvang?.Volume > huidig.Omvang?.Volume) ? "04" : "05",
    };

    /// <summary>LDT_RedenWijziging: 01 must not be used (CS336), 13 is a withdrawal (HK-301-6), the rest of the list is allowed.</summary>
    private static void Reden(Beoordeling b, string reden)
    {
        if (reden == "01")
        {
            b.Afwijzen("CS336", RedenAfwijzing.PastNietBinnenContract, "reden-01");
        }
        else if (reden == VastgelegdeToewijzing.Verwijderd)
        {
            b.Afwijzen("HK-301-6", RedenAfwijzing.PastNietBinnenContract, "reden-13");
        }
        else if (!Redenen.Contains(reden))
        {
            b.Afwijzen("IV099", RedenAfwijzing.PastNietBinnenContract, "reden-onbekend", ("reden", reden));
        }
        else
        {
            b.Ok("IV099", "reden", ("reden", reden));
        }
    }

    /// <summary>IV066: only the volume of a total-within-the-period Omvang may change, in the same unit; an early end keeps it.</summary>
    private static void Omvang(Beoordeling b, VastgelegdeToewijzing huidig, Omvang? omvang, bool beeindigen)
    {
        if (omvang == huidig.Omvang)
        {
            return;
        }

        if (beeindigen)
        {
            b.Afwijzen("HK-301-5", RedenAfwijzing.PastNietBinnenContract, "omvang-bij-beeindigen");
        }
        else if (huidig.Omvang is not { Frequentie: Toewijzing.Omvang.Totaal } oud || omvang is null || omvang.Eenheid != oud.Eenheid
            || omvang.Frequentie != oud.Frequentie)
        {
            b.Afwijzen("IV066", RedenAfwijzing.PastNietBinnenContract, "alleen-volume-totaal");
        }
        else
        {
            b.Ok("IV066", "volume", ("oud", $"{oud.Volume}"), ("nieuw", $"{omvang.Volume}"), ("eenheid", $"{omvang.Eenheid}"));
        }
    }
}

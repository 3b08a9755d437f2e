using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Toekenning;

/// <summary>
/// Withdraws an allocation (intrekking, HK-301-6): the earlier JW301 again with Einddatum = Ingangsdatum and
/// RedenWijziging 13 "verwijderd" (CS335). Not while approved declarations exist (OP362/TR385). Afterwards the
/// pipeline refuses declarations (9384, TR384) and start/stop messages (9019) on it.
/// </summary>
public sealed class ToekenningIntrekken
{
    private readonly Beoordelingsbronnen bronnen;

    /// <summary>Creates the use case over its sources.</summary>
    public ToekenningIntrekken(Beoordelingsbronnen bronnen) =>
        this.bronnen = bronnen ?? throw new ArgumentNullException(nameof(bronnen));

    /// <summary>Decides the withdrawal of <paramref name="huidig"/> for the client in <paramref name="toestand"/>.</summary>
    public Toekenningsbesluit Beoordeel(VastgelegdeToewijzing huidig, Clienttoestand toestand, string? motivering, Toewijzingsmoment moment)
    {
        ArgumentNullException.ThrowIfNull(huidig);
        ArgumentNullException.ThrowIfNull(toestand);
        ArgumentNullException.ThrowIfNull(moment);
        Regelset regels = bronnen.Regels(huidig.Ingangsdatum);
        var b = new Beoordeling();
        if (huidig.IsVerwijderd)
        {
            b.Afwijzen("HK-301-6", RedenAfwijzing.PastNietBinnenContract, "al-ingetrokken", ("nummer", $"{huidig.Nummer}"));
        }
        else if (toestand.GedeclareerdeMinuten?.GetValueOrDefault(huidig.Nummer) is > 0 and var minuten)
        {
            b.Afwijzen("OP362", RedenAfwijzing.PastNietBinnenContract, "gedeclareerd", ("nummer", $"{huidig.Nummer}"), ("minuten", $"{minuten}"));
        }
        else
        {
            b.Ok("HK-301-6", "intrekken", ("nummer", $"{huidig.Nummer}"), ("ingang", $"{huidig.Ingangsdatum:yyyy-MM-dd}"));
        }

        var lijn = new ToegewezenProduct(huidig.Nummer, huidig.Client, huidig.ReferentieAanbieder, huidig.Product, huidig.Categorie,
            moment.Datum, moment.Tijd, huidig.Ingangsdatum, huidig.Ingangsdatum, VastgelegdeToewijzing.Verwijderd, huidig.Omvang, huidig.Budget);

        // A withdrawal asks no guideline question: the reason, when given, is kept with it.
        return Toekenningscontroles.Besluit(b, regels, motivering, [lijn], huidig.Herkomst);
    }
}

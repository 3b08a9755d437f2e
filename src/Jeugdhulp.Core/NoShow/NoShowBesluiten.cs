using System.Globalization;
using Jeugdhulp.Core.Teksten;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.NoShow;

/// <summary>The municipality's decision after a third no-show (HK-NS-3): continue, or end the allocation on a date.</summary>
/// <param name="Einddatum">Null to continue the allocation; otherwise its new (earlier) end date.</param>
public sealed record NoShowBesluit(DateOnly? Einddatum)
{
    /// <summary>True when the allocation continues unchanged.</summary>
    public bool Voortzetten => Einddatum is null;
}

/// <summary>
/// Checks the decision after a third no-show and, when it ends the allocation, gives the new allocation
/// version for the JW301 (HK-301-5: a new JW301 with the adjusted end date). RedenWijziging 05
/// "Herbeoordeling: verkorting": the municipality reassessed and shortened the allocation.
/// </summary>
public static class NoShowBesluiten
{
    /// <summary>iJw RedenWijziging for the shortened allocation.</summary>
    public const string RedenWijziging = "05";

    /// <summary>
    /// The new allocation version for <paramref name="besluit"/>, or null when it continues. The end date
    /// may not lie before the third no-show (care and no-shows up to then stay valid), nor on or after the
    /// allocation's current end (that is no early end).
    /// </summary>
    public static Resultaat<ToegewezenProduct?> Beoordeel(VastgelegdeToewijzing toewijzing, DateOnly derdeNoShow, NoShowBesluit besluit,
        DateOnly vandaag, TimeOnly tijd)
    {
        ArgumentNullException.ThrowIfNull(toewijzing);
        ArgumentNullException.ThrowIfNull(besluit);
        var nummer = toewijzing.Nummer.ToString(CultureInfo.InvariantCulture);
        if (toewijzing.IsVerwijderd)
        {
            return Weiger("NS-BESLUIT-VERWIJDERD", NoShowRegistreren.Besluitregel, ("nummer", nummer));
        }

        if (besluit.Einddatum is not { } eind)
        {
            return Resultaat<ToegewezenProduct?>.Ok(null);
        }

        if (eind < derdeNoShow || eind < toewijzing.Ingangsdatum)
        {
            var grens = derdeNoShow > toewijzing.Ingangsdatum ? derdeNoShow : toewijzing.Ingangsdatum;
            return Weiger("NS-BESLUIT-EINDE", NoShowRegistreren.Besluitregel, ("eind", NoShowRegistreren.D(eind)), ("grens", NoShowRegistreren.D(grens)));
        }

        if (toewijzing.Einddatum is { } huidig && eind >= huidig)
        {
            return Weiger("NS-BESLUIT-EINDE", "HK-301-5", ("nummer", nummer), ("huidig", NoShowRegistreren.D(huidig)), ("eind", NoShowRegistreren.D(eind)));
        }

        return Resultaat<ToegewezenProduct?>.Ok(new ToegewezenProduct(toewijzing.Nummer, toewijzing.Client, toewijzing.ReferentieAanbieder,
            toewijzing.Product, toewijzing.Categorie, vandaag, tijd, toewijzing.Ingangsdatum, eind, RedenWijziging, toewijzing.Omvang, toewijzing.Budget));
    }

    private static Resultaat<ToegewezenProduct?> Weiger(string code, string regel, params Parameter[] parameters) =>
        Resultaat<ToegewezenProduct?>.Mislukt(new NoShowWeigering(code, regel, parameters).Fout);
}

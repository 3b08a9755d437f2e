using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;
using Jeugdhulp.Store.Audit;

namespace Jeugdhulp.Store.Verblijf;

/// <summary>
/// Records a 24-hour placement or its follow-up (beschikking, dialogue, regisseur, follow-up perspective and
/// placement, evaluation, registration before 18), one row per municipality and reference: recording again
/// overwrites the facts. Core checks it first (HK-24-3, HK-24-9 <see cref="VoorwaardenToetsen"/>; a crisis HK-24-8
/// <see cref="CrisisBeoordelen"/>): a crisis stay outside 1 to 28 days is refused and nothing is written; missing
/// preconditions are recorded and become deadlines or review findings. Audited with the client.
/// </summary>
public static class PlaatsingVastleggen
{
    /// <summary>
    /// The checks <see cref="LegPlaatsingVast"/> runs before writing, without writing: the input, the product and Core's
    /// findings (for a confirmation step that shows them first). Not written: <c>Geschreven</c> is always false.
    /// </summary>
    public static Verblijfvastlegging ControleerPlaatsing(Regelcatalogus catalogus, Verblijfplaatsing p)
    {
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(p);
        if (!Gemeentecode.Parse(p.Gemeente).IsGeldig || string.IsNullOrWhiteSpace(p.Referentie))
        {
            return Verblijfvastlegging.Mislukt("VERBLIJF-INVOER", $"Gemeente '{p.Gemeente}' en een referentie zijn verplicht.");
        }

        var regels = catalogus.OpDatum(p.Ingang);
        if (regels.Verblijf?.Soort(p.Product) is null)
        {
            return Verblijfvastlegging.Mislukt("VERBLIJF-PRODUCT", $"Product {p.Product} is op {p.Ingang:yyyy-MM-dd} geen 24-uurs product (HK-24-2, verblijf.json).");
        }

        return new(PlaatsingBeoordelen.Beoordeel(p, regels, new Werkdagenkalender(catalogus.ExtraVrijeDagen)), false, null);
    }

    /// <summary>Checks and writes <paramref name="p"/> under the rules in force on its first day.</summary>
    public static Verblijfvastlegging LegPlaatsingVast(this Datastore store, Regelcatalogus catalogus, Verblijfplaatsing p, string wie)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalogus);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentException.ThrowIfNullOrWhiteSpace(wie);
        var controle = ControleerPlaatsing(catalogus, p);
        if (controle.Oordeel is not { Uitkomst: not Uitkomst.Afgewezen } oordeel)
        {
            return controle;
        }

        var gemeente = Gemeentecode.Parse(p.Gemeente).Waarde;
        using var tx = store.BeginTransactie();
        var bestaand = tx.Commando("SELECT client_bsn FROM verblijf_plaatsingen WHERE gemeente = @gemeente AND referentie = @referentie")
            .Met("@gemeente", p.Gemeente).Met("@referentie", p.Referentie).ExecuteScalar() as string;
        if (bestaand is not null && bestaand != p.Client.Waarde)
        {
            return Verblijfvastlegging.Mislukt("VERBLIJF-REFERENTIE", $"Referentie {p.Referentie} hoort bij een andere jeugdige.");
        }

        tx.Commando("""
            INSERT INTO verblijf_plaatsingen (gemeente, referentie, client_bsn, productcode, route, ingang, einde, beschikking, dialoog, regisseur,
                regisseur_vastgelegd, vervolgperspectief, vervolgplaatsing, evaluatie, aangemeld_na_18, regels, door, op, regelversie)
            VALUES (@gemeente, @referentie, @bsn, @product, @route, @ingang, @einde, @beschikking, @dialoog, @regisseur,
                @regisseur_vastgelegd, @vervolgperspectief, @vervolgplaatsing, @evaluatie, @aangemeld, @regels, @door, @op, @regelversie)
            ON CONFLICT (gemeente, referentie) DO UPDATE SET productcode = excluded.productcode, route = excluded.route, ingang = excluded.ingang,
                einde = excluded.einde, beschikking = excluded.beschikking, dialoog = excluded.dialoog, regisseur = excluded.regisseur,
                regisseur_vastgelegd = excluded.regisseur_vastgelegd, vervolgperspectief = excluded.vervolgperspectief,
                vervolgplaatsing = excluded.vervolgplaatsing, evaluatie = excluded.evaluatie, aangemeld_na_18 = excluded.aangemeld_na_18,
                regels = excluded.regels, door = excluded.door, op = excluded.op, regelversie = excluded.regelversie
            """)
            .Met("@gemeente", p.Gemeente).Met("@referentie", p.Referentie).Met("@bsn", p.Client.Waarde).Met("@product", p.Product.Waarde)
            .Met("@route", p.Route.ToString()).Met("@ingang", p.Ingang).Met("@einde", p.Einde).Met("@beschikking", p.Beschikking)
            .Met("@dialoog", p.Dialoog).Met("@regisseur", p.Regisseur?.ToString()).Met("@regisseur_vastgelegd", p.RegisseurVastgelegd)
            .Met("@vervolgperspectief", p.Vervolgperspectief).Met("@vervolgplaatsing", p.Vervolgplaatsing).Met("@evaluatie", p.Evaluatie)
            .Met("@aangemeld", p.AangemeldNa18).Met("@regels", string.Join(",", oordeel.RegelIds)).Met("@door", wie).Met("@op", tx.EchtNu)
            .Met("@regelversie", oordeel.Regelversie).ExecuteNonQuery();
        tx.Audit(wie, gemeente, string.Create(CultureInfo.InvariantCulture,
            $"24-uursplaatsing {p.Referentie} {(bestaand is null ? "vastgelegd" : "bijgewerkt")} ({p.Product}, {p.Route}, vanaf {p.Ingang:yyyy-MM-dd})"), p.Client);
        tx.Commit();
        return new(oordeel, true, null);
    }
}

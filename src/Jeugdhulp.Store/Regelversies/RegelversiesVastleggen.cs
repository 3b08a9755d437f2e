using System.Globalization;
using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Regelversies;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Audit;

namespace Jeugdhulp.Store.Regelversies;

/// <summary>
/// Writes rule versions: a draft is stored only when the rule set with it on top loads; a publication only by someone
/// other than the author and only when the draft still loads on what was published since. Each write is audited in
/// its own transaction. The web service calls these through its single writer.
/// </summary>
public static class RegelversiesVastleggen
{
    /// <summary>
    /// Checks <paramref name="concept"/> on top of <paramref name="basis"/> and the published versions and stores it as a
    /// draft; the stored version (with its id), or the loader's errors naming the draft's field and nothing stored.
    /// </summary>
    public static Resultaat<Regelversie> BewaarConcept(this Datastore store, IReadOnlyList<RegelBestand> basis, Regelversie concept, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(concept);
        var item = Regellagen.LeesItem(concept.Soort, concept.Inhoud);
        if (!item.TryGet(out var x))
        {
            return Resultaat<Regelversie>.Mislukt(item.Fouten);
        }

        var versie = concept with { Id = 0, Sleutel = x.Sleutel, GepubliceerdDoor = null, GepubliceerdOp = null };
        using var tx = store.BeginTransactie();
        var gepubliceerd = RegelversiesLezen.Lees(tx, $"SELECT {RegelversiesLezen.Kolommen} FROM regelversies WHERE gepubliceerd_op IS NOT NULL ORDER BY id");
        var controle = Regellagen.Laad(basis, [.. gepubliceerd, versie]);
        if (!controle.IsGeldig)
        {
            return Resultaat<Regelversie>.Mislukt(controle.Fouten);
        }

        var soort = Regelsoort.Van(versie.Soort)!;
        var op = tx.EchtNu;
        var id = tx.Commando("""
            INSERT INTO regelversies (soort, bestand, lijst, sleutel, inhoud, geldig_vanaf, toelichting, auteur, gemeente, aangemaakt_op)
            VALUES (@soort, @bestand, @lijst, @sleutel, @inhoud, @vanaf, @toelichting, @auteur, @gemeente, @op)
            RETURNING id
            """).Met("@soort", soort.Code).Met("@bestand", soort.Bestand).Met("@lijst", soort.Lijst).Met("@sleutel", versie.Sleutel)
            .Met("@inhoud", versie.Inhoud).Met("@vanaf", versie.GeldigVanaf).Met("@toelichting", versie.Toelichting).Met("@auteur", versie.Auteur)
            .Met("@gemeente", gemeente.Waarde).Met("@op", op)
            .LeesLongOfNull() ?? throw new InvalidOperationException("INSERT … RETURNING gaf geen id.");
        tx.Audit(versie.Auteur, gemeente, string.Create(CultureInfo.InvariantCulture,
            $"regelconcept {id} opgesteld: {soort.Code} {versie.Sleutel} vanaf {versie.GeldigVanaf:yyyy-MM-dd}"), null);
        tx.Commit();
        return Resultaat<Regelversie>.Ok(versie with { Id = id, Aangemaakt = op });
    }

    /// <summary>
    /// Publishes draft <paramref name="id"/> as <paramref name="door"/> (<see cref="Publiceren.Beoordeel"/>): the new rule
    /// set in force, or why not (<c>REGEL-ONBEKEND</c>, <c>REGEL-VIEROGEN</c>, <c>REGEL-GEPUBLICEERD</c>, the loader's
    /// errors). The check and the update are one transaction, so two publishers cannot both pass on a stale view.
    /// </summary>
    public static Resultaat<Regelcatalogus> PubliceerRegelversie(this Datastore store, IReadOnlyList<RegelBestand> basis, long id, string door, Gemeentecode gemeente)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(door);
        using var tx = store.BeginTransactie();
        var alle = RegelversiesLezen.Lees(tx, $"SELECT {RegelversiesLezen.Kolommen} FROM regelversies ORDER BY id");
        if (alle.FirstOrDefault(v => v.Id == id) is not { } concept)
        {
            return Resultaat<Regelcatalogus>.Mislukt("REGEL-ONBEKEND", string.Create(CultureInfo.InvariantCulture, $"er is geen regelconcept {id}"));
        }

        var op = tx.EchtNu;
        var nieuw = Publiceren.Beoordeel(concept, door, op, basis, [.. alle.Where(v => v.IsGepubliceerd)]);
        if (!nieuw.IsGeldig)
        {
            return nieuw;
        }

        var gewijzigd = tx.Commando("""
            UPDATE regelversies SET gepubliceerd_door = @door, gepubliceerd_op = @op WHERE id = @id AND gepubliceerd_op IS NULL
            """).Met("@door", door).Met("@op", op).Met("@id", id).ExecuteNonQuery();
        if (gewijzigd != 1)
        {
            return Resultaat<Regelcatalogus>.Mislukt("REGEL-GEPUBLICEERD", string.Create(CultureInfo.InvariantCulture, $"concept {id} is intussen gepubliceerd"));
        }

        tx.Audit(door, gemeente, string.Create(CultureInfo.InvariantCulture,
            $"regelversie {id} gepubliceerd: {concept.Soort} {concept.Sleutel} vanaf {concept.GeldigVanaf:yyyy-MM-dd} (opgesteld door {concept.Auteur}); regelset {nieuw.Waarde.Versie}"), null);
        tx.Commit();
        return nieuw;
    }
}

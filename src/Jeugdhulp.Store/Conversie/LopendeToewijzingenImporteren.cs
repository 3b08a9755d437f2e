using Jeugdhulp.Core.Conversie;

namespace Jeugdhulp.Store.Conversie;

/// <summary>
/// Stores the running allocations of the previous system for the conversion, in one transaction: a
/// refused file or a failure halfway changes nothing. A line already in the store is replaced (a corrected
/// export), unless the run has converted it: what was sent stays as sent.
/// </summary>
public static class LopendeToewijzingenImporteren
{
    /// <summary>Imports <paramref name="toewijzingen"/>; returns how many rows were stored.</summary>
    public static int ImporteerLopendeToewijzingen(this Datastore store, IReadOnlyList<LopendeToewijzing> toewijzingen)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(toewijzingen);
        using var tx = store.BeginTransactie();
        var cmd = tx.Commando("""
            INSERT INTO conversie_lopend (gemeente, nummer, regel, client_bsn, geboortedatum, geslacht, achternaam, voorvoegsel, voorletters,
                aanbieder, productcode, ingangsdatum, einddatum, volume, eenheid, frequentie)
            VALUES (@gemeente, @nummer, @regel, @bsn, @geboortedatum, @geslacht, @achternaam, @voorvoegsel, @voorletters,
                @aanbieder, @productcode, @ingangsdatum, @einddatum, @volume, @eenheid, @frequentie)
            ON CONFLICT (gemeente, nummer) DO UPDATE SET regel = excluded.regel, client_bsn = excluded.client_bsn,
                geboortedatum = excluded.geboortedatum, geslacht = excluded.geslacht, achternaam = excluded.achternaam,
                voorvoegsel = excluded.voorvoegsel, voorletters = excluded.voorletters, aanbieder = excluded.aanbieder,
                productcode = excluded.productcode, ingangsdatum = excluded.ingangsdatum, einddatum = excluded.einddatum,
                volume = excluded.volume, eenheid = excluded.eenheid, frequentie = excluded.frequentie
            WHERE NOT EXISTS (SELECT 1 FROM conversie_uitgevoerd u WHERE u.gemeente = excluded.gemeente AND u.nummer = excluded.nummer)
            """);
        var opgeslagen = 0;
        foreach (var t in toewijzingen)
        {
            opgeslagen += cmd.Met("@gemeente", t.Gemeente.Waarde).Met("@nummer", t.Nummer).Met("@regel", (long)t.Regel)
                .Met("@bsn", t.Client.Waarde).Met("@geboortedatum", t.Geboortedatum).Met("@geslacht", t.Geslacht)
                .Met("@achternaam", t.Achternaam).Met("@voorvoegsel", t.Voorvoegsel).Met("@voorletters", t.Voorletters)
                .Met("@aanbieder", t.Aanbieder.Waarde).Met("@productcode", t.Product.Waarde).Met("@ingangsdatum", t.Periode.Begin)
                .Met("@einddatum", t.Periode.Eind).Met("@volume", (long)t.Omvang.Volume).Met("@eenheid", t.Omvang.Eenheid)
                .Met("@frequentie", t.Omvang.Frequentie).ExecuteNonQuery();
        }

        // TR332: the old numbers stay in use (their end is sent under them), so the municipality's counter
        // starts above the highest: a new allocation never gets an old allocation's number.
        var hoogste = tx.Commando("""
            INSERT INTO toewijzingnummers (gemeente, laatste)
            SELECT gemeente, MAX(nummer) FROM conversie_lopend GROUP BY gemeente
            ON CONFLICT (gemeente) DO UPDATE SET laatste = excluded.laatste WHERE excluded.laatste > toewijzingnummers.laatste
            """);
        hoogste.ExecuteNonQuery();
        tx.Commit();
        return opgeslagen;
    }
}

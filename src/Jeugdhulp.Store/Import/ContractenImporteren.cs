using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Import;

/// <summary>
/// Imports a contract file. The file covers each (gemeente, aanbieder) pair it mentions: all stored
/// contracts of those pairs are replaced by the file's, contracts of other pairs stay. One transaction:
/// a refused file or a failure halfway changes nothing.
/// </summary>
public static class ContractenImporteren
{
    /// <summary>
    /// Replaces the contracts of the pairs in <paramref name="contracten"/>. Refused, with the record's
    /// position (1-based, in file order), when two contracts share a key or overlap in time for the same
    /// product of the same provider and municipality (which tariff would apply?).
    /// </summary>
    public static Resultaat<ImportVerslag> ImporteerContracten(this Datastore store, IReadOnlyList<Contract> contracten)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(contracten);

        var fouten = Controleer(contracten);
        if (fouten.Count > 0)
        {
            return Resultaat<ImportVerslag>.Mislukt(fouten);
        }

        using var tx = store.BeginTransactie();
        var bestaand = new HashSet<(string, string, string, DateOnly)>();
        var verwijderd = 0;
        foreach (var (gemeente, aanbieder) in contracten.Select(c => (c.Gemeente.Waarde, c.Aanbieder.Waarde)).Distinct())
        {
            using (var r = tx.Commando("SELECT productcode, ingangsdatum FROM contracten WHERE gemeente = @gemeente AND aanbieder = @aanbieder")
                .Met("@gemeente", gemeente).Met("@aanbieder", aanbieder).ExecuteReader())
            {
                while (r.Read())
                {
                    bestaand.Add((gemeente, aanbieder, r.GetString(0), r.GetFieldValue<DateOnly>(1)));
                }
            }

            verwijderd += tx.Commando("DELETE FROM contracten WHERE gemeente = @gemeente AND aanbieder = @aanbieder")
                .Met("@gemeente", gemeente).Met("@aanbieder", aanbieder).ExecuteNonQuery();
        }

        var bijgewerkt = 0;
        foreach (var c in contracten)
        {
            if (bestaand.Contains((c.Gemeente.Waarde, c.Aanbieder.Waarde, c.Product.Waarde, c.Geldigheid.Begin)))
            {
                bijgewerkt++;
            }

            tx.Commando("""
                INSERT INTO contracten (gemeente, aanbieder, productcode, ingangsdatum, einddatum, tarief_cent, aanbiedernaam)
                VALUES (@gemeente, @aanbieder, @productcode, @ingangsdatum, @einddatum, @tarief_cent, @aanbiedernaam)
                """)
                .Met("@gemeente", c.Gemeente.Waarde)
                .Met("@aanbieder", c.Aanbieder.Waarde)
                .Met("@productcode", c.Product.Waarde)
                .Met("@ingangsdatum", c.Geldigheid.Begin)
                .Met("@einddatum", c.Geldigheid.Eind)
                .Met("@tarief_cent", c.TariefCent)
                .Met("@aanbiedernaam", c.Aanbiedernaam)
                .ExecuteNonQuery();
        }

        Gemeentepartities.MaakAan(tx, contracten.Select(c => c.Gemeente.Waarde));
        tx.Commit();
        return Resultaat<ImportVerslag>.Ok(new ImportVerslag(contracten.Count - bijgewerkt, bijgewerkt, verwijderd - bijgewerkt));
    }

    private static List<Fout> Controleer(IReadOnlyList<Contract> contracten)
    {
        var fouten = new List<Fout>();
        var perProduct = new Dictionary<(string, string, string), List<int>>();
        for (var i = 0; i < contracten.Count; i++)
        {
            var c = contracten[i];
            var sleutel = (c.Gemeente.Waarde, c.Aanbieder.Waarde, c.Product.Waarde);
            if (!perProduct.TryGetValue(sleutel, out var eerder))
            {
                perProduct[sleutel] = eerder = [];
            }

            foreach (var j in eerder)
            {
                if (contracten[j].Geldigheid.Overlapt(c.Geldigheid))
                {
                    fouten.Add(new Fout("CONTRACT-OVERLAP",
                        $"Contract voor gemeente {c.Gemeente}, aanbieder {c.Aanbieder}, product {c.Product} ({c.Geldigheid}) " +
                        $"overlapt met record {j + 1} ({contracten[j].Geldigheid}).",
                        $"record {i + 1}"));
                    break;
                }
            }

            eerder.Add(i);
        }

        return fouten;
    }
}

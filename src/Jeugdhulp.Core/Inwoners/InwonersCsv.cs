using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Inwoners;

/// <summary>
/// Parses the residents CSV a municipality supplies as the default source for the woonplaatsbeginsel,
/// age and family rules. The header starts <c>bsn,gemeente,geboortedatum</c>; the optional columns
/// <c>huishouden</c> (household id shared by the members of one family, empty = unknown) and
/// <c>jeugdreclassering</c> (<c>ja</c>/<c>nee</c>, empty = nee) may follow in either order. A file with any
/// bad row is refused as a whole. Errors never show a BSN in clear text.
/// </summary>
public static class InwonersCsv
{
    /// <summary>The columns every file starts with.</summary>
    public const string VerplichteKop = "bsn,gemeente,geboortedatum";

    /// <summary>The full header with every optional column, as the demo data uses it.</summary>
    public const string VolledigeKop = "bsn,gemeente,geboortedatum,huishouden,jeugdreclassering";

    private static readonly string[] OptioneleKolommen = ["huishouden", "jeugdreclassering"];

    /// <summary>Reads the whole <paramref name="tekst"/> and parses it; see <see cref="Lees(string, string)"/>.</summary>
    public static Resultaat<IReadOnlyList<Inwoner>> Lees(TextReader tekst, string bron = "inwoners.csv")
    {
        ArgumentNullException.ThrowIfNull(tekst);
        return Lees(tekst.ReadToEnd(), bron);
    }

    /// <summary>
    /// Parses the CSV text. Error codes: <c>CSV-KOP</c>, <c>CSV-OPBOUW</c>, <c>CS002</c> (BSN, 11-proef),
    /// <c>GEMEENTE</c>, <c>CSV-DATUM</c>, <c>CSV-JANEE</c>, <c>CSV-HUISHOUDEN</c>, <c>CSV-DUBBEL</c> (same BSN
    /// twice). Every error's place is "<paramref name="bron"/>: regel N, kolom K".
    /// </summary>
    public static Resultaat<IReadOnlyList<Inwoner>> Lees(string tekst, string bron = "inwoners.csv")
    {
        ArgumentNullException.ThrowIfNull(tekst);
        var (rijen, fouten) = CsvLezer.Lees(tekst, bron);
        if (rijen is not [{ Regel: 1 } kop, ..])
        {
            return Resultaat<IReadOnlyList<Inwoner>>.Mislukt("CSV-KOP", $"de eerste regel moet beginnen met '{VerplichteKop}'", CsvLezer.Plaats(bron, 1));
        }

        var kolommen = kop.Velden;
        var kopFouten = KopFouten(kolommen);
        if (kopFouten.Count > 0)
        {
            return Resultaat<IReadOnlyList<Inwoner>>.Mislukt([.. kopFouten.Select(m => new Fout("CSV-KOP", m, CsvLezer.Plaats(bron, 1)))]);
        }

        var huishoudenKolom = IndexOf(kolommen, "huishouden");
        var jeugdreclasseringKolom = IndexOf(kolommen, "jeugdreclassering");
        var inwoners = new List<Inwoner>();
        var regelPerBsn = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rij in rijen.Skip(1))
        {
            if (rij.Velden.Count != kolommen.Count)
            {
                fouten.Add(new Fout("CSV-OPBOUW", $"verwacht {kolommen.Count} velden, gevonden {rij.Velden.Count}", CsvLezer.Plaats(bron, rij.Regel)));
                continue;
            }

            var aantal = fouten.Count;
            string Plaats(string kolom) => CsvLezer.Plaats(bron, rij.Regel, kolom);

            var bsn = Bsn.Parse(rij.Velden[0]);
            var gemeente = Gemeentecode.Parse(rij.Velden[1]);
            fouten.AddRange(bsn.Fouten.Select(f => f with { Plaats = Plaats("bsn") }));
            fouten.AddRange(gemeente.Fouten.Select(f => f with { Plaats = Plaats("gemeente") }));
            var geboortedatum = CsvLezer.Datum(rij.Velden[2]);
            if (geboortedatum is null)
            {
                fouten.Add(new Fout("CSV-DATUM", $"'{rij.Velden[2]}' is geen datum (yyyy-mm-dd)", Plaats("geboortedatum")));
            }

            string? huishouden = null;
            if (huishoudenKolom >= 0 && rij.Velden[huishoudenKolom] is { Length: > 0 } h)
            {
                if (h.Trim() != h || h.Length > 64)
                {
                    fouten.Add(new Fout("CSV-HUISHOUDEN", $"huishouden '{h}' mag niet met spaties beginnen of eindigen en hoogstens 64 tekens hebben", Plaats("huishouden")));
                }

                huishouden = h;
            }

            var jeugdreclassering = false;
            if (jeugdreclasseringKolom >= 0)
            {
                switch (rij.Velden[jeugdreclasseringKolom])
                {
                    case "ja":
                        jeugdreclassering = true;
                        break;
                    case "nee" or "":
                        break;
                    case var anders:
                        fouten.Add(new Fout("CSV-JANEE", $"'{anders}' is geen 'ja' of 'nee'", Plaats("jeugdreclassering")));
                        break;
                }
            }

            if (bsn.IsGeldig && !regelPerBsn.TryAdd(bsn.Waarde.Waarde, rij.Regel))
            {
                // Masked: an error list may end up in a log.
                fouten.Add(new Fout("CSV-DUBBEL", $"BSN {bsn.Waarde.Gemaskeerd} staat ook op regel {regelPerBsn[bsn.Waarde.Waarde]}", Plaats("bsn")));
            }

            if (fouten.Count == aantal)
            {
                inwoners.Add(new Inwoner(bsn.Waarde, gemeente.Waarde, geboortedatum!.Value, huishouden, jeugdreclassering));
            }
        }

        return fouten.Count > 0
            ? Resultaat<IReadOnlyList<Inwoner>>.Mislukt(fouten)
            : Resultaat<IReadOnlyList<Inwoner>>.Ok(inwoners);
    }

    private static List<string> KopFouten(IReadOnlyList<string> kolommen)
    {
        var meldingen = new List<string>();
        if (string.Join(',', kolommen.Take(3)) != VerplichteKop)
        {
            meldingen.Add($"de kopregel moet beginnen met '{VerplichteKop}', gevonden: '{string.Join(',', kolommen)}'");
            return meldingen;
        }

        var gezien = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kolom in kolommen.Skip(3))
        {
            if (!OptioneleKolommen.Contains(kolom))
            {
                meldingen.Add($"onbekende kolom '{kolom}'; toegestaan na '{VerplichteKop}': {string.Join(", ", OptioneleKolommen)}");
            }
            else if (!gezien.Add(kolom))
            {
                meldingen.Add($"kolom '{kolom}' staat er twee keer in");
            }
        }

        return meldingen;
    }

    private static int IndexOf(IReadOnlyList<string> kolommen, string naam)
    {
        for (var i = 0; i < kolommen.Count; i++)
        {
            if (kolommen[i] == naam)
            {
                return i;
            }
        }

        return -1;
    }
}

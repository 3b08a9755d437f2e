using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

// conversie.json: the IST → SOLL tables per municipality (HK-CONV-1). A line that cannot be executed as
// written — an unknown product, a unit that cannot be converted — is refused here, so the plan never
// meets it.
public static partial class RegelLader
{
    /// <summary>Units that measure time and convert into each other (1 uur = 60 minuten).</summary>
    private static bool IsTijd(string eenheid) => eenheid is "01" or "04";

    /// <summary>
    /// Whether a volume in <paramref name="vanEenheid"/>/<paramref name="vanFrequentie"/> can be expressed in the
    /// new product's unit and frequency: time units into each other, any other unit only into itself; per
    /// week, per month or total into a total within the period (HK-301-7), otherwise the same frequency.
    /// </summary>
    internal static bool IsOmrekenbaar(string vanEenheid, string vanFrequentie, string naarEenheid, string naarFrequentie) =>
        (vanEenheid == naarEenheid || (IsTijd(vanEenheid) && IsTijd(naarEenheid))) &&
        (vanFrequentie == naarFrequentie || (naarFrequentie == "6" && vanFrequentie is "2" or "4"));

    private sealed partial class Lading
    {
        private List<Item<Conversietabel>> Conversietabellen(
            List<(ConversietabelJson Waarde, string Plaats)> invoer,
            List<Item<Gemeente>> gemeenten,
            List<Item<Product>> producten)
        {
            var items = new List<Item<Conversietabel>>();
            foreach (var (t, plaats) in invoer)
            {
                var code = Gemeentecode.Parse(t.Gemeente);
                var periode = Geldigheid(t.GeldigVanaf, t.GeldigTot, plaats);
                if (!code.IsGeldig)
                {
                    Fout("REGEL-CODE", $"gemeente: {code.Fouten[0].Melding}", plaats);
                }
                else if (periode is { } pg && !Bestaat(gemeenten, t.Gemeente, pg))
                {
                    Fout("REGEL-VERWIJZING", $"gemeente {t.Gemeente} staat niet in gemeenten.json (in {pg})", plaats);
                }

                Positief(t.AfrondenBinnenMaanden, "afrondenBinnenMaanden", plaats);
                if (periode is { } p && !p.Bevat(t.Overgangsdatum))
                {
                    Fout("REGEL-PERIODE", $"overgangsdatum {t.Overgangsdatum:yyyy-MM-dd} ligt niet in de geldigheid van de tabel ({p})", plaats);
                }

                var regels = Mapping(t, plaats, producten);
                if (periode is { } geldig && code.IsGeldig)
                {
                    items.Add(new(new Conversietabel(code.Waarde, t.Overgangsdatum, t.AfrondenBinnenMaanden, regels, geldig), plaats, t.Gemeente, geldig));
                }
            }

            GeenOverlap(items, "conversietabel van gemeente");
            return items;
        }

        private List<Conversieregel> Mapping(ConversietabelJson tabel, string tabelPlaats, List<Item<Product>> producten)
        {
            var regels = new List<Conversieregel>();
            var gezien = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < tabel.Mapping.Count; i++)
            {
                var m = tabel.Mapping[i];
                var plaats = $"{tabelPlaats} mapping[{i}] ({m.OudeCode})";
                var oud = ProductCode.Parse(m.OudeCode);
                if (!oud.IsGeldig)
                {
                    Fout("REGEL-CODE", $"oudeCode: {oud.Fouten[0].Melding}", plaats);
                }
                else if (!gezien.Add(m.OudeCode))
                {
                    Fout("REGEL-OVERLAP", $"oudeCode '{m.OudeCode}' staat er meer dan eens in: één oud product heeft één bestemming", plaats);
                }

                if (!Eenheden.Contains(m.OudeEenheid))
                {
                    Fout("REGEL-CODE", $"oudeEenheid '{m.OudeEenheid}' is geen iJw-eenheid (01, 04, 14, 16, 82, 83, 84)", plaats);
                }

                if (!Frequenties.Contains(m.OudeFrequentie))
                {
                    Fout("REGEL-CODE", $"oudeFrequentie '{m.OudeFrequentie}' is geen iJw-frequentie (1, 2, 4, 6)", plaats);
                }

                var nieuw = OptioneleCode(m.NieuweCode, "nieuweCode", plaats);
                if (m.NieuweCode is null && m.Route != ConversieRoute.Herindicatie)
                {
                    Fout("REGEL-VELD", "nieuweCode ontbreekt: alleen bij route herindicatie mag het oude product zonder opvolger stoppen", plaats);
                }

                if (nieuw is { } n && !onbruikbaar.Contains(n.Waarde))
                {
                    var product = producten.FirstOrDefault(x => x.Sleutel == n.Waarde && x.Geldigheid.Bevat(tabel.Overgangsdatum))?.Waarde;
                    if (product is null)
                    {
                        Fout("REGEL-VERWIJZING", $"nieuweCode '{n}' staat niet in producten.json op de overgangsdatum {tabel.Overgangsdatum:yyyy-MM-dd}", plaats);
                    }
                    else if (Eenheden.Contains(m.OudeEenheid) && Frequenties.Contains(m.OudeFrequentie) &&
                             !IsOmrekenbaar(m.OudeEenheid, m.OudeFrequentie, product.Eenheid, product.Frequentie))
                    {
                        Fout("REGEL-WAARDE",
                            $"eenheid {m.OudeEenheid} met frequentie {m.OudeFrequentie} is niet om te rekenen naar {n} (eenheid {product.Eenheid}, frequentie {product.Frequentie})",
                            plaats);
                    }
                }

                if (oud.IsGeldig)
                {
                    regels.Add(new Conversieregel(oud.Waarde, m.OudeEenheid, m.OudeFrequentie, nieuw, m.Route, m.Toelichting));
                }
            }

            return regels;
        }
    }
}

using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.NoShow;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp besluit-noshow --data MAP --toewijzing NR (--voortzetten | --beeindigen yyyy-mm-dd) [--gemeente CODE]
/// [--today yyyy-mm-dd] [--db VERBINDING]</c>: the municipality's decision after a third no-show (HK-NS-3).
/// Ending writes a JW301 with the new end date. Exit 1 when there is nothing to decide or the date is
/// refused, 2 for usage.
/// </summary>
internal static class BesluitNoShowOpdracht
{
    private const string GebruikTekst = "--data MAP --toewijzing NR (--voortzetten | --beeindigen yyyy-mm-dd) [--gemeente CODE] [--today yyyy-mm-dd] [--db VERBINDING]";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--db", "--today", "--toewijzing", "--beeindigen", "--gemeente"], ["--voortzetten"]);
        var data = a.Vereist("--data");
        var nummer = a.Vereist("--toewijzing") is { Length: > 0 } n ? NoShowOpdracht.Nummer(a, n) : null;
        var vandaag = a.Optie("--today") is { } t ? a.Datum(t, "--today") : DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var einde = a.Optie("--beeindigen") is { } e ? a.Datum(e, "--beeindigen") : null;
        if (a.Vlag("--voortzetten") == a.Optie("--beeindigen") is not null)
        {
            a.Fouten.Add("geef precies één van --voortzetten en --beeindigen yyyy-mm-dd");
        }

        Gemeentecode? gemeente = null;
        if (a.Optie("--gemeente") is { } g)
        {
            var r = Gemeentecode.Parse(g);
            if (r.TryGet(out var code))
            {
                gemeente = code;
            }
            else
            {
                a.Fouten.Add($"--gemeente: {Assert(r)}");
            }
        }

        if (a.Posities.Count > 0)
        {
            a.Fouten.Add($"onverwacht argument '{a.Posities[0]}'");
        }

        if (a.Fouten.Count > 0 || nummer is null || vandaag is null)
        {
            return a.MeldGebruiksfouten("besluit-noshow", GebruikTekst, fout);
        }

        if (Opslag.Open("besluit-noshow", fout, data, a.Optie("--db"), a.Optie("--today") is null ? null : vandaag) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            var resultaat = store.NeemNoShowBesluit(gemeente, nummer.Value, new NoShowBesluit(einde), vandaag.Value, Path.Combine(data, "outbox"), Environment.UserName);
            if (!resultaat.TryGet(out var v))
            {
                Opslag.Meld("besluit-noshow", resultaat.Fouten, fout);
                return ExitCodes.Geweigerd;
            }

            uit.WriteLine(v.Einddatum is { } eind
                ? $"Toewijzing {v.ToewijzingNummer} (gemeente {v.Gemeente}): beëindigd per {eind:yyyy-MM-dd} na de derde no-show [HK-NS-3]."
                : $"Toewijzing {v.ToewijzingNummer} (gemeente {v.Gemeente}): wordt voortgezet na de derde no-show [HK-NS-3].");
            foreach (var o in v.Outbox)
            {
                uit.WriteLine("  -> " + o);
            }

            return ExitCodes.Ok;
        }
    }

    private static string Assert(Resultaat<Gemeentecode> r) => string.Join("; ", r.Fouten.Select(f => f.Melding));
}

using Jeugdhulp.Core.Contracten;
using Jeugdhulp.Core.Inwoners;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Import;

namespace Jeugdhulp.Cli;

/// <summary>
/// <c>jeugdhulp import contracten|inwoners BESTAND --data MAP [--db VERBINDING]</c>: reads the CSV and stores
/// it in one transaction. Contracts replace all contracts of each (gemeente, aanbieder) pair in the file;
/// residents are replaced by BSN. A bad file changes nothing and names the line (exit 1).
/// </summary>
internal static class ImportOpdracht
{
    private const string GebruikTekst = "contracten|inwoners BESTAND --data MAP [--db VERBINDING]";

    public static int Run(IReadOnlyList<string> args, TextWriter uit, TextWriter fout)
    {
        var a = Argumenten.Parse(args, ["--data", "--db"], []);
        var data = a.Vereist("--data");
        if (a.Posities.Count != 2 || a.Posities[0] is not ("contracten" or "inwoners"))
        {
            a.Fouten.Add("geef 'contracten' of 'inwoners' en één bestand");
        }

        if (a.Fouten.Count > 0)
        {
            return a.MeldGebruiksfouten("import", GebruikTekst, fout);
        }

        var soort = a.Posities[0];
        var bestand = a.Posities[1];
        var tekst = RegelMap.LeesTekst(bestand);
        if (!tekst.TryGet(out var inhoud))
        {
            Opslag.Meld("import", tekst.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        var naam = Path.GetFileName(bestand);
        IReadOnlyList<Fout> fouten;
        ImportVerslag? verslag = null;
        if (Opslag.Open("import", fout, data, a.Optie("--db")) is not { } store)
        {
            return ExitCodes.Geweigerd;
        }

        using (store)
        {
            Resultaat<ImportVerslag> r;
            if (soort == "contracten")
            {
                var c = ContractenCsv.Lees(inhoud, naam);
                r = c.TryGet(out var contracten) ? store.ImporteerContracten(contracten) : Resultaat<ImportVerslag>.Mislukt(c.Fouten);
            }
            else
            {
                var i = InwonersCsv.Lees(inhoud, naam);
                r = i.TryGet(out var inwoners) ? store.ImporteerInwoners(inwoners) : Resultaat<ImportVerslag>.Mislukt(i.Fouten);
            }

            fouten = r.Fouten;
            if (r.IsGeldig)
            {
                verslag = r.Waarde;
            }
        }

        if (verslag is null)
        {
            fout.WriteLine($"jeugdhulp import: {bestand} is geweigerd, er is niets gewijzigd:");
            Opslag.Meld("import", fouten, fout);
            return ExitCodes.Geweigerd;
        }

        uit.WriteLine($"{soort}: {verslag.Toegevoegd} toegevoegd, {verslag.Bijgewerkt} bijgewerkt, {verslag.Verwijderd} verwijderd ({bestand}).");
        return ExitCodes.Ok;
    }
}

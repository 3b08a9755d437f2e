using System.CommandLine;
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
    public static Command Commando(Omgeving o)
    {
        var soort = new Argument<string?>("contracten|inwoners") { Arity = ArgumentArity.ZeroOrOne, Description = "Wat het bestand bevat." };
        soort.CompletionSources.Add("contracten", "inwoners");
        var bestand = new Argument<string?>("BESTAND") { Arity = ArgumentArity.ZeroOrOne, Description = "Het CSV-bestand." };
        var data = Opties.Data();
        var db = Opties.Db();
        var opdracht = new Command("import", "Leest contracten of inwoners (CSV) in, in één transactie; een fout bestand wijzigt niets.") { soort, bestand, data, db };
        opdracht.Controle(r => r.GetValue(soort) is "contracten" or "inwoners" && r.GetValue(bestand) is not null ? null : "geef 'contracten' of 'inwoners' en één bestand");
        opdracht.SetAction(r => Run(r.GetValue(soort)!, r.GetValue(bestand)!, r.GetValue(data)!, r.GetValue(db), o.Uit, o.Fout));
        return opdracht;
    }

    /// <summary>Imports <paramref name="bestand"/> as <paramref name="soort"/> (<c>contracten</c> or <c>inwoners</c>).</summary>
    public static int Run(string soort, string bestand, string data, string? db, TextWriter uit, TextWriter fout)
    {
        var tekst = RegelMap.LeesTekst(bestand);
        if (!tekst.TryGet(out var inhoud))
        {
            Opslag.Meld("import", tekst.Fouten, fout);
            return ExitCodes.Geweigerd;
        }

        var naam = Path.GetFileName(bestand);
        IReadOnlyList<Fout> fouten;
        ImportVerslag? verslag = null;
        if (Opslag.Open("import", fout, data, db) is not { } store)
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

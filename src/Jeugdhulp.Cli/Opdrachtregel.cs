using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using Jeugdhulp.Core.Tijd;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Store;

namespace Jeugdhulp.Cli;

/// <summary>
/// What a command runs with besides its options: standard output and error, standard input (only
/// <c>account</c> reads it) and the clock, from which "today" is the business date in Europe/Amsterdam.
/// </summary>
internal sealed record Omgeving(TextWriter Uit, TextWriter Fout, TextReader Invoer, TimeProvider Klok)
{
    /// <summary><c>--today</c> when given, otherwise today in Europe/Amsterdam.</summary>
    public DateOnly Vandaag(DateOnly? today) => today ?? Bedrijfstijd.Vandaag(Klok);
}

/// <summary>
/// The options more than one command takes, each declared here once (name, value name, Dutch help text, parser
/// with a Dutch message), so <c>--today</c> means and checks the same everywhere.
/// </summary>
internal static class Opties
{
    public static Option<string> Data() => new("--data")
    {
        Required = true,
        HelpName = "MAP",
        Description = $"De datamap: de SQLite-database ({StoreOpties.SqliteBestand}), de outbox en de auditsleutel.",
    };

    public static Option<string?> Db() => new("--db")
    {
        HelpName = "VERBINDING",
        Description = $"Een PostgreSQL-verbindingsreeks in plaats van SQLite in de datamap (of de omgevingsvariabele {StoreOpties.DbVariabele}).",
    };

    /// <summary><c>--rules</c>; without it the shipped region found above the current folder or the program, or a usage error.</summary>
    public static Option<string> Rules() => new("--rules")
    {
        HelpName = "MAP",
        Description = $"De regelmap van de regio (standaard rules/{RegelMap.StandaardRegio}, gezocht boven de huidige map en het programma).",
        DefaultValueFactory = r =>
        {
            if (RegelMap.ZoekStandaard() is { } map)
            {
                return map;
            }

            r.AddError($"geen map rules/{RegelMap.StandaardRegio} gevonden; geef --rules MAP");
            return "";
        },
    };

    /// <summary><c>--today</c>: the processing date; null means the business date now (<see cref="Omgeving.Vandaag"/>).</summary>
    public static Option<DateOnly?> Today(string beschrijving = "De verwerkingsdatum (standaard vandaag in Europe/Amsterdam).") =>
        Datum("--today", beschrijving);

    /// <summary>A yyyy-mm-dd date option; a value that is not one is a usage error naming the option.</summary>
    public static Option<DateOnly?> Datum(string naam, string beschrijving, bool verplicht = false) => new(naam)
    {
        Required = verplicht,
        HelpName = "yyyy-mm-dd",
        Description = beschrijving,
        CustomParser = r => LeesDatum(r, naam),
    };

    /// <summary>A whole-number option of at least <paramref name="minimum"/>; anything else is a usage error naming the option.</summary>
    public static Option<long?> Getal(string naam, string helpnaam, string beschrijving, long minimum, bool verplicht = false) => new(naam)
    {
        Required = verplicht,
        HelpName = helpnaam,
        Description = beschrijving,
        CustomParser = r =>
        {
            var tekst = r.Tokens[0].Value;
            if (long.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum)
            {
                return n;
            }

            r.AddError(minimum == 1 ? $"{naam} '{tekst}' is geen positief geheel getal" : $"{naam} '{tekst}' is geen geheel getal van minstens {minimum}");
            return null;
        },
    };

    /// <summary>
    /// <c>--max-bericht-mb</c> (the limit in bytes, null when not given), added to <paramref name="opdracht"/> with a
    /// check that the environment's value is valid when the option is not given (<see cref="Berichtgrootte.Kies"/>).
    /// Read it with <see cref="GrootsteBericht"/>.
    /// </summary>
    public static Option<long?> MaxBericht(Command opdracht)
    {
        var optie = new Option<long?>(Berichtgrootte.Optie)
        {
            HelpName = "N",
            Description = $"Het grootste bericht in MB (standaard {Berichtgrootte.Standaard / Berichtgrootte.Mb}, of de omgevingsvariabele {Berichtgrootte.Variabele}).",
            CustomParser = r =>
            {
                var max = Berichtgrootte.Kies(r.Tokens[0].Value, Environment.GetEnvironmentVariable);
                if (max.TryGet(out var bytes))
                {
                    return bytes;
                }

                r.AddError(string.Join("; ", max.Fouten.Select(f => f.Melding)));
                return null;
            },
        };
        opdracht.Options.Add(optie);
        opdracht.Controle(r => r.GetResult(optie) is null && Berichtgrootte.Kies(null, Environment.GetEnvironmentVariable) is { IsGeldig: false } fout
            ? string.Join("; ", fout.Fouten.Select(f => f.Melding))
            : null);
        return optie;
    }

    /// <summary>The message size limit in bytes: <c>--max-bericht-mb</c>, the environment or the default.</summary>
    public static long GrootsteBericht(this ParseResult r, Option<long?> optie) =>
        r.GetValue(optie) ?? (Berichtgrootte.Kies(null, Environment.GetEnvironmentVariable) is { IsGeldig: true } max ? max.Waarde : Berichtgrootte.Standaard);

    /// <summary>
    /// An option holding a domain value (AGB code, BSN, product code …) parsed by the value type itself; its coded
    /// message is the usage error. With <paramref name="geheim"/> (a BSN) the message never repeats the value.
    /// </summary>
    public static Option<T?> Waarde<T>(string naam, string helpnaam, string beschrijving, Func<string, Resultaat<T>> parse, bool verplicht = false, bool geheim = false)
        where T : struct => new(naam)
    {
        Required = verplicht,
        HelpName = helpnaam,
        Description = beschrijving,
        CustomParser = r =>
        {
            var tekst = r.Tokens[0].Value;
            var w = parse(tekst);
            if (w.TryGet(out var waarde))
            {
                return waarde;
            }

            r.AddError($"{naam}: {string.Join("; ", w.Fouten.Select(f => geheim ? f.Melding.Replace(tekst, "(bsn)", StringComparison.Ordinal) : f.Melding))}");
            return null;
        },
    };

    public static Option<bool> Vlag(string naam, string beschrijving) => new(naam) { Description = beschrijving };

    public static Option<string?> Tekst(string naam, string helpnaam, string beschrijving, bool verplicht = false) => new(naam)
    {
        Required = verplicht,
        HelpName = helpnaam,
        Description = beschrijving,
    };

    /// <summary>Positional paths; none is a usage error with <paramref name="alsGeen"/>.</summary>
    public static Argument<string[]> Paden(Command opdracht, string naam, string beschrijving, string alsGeen)
    {
        var paden = new Argument<string[]>(naam) { Arity = ArgumentArity.ZeroOrMore, Description = beschrijving };
        opdracht.Arguments.Add(paden);
        opdracht.Validators.Add(r =>
        {
            if (r.GetValue(paden) is not { Length: > 0 })
            {
                r.AddError(alsGeen);
            }
        });
        return paden;
    }

    /// <summary>Adds a check across options (such as "exactly one of"): <paramref name="fout"/> returns the Dutch message, or null.</summary>
    public static void Controle(this Command opdracht, Func<CommandResult, string?> fout) =>
        opdracht.Validators.Add(r =>
        {
            if (fout(r) is { } melding)
            {
                r.AddError(melding);
            }
        });

    private static DateOnly? LeesDatum(ArgumentResult r, string naam)
    {
        var tekst = r.Tokens[0].Value;
        if (DateOnly.TryParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var datum))
        {
            return datum;
        }

        r.AddError($"{naam} '{tekst}' is geen datum (yyyy-mm-dd)");
        return null;
    }
}

/// <summary>
/// Usage errors in Dutch, the way every command reports them: one line per error
/// (<c>jeugdhulp OPDRACHT: …</c>), then the usage line generated from the command's own options, exit 2.
/// System.CommandLine's own messages are English; the ones a user meets (unknown option, missing or repeated
/// value, missing required option) are said again here in Dutch, the rest are the commands' own Dutch texts.
/// </summary>
internal static class Gebruiksfouten
{
    public static int Meld(ParseResult r, TextWriter fout)
    {
        var opdracht = r.CommandResult.Command;
        if (opdracht is RootCommand)
        {
            var onbekend = r.UnmatchedTokens.Count > 0 ? r.UnmatchedTokens[0] : r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            fout.WriteLine($"jeugdhulp: onbekende opdracht '{onbekend}'.");
            Overzicht(opdracht, fout);
            return ExitCodes.Gebruik;
        }

        foreach (var melding in Meldingen(r))
        {
            fout.WriteLine($"jeugdhulp {opdracht.Name}: {melding}");
        }

        fout.WriteLine($"Gebruik: jeugdhulp {opdracht.Name} {Syntaxis(opdracht)}");
        fout.WriteLine($"Meer uitleg: jeugdhulp {opdracht.Name} --help");
        return ExitCodes.Gebruik;
    }

    /// <summary>The short usage of the whole program: the command names.</summary>
    public static void Overzicht(Command wortel, TextWriter w)
    {
        w.WriteLine("Gebruik: jeugdhulp <opdracht> [opties]");
        w.WriteLine("Opdrachten: " + string.Join(", ", wortel.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).Order(StringComparer.Ordinal)));
        w.WriteLine("Meer uitleg: jeugdhulp --help of jeugdhulp <opdracht> --help");
    }

    /// <summary>The usage line of a command, generated from its options and arguments (so it cannot differ from what is parsed).</summary>
    public static string Syntaxis(Command opdracht)
    {
        var delen = new List<string>();
        foreach (var o in opdracht.Options.Where(o => !o.Hidden && o is not HelpOption))
        {
            var tekst = o.ValueType == typeof(bool) ? o.Name : $"{o.Name} {o.HelpName ?? "WAARDE"}";
            delen.Add(o.Required ? tekst : $"[{tekst}]");
        }

        delen.AddRange(opdracht.Arguments.Select(a => a.Arity.MaximumNumberOfValues > 1 ? a.Name + "..." : a.Name));
        return string.Join(' ', delen);
    }

    internal static IEnumerable<string> Meldingen(ParseResult r)
    {
        // What the library reports in English (or leaves out once a command's own check failed) is said here
        // from the parse tree itself: missing required options, options without a value, unknown tokens.
        var opdracht = r.CommandResult.Command;
        var ontbrekend = opdracht.Options.Where(o => o.Required && r.GetResult(o) is not { IdentifierTokenCount: > 0 }).Select(o => o.Name).ToList();
        var zonderWaarde = r.CommandResult.Children.OfType<OptionResult>()
            .Where(o => o.IdentifierTokenCount > 0 && o.Tokens.Count == 0 && o.Option.ValueType != typeof(bool)).Select(o => o.Option.Name).ToList();
        var onbekend = r.UnmatchedTokens;
        foreach (var naam in ontbrekend)
        {
            yield return $"optie {naam} is verplicht";
        }

        foreach (var naam in zonderWaarde)
        {
            yield return $"optie {naam} heeft een waarde nodig";
        }

        foreach (var t in onbekend)
        {
            yield return IsOptie(t) ? $"onbekende optie {t}" : $"onverwacht argument '{t}'";
        }

        foreach (var e in r.Errors)
        {
            switch (e.SymbolResult)
            {
                case OptionResult { Tokens.Count: 0 }:
                    break;
                case OptionResult { Tokens.Count: > 1 } o:
                    yield return $"optie {o.Option.Name} is meer dan eens gegeven";
                    break;
                case CommandResult when ontbrekend.Concat(onbekend).Any(n => e.Message.Contains($"'{n}'", StringComparison.Ordinal)):
                    break;
                default:
                    yield return e.Message;
                    break;
            }
        }
    }

    /// <summary>
    /// An unknown <c>--option</c> in a command that takes paths is parsed as a path; it is still an unknown
    /// option (as a path it would be reported as a missing file, far from the typo).
    /// </summary>
    public static void WeigerOnbekendeOpties(Command opdracht)
    {
        if (opdracht.Arguments.Count > 0)
        {
            opdracht.Controle(r => r.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value).FirstOrDefault(IsOptie) is { } t
                ? $"onbekende optie {t}"
                : null);
        }
    }

    private static bool IsOptie(string token) => token.StartsWith("--", StringComparison.Ordinal) && token != "--";
}

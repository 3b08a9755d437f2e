using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Tests.Toewijzing;
using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Core.Werkdagen;

namespace Jeugdhulp.Core.Tests.Verblijf;

/// <summary>The shipped 24-hour rules (rules/flevoland/verblijf.json and the HK-24 deadlines) on a 2027 date.</summary>
internal static class VerblijfOmgeving
{
    public static readonly DateOnly Dag = new(2027, 3, 1);

    public static Regelset Op2027 { get; } = FlevolandRegels.Catalogus.OpDatum(Dag);

    public static Werkdagenkalender Kalender { get; } = new(FlevolandRegels.Catalogus.ExtraVrijeDagen);

    public static readonly Bsn Kind = Omgeving.Kind;

    public static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    public static Verblijfplaatsing Crisis(int dagen, Plaatsingsroute route = Plaatsingsroute.Crisis) =>
        new("0034", "CR-1", Kind, FlevolandRegels.P("46R01"), route, Dag, Dag.AddDays(dagen - 1));
}

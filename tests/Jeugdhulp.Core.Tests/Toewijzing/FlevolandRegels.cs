using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Toewijzing;

/// <summary>
/// The engine tests run on the shipped rule data (rules/flevoland). Lots of other contracts (KDC, BJGGZ)
/// have no product codes or participants in the seeds; the tests add the stand-in codes 41K01, 54B01 and
/// 43W01 (Behandeld wonen) and every municipality's participation as data, exactly as the region would
/// (HK-PER-4), so that §10 can be tested.
/// </summary>
internal static class FlevolandRegels
{
    public static readonly DateOnly Begin = new(2027, 1, 1);

    public static readonly Gemeentecode Almere = G("0034");
    public static readonly Gemeentecode Dronten = G("0303");
    public static readonly Gemeentecode Lelystad = G("0995");
    public static readonly Gemeentecode Noordoostpolder = G("0171");
    public static readonly Gemeentecode Urk = G("0184");
    public static readonly Gemeentecode Zeewolde = G("0050");

    public static Regelcatalogus Catalogus { get; } = Geleverd();

    public static ProductCode P(string code) => ProductCode.Parse(code).Waarde;

    public static Gemeentecode G(string code) => Gemeentecode.Parse(code).Waarde;

    private static Regelcatalogus Geleverd()
    {
        var geleverd = RegelLader.Laad(Jeugdhulp.Core.Tests.Regels.RegelData.Flevoland()).Waarde;
        var altijd = Periode.Vanaf(Begin);
        Deelname[] iedereen = [new(Almere, altijd, []), new(Dronten, altijd, []), new(Noordoostpolder, altijd, []), new(Urk, altijd, []), new(Lelystad, altijd, [])];
        return geleverd with
        {
            Percelen = [.. geleverd.Percelen.Select(p => p.Code is "KDC" or "BJGGZ" or "BEHWON" ? p with { Deelnames = iedereen } : p)],
            Producten =
            [
                .. geleverd.Producten,
                new(P("41K01"), "Kinderdagcentrum (testcode)", "41", "KDC", "01", "6", ProductSoort.Groep, [], null, null, false, null, null, null, null, altijd, null),
                new(P("54B01"), "Basis jeugd-GGZ (testcode)", "54", "BJGGZ", "01", "6", ProductSoort.Individueel, [], null, null, false, null, null, null, null, altijd, null),
                new(P("43W01"), "Behandeld wonen (testcode)", "43", "BEHWON", "14", "6", ProductSoort.Individueel, [], null, null, false, null, null, null, null, altijd, null),
            ],
        };
    }
}

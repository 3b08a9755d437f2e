namespace Jeugdhulp.Core.Toewijzing;

/// <summary>
/// The decisions on a request line the engine cannot assess because the message does not name what is asked:
/// a valid iJw message may carry an unknown product code or referrer type, and without a product there is no
/// contract to test against. Pure: the decision is a function of the reference alone.
/// </summary>
public static class OnvolledigVerzoek
{
    /// <summary>HK-315-5: a JW315 product request without a (known) product code or referrer type is rejected, reden 4.</summary>
    public static Besluit ZonderProduct(string referentie) =>
        Afgewezen(referentie, "HK-315-5", "geen-product");

    /// <summary>HK-317-3: a JW317 with a new product without a (valid) product code is rejected as a whole, reden 4.</summary>
    public static Besluit NieuwProductZonderCode(string referentie) =>
        Afgewezen(referentie, "HK-317-3", "nieuw-product-zonder-code");

    private static Besluit Afgewezen(string referentie, string regelId, string code)
    {
        ArgumentNullException.ThrowIfNull(referentie);
        const RedenAfwijzing reden = RedenAfwijzing.PastNietBinnenContract;
        Bevinding[] bevindingen = [new(regelId, Uitkomst.Afgewezen, reden, code, [])];
        return new Besluit(referentie, Uitkomst.Afgewezen, reden, null, bevindingen, [], [], [], "");
    }
}

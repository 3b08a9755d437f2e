using System.Xml;
using BenchmarkDotNet.Attributes;
using Jeugdhulp.Ijw.Berichten;
using Jeugdhulp.Ijw.Controles;
using Jeugdhulp.Ijw.Lezen;
using Jeugdhulp.Ijw.Schrijven;

namespace Jeugdhulp.Bench.Ijw;

/// <summary>
/// Reading and checking a typical JW315 against the floor: a bare <see cref="XmlReader"/> pass over the same
/// bytes with the same settings. The ratio to the baseline is what the schema checks, the mapping to records
/// and the level-2 rules cost on top of parsing.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class IjwBerichtBenchmarks
{
    private static readonly XmlReaderSettings Instellingen = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    private static readonly DateOnly Ontvangen = new(2027, 4, 10);

    private byte[] jw315 = [];
    private IjwBericht bericht = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var stroom = typeof(IjwBerichtBenchmarks).Assembly.GetManifestResourceStream("jw315.xml")!;
        using var kopie = new MemoryStream();
        stroom.CopyTo(kopie);
        jw315 = kopie.ToArray();
        bericht = IjwLezer.Lees(jw315).Waarde;
    }

    [Benchmark(Baseline = true, Description = "XmlReader-pass (vloer)")]
    public int XmlReaderPass()
    {
        using var stroom = new MemoryStream(jw315, writable: false);
        using var xr = XmlReader.Create(stroom, Instellingen);
        var n = 0;
        while (xr.Read())
        {
            if (xr.NodeType == XmlNodeType.Text)
            {
                n += xr.Value.Length;
            }
        }

        return n;
    }

    [Benchmark(Description = "JW315 lezen (schema + records)")]
    public IjwBericht Lezen() => IjwLezer.Lees(jw315).Waarde;

    [Benchmark(Description = "JW315 lezen en controleren (niveau 1 + 2)")]
    public int LezenEnControleren() => IjwValidatie.Valideer(jw315, Ontvangen).Fouten.Count;

    [Benchmark(Description = "JW315 schrijven")]
    public int Schrijven() => IjwSchrijver.Schrijf(bericht).Length;
}

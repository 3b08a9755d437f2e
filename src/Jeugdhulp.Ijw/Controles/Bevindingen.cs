using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Ijw.Controles;

/// <summary>Collects coded errors of the rule checks, each with the path of the element it is about.</summary>
internal sealed class Bevindingen
{
    public List<Fout> Fouten { get; } = [];

    public void Meld(string code, string melding, string pad) => Fouten.Add(new Fout(code, melding, pad));

    public static string Index(string pad, string naam, int i) => $"{pad}/{naam}[{i + 1}]";
}

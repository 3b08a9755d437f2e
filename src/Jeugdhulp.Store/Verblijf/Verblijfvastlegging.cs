using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Store.Verblijf;

/// <summary>What recording a 24-hour record came to.</summary>
/// <param name="Oordeel">Core's findings and deadlines on the record (null with <paramref name="Fout"/>).</param>
/// <param name="Geschreven">True when the record was written (false when refused by a rule or an error).</param>
/// <param name="Fout">A coded error (unknown reference, wrong municipality, already decided); nothing written.</param>
public sealed record Verblijfvastlegging(Verblijfoordeel? Oordeel, bool Geschreven, Fout? Fout)
{
    /// <summary>A coded error: nothing written.</summary>
    public static Verblijfvastlegging Mislukt(string code, string melding) => new(null, false, new Fout(code, melding));
}

namespace Jeugdhulp.Store.Import;

/// <summary>What an import changed.</summary>
/// <param name="Toegevoegd">Rows inserted.</param>
/// <param name="Bijgewerkt">Existing rows replaced by the file's version (residents: same BSN).</param>
/// <param name="Verwijderd">Rows removed because the file covers them and no longer lists them (contracts).</param>
public sealed record ImportVerslag(int Toegevoegd, int Bijgewerkt, int Verwijderd);

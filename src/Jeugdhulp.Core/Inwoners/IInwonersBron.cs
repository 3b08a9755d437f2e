using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Inwoners;

/// <summary>
/// Where the woonplaatsbeginsel check and the family and age rules look up residents. The default source
/// is the municipality's own register imported from CSV (<see cref="Inwonersregister"/>); a BRP link
/// could replace it.
/// </summary>
public interface IInwonersBron
{
    /// <summary>The resident with this BSN, or null when the source does not know them.</summary>
    Inwoner? Zoek(Bsn bsn);

    /// <summary>Every resident of the household, including the one asked about.</summary>
    IReadOnlyList<Inwoner> Huishouden(string huishouden);
}

using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Verwerking;

namespace Jeugdhulp.Web.Api;

/// <summary>
/// The JW323 pre-check (<c>jeugdhulp process --proef</c>): checks a declaration as the pipeline would and
/// reports what its JW325 would say, without storing or sending anything. The store's implementation is
/// built on another branch; until it is registered as this service, the endpoint answers 501.
/// </summary>
public interface IDeclaratieproef
{
    /// <summary>
    /// The report of the dry run for the JW323 in <paramref name="jw323"/> of provider <paramref name="aanbieder"/>
    /// (its Afzender is already checked) on processing date <paramref name="vandaag"/>; <c>outbox</c> stays empty.
    /// </summary>
    Bestandsverslag Proef(byte[] jw323, string aanbieder, DateOnly vandaag);
}

/// <summary>A provider's no-show report (HK-NS-1…4): facts only, never treatment content (HK-NS-4).</summary>
/// <param name="Aanbieder">The provider's AGB code (from the token, never from the body).</param>
/// <param name="Gemeente">The municipality of the allocation (CBS code).</param>
/// <param name="Toewijzingnummer">The allocation the appointment belonged to.</param>
/// <param name="Bsn">The client.</param>
/// <param name="Datum">The day of the missed appointment.</param>
public sealed record Noshowmelding(AgbCode Aanbieder, Gemeentecode Gemeente, long Toewijzingnummer, Bsn Bsn, DateOnly Datum);

/// <summary>What the registration did.</summary>
/// <param name="Id">The stored registration.</param>
/// <param name="Aantal">How many no-shows this client has on this allocation in the calendar year, this one included.</param>
/// <param name="Toelichting">Dutch: what follows (HK-NS-2 report and warning; HK-NS-3 pause and a decision within 3 weeks).</param>
public sealed record Noshowverslag(long Id, int Aantal, string Toelichting);

/// <summary>
/// No-show registration in the store. Built on another branch; until it is registered as this service, the
/// endpoint answers 501. A refusal (unknown allocation, not this provider's, a date in the future) is a
/// <see cref="Fout"/> with its code.
/// </summary>
public interface INoshowregistratie
{
    /// <summary>Stores <paramref name="melding"/>, or says why not.</summary>
    Resultaat<Noshowverslag> Registreer(Noshowmelding melding, DateOnly vandaag);
}

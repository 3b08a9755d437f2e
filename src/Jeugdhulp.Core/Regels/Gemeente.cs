using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Regels;

/// <summary>A municipality of the region with its contact addresses (HK spec §1).</summary>
/// <param name="Code">CBS code.</param>
/// <param name="Naam">Name.</param>
/// <param name="EmailToewijzingen">Address for allocations.</param>
/// <param name="EmailDeclaraties">Address for declarations and no-show reports (HK-NS-2).</param>
/// <param name="Geldigheid">When it belongs to the region.</param>
public sealed record Gemeente(
    Gemeentecode Code,
    string Naam,
    string EmailToewijzingen,
    string EmailDeclaraties,
    Periode Geldigheid);

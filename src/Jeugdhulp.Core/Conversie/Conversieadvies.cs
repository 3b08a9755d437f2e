using Jeugdhulp.Core.Regels;
using Jeugdhulp.Core.Toewijzing;
using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Conversie;

/// <summary>
/// One finding as data: the rule applied, a coded outcome and its parameters. The Dutch sentence is
/// rendered from these by the one findings text table (not here), so the plan, the CSV and the backoffice
/// all say the same.
/// </summary>
/// <param name="RegelId">HK rule id, e.g. <c>HK-CONV-2</c>.</param>
/// <param name="Uitkomst">Coded outcome, e.g. <c>boven-richtlijn</c>.</param>
/// <param name="Parameters">Named values the outcome refers to, in a fixed order.</param>
public sealed record Conversiebevinding(string RegelId, string Uitkomst, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    /// <summary>"HK-CONV-2 boven-richtlijn (urenPerWeek=6; maxUrenPerWeek=4)": the machine form, for CSV and logs.</summary>
    public override string ToString() =>
        Parameters.Count == 0 ? $"{RegelId} {Uitkomst}" : $"{RegelId} {Uitkomst} ({string.Join("; ", Parameters.Select(p => $"{p.Key}={p.Value}"))})";

    /// <summary>The Dutch sentence, from the one findings text table (<see cref="Teksten.Tekst.Bevinding"/>).</summary>
    public string Tekst => Teksten.Tekst.Bevinding(RegelId, Uitkomst, [.. Parameters.Select(p => new Teksten.Parameter(p.Key, p.Value))]);
}

/// <summary>HK-CONV-3: what a provider without a regional contract may do, in the seed's order.</summary>
public enum ContractloosOptie
{
    /// <summary>Finish the running care within the period.</summary>
    Afronden,

    /// <summary>Move the client to a contracted provider.</summary>
    Overstap,

    /// <summary>Work as a subcontractor of a contracted provider.</summary>
    Onderaanneming,

    /// <summary>Finish under a maatwerkovereenkomst.</summary>
    Maatwerkovereenkomst,
}

/// <summary>HK-CONV-3 signal: the provider has no regional contract for the new product after the transition.</summary>
/// <param name="Uiterlijk">The last day of the period the running care may be finished in.</param>
/// <param name="Opties">The options of HK-CONV-3.</param>
public sealed record Contractsignaal(DateOnly Uiterlijk, IReadOnlyList<ContractloosOptie> Opties);

/// <summary>
/// The plan for one running allocation: the route (HK-CONV-2) and, when it converts, the new allocation.
/// </summary>
/// <param name="Toewijzing">The running allocation.</param>
/// <param name="Route">The route; null when the allocation ends before the transition (nothing to convert).</param>
/// <param name="Overgangsdatum">The municipality's transition date (the new allocation's start).</param>
/// <param name="NieuwProduct">The regional product, when the mapping names one.</param>
/// <param name="Categorie">Its iJw category.</param>
/// <param name="NieuweEinddatum">The new allocation's end.</param>
/// <param name="NieuweOmvang">The volume in the new product's unit and frequency.</param>
/// <param name="Contractsignaal">HK-CONV-3, when the provider has no regional contract for the product.</param>
/// <param name="Bevindingen">Every check that decided the route, in order.</param>
public sealed record Conversieadvies(
    LopendeToewijzing Toewijzing,
    ConversieRoute? Route,
    DateOnly Overgangsdatum,
    ProductCode? NieuwProduct,
    string? Categorie,
    DateOnly? NieuweEinddatum,
    Omvang? NieuweOmvang,
    Contractsignaal? Contractsignaal,
    IReadOnlyList<Conversiebevinding> Bevindingen)
{
    /// <summary>
    /// True when the run converts it without a person: administrative route and a contracted provider. The
    /// others become work for staff (lichte toets, herindicatie, HK-CONV-3).
    /// </summary>
    public bool IsAdministratief => Route == ConversieRoute.Administratief && Contractsignaal is null && NieuwProduct is not null;

    /// <summary>True when a person must act: lichte toets, herindicatie or a provider without contract.</summary>
    public bool WachtOpMens => Route is not null && !IsAdministratief;
}

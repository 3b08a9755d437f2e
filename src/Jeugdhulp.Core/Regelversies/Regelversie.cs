namespace Jeugdhulp.Core.Regelversies;

/// <summary>
/// One new version of one rule item, drafted in the backoffice (issue 20, item 3): the item's JSON as it would
/// stand in its file's list, valid from <see cref="GeldigVanaf"/>. A draft until a second person publishes it;
/// never changed or deleted after that, so every version, author and publication stays readable.
/// </summary>
/// <param name="Id">Store id; the highest published id is part of the rule-set version label.</param>
/// <param name="Soort">Item kind code (<see cref="Regelsoort.Code"/>), e.g. <c>product</c>.</param>
/// <param name="Sleutel">The item's key within its list: product code, lot code, deadline id, the stacking pair, <c>beleid</c>.</param>
/// <param name="Inhoud">The item's JSON object, as the policy user wrote it.</param>
/// <param name="GeldigVanaf">First day the version is in force.</param>
/// <param name="Auteur">Account that drafted it.</param>
/// <param name="Aangemaakt">When it was drafted.</param>
public sealed record Regelversie(long Id, string Soort, string Sleutel, string Inhoud, DateOnly GeldigVanaf, string Auteur, DateTimeOffset Aangemaakt)
{
    /// <summary>Why the policy user drafted it (free text), or null.</summary>
    public string? Toelichting { get; init; }

    /// <summary>Account that published it; null while a draft.</summary>
    public string? GepubliceerdDoor { get; init; }

    /// <summary>When it was published; null while a draft.</summary>
    public DateTimeOffset? GepubliceerdOp { get; init; }

    /// <summary>True once published.</summary>
    public bool IsGepubliceerd => GepubliceerdOp is not null;
}

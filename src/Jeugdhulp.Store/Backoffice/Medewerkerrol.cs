namespace Jeugdhulp.Store.Backoffice;

/// <summary>
/// What a staff account may do in the backoffice (docs/SECURITY.md, "Roles"): stored as its code in
/// <c>medewerkers.rol</c>; which pages each role opens is the web app's (<c>BackofficeWebapp.Rollen</c>).
/// </summary>
public enum Medewerkerrol
{
    /// <summary>Handles requests, clients' dossiers, deadlines and declarations.</summary>
    Medewerker,

    /// <summary>As <see cref="Medewerker"/>, and gives work to colleagues.</summary>
    Teamleider,

    /// <summary>The privacy officer: reads the audit log (who looked at which client), no dossiers.</summary>
    Privacy,

    /// <summary>The region's policy team: rules, rule drafts and what-if, figures without client data.</summary>
    Beleid,
}

/// <summary>The role codes as stored and typed on the command line (<c>account --rol</c>).</summary>
public static class Medewerkerrollen
{
    public static IReadOnlyList<Medewerkerrol> Alle { get; } = Enum.GetValues<Medewerkerrol>();

    public static string Code(this Medewerkerrol rol) => rol switch
    {
        Medewerkerrol.Medewerker => "medewerker",
        Medewerkerrol.Teamleider => "teamleider",
        Medewerkerrol.Privacy => "privacy",
        Medewerkerrol.Beleid => "beleid",
        _ => throw new ArgumentOutOfRangeException(nameof(rol), rol, null),
    };

    /// <summary>The role with this code (exact, lower case), or null.</summary>
    public static Medewerkerrol? Lees(string? code) =>
        Alle.Select(r => (Medewerkerrol?)r).FirstOrDefault(r => r!.Value.Code() == code);
}

using Jeugdhulp.Store.Backoffice;
using Microsoft.AspNetCore.Authorization;

namespace Jeugdhulp.Web.Schermen;

public static partial class BackofficeWebapp
{
    /// <summary>
    /// The authorization policies of the backoffice pages, one per kind of work (docs/SECURITY.md, "Roles";
    /// /work ROLES.md for helpers): restrict a mapped page with <c>.RequireAuthorization(Rollen.Privacy)</c>.
    /// Each policy names the roles (<see cref="Medewerkerrol"/>) that may open it; the menu shows an entry
    /// only to those roles (<see cref="Mag"/>), so menu and endpoints cannot disagree. A signed-in account
    /// without the role gets 403 with a Dutch page (<c>Geweigerd</c>), never a redirect.
    /// </summary>
    public static class Rollen
    {
        /// <summary>Client work: werkvoorraad, cliënten and dossiers, termijnen, declaraties (medewerker, teamleider).</summary>
        public const string Medewerker = "rol:medewerker";

        /// <summary>Giving work to colleagues (teamleider).</summary>
        public const string Teamleider = "rol:teamleider";

        /// <summary>The audit view: who looked at which client when (privacy).</summary>
        public const string Privacy = "rol:privacy";

        /// <summary>Rule drafts and what-if (beleid).</summary>
        public const string Beleid = "rol:beleid";

        /// <summary>Figures without client data: overzicht, grafieken (medewerker, teamleider, beleid).</summary>
        public const string Cijfers = "rol:cijfers";

        /// <summary>Any signed-in staff member, whatever the role: the published rules (Regels), logging out.</summary>
        public const string Iedereen = BackofficeWebapp.Beleid;

        private static readonly Dictionary<string, Medewerkerrol[]> Toegestaan = new(StringComparer.Ordinal)
        {
            [Medewerker] = [Medewerkerrol.Medewerker, Medewerkerrol.Teamleider],
            [Teamleider] = [Medewerkerrol.Teamleider],
            [Privacy] = [Medewerkerrol.Privacy],
            [Beleid] = [Medewerkerrol.Beleid],
            [Cijfers] = [Medewerkerrol.Medewerker, Medewerkerrol.Teamleider, Medewerkerrol.Beleid],
            [Iedereen] = [.. Medewerkerrollen.Alle],
        };

        /// <summary>Whether <paramref name="rol"/> may open a page under <paramref name="beleid"/> (one of the constants above).</summary>
        public static bool Mag(Medewerkerrol rol, string beleid) =>
            Toegestaan.TryGetValue(beleid, out var rollen)
                ? rollen.Contains(rol)
                : throw new ArgumentException($"Onbekend autorisatiebeleid '{beleid}': gebruik een constante van BackofficeWebapp.Rollen.", nameof(beleid));

        /// <summary>Where a role lands after logging in (and on "/"): its first page.</summary>
        public static string Startpagina(Medewerkerrol rol) => rol switch
        {
            Medewerkerrol.Privacy => "/audit",
            Medewerkerrol.Beleid => "/regels",
            _ => "/werkvoorraad",
        };

        internal static void Registreer(AuthorizationOptions o)
        {
            foreach (var (naam, rollen) in Toegestaan)
            {
                o.AddPolicy(naam, p => p.AddAuthenticationSchemes(Schema).RequireAuthenticatedUser()
                    .RequireClaim(Inloggen.GemeenteClaim)
                    .RequireClaim(Inloggen.RolClaim, rollen.Select(r => r.Code())));
            }
        }
    }
}

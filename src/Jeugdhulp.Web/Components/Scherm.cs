using Jeugdhulp.Store.Backoffice;
using Jeugdhulp.Web.Components.Pages.Fouten;
using Jeugdhulp.Web.Schermen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Components;

namespace Jeugdhulp.Web.Components;

/// <summary>
/// A page as the answer of a minimal endpoint: the component rendered on the server (static SSR, no
/// circuit, no script), with the status code the endpoint chose. The endpoints keep routing, authorization,
/// form reading and antiforgery; the components only show.
/// </summary>
public static class Scherm
{
    public static IResult Toon<T>(object? parameters = null, int status = StatusCodes.Status200OK)
        where T : IComponent =>
        new RazorComponentResult<T>(parameters ?? new { }) { StatusCode = status };

    /// <summary>403 for a role that may not open the page (or do the action), with a link to its own start page.</summary>
    public static IResult Geweigerd(Medewerkerrol rol) =>
        Toon<Geweigerd>(new { Rol = rol, Start = BackofficeWebapp.Rollen.Startpagina(rol) }, StatusCodes.Status403Forbidden);

    public static IResult NietGevonden(string wat) =>
        Toon<NietGevonden>(new { Wat = wat }, StatusCodes.Status404NotFound);
}

using Jeugdhulp.Store;
using Jeugdhulp.Store.Contracten;
using Jeugdhulp.Web.Components;
using Jeugdhulp.Web.Components.Pages.Audit;
using Jeugdhulp.Web.Components.Pages.Conversie;
using Jeugdhulp.Web.Components.Pages.Declaraties;
using Jeugdhulp.Web.Components.Pages.Dossier;
using Jeugdhulp.Web.Components.Pages.Grafieken;
using Jeugdhulp.Web.Components.Pages.Regels;
using Jeugdhulp.Web.Components.Pages.Termijnen;
using Jeugdhulp.Web.Components.Pages.Toekenning;
using Jeugdhulp.Web.Components.Pages.Verblijf;
using Jeugdhulp.Web.Components.Pages.Werkvoorraad;
using Jeugdhulp.Web.Export;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jeugdhulp.Web.Schermen;

/// <summary>
/// The backoffice web app for municipal staff: server-rendered Dutch pages behind a cookie login. Wired
/// into the host by one line each in <see cref="Webapp"/>'s services and pipeline.
/// </summary>
public static partial class BackofficeWebapp
{
    /// <summary>The cookie scheme of staff logins (the APIs use their own bearer scheme).</summary>
    public const string Schema = "Medewerker";

    /// <summary>The authorization policy of every backoffice page: any signed-in staff member (see <see cref="Rollen"/> for the roles).</summary>
    public const string Beleid = "Medewerker";

    /// <summary>The form field of the antiforgery token (rendered by <c>&lt;AntiforgeryToken /&gt;</c>).</summary>
    public const string FormulierVeld = "__formulier";

    /// <summary>The data protection key ring's folder in the data folder.</summary>
    public const string Sleutelmap = "sleutels";

    public static IServiceCollection AddBackofficeWebapp(this IServiceCollection services)
    {
        // The login throttle counts real time, also when the processing date is fixed with --today.
        services.AddSingleton(new Inlogremming(TimeProvider.System));
        services.AddInlogbegrenzing();
        services.AddSingleton(new Hashslot(Hashslot.Gelijktijdig, Hashslot.Wachtrij));
        services.AddSingleton<Components.Pages.Termijnen.Termijnverversing>();
        services.AddHostedService(sp => sp.GetRequiredService<Components.Pages.Termijnen.Termijnverversing>());

        // Cookie, antiforgery and device-cookie keys survive a restart: the key ring lives in the data folder,
        // in a folder only the service's user can read (the keys sign and encrypt every login cookie). See
        // docs/SECURITY.md for protecting it with a certificate as well.
        services.AddDataProtection().SetApplicationName("Jeugdhulp");
        services.AddOptions<KeyManagementOptions>().Configure<Backoffice, ILoggerFactory>((o, backoffice, logger) => o.XmlRepository =
            new FileSystemXmlRepository(PriveBestanden.MaakMap(Path.Combine(backoffice.Opties.Data, Sleutelmap)), logger));
        services.AddAuthentication().AddCookie(Schema, o =>
        {
            o.Cookie.Name = "jeugdhulp-medewerker";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/inloggen";
            o.LogoutPath = "/uitloggen";
            o.ReturnUrlParameter = "terug";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents { OnValidatePrincipal = Inloggen.ControleerAccount, OnRedirectToAccessDenied = Inloggen.Geweigerd };
        });
        services.AddAuthorization(Rollen.Registreer);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "jeugdhulp-formulier";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = FormulierVeld;
            o.HeaderName = null;
            o.SuppressXFrameOptionsHeader = true;
        });
        // Pages are Razor components rendered on the server (static SSR, as RazorComponentResult of the minimal
        // endpoints below): no circuit, no WebAssembly, no script, so the strict CSP stays as it was.
        services.AddRazorComponents();
        return services;
    }

    /// <summary>Security headers on every response, then the backoffice pages.</summary>
    public static IApplicationBuilder UseBackofficeWebapp(this IApplicationBuilder app)
    {
        app.Use((ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                Beveiligingskoppen.Zet(ctx);
                return Task.CompletedTask;
            });
            return next(ctx);
        });
        app.UseInlogbegrenzing();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = Statisch.Bestanden });
        return app.UseEndpoints(MapBackoffice);
    }

    private static void MapBackoffice(IEndpointRouteBuilder e)
    {
        e.MapGet("/inloggen", Inloggen.Formulier);
        e.MapPost("/inloggen", Inloggen.Verwerk);
        // Signed in via the cookie scheme: there is no default scheme (the APIs use bearer tokens), and the
        // form token is bound to the signed-in user, so logging out must authenticate the cookie first.
        e.MapPost("/uitloggen", (Delegate)Inloggen.Uitloggen).RequireAuthorization(Beleid);

        var pagina = e.MapGroup("").RequireAuthorization(Rollen.Medewerker);
        e.MapGet("/", (HttpContext ctx) => Results.Redirect(Rollen.Startpagina(ctx.Medewerker().Rol))).RequireAuthorization(Rollen.Iedereen);
        pagina.MapGet("/werkvoorraad", WerkvoorraadEindpunten.Lijst);
        pagina.MapPost("/werkvoorraad/zoeken", WerkvoorraadEindpunten.Zoek);
        pagina.MapGet("/werkvoorraad/{id:long}", WerkvoorraadEindpunten.Item);
        pagina.MapPost("/werkvoorraad/{id:long}/behandelaar", WerkvoorraadEindpunten.Behandelaar);
        pagina.MapPost("/werkvoorraad/{id:long}", WerkvoorraadEindpunten.Besluit);
        Components.Pages.Besluiten.BesluitenEindpunten.Map(pagina);
        pagina.MapGet("/clienten", DossierEindpunten.Lijst);
        pagina.MapPost("/clienten", DossierEindpunten.Zoek);
        pagina.MapGet("/dossier/{sleutel}", DossierEindpunten.Dossier);
        pagina.MapGet("/termijnen", TermijnenEindpunten.Toon);
        pagina.MapGet("/termijnen/export.{formaat}", TermijnenEindpunten.Exporteer);
        pagina.MapGet("/werkvoorraad/export.{formaat}", LijstExports.Werkvoorraad);
        pagina.MapGet("/declaraties/export.{formaat}", LijstExports.Declaraties);
        pagina.MapGet("/clienten/export.{formaat}", LijstExports.Clienten);
        pagina.MapGet("/declaraties", DeclaratiesEindpunten.Toon);
        e.MapGet("/regels", RegelsEindpunt).RequireAuthorization(Rollen.Iedereen);
        e.MapGet("/grafieken", GrafiekenEindpunten.Toon).RequireAuthorization(Rollen.Cijfers);
        e.MapGet("/overzicht", Components.Pages.Overzicht.OverzichtEindpunten.Toon).RequireAuthorization(Rollen.Cijfers);
        e.MapGet("/overzicht/export.{formaat}", Components.Pages.Overzicht.OverzichtEindpunten.Exporteer).RequireAuthorization(Rollen.Cijfers);
        e.MapGet("/audit", AuditEindpunten.Toon).RequireAuthorization(Rollen.Privacy);
        e.MapPost("/audit/zoeken", AuditEindpunten.Zoek).RequireAuthorization(Rollen.Privacy);
        Components.Pages.Regelwijzigingen.RegelwijzigingenEindpunten.Map(e);
        ToekenningEindpunten.Map(pagina);
        VerblijfEindpunten.Map(pagina);
        pagina.MapGet("/conversie", ConversieEindpunten.Overzicht);
        pagina.MapGet("/conversie/plan.{formaat}", ConversieEindpunten.Download);
        pagina.MapGet("/conversie/{nummer:long}", ConversieEindpunten.Item);
        pagina.MapPost("/conversie/{nummer:long}", ConversieEindpunten.Afhandelen);
    }

    private static IResult RegelsEindpunt(HttpContext ctx, Backoffice b, string? datum)
    {
        var m = ctx.Medewerker();
        var fout = datum is not null && !DateOnly.TryParseExact(datum, "yyyy-MM-dd", out _);
        var dag = !fout && datum is not null ? DateOnly.ParseExact(datum, "yyyy-MM-dd") : b.Vandaag;
        return Scherm.Toon<Regelspagina>(new
        {
            Dag = dag,
            Gemeente = m.Gemeente,
            Contracten = (IReadOnlyList<Jeugdhulp.Core.Contracten.Contract>)[.. b.Store.Contracten(m.Gemeente).Where(c => c.Geldigheid.Bevat(dag))],
            OngeldigeDatum = fout ? datum : null,
        });
    }

    /// <summary>Validates the form's antiforgery token; false (and nothing read) when it is missing or wrong.</summary>
    internal static async Task<IFormCollection?> LeesFormulier(HttpContext ctx)
    {
        var af = ctx.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await af.ValidateRequestAsync(ctx);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }

        return await ctx.Request.ReadFormAsync();
    }
}

/// <summary>Headers that keep the pages out of frames, stop type sniffing and allow only our own stylesheet.</summary>
internal static class Beveiligingskoppen
{
    public const string Csp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void Zet(HttpContext ctx)
    {
        var h = ctx.Response.Headers;
        h.ContentSecurityPolicy = Csp;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (ctx.Request.IsHttps)
        {
            h.StrictTransportSecurity = "max-age=31536000";
        }

        // Pages with client data must not stay in shared caches or the browser's back-forward cache.
        if (ctx.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
        {
            h.CacheControl = "no-store";
        }
    }
}

using Jeugdhulp.Core.Verblijf;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Verblijf;
using Jeugdhulp.Web.Api;

namespace Jeugdhulp.Web.Components.Pages.Verblijf;

/// <summary>The overview's filters (kept in the URL, so a filtered list can be bookmarked).</summary>
/// <param name="Soort">alle, plaatsingen, consulten, meerzorg, moederkind or escalaties.</param>
/// <param name="AlleenOpen">Only what still asks something: an open deadline, no outcome or decision yet, a stay not ended.</param>
/// <param name="Route">A placement route word (empty: every route).</param>
/// <param name="Zoek">Part of a reference (empty: all).</param>
public sealed record Verblijffilter(string Soort, bool AlleenOpen, string Route, string Zoek)
{
    public bool Toont(string soort) => Soort == "alle" || Soort == soort;

    public bool Past(string referentie) => Zoek.Length == 0 || referentie.Contains(Zoek, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The records the overview shows after the filters.</summary>
public sealed record Verblijflijst(
    IReadOnlyList<Verblijfplaatsing> Plaatsingen,
    IReadOnlyList<VastgelegdConsult> Consulten,
    IReadOnlyList<VastgelegdeMeerzorg> Meerzorg,
    IReadOnlyList<MoederKindgebruik> MoederKind,
    IReadOnlyList<VastgelegdeEscalatie> Escalaties)
{
    /// <summary>The youths shown (for the audit log).</summary>
    public IReadOnlyList<Bsn> Clienten =>
        [.. Plaatsingen.Select(p => p.Client).Concat(Meerzorg.Select(m => m.Aanvraag.Client)).Concat(MoederKind.Select(k => k.Kind)).Distinct()];

    public static Verblijflijst Maak(Verblijfbeeld beeld, Verblijffilter f)
    {
        ArgumentNullException.ThrowIfNull(beeld);
        ArgumentNullException.ThrowIfNull(f);
        var d = beeld.Dossier;
        var vandaag = beeld.Vandaag;
        var route = VerblijfApi.Kies(VerblijfApi.Routes, f.Route);
        return new(
            f.Toont("plaatsingen")
                ? [.. d.Plaatsingen.Where(p => f.Past(p.Referentie) && (route is null || p.Route == route)
                    && (!f.AlleenOpen || beeld.VanPlaatsing(p.Referentie).Count > 0 || p.Einde is null || p.Einde >= vandaag))]
                : [],
            f.Toont("consulten") && route is null ? [.. d.Consulten.Where(c => f.Past(c.Aanvraag.Referentie) && (!f.AlleenOpen || c.Uitkomst is null))] : [],
            f.Toont("meerzorg") && route is null
                ? [.. d.Meerzorg.Where(m => f.Past(m.Aanvraag.Referentie) && (!f.AlleenOpen || m.Besluit is null || beeld.VanMeerzorg(m.Aanvraag.Referentie).Count > 0))]
                : [],
            f.Toont("moederkind") && route is null
                ? [.. d.MoederKind.Where(k => f.Past(k.Referentie) && (!f.AlleenOpen || beeld.VanMoederKind(k.Referentie).Count > 0 || k.Tot >= vandaag))]
                : [],
            f.Toont("escalaties")
                ? [.. d.Escalaties.Where(e => f.Past(e.Referentie) && (!f.AlleenOpen || e.Besloten is null)
                    && (route is null || d.Plaatsingen.Any(p => p.Referentie == e.Referentie && p.Route == route)))]
                : []);
    }
}

using Jeugdhulp.Core.NoShow;
using Jeugdhulp.Core.Waarden;
using Jeugdhulp.Store.Clienten;
using Jeugdhulp.Store.NoShow;
using Jeugdhulp.Web.Components.Pages.Dossier;
using Jeugdhulp.Web.Tests.Infrastructuur;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Jeugdhulp.Web.Tests.Schermen;

/// <summary>The client dossier's timeline.</summary>
public sealed class DossierPaginaTests : IDisposable
{
    /// <summary>The client of DEMO-0001, approved in Noordoostpolder.</summary>
    private const string Client = "100002183";

    // Processed a few weeks after the demo date, so the allocation (from 2027-03-08) has begun.
    private readonly Webfabriek fabriek = new(new DateOnly(2027, 3, 22));

    public DossierPaginaTests() => Demodata.Laad(fabriek.Backoffice);

    public void Dispose() => fabriek.Dispose();

    [Fact]
    public async Task Een_geregistreerde_noshow_staat_in_de_tijdlijn_van_het_dossier()
    {
        var store = fabriek.Backoffice.Store;
        var bsn = Bsn.Parse(Client).Waarde;
        var t = Assert.Single(store.LeesClientoverzicht(Gemeentecode.Parse(Demodata.Nop).Waarde, bsn)!.Toewijzingen);
        var melding = new NoShowMelding(AgbCode.Parse(t.Aanbieder).Waarde, bsn, checked((int)t.Nummer), t.Ingangsdatum);
        var registratie = store.RegistreerNoShow(melding, null, fabriek.Backoffice.Regels, fabriek.Backoffice.Vandaag);
        Assert.True(registratie.IsGeldig, string.Join("; ", registratie.Fouten));

        using var nop = await Sessie.Ingelogd(fabriek, "nop");
        var html = await nop.Tekst("/dossier/" + DossierEindpunten.Sleutel(fabriek.Services.GetRequiredService<IDataProtectionProvider>(), bsn));

        Assert.Contains($"1e no-show dit jaar bij toewijzing {t.Nummer}", html, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using Jeugdhulp.Core.Waarden;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Jeugdhulp.Web.Tests.Api.ApiOmgeving;

namespace Jeugdhulp.Web.Tests.Api;

public sealed class DeclaratieApiTests
{
    private static readonly object Melding = new { gemeente = Noordoostpolder, toewijzingnummer = 1, bsn = "100002183", datum = "2027-03-02" };

    [Fact]
    public async Task De_proefcontrole_zegt_501_met_reden_zolang_zij_niet_is_gekoppeld()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Aanbieder();

        var detail = await Probleem(await client.PostAsync(Pad("/api/declaraties/proef"), Xml(Demobericht("001"))), HttpStatusCode.NotImplemented);

        Assert.Contains("nog niet", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task De_proefcontrole_weigert_een_bericht_van_een_andere_aanbieder()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Aanbieder(AanbiederB);

        await Probleem(await client.PostAsync(Pad("/api/declaraties/proef"), Xml(Demobericht("001"))), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Een_noshow_zegt_501_zolang_de_registratie_niet_is_gekoppeld()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Aanbieder();

        var detail = await Probleem(await client.PostAsJsonAsync(Pad("/api/noshows"), Melding), HttpStatusCode.NotImplemented);

        Assert.Contains("niets vastgelegd", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Een_onvolledige_noshow_is_400()
    {
        using var omgeving = new ApiOmgeving();
        using var client = omgeving.Aanbieder();

        var detail = await Probleem(await client.PostAsJsonAsync(Pad("/api/noshows"), new { gemeente = "abc", bsn = "123" }), HttpStatusCode.BadRequest);

        Assert.Contains("'gemeente'", detail, StringComparison.Ordinal);
        Assert.Contains("'datum'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gekoppeld_krijgt_de_registratie_de_AGB_van_het_token_en_antwoordt_201()
    {
        var registratie = new OpgenomenRegistratie();
        using var omgeving = new ApiOmgeving();
        using var fabriek = omgeving.Fabriek.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<Web.Api.INoshowregistratie>(registratie)));
        using var client = fabriek.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", omgeving.Token(Store.Toegang.Tokensoort.Aanbieder, AanbiederA));

        var antwoord = await client.PostAsJsonAsync(Pad("/api/noshows"), Melding);

        Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
        var melding = Assert.Single(registratie.Meldingen);
        Assert.Equal(AanbiederA, melding.Aanbieder.Waarde);
        Assert.Equal(1, melding.Toewijzingnummer);
        Assert.Equal(2, (await Json(antwoord)).GetProperty("aantal").GetInt32());
    }

    private sealed class OpgenomenRegistratie : Web.Api.INoshowregistratie
    {
        public List<Web.Api.Noshowmelding> Meldingen { get; } = [];

        public Resultaat<Web.Api.Noshowverslag> Registreer(Web.Api.Noshowmelding melding, DateOnly vandaag)
        {
            Meldingen.Add(melding);
            return Resultaat<Web.Api.Noshowverslag>.Ok(new Web.Api.Noshowverslag(7, 2, "Tweede no-show dit jaar (HK-NS-2)."));
        }
    }
}

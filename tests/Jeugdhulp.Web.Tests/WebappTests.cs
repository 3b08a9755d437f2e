using Jeugdhulp.Web.Tests.Infrastructuur;

namespace Jeugdhulp.Web.Tests;

public sealed class WebappTests
{
    [Fact]
    public async Task Gezondheid_antwoordt_ok_op_de_echte_host()
    {
        using var fabriek = new Webfabriek();
        using var client = fabriek.CreateClient();
        var antwoord = await client.GetAsync(new Uri("/gezondheid", UriKind.Relative));
        Assert.True(antwoord.IsSuccessStatusCode);
        Assert.Equal("ok", await antwoord.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Onbekend_pad_geeft_404()
    {
        using var fabriek = new Webfabriek();
        using var client = fabriek.CreateClient();
        var antwoord = await client.GetAsync(new Uri("/bestaat-niet", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, antwoord.StatusCode);
    }
}

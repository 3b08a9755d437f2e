using Jeugdhulp.Core.Waarden;

namespace Jeugdhulp.Core.Tests.Waarden;

public class BsnTests
{
    [Theory]
    [InlineData("100002183")]
    [InlineData("100002195")]
    [InlineData("111222333")]
    public void Geldig_bsn_volgens_elfproef_wordt_geaccepteerd(string tekst)
    {
        var bsn = Bsn.Parse(tekst);
        Assert.True(bsn.IsGeldig);
        Assert.Equal(tekst, bsn.Waarde.Waarde);
    }

    [Theory]
    [InlineData("100002184")]
    [InlineData("123456789")]
    [InlineData("000000000")]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("10000218a")]
    [InlineData("")]
    [InlineData(null)]
    public void Ongeldig_bsn_geeft_CS002(string? tekst)
    {
        var bsn = Bsn.Parse(tekst);
        Assert.False(bsn.IsGeldig);
        Assert.Equal("CS002", Assert.Single(bsn.Fouten).Code);
    }

    [Fact]
    public void ToString_maskeert_het_bsn()
    {
        var bsn = Bsn.Parse("100002183").Waarde;
        Assert.Equal("******183", bsn.ToString());
        Assert.DoesNotContain("100002", $"{bsn}", StringComparison.Ordinal);
    }
}

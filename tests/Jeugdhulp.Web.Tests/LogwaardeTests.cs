namespace Jeugdhulp.Web.Tests;

/// <summary>What a user-typed value looks like in the log: no BSN in any spelling, no control characters.</summary>
public sealed class LogwaardeTests
{
    [Theory]
    [InlineData("100003023", "*********")]
    [InlineData("bsn 100003023!", "bsn *********!")]
    [InlineData("100.003.023", "***.***.***")]
    [InlineData("100 00 30 23", "*** ** ** **")]
    [InlineData("1000-03023", "****-*****")]
    [InlineData("1 0 0 0 0 3 0 2 3", "* * * * * * * * *")]
    [InlineData("100\u2009003\u00a0023", "***\u2009***\u00a0***")]
    [InlineData("nop\nWarning Jeugdhulp: vervalst", "nopWarning Jeugdhulp: vervalst")]
    [InlineData("nop\r\u2028\u0085\u001b[31m", "nop[31m")]
    [InlineData("a.jansen", "a.jansen")]
    [InlineData("team2", "team2")]
    public void Cijfergroepen_worden_gemaskeerd_hoe_ook_gescheiden_en_stuurtekens_verdwijnen(string getypt, string gelogd) =>
        Assert.Equal(gelogd, Logwaarde.Schoon(getypt));

    [Fact]
    public void Een_lange_waarde_wordt_afgekapt() => Assert.Equal(new string('a', 100) + "…", Logwaarde.Schoon(new string('a', 500)));

    [Fact]
    public void Null_wordt_een_lege_tekst() => Assert.Equal("", Logwaarde.Schoon(null));
}

using Jeugdhulp.Web.Schermen;

namespace Jeugdhulp.Web.Tests.Schermen;

public sealed class HtmlTests
{
    [Fact]
    public void Tekst_in_een_gat_wordt_gecodeerd()
    {
        var kwaad = "<script>alert('x')</script>\"";
        Assert.Equal("<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&quot;</p>", Html.H($"<p>{kwaad}</p>").Waarde);
    }

    [Fact]
    public void Html_en_lijsten_van_html_worden_niet_nogmaals_gecodeerd()
    {
        var cel = Html.H($"<td>{"a&b"}</td>");
        List<Html> lijst = [cel, cel];
        IEnumerable<Html> reeks = lijst;
        Assert.Equal("<tr><td>a&amp;b</td></tr>", Html.H($"<tr>{cel}</tr>").Waarde);
        Assert.Equal("<tr><td>a&amp;b</td><td>a&amp;b</td></tr>", Html.H($"<tr>{lijst}</tr>").Waarde);
        Assert.Equal("<tr><td>a&amp;b</td><td>a&amp;b</td></tr>", Html.H($"<tr>{reeks}</tr>").Waarde);
    }

    [Fact]
    public void Datums_staan_in_Nederlandse_volgorde_en_letters_blijven_leesbaar()
    {
        Assert.Equal("<p>05-03-2027 cliënt</p>", Html.H($"<p>{new DateOnly(2027, 3, 5)} {"cliënt"}</p>").Waarde);
    }
}

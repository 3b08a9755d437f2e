using Jeugdhulp.Core.Toewijzing;

namespace Jeugdhulp.Core.Tests.Toewijzing;

public class VerwijsdatumTests
{
    [Theory]
    [InlineData("verwijsdatum 2026-01-15", "2026-01-15")]
    [InlineData("Intake gepland. Verwijsdatum: 2026-01-15, huisarts", "2026-01-15")]
    [InlineData("VERWIJSDATUM=2026-01-15", "2026-01-15")]
    [InlineData(null, null)]
    [InlineData("geen datum", null)]
    public void De_verwijsdatum_komt_uit_het_commentaar_volgens_de_regionale_afspraak(string? commentaar, string? verwacht)
    {
        var r = Verwijsdatum.UitCommentaar(commentaar);

        Assert.True(r.IsGeldig);
        Assert.Equal(verwacht is null ? null : DateOnly.ParseExact(verwacht, "yyyy-MM-dd"), r.Waarde);
    }

    [Theory]
    [InlineData("verwijsdatum 15-01-2026")]
    [InlineData("verwijsdatum 2026-02-30")]
    [InlineData("verwijsdatum onbekend")]
    public void Een_verwijsdatum_zonder_leesbare_datum_is_een_fout_geen_stilte(string commentaar)
    {
        var r = Verwijsdatum.UitCommentaar(commentaar);

        Assert.False(r.IsGeldig);
        Assert.Equal(Verwijsdatum.Onleesbaar, Assert.Single(r.Fouten).Code);
    }
}

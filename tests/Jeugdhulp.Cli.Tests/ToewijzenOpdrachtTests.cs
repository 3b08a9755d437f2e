namespace Jeugdhulp.Cli.Tests;

/// <summary>
/// <c>jeugdhulp toewijzen</c> end to end on a real store: the scenarios run on SQLite and, with
/// <c>JEUGDHULP_TEST_PG</c>, on PostgreSQL (<see cref="ToewijzenOpdrachtPostgresTests"/>).
/// </summary>
public abstract class ToewijzenOpdrachtScenario : IDisposable
{
    private protected Pijplijn P { get; } = new();

    /// <summary>Extra arguments choosing the database (none: SQLite in the data folder).</summary>
    protected abstract string[] Db { get; }

    public virtual void Dispose()
    {
        P.Dispose();
        GC.SuppressFinalize(this);
    }

    private (int Code, string Uit, string Fout) Toewijzen(string csv) =>
        Pijplijn.Run(["toewijzen", csv, "--data", P.Data, "--today", "2027-03-02", "--medewerker", "test", .. Db]);

    private void Demo()
    {
        Assert.Equal(0, Pijplijn.Run(["import", "contracten", Pijplijn.Demo("contracten.csv"), "--data", P.Data, .. Db]).Code);
        Assert.Equal(0, Pijplijn.Run(["import", "inwoners", Pijplijn.Demo("inwoners.csv"), "--data", P.Data, .. Db]).Code);
    }

    protected void Het_demobestand_schrijft_de_goede_regels_noemt_de_geweigerde_en_een_herhaling_maakt_niets_dubbel()
    {
        Demo();

        var eerste = Toewijzen(Pijplijn.Demo("toewijzingen.csv"));
        var bestanden = P.OutboxBestanden();
        var tweede = Toewijzen(Pijplijn.Demo("toewijzingen.csv"));

        Assert.Equal(1, eerste.Code);
        Assert.Contains("5 toegekend, 0 al eerder vastgelegd, 1 geweigerd", eerste.Uit, StringComparison.Ordinal);
        Assert.Contains("toewijzingen.csv: regel 7, kolom aanbieder: HK-301-4:", eerste.Fout, StringComparison.Ordinal);
        Assert.Contains("regel 6: vastgelegd zonder berichten (geen BSN, HK-ROUTE-4: volg het landelijk protocol)", eerste.Uit, StringComparison.Ordinal);
        Assert.Equal(5, bestanden.Length); // 4 clients + the family dummy; none for the anonymous line or the refused one
        P.OutboxIsXsdGeldig();
        Assert.Contains("0 toegekend, 5 al eerder vastgelegd, 1 geweigerd", tweede.Uit, StringComparison.Ordinal);
        Assert.Equal(bestanden, P.OutboxBestanden());
    }

    protected void Een_onleesbare_waarde_noemt_regel_en_kolom_en_de_andere_regels_gaan_door()
    {
        Demo();
        var csv = P.Schrijf("t.csv", """
            gemeente,bsn,route,aanbieder,product,ingangsdatum,einddatum,volume,eenheid,frequentie,achternaam,geslacht,motivering
            0171,100002184,lokale-toegang,01234567,45F21,2027-03-08,2028-03-07,5760,01,6,Vries,1,
            0171,100002183,lokale-toegang,01234567,45F21,2027-03-08,2028-03-07,5760,01,6,Vries,1,
            0171,100002195,lokale-toegang,01234567,45F21,2027-03-08,2027-06-07,11520,01,6,Vries,1,

            """);

        var (code, uit, fout) = Toewijzen(csv);

        Assert.Equal(1, code);
        Assert.Contains("t.csv: regel 2, kolom bsn", fout, StringComparison.Ordinal);
        Assert.DoesNotContain("100002184", fout, StringComparison.Ordinal);
        Assert.Contains("regel 3: toegekend, toewijzing 1", uit, StringComparison.Ordinal);
        // 11520 minutes in 3 months is far above the guideline: without a written reason the line is refused.
        Assert.Contains("t.csv: regel 4, kolom volume: HK-PRD-3:", fout, StringComparison.Ordinal);
        Assert.Single(P.OutboxBestanden());
    }
}

public sealed class ToewijzenOpdrachtTests : ToewijzenOpdrachtScenario
{
    protected override string[] Db => [];

    [Fact]
    public void Demobestand_op_SQLite() => Het_demobestand_schrijft_de_goede_regels_noemt_de_geweigerde_en_een_herhaling_maakt_niets_dubbel();

    [Fact]
    public void Onleesbare_waarde_op_SQLite() => Een_onleesbare_waarde_noemt_regel_en_kolom_en_de_andere_regels_gaan_door();

    [Fact]
    public void Zonder_kolomkop_wordt_niets_gelezen_en_het_bestand_genoemd()
    {
        var (code, _, fout) = Pijplijn.Run("toewijzen", P.Schrijf("x.csv", "a,b\n1,2\n"), "--data", P.Data);

        Assert.Equal(1, code);
        Assert.Contains("x.csv: regel 1", fout, StringComparison.Ordinal);
        Assert.Contains("CSV-KOP", fout, StringComparison.Ordinal);
    }
}

// Slow lane with the other PostgreSQL runs of the same tests (README, "Tests").
[Trait("Baan", "Traag")]
[Trait("Database", "PostgreSQL")]
public sealed class ToewijzenOpdrachtPostgresTests : ToewijzenOpdrachtScenario
{
    private readonly string? basis = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variabele);
    private readonly string schema = "t_" + Guid.NewGuid().ToString("N");

    public ToewijzenOpdrachtPostgresTests()
    {
        if (basis is not null)
        {
            Beheer($"CREATE SCHEMA {schema}");
        }
    }

    protected override string[] Db =>
        ["--db", new Npgsql.NpgsqlConnectionStringBuilder(basis) { SearchPath = schema }.ToString()];

    [PostgresFact]
    public void Demobestand_op_PostgreSQL() => Het_demobestand_schrijft_de_goede_regels_noemt_de_geweigerde_en_een_herhaling_maakt_niets_dubbel();

    [PostgresFact]
    public void Onleesbare_waarde_op_PostgreSQL() => Een_onleesbare_waarde_noemt_regel_en_kolom_en_de_andere_regels_gaan_door();

    public override void Dispose()
    {
        if (basis is not null)
        {
            Beheer($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }

        base.Dispose();
    }

    private void Beheer(string sql)
    {
        using var c = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(basis) { Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}

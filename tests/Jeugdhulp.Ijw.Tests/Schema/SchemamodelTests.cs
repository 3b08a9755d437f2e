namespace Jeugdhulp.Ijw.Tests.Schema;

public class SchemamodelTests
{
    private static string ModelPad => Path.Combine(Paden.RepoRoot, "src", "Jeugdhulp.Ijw", "Schema", "Schemamodel.g.cs");

    [Fact]
    public void Schemamodel_zegt_precies_wat_de_officiele_XSDs_zeggen()
    {
        var verwacht = SchemamodelGenerator.Genereer(Paden.XsdMap);
        if (Environment.GetEnvironmentVariable("IJW_SCHEMAMODEL_SCHRIJVEN") == "1")
        {
            File.WriteAllText(ModelPad, verwacht);
        }

        Assert.Equal(verwacht, File.ReadAllText(ModelPad).ReplaceLineEndings("\n"));
    }
}

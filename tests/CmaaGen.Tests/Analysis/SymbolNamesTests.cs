using CmaaGen.Analysis;
using CmaaGen.Tests.Infrastructure;

namespace CmaaGen.Tests.Analysis;

/// <summary>The namespace test every well-known type and the generated types are recognised by.</summary>
public class SymbolNamesTests
{
    [Theory]
    [InlineData("Contoso.Customs.Gateway", "Contoso.Customs", "Gateway", true)]
    [InlineData("Contoso.Customs.Gateway", "Customs", "Gateway", false)]
    [InlineData("Contoso.Customs.Gateway", "Acme.Contoso.Customs", "Gateway", false)]
    [InlineData("Contoso.Customs.Gateway", "Contoso.Custom", "Gateway", false)]
    [InlineData("Contoso.Customs.Gateway", "Contoso.Customs", "Gate", false)]
    [InlineData("Global", "", "Global", true)]
    [InlineData("Global", "Contoso", "Global", false)]
    public void A_type_is_matched_by_its_namespace_part_by_part(string metadataName, string ns, string name, bool expected)
    {
        var compilation = GeneratorHarness.Compilation(["namespace Contoso.Customs { class Gateway { } } class Global { }"]);
        Assert.Equal(expected, SymbolNames.IsType(compilation.GetTypeByMetadataName(metadataName), ns, name));
    }
}

using CmaaGen.Generation;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace CmaaGen.Tests.Generation;

/// <summary>The generated text, byte for byte, against expected files in the repository.</summary>
public class GeneratorSnapshotTests
{
    /// <summary>
    /// The emitter's output for the default list is the generator's stored files: the expected files here are the
    /// ones the package ships, so a change to the list or the emitter that is not stored again fails.
    /// </summary>
    [Fact]
    public void Default_list()
    {
        var result = GeneratorHarness.Run(storedDefault: false);

        Assert.Empty(result.GeneratorDiagnostics);
        Snapshot.MatchStored(AgreementsEmitter.CountryHintName, Normalize(result.Source(AgreementsEmitter.CountryHintName)));
        Snapshot.MatchStored(AgreementsEmitter.AgreementsHintName, Normalize(result.Source(AgreementsEmitter.AgreementsHintName)));
        Snapshot.Match("DefaultList/CustomsDataExchangeAttribute.g.cs", Normalize(result.Source(AttributeEmitter.HintName)));
        Snapshot.Match("DefaultList/AgreementCheckedAttribute.g.cs", Normalize(result.Source(AttributeEmitter.CheckHintName)));
    }

    [Fact]
    public void Custom_list_for_CSharp_7_3_on_a_compiler_without_embedded_attributes()
    {
        var result = GeneratorHarness.Run(
            lists: [("/project/partners.cmaa.csv", TestData.SmallList)],
            language: LanguageVersion.CSharp7_3,
            nullable: Microsoft.CodeAnalysis.NullableContextOptions.Disable,
            cmaaNamespace: "Contoso.Customs",
            embedded: false);

        Assert.Empty(result.GeneratorDiagnostics);
        Snapshot.Match("CustomList/CmaaCountry.g.cs", Normalize(result.Source(AgreementsEmitter.CountryHintName)));
        Snapshot.Match("CustomList/CmaaAgreements.g.cs", Normalize(result.Source(AgreementsEmitter.AgreementsHintName)));
        Snapshot.Match("CustomList/CustomsDataExchangeAttribute.g.cs", Normalize(result.Source(AttributeEmitter.HintName)));
        Snapshot.Match("CustomList/AgreementCheckedAttribute.g.cs", Normalize(result.Source(AttributeEmitter.CheckHintName)));
    }

    /// <summary>The generator version changes with every release; the snapshots do not.</summary>
    private static string Normalize(string source) => StoredDefault.WithoutVersion(source, Version);

    private static readonly string Version = typeof(CmaaGenerator).Assembly.GetName().Version!.ToString(3);
}

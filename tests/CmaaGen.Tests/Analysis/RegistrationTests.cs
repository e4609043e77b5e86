using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using CmaaGen.Analysis;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmaaGen.Tests.Analysis;

/// <summary>A project that uses neither the attribute nor an API list gets no operation callbacks at all.</summary>
public class RegistrationTests
{
    private static async Task<int> OperationActionsAsync(string source, (string Path, string Text)[]? files = null, MetadataReference? reference = null)
    {
        var compilation = GeneratorHarness.Compilation([source], references: reference is null ? null : [reference]);
        GeneratorHarness.Driver(System.Array.Empty<AdditionalText>(), GeneratorHarness.ParseOptions()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var analyzer = new CountryAnalyzer();
        var additional = (files ?? []).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var withAnalyzers = output.WithAnalyzers(
            [analyzer],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default)).OperationActionsCount;
    }

    [Fact]
    public async Task Nothing_is_registered_when_the_generated_attribute_is_never_used()
        => Assert.Equal(0, await OperationActionsAsync("class C { void M(string c) { } void N() => M(\"IR\"); }"));

    [Fact]
    public async Task A_mark_in_source_registers_the_callbacks()
        => Assert.Equal(3, await OperationActionsAsync("class C { void M([Cmaa.CustomsDataExchange] string c) { } }"));

    [Fact]
    public async Task An_API_list_registers_the_callbacks()
        => Assert.Equal(3, await OperationActionsAsync(
            "class C { public void M(string c) { } }",
            [("/p/CustomsDataExchangeApis.txt", "M:C.M(System.String)\n")]));

    [Fact]
    public async Task A_library_that_defines_the_attribute_registers_the_callbacks()
        => Assert.Equal(3, await OperationActionsAsync(
            "class C { }",
            reference: LibraryReference.Build("public class Gateway { public void Send([Cmaa.CustomsDataExchange] string c) { } }")));
}

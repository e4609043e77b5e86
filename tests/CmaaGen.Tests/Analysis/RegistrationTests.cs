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
    private static async Task<int> OperationActionsAsync(string source, (string Path, string Text)[]? files = null, params MetadataReference[] references)
    {
        var compilation = GeneratorHarness.Compilation([source], references: references);
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
            references: LibraryReference.Build("public class Gateway { public void Send([Cmaa.CustomsDataExchange] string c) { } }")));

    /// <summary>
    /// A library built against an assembly the project does not reference may carry marks of an attribute defined
    /// there, which no one can rule out; libraries whose references all resolve and that cannot name the attribute
    /// register nothing.
    /// </summary>
    [Fact]
    public async Task Libraries_register_the_callbacks_only_with_an_unresolved_reference()
    {
        var (gateway, rates) = LibraryReference.GatewayBuiltAgainstRates();
        const string App = "class C { void M(Contoso.Gateway g) => g.Send(\"IR\"); }";

        Assert.Equal(0, await OperationActionsAsync(App, references: [gateway, rates]));
        Assert.Equal(3, await OperationActionsAsync(App, references: [gateway]));
    }
}

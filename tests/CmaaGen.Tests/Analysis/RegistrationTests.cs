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
    private static Task<int> OperationActionsAsync(string source, (string Path, string Text)[]? files = null, params MetadataReference[] references)
        => OperationActionsAsync(source, (files ?? []).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray(), references);

    private static async Task<int> OperationActionsAsync(string source, ImmutableArray<AdditionalText> additional, params MetadataReference[] references)
    {
        var compilation = GeneratorHarness.Compilation([source], references: references);
        GeneratorHarness.Driver(System.Array.Empty<AdditionalText>(), GeneratorHarness.ParseOptions()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var analyzer = new CountryAnalyzer();
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

    /// <summary>
    /// The agreement lists are read only where an exchange can be checked: most projects of a solution hold none, and
    /// in a new compiler process the first reading costs the JIT of the parser and the model.
    /// </summary>
    [Theory]
    [InlineData("class C { void M(string c) { } void N() => M(\"IR\"); }", false)]
    [InlineData("class C { void M([Cmaa.CustomsDataExchange] string c) { } }", true)]
    public async Task The_lists_are_read_only_where_an_exchange_can_be_checked(string source, bool read)
    {
        var list = new CountingText("/p/partners.cmaa.csv", "country\nDE\n");

        await OperationActionsAsync(source, [list]);

        Assert.Equal(read, list.Reads > 0);
    }

    private sealed class CountingText(string path, string text) : AdditionalText
    {
        private readonly InMemoryAdditionalText _text = new(path, text);

        public int Reads { get; private set; }

        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText? GetText(System.Threading.CancellationToken cancellationToken = default)
        {
            Reads++;
            return _text.GetText(cancellationToken);
        }
    }
}

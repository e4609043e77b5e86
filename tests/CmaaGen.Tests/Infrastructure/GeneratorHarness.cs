using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using CmaaGen.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmaaGen.Tests.Infrastructure;

/// <summary>Runs <see cref="CmaaGenerator"/> the way the compiler does, over .NET 8 reference assemblies.</summary>
internal static class GeneratorHarness
{
    public static CSharpCompilation Compilation(
        IEnumerable<string>? sources = null,
        LanguageVersion language = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        IEnumerable<MetadataReference>? references = null,
        string assemblyName = "Consumer",
        IEnumerable<string>? preprocessorSymbols = null)
    {
        var parseOptions = ParseOptions(language, preprocessorSymbols);
        return CSharpCompilation.Create(
            assemblyName,
            (sources ?? []).Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: "Source" + i + ".cs")),
            Net80.References.All.Concat(references ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable));
    }

    /// <summary>Parse options of a net8.0 project, whose SDK defines the <c>*_OR_GREATER</c> symbols.</summary>
    public static CSharpParseOptions ParseOptions(LanguageVersion language = LanguageVersion.Latest, IEnumerable<string>? preprocessorSymbols = null)
        => new(language, preprocessorSymbols: preprocessorSymbols ?? ["NET8_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER"]);

    public static GeneratorDriver Driver(
        IEnumerable<(string Path, string Text)> lists,
        CSharpParseOptions parseOptions,
        string? cmaaNamespace = null,
        bool embedded = true,
        bool publicTypes = false,
        bool storedDefault = true)
        => Driver(lists.Select(l => (AdditionalText)new InMemoryAdditionalText(l.Path, l.Text)), parseOptions, cmaaNamespace, embedded, publicTypes, storedDefault);

    /// <param name="storedDefault">Whether the default list may come from its stored files; false runs the emitter.</param>
    public static GeneratorDriver Driver(
        IEnumerable<AdditionalText> lists,
        CSharpParseOptions parseOptions,
        string? cmaaNamespace = null,
        bool embedded = true,
        bool publicTypes = false,
        bool storedDefault = true)
    {
        var globals = new Dictionary<string, string>();
        if (cmaaNamespace is not null)
        {
            globals[GeneratorOptions.NamespaceProperty] = cmaaNamespace;
        }

        if (publicTypes)
        {
            globals[GeneratorOptions.PublicTypesProperty] = "true";
        }

        return CSharpGeneratorDriver.Create(
            [new CmaaGenerator(embedded, useStoredDefault: storedDefault).AsSourceGenerator()],
            lists,
            parseOptions,
            new TestOptionsProvider(globals),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorResult Run(
        IEnumerable<(string Path, string Text)>? lists = null,
        IEnumerable<string>? sources = null,
        LanguageVersion language = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        string? cmaaNamespace = null,
        bool embedded = true,
        bool storedDefault = true)
    {
        var compilation = Compilation(sources, language, nullable);
        var driver = Driver(lists ?? [], ParseOptions(language), cmaaNamespace, embedded, storedDefault: storedDefault)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorResult(driver, output, generatorDiagnostics, driver.GetRunResult());
    }
}

internal sealed record GeneratorResult(
    GeneratorDriver Driver,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriverRunResult RunResult)
{
    public string Source(string hintName)
        => RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Compiler diagnostics of the whole output compilation, warnings included.</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics
        => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CmaaGen.Analysis;
using CmaaGen.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmaaGen.Tests.Infrastructure;

/// <summary>
/// Runs what a build runs: the generator, then the analyzer over the generated compilation, concurrently, and
/// records every exception that escapes either of them (which a build would turn into CS8785 or AD0001).
/// </summary>
internal static class PipelineRunner
{
    public static PipelineResult Run(
        IEnumerable<string> sources,
        IEnumerable<(string Path, string Text)>? additionalFiles = null,
        CmaaGenerator? generator = null,
        CountryAnalyzer? analyzer = null,
        bool enableUnchecked = false,
        IEnumerable<MetadataReference>? references = null)
    {
        var files = (additionalFiles ?? []).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var parseOptions = GeneratorHarness.ParseOptions();
        var compilation = CSharpCompilation.Create(
            "Fuzzed",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: "/src/File" + i + ".cs")),
            Basic.Reference.Assemblies.Net80.References.All.Concat(references ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(enableUnchecked ? [new("CMAA004", ReportDiagnostic.Warn)] : []));

        var driver = CSharpGeneratorDriver.Create([(generator ?? new CmaaGenerator()).AsSourceGenerator()], files, parseOptions, TestOptionsProvider.Empty)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var generatorExceptions = driver.GetRunResult().Results.Where(r => r.Exception is not null).Select(r => r.Exception!).ToList();

        var analyzerExceptions = new ConcurrentBag<Exception>();
        var withAnalyzers = generated.WithAnalyzers(
            [analyzer ?? new CountryAnalyzer()],
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(files, TestOptionsProvider.Empty),
                onAnalyzerException: (exception, _, _) => analyzerExceptions.Add(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        // The analyzer runs concurrently inside; the test waits for it like the compiler does.
        var analyzerDiagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

        return new PipelineResult(generatorDiagnostics, analyzerDiagnostics, generatorExceptions.Concat(analyzerExceptions).ToList());
    }
}

internal sealed record PipelineResult(
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    IReadOnlyList<Exception> Exceptions)
{
    public IEnumerable<Diagnostic> All => GeneratorDiagnostics.Concat(AnalyzerDiagnostics);

    /// <summary>Diagnostics as stable text, in location order, for comparing runs.</summary>
    public IReadOnlyList<string> Lines
        => All.Select(d => d.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToList();

    /// <summary>
    /// No exception escaped (AD0001, CS8785), and none was caught and reported as CMAA900 either, unless the test
    /// injects failures: an internal error in the editor is a defect even when the build goes on.
    /// </summary>
    public void AssertNothingCrashed(bool internalErrorsExpected = false)
    {
        Assert.Empty(Exceptions.Select(e => e.ToString()));
        Assert.DoesNotContain(All, d => d.Id is "AD0001" or "CS8785");
        if (!internalErrorsExpected)
        {
            Assert.Empty(All.Where(d => d.Id == "CMAA900").Select(d => d.ToString()));
        }
    }
}

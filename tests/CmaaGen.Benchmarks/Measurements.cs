using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using CmaaGen.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Benchmarks;

/// <summary>Compilations, analyzers and generator runs measured in-process, as the compiler runs them.</summary>
internal static class Measurements
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, preprocessorSymbols: ["NET8_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER"]);

    /// <summary>
    /// A compilation that binds on one thread, so that compile time and each analyzer's callback time are work
    /// done, not time spent waiting for a core while other threads of the same build run (the machine has two).
    /// </summary>
    public static CSharpCompilation Compile(IEnumerable<string> sources, string name = "Synthetic")
        => CSharpCompilation.Create(
            name,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "/src/File" + i + ".cs")),
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

    /// <summary>
    /// What a build spends compiling a parsed project: binding, flow analysis and emit. A build binds each body once,
    /// in <c>Emit</c>; calling <c>GetDiagnostics()</c> first would bind every body twice and count it twice.
    /// </summary>
    public static TimeSpan CompileTime(Compilation compilation)
    {
        var clock = Stopwatch.StartNew();
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var elapsed = clock.Elapsed;
        if (!result.Success)
        {
            throw new InvalidOperationException($"{compilation.AssemblyName} does not compile: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
        }

        return elapsed;
    }

    /// <summary>
    /// Collects what earlier runs left, so that each measured run starts from the same heap: otherwise a run pays, in
    /// whichever callback is running at the time, for collecting the previous run's compilation.
    /// </summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> lists)
        => CSharpGeneratorDriver.Create(
            [new CmaaGenerator().AsSourceGenerator()],
            lists,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs analyzers one at a time (no concurrency, so times are not shared) and returns each one's telemetry.</summary>
    public static async Task<ImmutableDictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo>> AnalyzeAsync(
        Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<AdditionalText> files)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(files), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
        return result.AnalyzerTelemetryInfo;
    }

    /// <summary>
    /// Analyzers' callback time in one run on a compilation, and the operation actions they registered, as a build
    /// would see them: the references are bound first, and the heap is settled. Also what the run allocated and how
    /// many collections it had, the compiler's binding included: a collection that falls inside a callback counts in
    /// that callback's time, so these tell a run that was paused from one that did more work.
    /// </summary>
    public static async Task<(TimeSpan Time, int Actions, long Allocated, int Collections)> CallbackTimeAsync(
        Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<AdditionalText> files)
    {
        // The compiler binds its ~170 references before any analyzer runs. Unbound, they would be bound by
        // whichever analyzer first asks for a type, and that analyzer would be charged a cost of the compilation.
        _ = compilation.SourceModule.ReferencedAssemblySymbols;
        Settle();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(0);
        var telemetry = await AnalyzeAsync(compilation, analyzers, files);
        return (
            telemetry.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.ExecutionTime),
            telemetry.Values.Sum(t => t.OperationActionsCount),
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            GC.CollectionCount(0) - collections);
    }

    /// <summary>BannedApiAnalyzers, the peer analyzer driven by an additional file, loaded from its package.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> BannedApiAnalyzers()
    {
        var loader = new AssemblyLoader();
        return Directory.GetFiles(Repository.BannedApiAnalyzersFolder, "*.dll")
            .SelectMany(path => new AnalyzerFileReference(path, loader).GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
    }

    public sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}

/// <summary>The honest baseline: an analyzer that registers the same operation kinds as CountryAnalyzer and does nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
/// <param name="declarations">
/// Also the actions CmaaGen registers in every project and in libraries: syntax node actions on attributes and method
/// declarations (CMAA008, CMAA009), and a symbol action on types (CMAA007), the cost of being called for them.
/// </param>
/// <param name="operations">The operation actions CmaaGen registers where an exchange can exist.</param>
internal sealed class DoNothingAnalyzer(bool declarations = false, bool operations = true) : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("NOOP001", "Nothing", "Nothing", "Benchmark", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (declarations)
            {
                start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.Attribute);
                start.RegisterSemanticModelAction(_ => { });
                start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.PropertyDeclaration, SyntaxKind.FieldDeclaration);
            }

            if (!operations)
            {
                return;
            }

            start.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.PropertyReference);
            start.RegisterOperationAction(_ => { }, OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment, OperationKind.DeconstructionAssignment);
            start.RegisterOperationAction(_ => { }, OperationKind.PropertyInitializer, OperationKind.FieldInitializer, OperationKind.ParameterInitializer);
            if (declarations)
            {
                start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
            }
        });
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CmaaGen.Analysis;
using CmaaGen.CodeFixes;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace CmaaGen.Tests.Robustness;

/// <summary>
/// Every code fix on every report of the compiler fuzz's seed, which holds every flow the analyzer follows: each action
/// the IDE would list is applied as the IDE does, through a workspace, and must neither throw nor leave text that does
/// not parse. A fix that throws shows the user an error bar in place of the fix.
/// </summary>
public class CodeFixRobustnessTests(ITestOutputHelper output)
{
    private static readonly CodeFixProvider[] Fixes = typeof(UncheckedValueFix).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .Select(t => (CodeFixProvider)System.Activator.CreateInstance(t)!)
        .ToArray();

    [Fact]
    public async Task Every_fix_of_the_seed_applies_and_leaves_code_that_parses()
    {
        var (project, reports) = await AnalyzeAsync(CompilerFuzzTests.Seed);
        Assert.NotEmpty(reports);

        var applied = await ApplyEachAsync(project, reports, mustParse: true);

        // When CMAA004's fixes were first written: 16 reports and 23 actions; every kind of fix is among them now.
        Assert.Contains(UncheckedValueFix.GuardKey, applied);
        Assert.Contains(UncheckedValueFix.MarkKey, applied);
        Assert.Contains(ParameterMarkFix.MarkKey("CMAA007"), applied);
        Assert.Contains(ParameterMarkFix.MarkKey("CMAA009"), applied);
        Assert.Contains(CheckMarkFix.CorrectKey, applied);
        Assert.Contains(CheckMarkFix.RemoveKey, applied);
        Assert.Contains("CMAA002.ReplaceWithSuggestedCode", applied);
        Assert.Contains("CMAA006.UseCountryEnum", applied);

        // And Fix All over the document at once, for each kind.
        var seed = project.Documents.Single(d => d.Name == "Seed.cs");
        foreach (var fix in Fixes)
        {
            foreach (var key in applied.Distinct().Where(k => fix.FixableDiagnosticIds.Any(id => k.StartsWith(id + ".", System.StringComparison.Ordinal))))
            {
                var context = new FixAllContext(seed, fix, FixAllScope.Document, key, fix.FixableDiagnosticIds, new Provider(reports.ToImmutableArray()), CancellationToken.None);
                var action = (await fix.GetFixAllProvider()!.GetFixAsync(context))!;
                var operations = await action.GetOperationsAsync(CancellationToken.None);
                var tree = (await operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(seed.Id)!.GetSyntaxTreeAsync())!;
                Assert.Empty(tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => key + ": " + d));
            }
        }
    }

    /// <summary>Half-typed code: the fixes may find nothing to do, but never throw.</summary>
    [Fact]
    public void The_fixes_never_throw_on_broken_code()
        => Fuzz.Run(
            CompilerFuzzTests.BrokenSources,
            source =>
            {
                var (project, reports) = AnalyzeAsync(source).GetAwaiter().GetResult();
                ApplyEachAsync(project, reports, mustParse: false).GetAwaiter().GetResult();
            },
            iterations: 40,
            output);

    private static async Task<(Project Project, List<Diagnostic> Reports)> AnalyzeAsync(string seed)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("Seed", "Seed", LanguageNames.CSharp)
            .WithMetadataReferences(Basic.Reference.Assemblies.Net80.References.All)
            .WithParseOptions(GeneratorHarness.ParseOptions())
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions([new("CMAA004", ReportDiagnostic.Warn), new("CMAA006", ReportDiagnostic.Warn)]));
        foreach (var (path, text) in GeneratedSources.For())
        {
            project = project.AddDocument(path, text, filePath: path).Project;
        }

        project = project.AddDocument("Seed.cs", seed, filePath: "/src/Seed.cs").Project
            .AddDocument("Relay.cs", CompilerFuzzTests.Relay, filePath: "/src/Relay.cs").Project;

        var compilation = (await project.GetCompilationAsync())!;
        var fixable = Fixes.SelectMany(f => f.FixableDiagnosticIds).ToHashSet();
        var reports = (await compilation.WithAnalyzers([new CountryAnalyzer()]).GetAnalyzerDiagnosticsAsync())
            .Where(d => fixable.Contains(d.Id))
            .ToList();
        return (project, reports);
    }

    /// <summary>Applies each action each fix offers for each report, as the IDE does; returns their equivalence keys.</summary>
    private static async Task<List<string>> ApplyEachAsync(Project project, List<Diagnostic> reports, bool mustParse)
    {
        var applied = new List<string>();
        foreach (var report in reports)
        {
            var document = project.GetDocument(report.Location.SourceTree)!;
            foreach (var fix in Fixes.Where(f => f.FixableDiagnosticIds.Contains(report.Id)))
            {
                var actions = new List<CodeAction>();
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, report, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions)
                {
                    var operations = await action.GetOperationsAsync(CancellationToken.None);
                    var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
                    var tree = (await changed.GetSyntaxTreeAsync())!;
                    if (mustParse)
                    {
                        Assert.Empty(tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => action.Title + ": " + d));
                    }

                    applied.Add(action.EquivalenceKey!);
                }
            }
        }

        return applied;
    }

    private sealed class Provider(ImmutableArray<Diagnostic> reports) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(reports);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult(reports.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>([]);
    }
}

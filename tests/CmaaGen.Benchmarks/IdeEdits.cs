using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CmaaGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Benchmarks;

/// <summary>
/// The IDE's loop: 200 edits to one file of a 1,000-file project. After each edit the generator runs
/// incrementally and the analyzer analyzes the edited document in a new compilation, as an editor does
/// on every keystroke.
/// </summary>
internal static class IdeEdits
{
    public static async Task RunAsync(string[] args)
    {
        var edits = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var compilation = Measurements.Compile(SyntheticProject.Create(1_000));
        var driver = Measurements.Driver([]).RunGenerators(compilation);
        var analyzer = new CountryAnalyzer();
        var tree = compilation.SyntaxTrees.ElementAt(500);
        var times = new List<double>();
        var stepsRerun = 0;

        for (var edit = 0; edit < edits; edit++)
        {
            // Type a statement into the first method: sometimes a fine exchange, sometimes one CMAA001 reports.
            var text = tree.GetText();
            var at = text.ToString().IndexOf("var total = 0m;", StringComparison.Ordinal);
            var statement = "new Synthetic.CustomsGateway().Send(\"" + (edit % 2 == 0 ? "DE" : "IR") + "\", \"e" + edit.ToString(CultureInfo.InvariantCulture) + "\");\n            ";
            var newTree = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, 0), statement)));
            compilation = compilation.ReplaceSyntaxTree(tree, newTree);
            tree = newTree;

            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
            stepsRerun += driver.GetRunResult().Results.Single().TrackedSteps.Values
                .SelectMany(s => s).SelectMany(s => s.Outputs)
                .Count(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

            var withAnalyzers = withGenerated.WithAnalyzers(
                [analyzer],
                new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(withGenerated.GetSemanticModel(tree), null, CancellationToken.None);
            if (edit % 2 == 1 && !diagnostics.Any(d => d.Id == "CMAA001"))
            {
                throw new InvalidOperationException("The edit that sends to Iran was not reported.");
            }

            times.Add((await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"{edits} edits to one file of a 1,000-file project");
        Console.WriteLine($"Analyzer time per edit (edited document, compilation start included): median {times[times.Count / 2]:N3} ms, 95th percentile {times[(int)(times.Count * 0.95)]:N3} ms, max {times[^1]:N3} ms");
        Console.WriteLine($"Generator steps re-run over all edits: {stepsRerun}");
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CmaaGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmaaGen.Benchmarks;

/// <summary>
/// What calls into a third-party library cost the analyzer: the 1,000-file project alone, and with 300 more files
/// that call a library of 300 classes (compiled to metadata, not signed by Microsoft, never naming the attribute)
/// 18,000 times and set its properties 18,000 times. CmaaGen decides such a library's types once, so the second
/// figure should exceed the first by little more than the do-nothing analyzer's cost of being called.
/// </summary>
internal static class LibraryCalls
{
    private const int Classes = 300;
    private const int Members = 10;

    public static async Task RunAsync()
    {
        var library = Library();
        var project = SyntheticProject.Create(1_000);
        var withCalls = project.Concat(Callers(300, 60)).ToList();

        Console.WriteLine("| project | CmaaGen, median of runs 2–6 | every run | do-nothing analyzer, median |");
        Console.WriteLine("|---|---:|---:|---:|");
        await RowAsync("1,000 files", project, library);
        await RowAsync("1,000 files + 300 files calling the library", withCalls, library);
    }

    private static async Task RowAsync(string name, List<string> sources, MetadataReference library)
    {
        var ours = await RunsAsync(sources, library, () => [new CountryAnalyzer()]);
        var nothing = await RunsAsync(sources, library, () => [new DoNothingAnalyzer()]);
        Console.WriteLine($"| {name} | {Ms(ours[ours.Count / 2])} | {string.Join(", ", ours.Select(Ms))} | {Ms(nothing[nothing.Count / 2])} |");
    }

    /// <summary>Six runs, each on a freshly parsed compilation after a full collection; the first, which pays the JIT, is dropped.</summary>
    private static async Task<List<TimeSpan>> RunsAsync(List<string> sources, MetadataReference library, Func<ImmutableArray<DiagnosticAnalyzer>> analyzers)
    {
        var times = new List<TimeSpan>();
        for (var run = 0; run < 6; run++)
        {
            var compilation = Measurements.Compile(sources).AddReferences(library);
            Measurements.Driver([]).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
            var (time, _, _, _) = await Measurements.CallbackTimeAsync(output, analyzers(), []);
            if (run > 0)
            {
                times.Add(time);
            }
        }

        times.Sort();
        return times;
    }

    private static MetadataReference Library()
    {
        var source = new StringBuilder("namespace Vendor\n{\n");
        for (var c = 0; c < Classes; c++)
        {
            source.Append(CultureInfo.InvariantCulture, $"    public class Client{c}\n    {{\n");
            for (var m = 0; m < Members; m++)
            {
                source.Append(CultureInfo.InvariantCulture, $"        public string Do{m}(string text, int count) => text;\n");
                source.Append(CultureInfo.InvariantCulture, $"        public string Name{m} {{ get; set; }} = \"\";\n");
            }

            source.Append("    }\n");
        }

        var compilation = CSharpCompilation.Create(
            "Vendor",
            [CSharpSyntaxTree.ParseText(source.Append("}\n").ToString())],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The library does not compile: " + result.Diagnostics.First());
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>Files whose one method calls library members and sets library properties, chosen by a fixed seed.</summary>
    private static IEnumerable<string> Callers(int files, int callsPerFile)
    {
        var random = new Random(1);
        for (var f = 0; f < files; f++)
        {
            var file = new StringBuilder();
            file.Append(CultureInfo.InvariantCulture, $"namespace Synthetic.Callers\n{{\n    public class Caller{f}\n    {{\n        public void Run()\n        {{\n");
            for (var k = 0; k < callsPerFile; k++)
            {
                var c = random.Next(Classes);
                var m = random.Next(Members);
                file.Append(CultureInfo.InvariantCulture, $"            var x{k} = new Vendor.Client{c}().Do{m}(\"text{k}\", {k});\n");
                file.Append(CultureInfo.InvariantCulture, $"            new Vendor.Client{c}().Name{m} = \"name{k}\";\n");
            }

            yield return file.Append("        }\n    }\n}\n").ToString();
        }
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms";
}

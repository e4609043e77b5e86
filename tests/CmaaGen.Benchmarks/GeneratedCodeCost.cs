using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using CmaaGen.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmaaGen.Benchmarks;

/// <summary>
/// What compiling the generated code costs every build: a small program compiled alone and with the generator's
/// output (parsed, bound and emitted), for the default list and for all 249 countries, in one warm process. A third
/// variant turns on the nullable warnings the generated code turns off for itself, to show what they would cost.
/// </summary>
internal static class GeneratedCodeCost
{
    private const string Program = """
        using System;
        using System.Collections.Generic;

        internal static class Program
        {
            private static void Main()
            {
                var orders = new List<string> { "DE", "FR" };
                foreach (var order in orders)
                {
                    Console.WriteLine(order);
                }
            }
        }
        """;

    private const string NamespacedClass = "namespace Orders { internal sealed class Order { } }";

    public static void Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        // The list of all countries is the one the lookup benchmarks are generated from.
        var allCountriesPath = Path.Combine(Repository.Root, "tests", "CmaaGen.Benchmarks.AllCountries", "all-countries.cmaa.csv");
        var allCountries = new Measurements.InMemoryText(allCountriesPath, File.ReadAllText(allCountriesPath));
        // The second baseline holds what any project with a namespace of its own already compiles: a first namespaced
        // type costs the program alone several milliseconds, which the generated code would otherwise be charged with.
        var variants = new List<(string Name, string[] Sources)>
        {
            ("program alone", []),
            ("program and one namespaced class", [NamespacedClass]),
        };
        foreach (var (list, files) in new[] { ("default list", Array.Empty<AdditionalText>()), ("all 249 countries", [allCountries]) })
        {
            var generated = Generate(files);
            variants.Add(("+ generated code, " + list, generated));
            variants.Add(("+ generated code, " + list + ", nullable warnings on", generated.Select(s => s.Replace("#nullable disable warnings\n", "#nullable enable warnings\n")).ToArray()));
        }

        // Every variant once per round, so that the machine's slow and fast moments fall on all of them alike; the
        // first quarter of the rounds only brings the compiler's code to its optimised tier.
        var times = variants.Select(_ => new List<(double Parse, double Compile)>()).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < variants.Count; i++)
            {
                var measured = Measure(variants[i].Sources);
                if (round >= rounds / 4)
                {
                    times[i].Add(measured);
                }
            }
        }

        Console.WriteLine($"{"compilation",-58} {"parse",8} {"bind + emit",12} {"total",8}   (median of {times[0].Count} rounds, ms)");
        for (var i = 0; i < variants.Count; i++)
        {
            var parse = Median(times[i].Select(t => t.Parse));
            var compile = Median(times[i].Select(t => t.Compile));
            var total = Median(times[i].Select(t => t.Parse + t.Compile));
            Console.WriteLine($"{variants[i].Name,-58} {parse,8:F1} {compile,12:F1} {total,8:F1}");
        }
    }

    private static string[] Generate(AdditionalText[] lists)
    {
        Measurements.Driver(lists).RunGeneratorsAndUpdateCompilation(Measurements.Compile([Program], "Consumer"), out var output, out _);
        return output.SyntaxTrees.Where(CmaaGenerator.IsOwnOutput).Select(tree => tree.ToString()).ToArray();
    }

    private static (double Parse, double Compile) Measure(string[] generated)
    {
        var clock = Stopwatch.StartNew();
        var trees = generated.Prepend(Program).Select(text => CSharpSyntaxTree.ParseText(text, Measurements.ParseOptions)).ToList();
        foreach (var tree in trees)
        {
            tree.GetRoot();
        }

        var parse = clock.Elapsed.TotalMilliseconds;
        var compilation = CSharpCompilation.Create(
            "Consumer",
            trees,
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
        return (parse, Measurements.CompileTime(compilation).TotalMilliseconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}

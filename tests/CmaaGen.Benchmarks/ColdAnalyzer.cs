using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CmaaGen.Analysis;
using Microsoft.CodeAnalysis;

namespace CmaaGen.Benchmarks;

/// <summary>
/// The analyzer's first compilation in a fresh process, as in a compiler process that has just started and has run
/// another analyzer: what CountryAnalyzer's first use costs a cold build, and how much of it is the JIT. Its cost is
/// the time in its callbacks; the whole analysis also holds the driver's own work (building each body's operations),
/// about the same in every run.
/// </summary>
internal static class ColdAnalyzer
{
    private const string Source = """
        using Cmaa;

        namespace Shop
        {
            public sealed class Gateway
            {
                public void Send([CustomsDataExchange] string country, string payload) { }

                [CustomsDataExchange]
                public string? Destination { get; set; }
            }

            public static class Exports
            {
                public static void Run(Gateway gateway, string fromUser)
                {
                    gateway.Send("DE", "manifest");
                    gateway.Send("IR", "manifest");
                    var partner = "FR";
                    gateway.Send(partner, "declaration");
                    gateway.Destination = "CN";
                    if (CmaaAgreements.HasAgreement(fromUser))
                    {
                        gateway.Send(fromUser, "checked");
                    }
                }
            }
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (ColdProcesses.IsChild(args, out var childArgs))
        {
            return await RunChildAsync(childArgs);
        }

        // --methods: one process, with the runtime's JIT events read method by method.
        return args.FirstOrDefault() == "--methods"
            ? ColdProcesses.Once("cold-analyzer", args)
            : ColdProcesses.Median("cold-analyzer", args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5);
    }

    private static async Task<int> RunChildAsync(string[] args)
    {
        using var jit = args.FirstOrDefault() == "--methods" ? new JitEvents() : null;

        // The project with the generated code, as the compiler analyzes it after the generators ran.
        Measurements.Driver([]).RunGeneratorsAndUpdateCompilation(Measurements.Compile([Source], "Cold"), out var compilation, out _);
        var expected = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (expected.Count > 0)
        {
            throw new InvalidOperationException("The cold project does not compile: " + expected[0]);
        }

        // In a compiler, other analyzers have run before: Roslyn's analyzer driver is compiled already, and the
        // compilation is bound. The window and the listener record this run too, so that their own code is compiled
        // before CmaaGen's.
        var warmUp = JitWindow.Open(jit);
        await Measurements.AnalyzeAsync(compilation, [new DoNothingAnalyzer()], []);
        warmUp.Close();

        var analyzer = new CountryAnalyzer();
        var report = new List<string>();
        foreach (var name in new[] { "first", "second" })
        {
            var window = JitWindow.Open(name == "first" ? jit : null);
            var clock = Stopwatch.StartNew();
            var telemetry = await Measurements.AnalyzeAsync(compilation, [analyzer], []);
            var elapsed = clock.Elapsed;
            window.Close();
            report.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{name} run: {telemetry.Single().Value.ExecutionTime.TotalMilliseconds:F1} ms in callbacks ({elapsed.TotalMilliseconds:F1} ms for the whole analysis), {window}"));
        }

        Console.WriteLine(string.Join("; ", report));
        jit?.Print(int.Parse(args.ElementAtOrDefault(1) ?? "25", CultureInfo.InvariantCulture));
        return 0;
    }
}

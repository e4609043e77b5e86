using System;
using System.Globalization;
using System.Threading.Tasks;
using CmaaGen.Analysis;

namespace CmaaGen.Benchmarks;

/// <summary>
/// CmaaGen's analyzer alone, run again and again on the synthetic project: a steady target for a profiler
/// (<c>perf record</c>), where <c>build-cost</c> spreads its time over every peer. Prints each run's callback time.
/// With <c>--internal</c>, the services and their methods are internal, so that no other assembly can call them: then
/// each call of one asks whether the method passes its parameters on to an exchange, which a public method of a
/// library never does.
/// </summary>
internal static class Callbacks
{
    public static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var files = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var sources = SyntheticProject.Create(files);
        if (args.Length > 2 && args[2] == "--internal")
        {
            sources = sources.ConvertAll(source => source
                .Replace("    public sealed class Service", "    internal sealed class Service", StringComparison.Ordinal)
                .Replace("        public decimal Method", "        internal decimal Method", StringComparison.Ordinal));
        }

        for (var run = 0; run < runs; run++)
        {
            var compilation = BuildCost.GeneratorRun(sources, []).Output;
            var (time, _, allocated, collections) = await Measurements.CallbackTimeAsync(compilation, [new CountryAnalyzer()], []);
            Console.WriteLine($"run {run + 1}: {time.TotalMilliseconds:N1} ms, {allocated / 1_048_576.0:N1} MB allocated, {collections} gen0 collections");
        }
    }
}

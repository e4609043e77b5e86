using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CmaaGen.Analysis;
using CmaaGen.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmaaGen.Benchmarks;

/// <summary>
/// What CmaaGen adds to a build of synthetic projects of 1,000 and 10,000 files: the analyzer's callback time
/// against the compilation's own time, BannedApiAnalyzers with a list of the same size and a do-nothing analyzer
/// on the same project; the generator's time on a fresh driver and after an unrelated edit; and how both scale.
/// Every analyzer run gets a freshly parsed compilation, so no analyzer profits from another's caches, and each
/// figure is the median of the runs.
/// </summary>
internal static class BuildCost
{
    public static async Task RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1_000, 10_000];

        // JIT and first-use costs belong to no project size: a small project pays them first, twice, so that every
        // analyzer's hot code is already at its optimised tier when it is measured, as it is in a build server.
        await MeasureAsync(200, runs: 2);

        var results = new List<Result>();
        foreach (var size in sizes)
        {
            var result = await MeasureAsync(size, runs: size <= 2_000 ? 5 : 1);
            results.Add(result);
            Print(result);
        }

        if (results.Count > 1)
        {
            var (small, large) = (results[0], results[^1]);
            Console.WriteLine();
            Console.WriteLine($"Scaling {small.Files:N0} → {large.Files:N0} files ({(double)large.Files / small.Files:N0}×): compilation ×{Ratio(large.Compile, small.Compile)}, CmaaGen ×{Ratio(large.Ours.Median, small.Ours.Median)}, CmaaGen with a 10,000-row list ×{Ratio(large.OursBigList.Median, small.OursBigList.Median)}, BannedApiAnalyzers ×{Ratio(large.Banned.Median, small.Banned.Median)}");
        }
    }

    private sealed record Result(
        int Files, TimeSpan Compile, Runs Ours, Runs OursBigList, Runs Banned, Runs Nothing, Runs NothingAll, Runs Unused, Runs NothingUnused,
        GeneratorTiming Generator, GeneratorTiming GeneratorBigList);

    /// <summary>
    /// A generator's first run and its run after an unrelated edit. The collections during the first run's call (which
    /// also adds the generated trees to the compilation) are counted because the harness runs it on a compilation it
    /// has just parsed: a collection that lands in it works through the young syntax trees, which is the compiler's
    /// heap, not the generator's work.
    /// </summary>
    internal sealed record GeneratorTiming(TimeSpan Cold, int ColdCollections, TimeSpan ColdPause, TimeSpan AfterEdit, int StepsRerun)
    {
        public override string ToString() =>
            $"first run of a new driver {Ms(Cold)} ({ColdCollections} collections in it, {Ms(ColdPause)} paused); after an unrelated edit {Ms(AfterEdit)}, steps re-run: {StepsRerun}";
    }

    private static async Task<Result> MeasureAsync(int files, int runs)
    {
        var sources = SyntheticProject.Create(files);
        var plain = SyntheticProject.Create(files, withContexts: false);
        var bannedList = new Measurements.InMemoryText("/p/BannedSymbols.txt", SyntheticProject.BannedSymbols(68));
        var bigList = new Measurements.InMemoryText("/p/big.cmaa.csv", BigList(10_000));

        var compile = Median(runs, () => BuildTime(sources));
        var ours = await AnalyzerRunsAsync(runs, sources, [], () => [new CountryAnalyzer()]);
        var oursBig = await AnalyzerRunsAsync(runs, sources, [bigList], () => [new CountryAnalyzer()]);
        var banned = await AnalyzerRunsAsync(runs, sources, [bannedList], Measurements.BannedApiAnalyzers);
        var nothing = await AnalyzerRunsAsync(runs, sources, [], () => [new DoNothingAnalyzer()]);
        var nothingAll = await AnalyzerRunsAsync(runs, sources, [], () => [new DoNothingAnalyzer(declarations: true)]);
        var unused = await AnalyzerRunsAsync(runs, plain, [], () => [new CountryAnalyzer()]);
        var nothingUnused = await AnalyzerRunsAsync(runs, plain, [], () => [new DoNothingAnalyzer(declarations: true, operations: false)]);

        return new Result(
            files, compile, ours, oursBig, banned, nothing, nothingAll, unused, nothingUnused,
            GeneratorRun(sources, []).Timing, GeneratorRun(sources, [bigList]).Timing);
    }

    /// <summary>
    /// The compiler's own work on the project, as a build does it: parse every file, then bind and emit the project
    /// with the generator's output. The generator's time is not counted; it is reported on its own.
    /// </summary>
    private static TimeSpan BuildTime(List<string> sources)
    {
        Measurements.Settle();
        var clock = Stopwatch.StartNew();
        var parsed = Measurements.Compile(sources);
        var parse = clock.Elapsed;
        Measurements.Driver([]).RunGeneratorsAndUpdateCompilation(parsed, out var output, out _);
        return parse + Measurements.CompileTime(output);
    }

    /// <summary>
    /// An analyzer's callback time in each run, sorted. The median is the figure; the others show how far a run can
    /// stray, since a garbage collection that pauses the process during a callback counts in that callback's time.
    /// With them, what each run allocated (the compiler's binding included, so the do-nothing analyzer's row is the
    /// baseline) and its gen0 collections, in the order of the times.
    /// </summary>
    private sealed record Runs(List<(TimeSpan Time, long Allocated, int Collections)> Each, int Actions)
    {
        public TimeSpan Median => Each[Each.Count / 2].Time;

        public long MedianAllocated => Each.Select(r => r.Allocated).OrderBy(a => a).ElementAt(Each.Count / 2);
    }

    /// <summary>The callback time of each run, every run on a freshly parsed compilation.</summary>
    private static async Task<Runs> AnalyzerRunsAsync(
        int runs, List<string> sources, ImmutableArray<AdditionalText> files, Func<ImmutableArray<DiagnosticAnalyzer>> analyzers)
    {
        var each = new List<(TimeSpan, long, int)>();
        var actions = 0;
        for (var run = 0; run < runs; run++)
        {
            var (time, registered, allocated, collections) = await Measurements.CallbackTimeAsync(GeneratorRun(sources, files).Output, analyzers(), files);
            each.Add((time, allocated, collections));
            actions = registered;
        }

        each.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return new Runs(each, actions);
    }

    private static void Print(Result r)
    {
        Console.WriteLine();
        Console.WriteLine($"## {r.Files:N0} files");
        Console.WriteLine();
        Console.WriteLine($"Compilation (parse, bind, flow analysis, emit; one thread): {Ms(r.Compile)}");
        Console.WriteLine();
        Console.WriteLine("| analyzer | callback time | share of compilation | every run | operation actions registered | allocated in the run | gen0 collections, in the order of the runs |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Row("CmaaGen, default list", r.Ours, r.Compile);
        Row("CmaaGen, 10,000-row list", r.OursBigList, r.Compile);
        Row("BannedApiAnalyzers, 68-entry list", r.Banned, r.Compile);
        Row("do-nothing analyzer, same operation kinds", r.Nothing, r.Compile);
        Row("do-nothing analyzer, same operation, syntax, semantic model and symbol actions", r.NothingAll, r.Compile);
        Row("CmaaGen, same project without exchange contexts", r.Unused, r.Compile);
        Row("do-nothing analyzer, same syntax and semantic model actions, project without contexts", r.NothingUnused, r.Compile);
        Console.WriteLine();
        Console.WriteLine($"Generator, default list: {r.Generator}");
        Console.WriteLine($"Generator, 10,000-row list: {r.GeneratorBigList}");
    }

    private static void Row(string name, Runs runs, TimeSpan compile)
        => Console.WriteLine(
            $"| {name} | {Ms(runs.Median)} | {Share(runs.Median, compile)} | {string.Join(", ", runs.Each.Select(r => Share(r.Time, compile)))} | {runs.Actions} "
            + $"| {(runs.MedianAllocated / 1_048_576.0).ToString("N1", CultureInfo.InvariantCulture)} MB | {string.Join(", ", runs.Each.Select(r => r.Collections))} |");

    private static string Share(TimeSpan time, TimeSpan compile) => (time.TotalMilliseconds / compile.TotalMilliseconds).ToString("P2", CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms";

    private static string Ratio(TimeSpan large, TimeSpan small) => (large.TotalMilliseconds / small.TotalMilliseconds).ToString("N1", CultureInfo.InvariantCulture);

    private static TimeSpan Median(int runs, Func<TimeSpan> measure)
    {
        var times = Enumerable.Range(0, runs).Select(_ => measure()).OrderBy(t => t).ToList();
        return times[times.Count / 2];
    }

    /// <summary>Runs the generator on a freshly parsed compilation, then again after an unrelated edit, and counts steps that did not come from the cache.</summary>
    internal static (Compilation Output, GeneratorTiming Timing) GeneratorRun(List<string> sources, ImmutableArray<AdditionalText> lists)
    {
        var compilation = Measurements.Compile(sources);
        var collectionsBefore = GC.CollectionCount(0);
        var pauseBefore = GC.GetTotalPauseDuration();
        var driver = Measurements.Driver(lists).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var cold = driver.GetTimingInfo().ElapsedTime;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        var pause = GC.GetTotalPauseDuration() - pauseBefore;

        var tree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new(0, 0), "// edited\n"))));
        driver = driver.RunGenerators(edited);
        var rerun = driver.GetRunResult().Results.Single().TrackedSteps.Values
            .SelectMany(steps => steps)
            .SelectMany(step => step.Outputs)
            .Count(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        return (output, new GeneratorTiming(cold, collections, pause, driver.GetTimingInfo().ElapsedTime, rerun));
    }

    /// <summary>A valid list of 10,000 agreements: every country, each with many signing dates.</summary>
    private static string BigList(int rows)
    {
        var countries = CountryCatalog.Default.Countries;
        var text = new StringBuilder("# owner: US\ncountry,signed\n");
        for (var i = 0; i < rows; i++)
        {
            var country = countries[i % countries.Length];
            if (country.Alpha2 is "IR" or "KP" or "US")
            {
                continue;
            }

            text.Append(country.Alpha2).Append(',').Append(1900 + (i / countries.Length)).Append('\n');
        }

        return text.ToString();
    }
}

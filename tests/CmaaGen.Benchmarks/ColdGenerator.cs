using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using CmaaGen.Benchmarks.Baseline;
using CmaaGen.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmaaGen.Benchmarks;

/// <summary>
/// The generator's first run in a fresh process, as in a compiler process that has just started: each run is a new
/// process, so nothing of CmaaGen is compiled yet. <see cref="JitInfo"/> tells how much of the time is the JIT.
/// </summary>
internal static class ColdGenerator
{
    /// <summary>
    /// Gives the project the default list as a list of its own, so that CmaaGen parses it and emits the code, as for
    /// any project with its own list, instead of using the stored files of the default list.
    /// </summary>
    private const string OwnListFlag = "--own-list";

    public static int Run(string[] args)
    {
        if (ColdProcesses.IsChild(args, out var childArgs))
        {
            return RunChild(childArgs);
        }

        var ownList = args.Contains(OwnListFlag) ? [OwnListFlag] : Array.Empty<string>();
        args = args.Where(a => a != OwnListFlag).ToArray();

        // --methods: one process, with the runtime's JIT events read method by method.
        return args.FirstOrDefault() == "--methods"
            ? ColdProcesses.Once("cold-generator", [.. ownList, .. args])
            : ColdProcesses.Median("cold-generator", args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5, ownList);
    }

    private static int RunChild(string[] args)
    {
        AdditionalText[] lists = [];
        if (args.FirstOrDefault() == OwnListFlag)
        {
            var path = Path.Combine(Repository.Root, "data", "us-cbp-2014.cmaa.csv");
            lists = [new Measurements.InMemoryText(path, File.ReadAllText(path))];
            args = args.Skip(1).ToArray();
        }

        using var jit = args.FirstOrDefault() == "--methods" ? new JitEvents() : null;
        var compilation = CSharpCompilation.Create(
            "Cold",
            [CSharpSyntaxTree.ParseText("class C { }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // The honest baseline runs first: a generator of CmaaGen's pipeline shape that does no work, so that what any
        // such pipeline costs on its first run is paid before CmaaGen's (generator-floor.sh measures it in a compiler).
        // The window and the listener record this run too, so that their own code is compiled before CmaaGen's run.
        var warmUp = JitWindow.Open(jit);
        CSharpGeneratorDriver.Create([new BaselineGenerator().AsSourceGenerator()], lists).RunGenerators(compilation);
        warmUp.Close();

        var report = new List<string>();
        foreach (var name in new[] { "first", "second" })
        {
            var window = JitWindow.Open(name == "first" ? jit : null);
            GeneratorDriver driver = CSharpGeneratorDriver.Create([new CmaaGenerator().AsSourceGenerator()], lists);
            driver = driver.RunGenerators(compilation);
            window.Close();
            var elapsed = driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime;
            report.Add(string.Create(CultureInfo.InvariantCulture, $"{name} run: {elapsed.TotalMilliseconds:F1} ms, {window}"));
        }

        Console.WriteLine(string.Join("; ", report));
        jit?.Print(int.Parse(args.ElementAtOrDefault(1) ?? "25", CultureInfo.InvariantCulture));
        return 0;
    }
}

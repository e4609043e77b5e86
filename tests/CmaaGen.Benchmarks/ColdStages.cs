using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using CmaaGen.Catalog;
using CmaaGen.Generation;
using CmaaGen.Model;
using CmaaGen.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Benchmarks;

/// <summary>
/// The stages of the generator's work with a list of the project's own, each timed on its own in a fresh process: the
/// catalogue, the parser, the merge, the model and the two emitters, called in the pipeline's order, twice. The first
/// round is what a cold build pays for each stage (its JIT, its first-use work and its allocations), the second what
/// the stage itself costs. <c>cold-generator --own-list</c> measures the same work through the generator driver.
/// </summary>
internal static class ColdStages
{
    private static readonly string[] Stages = ["catalogue", "parse", "merge", "model", "enum", "agreements"];

    public static int Run(string[] args)
    {
        if (ColdProcesses.IsChild(args, out _))
        {
            RunChild();
            return 0;
        }

        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var firsts = Stages.ToDictionary(s => s, _ => new List<double>());
        for (var i = 0; i < runs; i++)
        {
            foreach (var line in ColdProcesses.Output("cold-stages").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Console.WriteLine(line);
                var fields = line.Split(' ');
                firsts[fields[0].TrimEnd(':')].Add(double.Parse(fields[2], CultureInfo.InvariantCulture));
            }
        }

        Console.WriteLine($"medians of the first round over {runs} processes, ms:");
        foreach (var stage in Stages)
        {
            var times = firsts[stage].Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage,-10} {times[times.Count / 2]:F2} ({times[0]:F2}-{times[^1]:F2})"));
        }

        return 0;
    }

    private static void RunChild()
    {
        var path = Path.Combine(Repository.Root, "data", "us-cbp-2014.cmaa.csv");
        var text = SourceText.From(File.ReadAllText(path));
        var settings = new GeneratorSettings(new GeneratorOptions(GeneratorOptions.DefaultNamespace, string.Empty), new LanguageSupport(true));

        // The stopwatch and the window are used once before the first stage, so that their own first use is not counted.
        var warmUp = JitWindow.Open(null);
        Stopwatch.StartNew().Stop();
        warmUp.Close();
        _ = warmUp.ToString();

        var rounds = new List<string>[] { [], [] };
        foreach (var round in rounds)
        {
            CountryCatalog catalog = null!;
            AgreementList list = null!;
            AgreementSet set = null!;
            AgreementsSpec spec = null!;
            round.Add(Time(() => catalog = CountryCatalog.Default));
            round.Add(Time(() => list = AgreementListParser.Parse(path, text, catalog)));
            round.Add(Time(() => set = AgreementSet.Merge([list])));
            round.Add(Time(() => spec = SpecBuilder.Build(set, settings, embedded: true, "1.0.0")));
            round.Add(Time(() => AgreementsEmitter.EmitCountryEnum(spec)));
            round.Add(Time(() => AgreementsEmitter.EmitAgreements(spec)));
            if (set.Problems.Count > 0 || spec.Failure.Length > 0)
            {
                throw new InvalidOperationException("The default list gave problems: " + set.Problems.Count + " " + spec.Failure);
            }
        }

        for (var i = 0; i < Stages.Length; i++)
        {
            // A stage that is the same object the second time (the catalogue) still shows what asking for it costs.
            Console.WriteLine($"{Stages[i]}: first {rounds[0][i]}; second {rounds[1][i]}");
        }
    }

    private static string Time(Action stage)
    {
        var window = JitWindow.Open(null);
        var clock = Stopwatch.StartNew();
        stage();
        clock.Stop();
        window.Close();
        return string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalMilliseconds:F2} ms, {window}");
    }
}

using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using CmaaGen.Benchmarks;

// Modes: see CmaaGen.Benchmarks.csproj and docs/performance.md.
var mode = args.FirstOrDefault() ?? "";
var rest = args.Skip(1).ToArray();
switch (mode)
{
    case "baselines":
        BaselineWriter.Write(Path.Combine(Repository.Root, "tests", "CmaaGen.Benchmarks", "Baselines.g.cs"));
        break;
    case "lookups":
        BenchmarkSwitcher.FromTypes([typeof(LookupBenchmarks<DefaultList>), typeof(LookupBenchmarks<AllCountries>)]).Run(rest);
        break;
    case "one-key":
        BenchmarkSwitcher.FromTypes([typeof(OneKeyBenchmarks<DefaultList>), typeof(OneKeyBenchmarks<AllCountries>)]).Run(rest);
        break;
    case "build-cost":
        await BuildCost.RunAsync(rest);
        break;
    case "write-project":
        SyntheticProject.Write(rest[0], int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "library-calls":
        await LibraryCalls.RunAsync();
        break;
    case "callbacks":
        await Callbacks.RunAsync(rest);
        break;
    case "ide-edits":
        await IdeEdits.RunAsync(rest);
        break;
    case "long-methods":
        await LongMethods.RunAsync(rest);
        break;
    case "cold-generator":
        return ColdGenerator.Run(rest);
    case "cold-stages":
        return ColdStages.Run(rest);
    case "cold-analyzer":
        return await ColdAnalyzer.RunAsync(rest);
    case "generated-code":
        GeneratedCodeCost.Run(rest);
        break;
    default:
        Console.WriteLine("usage: dotnet run -c Release --project tests/CmaaGen.Benchmarks -- lookups|one-key|build-cost|callbacks [runs] [files]|library-calls|ide-edits|long-methods [exchanges...]|cold-generator [processes] [--own-list]|cold-generator --methods [top] [--own-list]|cold-stages [processes]|cold-analyzer [processes]|cold-analyzer --methods [top]|generated-code [rounds]|write-project <folder> <files>|baselines [options]");
        return 1;
}

return 0;

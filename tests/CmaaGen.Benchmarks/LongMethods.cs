using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CmaaGen.Analysis;
using Microsoft.CodeAnalysis;

namespace CmaaGen.Benchmarks;

/// <summary>
/// The analyzer's callback time on one method of 500 to 4,000 exchanges: values in place, through locals, a member of an
/// object made just before or by a factory method from a helper's result, an abstract property a type per country overrides, and a parameter in a branch per exchange (tested against a constant, or checked with CMAA004 on). Following a local, or
/// deciding what holds at a use, looks the value up in the control flow graph; if that walked the body or the branches
/// before the use, the time per exchange would grow with the method's length, and a long generated or legacy method
/// would stall the IDE on every keystroke. The time per exchange should stay flat.
/// </summary>
internal static class LongMethods
{
    // The last two shapes turn CMAA004 on and put each exchange of a parameter in a branch of its own, checked once at
    // the top or never, so that deciding whether a use is checked has the branches of every exchange before it behind it.
    private const string Guarded = "parameter checked once, each exchange in a branch (CMAA004 on)";
    private const string Unguarded = "parameter never checked, each exchange in a branch (CMAA004 on)";

    // Each exchange of a parameter inside a test of it against a constant, which makes the value that constant there.
    private const string Tested = "parameter tested against a constant, each exchange in the test's branch";

    // Each exchange reads a member of an object made just before it, which is followed to the object's initializer.
    private const string Made = "member of an object made with an initializer";

    // Each exchange reads a member of an object a factory method made from a helper's result, each parameter followed to
    // the call's argument.
    private const string Called = "member of a factory's object, made from a helper's result";

    // Each exchange reads an abstract property of a parameter, which 50 types of the project override with a code each.
    private const string Overridden = "abstract property of a parameter, 50 overrides";

    private const int Overrides = 50;

    private static readonly string[] Shapes = ["in place", "local written once", "local written twice", Tested, Guarded, Unguarded, Made, Called, Overridden];

    public static async Task RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [500, 1_000, 2_000, 4_000];

        // First use and the JIT belong to no size.
        await MeasureAsync(200, Shapes[2]);

        Console.WriteLine("| exchanges in the method | shape | CmaaGen callback time (median of three) | per exchange |");
        Console.WriteLine("|---:|---|---:|---:|");
        foreach (var size in sizes)
        {
            foreach (var shape in Shapes)
            {
                var time = await MeasureAsync(size, shape);
                Console.WriteLine($"| {size:N0} | {shape} | {time.TotalMilliseconds:N1} ms | {time.TotalMilliseconds * 1000 / size:N1} µs |");
            }
        }
    }

    private static async Task<TimeSpan> MeasureAsync(int exchanges, string shape)
    {
        var sources = new List<string> { SyntheticProject.Gateway, Method(exchanges, shape) };
        var times = new List<TimeSpan>();
        for (var run = 0; run < 3; run++)
        {
            var compilation = BuildCost.GeneratorRun(sources, []).Output;
            if (shape is Guarded or Unguarded)
            {
                compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("CMAA004", ReportDiagnostic.Warn)]));
            }

            var (time, _, _, _) = await Measurements.CallbackTimeAsync(compilation, [new CountryAnalyzer()], []);
            times.Add(time);
        }

        times.Sort();
        return times[1];
    }

    private static string Method(int exchanges, string shape)
    {
        var text = new StringBuilder("namespace Synthetic\n{\n    public static class Long\n    {\n        public static void Run(CustomsGateway gateway, bool express, string country")
            .Append(shape == Overridden ? ", Office office)\n        {\n" : ")\n        {\n");
        if (shape == Guarded)
        {
            text.Append("            if (!Cmaa.CmaaAgreements.HasAgreement(country))\n            {\n                return;\n            }\n\n");
        }

        for (var i = 0; i < exchanges; i++)
        {
            var local = "c" + i.ToString(CultureInfo.InvariantCulture);
            text.Append(shape switch
            {
                "in place" => $"            gateway.Send(express ? \"DE\" : \"FR\", \"{i}\");\n",
                "local written once" => $"            var {local} = express ? \"DE\" : \"FR\";\n            gateway.Send({local}, \"{i}\");\n",
                Tested => $"            if (country == \"DE\")\n            {{\n                gateway.Send(country, \"{i}\");\n            }}\n",
                Made => $"            var {local} = new Declaration {{ Goods = express ? \"DE\" : \"FR\" }};\n            gateway.Send({local}.Goods, \"{i}\");\n",
                Called => $"            gateway.Send(Make(Normalize(express ? \"de\" : \"fr\")).Country, \"{i}\");\n",
                Overridden => $"            gateway.Send(office.Country, \"{i}\");\n",
                Guarded or Unguarded => $"            if (express)\n            {{\n                gateway.Send(country, \"{i}\");\n            }}\n",
                _ => $"            var {local} = \"JP\";\n            {local} = express ? \"DE\" : \"FR\";\n            gateway.Send({local}, \"{i}\");\n",
            });
        }

        text.Append("        }\n");
        if (shape == Called)
        {
            text.Append("\n        private static Party Make(string country) => new Party(country);\n\n        private static string Normalize(string code) => code.Trim().ToUpperInvariant();\n");
        }

        text.Append("    }\n\n    public sealed record Party(string Country);\n");
        if (shape == Overridden)
        {
            text.Append("\n    public abstract class Office\n    {\n        public abstract string Country { get; }\n    }\n");
            for (var i = 0; i < Overrides; i++)
            {
                text.Append("\n    public sealed class Office").Append(i.ToString(CultureInfo.InvariantCulture))
                    .Append(" : Office\n    {\n        public override string Country => \"").Append(i % 2 == 0 ? "DE" : "FR").Append("\";\n    }\n");
            }
        }

        return text.Append("}\n").ToString();
    }
}

using System;
using System.Linq;
using CmaaGen.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;

namespace CmaaGen.Tests.Robustness;

/// <summary>
/// Half-typed, broken and odd C# around exchange contexts, through the generator and then the analyzer:
/// no input makes either of them throw, so a build never sees AD0001 or CS8785.
/// </summary>
public class CompilerFuzzTests(ITestOutputHelper output)
{
    /// <summary>Code that exercises every path of the analyzer, for the fuzzer to break.</summary>
    private const string Seed = """"
        using System;
        using System.Collections.Generic;
        using Cmaa;

        public record Shipment([CustomsDataExchange] string Destination, string Goods);

        public interface IGateway { void Send([CustomsDataExchange] string country); }

        public class Gateway : IGateway
        {
            public void Send(string country) { }
            public void SendMany([CustomsDataExchange] params string[] countries) { }
            public void Route([CustomsDataExchange] string country, int priority) { }
            public void Route(CmaaCountry country, int priority) { }
            [CustomsDataExchange] public string Destination { get; set; } = "DE";
            [CustomsDataExchange] public readonly List<string> Partners = new() { "FR", "IR" };
            static readonly string Iran = "IR";
            static string Cuba => "CU";

            void M(bool flag, string input, int n)
            {
                var local = flag ? "IR" : input;
                local = n switch { 1 => "KP", _ => local };
                Send(local);
                SendMany("DE", Iran, Cuba, $"{Iran}", "I" + "R", @"SY", """KP""");
                Route("DE", 1);
                Destination ??= "GER";
                if (CmaaAgreements.HasAgreement(input)) { Send(input); }
                Action later = () => Send(local);
                string[] more = ["FR", .. Partners];
                foreach (var c in more) { Send(c); }
                new Shipment("IR", "oil") { Destination = "DЕ" };
                Local(); void Local() => Send("\u200BDE");
                Send(Unknown.Value);
                Send(this.Missing(input));
            }
        }
        """";

    /// <summary>A file that never names the attribute, so the contexts it reaches are found through the seed's types.</summary>
    private const string Relay = """
        public class Relay : Gateway
        {
            public void Forward(string country) { Send(country); Route(country, 2); }
            void N(IGateway gateway, Shipment shipment) { gateway.Send("IR"); Forward("CU"); _ = shipment with { Destination = "SY" }; }
        }
        """;

    private static readonly string[] Insertions =
    [
        ";", "{", "}", "(", ")", "\"", "\"IR\"", "$\"", "@\"", "\"\"\"", "..", "=>", "??", "?", ":", "[", "]", ",", "new", "default", "null!",
        "Send(", "[CustomsDataExchange]", "CmaaCountry.", "CmaaAgreements.HasAgreement(", "ref ", "out var x", "stackalloc", "#if X", "#endif", "/*", "*/", "\\u0000",
    ];

    private static readonly Gen<string> BrokenSources =
        from edits in Gen.Select(Gen.Int[0, 2], Gen.Double[0, 1], Gen.Int[0, Insertions.Length - 1], Gen.Int[1, 40]).Array[1, 6]
        select edits.Aggregate(Seed, (text, edit) =>
        {
            var at = (int)(edit.Item2 * text.Length);
            return edit.Item1 switch
            {
                0 => text.Insert(at, Insertions[edit.Item3]),
                1 => text.Remove(at, Math.Min(edit.Item4, text.Length - at)),
                _ => text[..at],
            };
        });

    private static readonly Gen<string> Lists = Gen.OneOf(
        Gen.Const(""),
        Gen.Const("country,covers\nDE,HR;XX\nIR\n"),
        Gen.Char[",\"\n#DEFRIR;covers"].Array[0, 80].Select(c => "country,status\n" + new string(c)));

    [Fact]
    public void Broken_code_and_lists_never_crash_the_generator_or_the_analyzer()
        => Fuzz.Run(
            Gen.Select(BrokenSources, Lists),
            input =>
            {
                var (source, list) = input;
                var files = list.Length == 0 ? [] : new[] { ("/p/fuzz.cmaa.csv", list), ("/p/CustomsDataExchangeApis.txt", "M:Gateway.Route(System.String,System.Int32)#country\nbroken line\n") };
                PipelineRunner.Run([source, Relay], files).AssertNothingCrashed();
            },
            iterations: 300,
            output,
            input => input.Item1 + "\n----- list -----\n" + input.Item2);

    [Fact]
    public void Cyclic_inheritance_does_not_send_the_type_decision_round_in_circles()
    {
        // The file never names the attribute, so every call below is answered by walking the types' bases.
        const string Cycles = """
            public interface IFirst : ISecond { void Send(string country); }
            public interface ISecond : IFirst { }
            public class A : B { public void Send(string country) { } }
            public class B : A { }
            public class C : C { public void Send(string country) { } }
            public class Use
            {
                void M(IFirst first, A a, C c)
                {
                    first.Send("IR");
                    a.Send("IR");
                    c.Send("IR");
                }
            }
            """;

        var result = PipelineRunner.Run([Seed, Cycles]);

        result.AssertNothingCrashed();
        Assert.Contains(result.AnalyzerDiagnostics, d => d.Id == "CMAA001");
    }

    [Fact]
    public void The_unbroken_seed_code_is_analyzed()
    {
        var result = PipelineRunner.Run([Seed, Relay]);

        result.AssertNothingCrashed();
        Assert.Contains(result.AnalyzerDiagnostics, d => d.Id == "CMAA001");
        Assert.Contains(result.AnalyzerDiagnostics, d => d.Id == "CMAA002");
        Assert.Contains(result.AnalyzerDiagnostics, d => d.Id == "CMAA001" && d.Location.GetLineSpan().Path == "/src/File1.cs");
    }
}

using System.Linq;
using CmaaGen.Tests.Infrastructure;

namespace CmaaGen.Tests.Robustness;

/// <summary>Concurrent analysis of many files gives the same diagnostics, in the same order, every time.</summary>
public class ConcurrencyTests
{
    private static string File(int i) => $$"""
        using Cmaa;

        internal sealed class Gateway{{i}}
        {
            public void Send([CustomsDataExchange] string country) { }
            [CustomsDataExchange] public string Destination { get; set; } = "";

            void Run(bool flag)
            {
                var local = flag ? "IR" : "DE";
                Send(local);
                Send("{{(i % 3 == 0 ? "KP" : "FR")}}");
                Destination = "GER{{i}}";
                new Gateway{{(i + 1) % 20}}().Send("{{(i % 2 == 0 ? "CU" : "JP")}}");
            }
        }
        """;

    [Fact]
    public void Fifty_concurrent_runs_give_the_same_diagnostics()
    {
        var sources = Enumerable.Range(0, 20).Select(File).ToArray();
        var lists = new[] { ("/p/a.cmaa.csv", "country,signed\nDE,1990\nFR,\nJP,\nXX,\nFR,\n") };

        var first = PipelineRunner.Run(sources, lists);
        first.AssertNothingCrashed();
        Assert.True(first.Lines.Count > 40, "too few diagnostics: " + first.Lines.Count);

        for (var run = 1; run < 50; run++)
        {
            var again = PipelineRunner.Run(sources, lists);
            Assert.Equal(first.Lines, again.Lines);
            Assert.Equal(first.GeneratorDiagnostics.Select(d => d.ToString()), again.GeneratorDiagnostics.Select(d => d.ToString()));
        }
    }
}

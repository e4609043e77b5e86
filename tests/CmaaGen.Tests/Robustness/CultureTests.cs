using System.Globalization;
using System.Linq;
using CmaaGen.Tests.Infrastructure;

namespace CmaaGen.Tests.Robustness;

/// <summary>The same answers in every culture: "ir" is Iran in tr-TR too, and the generated text does not change.</summary>
public class CultureTests
{
    private const string Source = """
        using Cmaa;

        internal sealed class Gateway
        {
            public void Send([CustomsDataExchange] string country) { }
        }

        internal static class Exchanges
        {
            public static void Run(Gateway g, string runtime)
            {
                g.Send("ir"); g.Send("IR"); g.Send("Iran"); g.Send("irn");
                g.Send("in"); g.Send("India"); g.Send("ind"); g.Send("\u0130N"); g.Send("\u0131n");
                g.Send("de"); g.Send("Deutschland"); g.Send("T\u00FCrkiye"); g.Send("TÜRKİYE"); g.Send("türkiye");
                g.Send("Côte d’Ivoire"); g.Send("cote d'ivoire"); g.Send("éé"); g.Send("١٢٣"); g.Send("364");
                g.Send(runtime);
            }
        }
        """;

    private const string List = """
        # provenance: Culture test list, 1.5
        country,name,signed,in_force,status,note
        IN,India,2004-12-15,,in force,"Ünïcödé note, İ ı"
        TR,Türkiye,,,signed,
        DE,Germany,1990,1991-03-01,,
        """;

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Diagnostics_and_generated_code_are_the_same_in_every_culture(string culture)
    {
        var invariant = RunIn(CultureInfo.InvariantCulture);
        var local = RunIn(new CultureInfo(culture));

        Assert.Equal(invariant.Diagnostics, local.Diagnostics);
        Assert.Equal(invariant.Generated, local.Generated);
        Assert.Contains(invariant.Diagnostics, d => d.Contains("CMAA001: 'ir' is Iran (IR)"));
        Assert.Contains(invariant.Diagnostics, d => d.Contains("CMAA002: 'ın'"));
    }

    private static (string[] Diagnostics, string[] Generated) RunIn(CultureInfo culture)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            var result = PipelineRunner.Run([Source], [("/p/list.cmaa.csv", List)]);
            result.AssertNothingCrashed();
            var generated = GeneratorHarness.Run([("/p/list.cmaa.csv", List)]).RunResult.Results.Single().GeneratedSources
                .Select(s => s.SourceText.ToString())
                .ToArray();
            return (result.Lines.ToArray(), generated);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}

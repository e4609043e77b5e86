using System.Linq;
using CmaaGen.Generation;
using CmaaGen.Tests.Infrastructure;

namespace CmaaGen.Tests.Generation;

/// <summary>The same agreements give byte-identical text, whatever the file order, split or line endings.</summary>
public class GeneratorDeterminismTests
{
    private static string Generate(params (string Path, string Text)[] lists)
    {
        var result = GeneratorHarness.Run(lists);
        Assert.Empty(result.GeneratorDiagnostics);
        return string.Join(
            "\n=====\n",
            result.RunResult.Results.Single().GeneratedSources
                .Where(s => !s.HintName.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.Ordinal))
                .OrderBy(s => s.HintName)
                .Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void Order_split_and_line_endings_do_not_change_the_output()
    {
        var text = TestData.Read("us-cbp-2014.cmaa.csv");
        var lines = text.Split('\n');
        var header = lines.TakeWhile(l => l.StartsWith('#')).Append(lines.First(l => l.StartsWith("country,"))).ToList();
        var rows = lines.SkipWhile(l => !l.StartsWith("country,")).Skip(1).Where(l => l.Length > 0).ToList();
        var firstHalf = string.Join("\n", header.Concat(rows.Where((_, i) => i % 2 == 0)).Reverse().Reverse()) + "\n";
        var secondHalf = string.Join("\r\n", header.Concat(rows.Where((_, i) => i % 2 == 1).Reverse())) + "\r\n";

        var single = Generate(("/p/all.cmaa.csv", text));

        Assert.Equal(single, Generate(("/p/a.cmaa.csv", firstHalf), ("/p/b.cmaa.csv", secondHalf)));
        Assert.Equal(single, Generate(("/p/b.cmaa.csv", secondHalf), ("/p/a.cmaa.csv", firstHalf)));
        Assert.Equal(single, Generate(("/p/all.cmaa.csv", text.Replace("\n", "\r\n"))));
        Assert.Equal(single, Generate());
        Assert.DoesNotContain('\r', single);
    }

    [Fact]
    public void The_namespace_setting_is_honoured_and_a_bad_one_is_reported()
    {
        var custom = GeneratorHarness.Run(cmaaNamespace: "Contoso.Trade");
        Assert.Contains("namespace Contoso.Trade", custom.Source(AttributeEmitter.HintName));
        Assert.Contains("namespace Contoso.Trade", custom.Source(AgreementsEmitter.CountryHintName));

        var bad = GeneratorHarness.Run(cmaaNamespace: "Contoso.class");
        Assert.Contains("namespace Cmaa", bad.Source(AttributeEmitter.HintName));
        var diagnostic = Assert.Single(bad.GeneratorDiagnostics);
        Assert.Equal("CMAA113", diagnostic.Id);
        Assert.Empty(bad.CompilationDiagnostics);
    }

    [Fact]
    public void List_problems_are_reported_at_their_line_and_column_in_the_file()
    {
        var result = GeneratorHarness.Run([("/p/partners.cmaa.csv", "country,signed\nDE,1990\nXX,1991\nFR,19\n")]);

        Assert.Collection(
            result.GeneratorDiagnostics.Select(d => d.ToString()),
            d => Assert.StartsWith("/p/partners.cmaa.csv(3,1): error CMAA103: 'XX' is not a recognised country code or name; did you mean XK (Kosovo)", d),
            d => Assert.Equal("/p/partners.cmaa.csv(4,4): error CMAA105: '19' is not a valid date: write it as YYYY, YYYY-MM or YYYY-MM-DD", d));
        Assert.Contains("Germany = 276,", result.Source(AgreementsEmitter.CountryHintName));
        Assert.Contains("France = 250,", result.Source(AgreementsEmitter.CountryHintName));
    }
}

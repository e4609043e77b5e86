using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using static CmaaGen.Tests.Parsing.ListParsing;

namespace CmaaGen.Tests.Data;

/// <summary>The lists shown in the documentation parse as the documentation says.</summary>
public class DocumentedExamplesTests
{
    private static string[] CsvBlocks(params string[] path)
        => Regex.Matches(File.ReadAllText(Path.Combine([AppContext.BaseDirectory, .. path])), "```csv\n(.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .ToArray();

    [Theory]
    [InlineData("docs", "data-format.md")]
    [InlineData("README.md")]
    public void Every_complete_list_in_the_documentation_parses_without_problems(params string[] document)
    {
        var lists = CsvBlocks(document).Where(b => b.Contains("country")).ToList();

        Assert.NotEmpty(lists);
        Assert.All(lists, list => Assert.Empty(Parse(list).Problems.Select(Message)));
    }

    [Fact]
    public void The_EU_opt_in_covers_the_27_member_states()
    {
        var list = Parse(CsvBlocks("docs", "data-format.md").Single(b => b.Contains("covers")));

        var eu = Assert.Single(list.Agreements);
        Assert.Equal(27, eu.Covers.Count);
        Assert.Contains("HR", eu.Covers);
        Assert.DoesNotContain("GB", eu.Covers);
    }
}

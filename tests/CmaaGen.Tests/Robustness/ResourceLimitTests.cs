using System;
using System.Linq;
using System.Text;
using CmaaGen.Catalog;
using CmaaGen.Parsing;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Tests.Robustness;

/// <summary>Huge inputs are handled in bounded memory, or refused with a clear diagnostic past the documented limit.</summary>
public class ResourceLimitTests
{
    [Fact]
    public void A_5_MB_list_is_refused_with_CMAA112_without_being_read()
    {
        var text = "country,note\n" + string.Concat(Enumerable.Repeat("DE,\"" + new string('n', 1000) + "\"\n", 5 * 1024));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var list = AgreementListParser.Parse("/p/huge.cmaa.csv", SourceText.From(text), CountryCatalog.Default);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(text.Length > AgreementListParser.MaxListLength);
        Assert.Equal("CMAA112", Assert.Single(list.Problems).RuleId);
        Assert.Empty(list.Agreements);
        Assert.True(allocated < 4L * text.Length, $"{allocated:N0} bytes allocated to refuse {text.Length:N0} characters");
    }

    [Fact]
    public void A_million_character_line_is_read_in_bounded_memory()
    {
        var text = "country,note\nDE,\"" + new string('x', 1_000_000) + "\"\n" + new string('y', 1_000_000) + "\nFR,\n";

        var before = GC.GetAllocatedBytesForCurrentThread();
        var list = AgreementListParser.Parse("/p/long.cmaa.csv", SourceText.From(text), CountryCatalog.Default);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(["DE", "FR"], list.Agreements.Select(a => a.Alpha2));
        Assert.Equal(1_000_000, list.Agreements[0].Note.Length);
        Assert.Equal("CMAA103", Assert.Single(list.Problems).RuleId);
        Assert.True(allocated < 16L * text.Length, $"{allocated:N0} bytes allocated for {text.Length:N0} characters");
    }

    [Fact]
    public void A_million_character_string_in_code_is_an_unknown_country_without_suggestions()
    {
        var literal = new string('D', 1_000_000);
        var result = PipelineRunner.Run([
            "using Cmaa; internal static class C { static void Send([CustomsDataExchange] string c) { } static void M() => Send(\"" + literal + "\"); }",
        ]);

        result.AssertNothingCrashed();
        var diagnostic = Assert.Single(result.AnalyzerDiagnostics);
        Assert.Equal("CMAA002", diagnostic.Id);
        Assert.DoesNotContain("did you mean", diagnostic.GetMessage());
    }

    [Fact]
    public void Lists_of_every_size_up_to_the_limit_parse()
    {
        var row = "DE,\"" + new string('n', 100) + "\"\n";
        var rows = (AgreementListParser.MaxListLength - 20) / row.Length;
        var text = new StringBuilder("country,note\n").Insert(13, row, rows).ToString();

        var list = AgreementListParser.Parse("/p/limit.cmaa.csv", SourceText.From(text), CountryCatalog.Default);

        Assert.True(text.Length <= AgreementListParser.MaxListLength);
        Assert.Equal(rows, list.Agreements.Count);
    }
}

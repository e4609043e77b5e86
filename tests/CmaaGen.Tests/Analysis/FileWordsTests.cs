using System.Collections.Generic;
using CmaaGen.Analysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmaaGen.Tests.Analysis;

/// <summary>
/// The one search of a file's text for the names that let the analyzer pass over it: each name is found wherever it
/// stands, also across the chunks the text is read in, and a name found does not stand for the others.
/// </summary>
public class FileWordsTests
{
    [Theory]
    [InlineData("CustomsDataExchange", nameof(FileWords.Word.Attribute))]
    [InlineData("AgreementChecked", nameof(FileWords.Word.CheckMark))]
    [InlineData("HasAgreement", nameof(FileWords.Word.Check))]
    [InlineData("IsOwner", nameof(FileWords.Word.Check))]
    [InlineData("TryGetCountry", nameof(FileWords.Word.Check))]
    public void Each_name_is_found_wherever_it_stands_and_alone(string name, string wordName)
    {
        var word = System.Enum.Parse<FileWords.Word>(wordName);
        // At the start, last in the text, and across each chunk boundary (4,096 characters) at every split.
        var positions = new List<int> { 0 };
        for (var split = 1; split < name.Length; split++)
        {
            positions.Add(4096 - split);
            positions.Add((3 * 4096) - split);
        }

        foreach (var position in positions)
        {
            var tree = CSharpSyntaxTree.ParseText(new string(' ', position) + name + new string(' ', 5000), path: "/p/File.cs");
            Assert.True(FileWords.Spells(tree, word), $"{name} at {position}");
            Assert.False(FileWords.Spells(tree, ~word & (FileWords.Word.Attribute | FileWords.Word.CheckMark | FileWords.Word.Check)), $"{name} at {position}");
        }

        var last = CSharpSyntaxTree.ParseText(new string(' ', 9000) + name, path: "/p/Last.cs");
        Assert.True(FileWords.Spells(last, word));
    }

    [Fact]
    public void A_file_that_spells_none_of_the_names_spells_none_and_one_that_spells_all_spells_each()
    {
        var none = CSharpSyntaxTree.ParseText("class Customs { void Has(string agreement) { } }", path: "/p/None.cs");
        Assert.False(FileWords.Spells(none, FileWords.Word.Attribute | FileWords.Word.CheckMark | FileWords.Word.Check));

        var all = CSharpSyntaxTree.ParseText(
            "[CustomsDataExchange] [AgreementChecked] class C { bool B(string c) => HasAgreement(c); }" + new string(' ', 10000) + "// IsOwner",
            path: "/p/All.cs");
        Assert.True(FileWords.Spells(all, FileWords.Word.Attribute));
        Assert.True(FileWords.Spells(all, FileWords.Word.CheckMark));
        Assert.True(FileWords.Spells(all, FileWords.Word.Check));
    }

    /// <summary>CmaaGen's own output defines the attribute, which is not using it; the checks it spells still count.</summary>
    [Fact]
    public void The_generators_own_output_does_not_use_the_attribute()
    {
        var output = CSharpSyntaxTree.ParseText(
            "namespace Cmaa { sealed class CustomsDataExchangeAttribute : System.Attribute { } static class A { static bool HasAgreement(string c) => true; } }",
            path: "CmaaGen/CmaaGen.Generation.CmaaGenerator/CustomsDataExchangeAttribute.g.cs");
        Assert.False(FileWords.Spells(output, FileWords.Word.Attribute));
        Assert.True(FileWords.Spells(output, FileWords.Word.Check));
    }
}

using System.Linq;
using CmaaGen.Analysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmaaGen.Tests.Analysis;

/// <summary>
/// The search for a global alias of the attribute reuses the last compilation's answers by file position, as the
/// IDE's next compilation differs in the edited file only: an edit, a removal and a file put back must still count.
/// </summary>
public class AttributeUsageTests
{
    [Fact]
    public void A_global_alias_typed_into_a_file_counts_in_the_next_compilation_and_its_removal_too()
    {
        var files = Enumerable.Range(0, 5)
            .Select(i => CSharpSyntaxTree.ParseText("class C" + i + " { }", path: "/p/F" + i + ".cs"))
            .ToArray();
        var before = CSharpCompilation.Create("P", files);
        Assert.False(AttributeUsage.AliasedGlobally(before));

        var aliased = CSharpSyntaxTree.ParseText("global using Exchange = Cmaa.CustomsDataExchangeAttribute;\nclass C2 { }", path: "/p/F2.cs");
        var edited = before.ReplaceSyntaxTree(files[2], aliased);
        Assert.True(AttributeUsage.AliasedGlobally(edited));
        Assert.True(AttributeUsage.AliasedGlobally(edited));

        Assert.False(AttributeUsage.AliasedGlobally(edited.ReplaceSyntaxTree(aliased, files[2])));
        Assert.True(AttributeUsage.AliasedGlobally(edited.RemoveSyntaxTrees(files[0])));
        Assert.False(AttributeUsage.AliasedGlobally(before.RemoveSyntaxTrees(files[0])));
    }
}

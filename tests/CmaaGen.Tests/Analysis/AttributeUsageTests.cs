using System.Linq;
using CmaaGen.Analysis;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace CmaaGen.Tests.Analysis;

/// <summary>
/// The answers that are kept from one compilation to the next, as the IDE's next compilation differs in the edited
/// file only: the search for a global alias of the attribute, by file position, and what the references answer.
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

    /// <summary>
    /// A compilation after an edit has the same references and gets the kept answer; one with another reference in
    /// the same place, or a reference more or less, is asked again.
    /// </summary>
    [Fact]
    public void The_references_answer_is_kept_for_the_same_references_only()
    {
        var (gateway, rates) = LibraryReference.GatewayBuiltAgainstRates();
        var file = CSharpSyntaxTree.ParseText("class C { }", path: "/p/C.cs");
        var missingRates = CSharpCompilation.Create("P", [file], [.. Basic.Reference.Assemblies.Net80.References.All, gateway]);
        Assert.True(AttributeUsage.MayUse(missingRates, "Cmaa"));

        var edited = missingRates.ReplaceSyntaxTree(file, CSharpSyntaxTree.ParseText("class C { int x; }", path: "/p/C.cs"));
        Assert.True(AttributeUsage.MayUse(edited, "Cmaa"));

        Assert.False(AttributeUsage.MayUse(edited.ReplaceReference(gateway, rates), "Cmaa"));

        var withRates = edited.AddReferences(rates);
        Assert.False(AttributeUsage.MayUse(withRates, "Cmaa"));
        Assert.True(AttributeUsage.MayUse(withRates.RemoveReferences(rates), "Cmaa"));
    }
}

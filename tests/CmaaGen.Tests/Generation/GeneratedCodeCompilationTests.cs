using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using CmaaGen.Generation;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CmaaGen.Tests.Generation;

/// <summary>The generated code compiles without a single warning for every C# version and nullable setting users have.</summary>
public class GeneratedCodeCompilationTests
{
    /// <summary>Code a consumer writes against the generated API.</summary>
    private const string Consumer = """
        using Cmaa;

        internal static class Consumer
        {
            public static string Describe(string code)
            {
                CmaaCountry country;
                if (!CmaaAgreements.TryGetCountry(code, out country))
                {
                    return CmaaAgreements.IsOwner(code) ? "owner" : "no agreement";
                }

                CmaaAgreement agreement = CmaaAgreements.GetAgreement(country);
                return CmaaAgreements.GetAlpha2(country) + CmaaAgreements.GetAlpha3(country) + CmaaAgreements.GetNumeric(country)
                    + CmaaAgreements.GetName(country) + agreement.Signed + agreement.InForce + agreement.Note + agreement.Source
                    + agreement.Kind + agreement.Status + agreement.IsInForce + CmaaAgreements.HasAgreement(country)
                    + CmaaAgreements.All.Count + CmaaAgreements.Countries.Count + CmaaAgreements.Provenance + CmaaAgreements.Owner;
            }

            public static void Send([CustomsDataExchange] string country)
            {
            }
        }
        """;

    public static IEnumerable<object[]> Settings()
    {
        yield return [LanguageVersion.CSharp7_3, NullableContextOptions.Disable, true];
        yield return [LanguageVersion.CSharp7_3, NullableContextOptions.Disable, false];
        yield return [LanguageVersion.CSharp8, NullableContextOptions.Enable, true];
        yield return [LanguageVersion.CSharp8, NullableContextOptions.Disable, false];
        yield return [LanguageVersion.CSharp10, NullableContextOptions.Annotations, true];
        yield return [LanguageVersion.Latest, NullableContextOptions.Enable, true];
        yield return [LanguageVersion.Latest, NullableContextOptions.Disable, true];
        yield return [LanguageVersion.Preview, NullableContextOptions.Enable, false];
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Default_list_compiles_without_warnings(LanguageVersion language, NullableContextOptions nullable, bool spans)
        => AssertCompilesCleanly(lists: [], language, nullable, spans);

    [Theory]
    [MemberData(nameof(Settings))]
    public void Custom_list_compiles_without_warnings(LanguageVersion language, NullableContextOptions nullable, bool spans)
        => AssertCompilesCleanly(lists: [("/p/partners.cmaa.csv", TestData.SmallList)], language, nullable, spans);

    [Fact]
    public void Every_ISO_country_as_a_partner_compiles_without_warnings()
    {
        var allCountries = "country\n" + string.Join("\n", CmaaGen.Catalog.CountryCatalog.Default.Countries.Select(c => c.Alpha2)) + "\n";
        AssertCompilesCleanly([("/p/all.cmaa.csv", allCountries)], LanguageVersion.Latest, NullableContextOptions.Enable, spans: true);
    }

    [Fact]
    public void An_empty_list_compiles_without_warnings()
        => AssertCompilesCleanly([("/p/empty.cmaa.csv", "country\n")], LanguageVersion.CSharp7_3, NullableContextOptions.Disable, spans: false);

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.Latest, NullableContextOptions.Enable)]
    public void Public_types_compile_without_warnings_and_are_fully_documented(LanguageVersion language, NullableContextOptions nullable)
        => AssertCompilesCleanly([("/p/partners.cmaa.csv", TestData.SmallList)], language, nullable, spans: true, publicTypes: true);

    /// <summary>
    /// The generated code leaves nullable warnings off for itself, to spare every build their analysis; its public API
    /// still tells callers where null is accepted and where it never comes back.
    /// </summary>
    [Fact]
    public void The_public_api_keeps_its_nullable_annotations()
    {
        var output = Generate([], NullableContextOptions.Enable, GeneratorHarness.ParseOptions(), publicTypes: true);
        var lookups = output.GetTypeByMetadataName("Cmaa.CmaaAgreements")!;
        var tryGetCountry = lookups.GetMembers("TryGetCountry").OfType<IMethodSymbol>().Single(m => m.Parameters[0].Type.SpecialType == SpecialType.System_String);
        var getName = lookups.GetMembers("GetName").OfType<IMethodSymbol>().Single();

        Assert.Equal(NullableAnnotation.Annotated, tryGetCountry.Parameters[0].NullableAnnotation);
        Assert.Equal(NullableAnnotation.NotAnnotated, getName.ReturnNullableAnnotation);
        Assert.Contains(output.SyntaxTrees, tree => tree.ToString().Contains("#nullable enable annotations\n#nullable disable warnings\n"));
    }

    /// <summary>
    /// A string literal whose metadata offset passes 2^24 fails the build (CS8103), which a list's rows, at 4 million
    /// characters per list (CMAA112) and up to five per non-ASCII character, could otherwise cause. The rows are the
    /// assembly's last user string, and a string that starts below the limit may end above it: two such lists of non-ASCII
    /// notes, a 40-million-character literal, compiled.
    /// </summary>
    [Fact]
    public void The_agreement_rows_are_the_last_user_string()
    {
        var output = Generate([("/p/partners.cmaa.csv", TestData.SmallList)], NullableContextOptions.Enable, GeneratorHarness.ParseOptions(), publicTypes: false)
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("static class Later { public static string Text() => \"later\"; }", GeneratorHarness.ParseOptions(), path: "Z.cs"));
        var rows = output.SyntaxTrees.SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>())
            .Single(declarator => declarator.Identifier.Text == "s_agreementRows")
            .Initializer!.Value;

        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream).Success);
        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var last = default(UserStringHandle);
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            last = handle;
        }

        Assert.Equal(((LiteralExpressionSyntax)rows).Token.ValueText, metadata.GetUserString(last));
    }

    private static void AssertCompilesCleanly(
        IEnumerable<(string Path, string Text)> lists, LanguageVersion language, NullableContextOptions nullable, bool spans, bool publicTypes = false)
    {
        var parseOptions = GeneratorHarness.ParseOptions(language, spans ? null : [])
            .WithDocumentationMode(DocumentationMode.Diagnose);
        var output = Generate(lists, nullable, parseOptions, publicTypes);

        Assert.True(output.SyntaxTrees.Count() >= 4);
        Assert.Empty(Warnings(output));

        // The same code with the nullable warnings it turns off for itself turned on.
        var generated = output.SyntaxTrees.Where(CmaaGenerator.IsOwnOutput).ToList();
        var analysed = output.RemoveSyntaxTrees(generated).AddSyntaxTrees(generated.Select(tree => CSharpSyntaxTree.ParseText(
            tree.ToString().Replace("#nullable disable warnings\n", "#nullable enable warnings\n"), parseOptions, tree.FilePath)));
        Assert.Empty(Warnings(analysed));
    }

    private static Compilation Generate(
        IEnumerable<(string Path, string Text)> lists, NullableContextOptions nullable, CSharpParseOptions parseOptions, bool publicTypes)
    {
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(Consumer, parseOptions, path: "Consumer.cs")],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, warningLevel: 9999));

        GeneratorHarness.Driver(lists, parseOptions, publicTypes: publicTypes).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        return output;
    }

    private static IEnumerable<string> Warnings(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString());
}

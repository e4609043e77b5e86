using System.Threading.Tasks;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CmaaGen.Tests.Analysis;

/// <summary>Whose agreements a list holds (its owner), and countries covered through another agreement (CMAA005).</summary>
public class OwnerAndCoverageTests
{
    private const string Gateway = """
        using Cmaa;

        public class Gateway
        {
            public void Send([CustomsDataExchange] string country) { }
        }

        """;

    private const string EuropeanList = """
        # provenance: Contoso EU coverage policy
        # owner: US
        country,name,signed,in_force,covers
        EU,European Union,1997-05-28,1997-08-01,AT;BE;BG;HR;CY;CZ;DK;EE;FI;FR;DE;GR;HU;IE;IT;LV;LT;LU;MT;NL;PL;PT;RO;SK;SI;ES;SE
        DE,Germany,,,
        """;

    [Theory]
    [InlineData("GB")]
    [InlineData("gb")]
    [InlineData("GBR")]
    [InlineData("826")]
    [InlineData("United Kingdom")]
    [InlineData("uk")]
    public async Task A_lists_owner_is_never_reported_in_any_form(string text)
    {
        var test = new AnalyzerTest(Gateway + $$"""class C { void M(Gateway g) { g.Send("{{text}}"); g.Send({|CMAA001:"US"|}); } }""");
        test.Lists.Add(("/0/uk.cmaa.csv", "# owner: United Kingdom\ncountry\nFR\n"));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task A_country_covered_by_another_agreement_is_CMAA005_naming_that_agreement()
    {
        var test = new AnalyzerTest(
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    g.Send({|#0:"HR"|});
                    g.Send({|#1:"Luxembourg"|});
                    g.Send("DE");
                    g.Send("EU");
                    g.Send({|CMAA001:"NO"|});
                }
            }
            """,
            new DiagnosticResult("CMAA005", DiagnosticSeverity.Info).WithLocation(0)
                .WithArguments("HR", "Croatia (HR)", "European Union (EU)", "Contoso EU coverage policy"),
            new DiagnosticResult("CMAA005", DiagnosticSeverity.Info).WithLocation(1)
                .WithArguments("Luxembourg", "Luxembourg (LU)", "European Union (EU)", "Contoso EU coverage policy"));
        test.Lists.Add(("/0/eu.cmaa.csv", EuropeanList));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task A_team_can_raise_CMAA005_to_an_error()
    {
        var test = new AnalyzerTest(
            Gateway + """class C { void M(Gateway g) => g.Send({|#0:"SI"|}); }""",
            new DiagnosticResult("CMAA005", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("SI", "Slovenia (SI)", "European Union (EU)", "Contoso EU coverage policy"));
        test.Lists.Add(("/0/eu.cmaa.csv", EuropeanList));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.CMAA005.severity = error\n"));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task The_default_list_leaves_the_European_Community_row_without_coverage()
        => await AnalyzerTest.VerifyAsync(Gateway + """class C { void M(Gateway g) { g.Send({|CMAA001:"HR"|}); g.Send({|CMAA001:"EE"|}); g.Send("EU"); } }""");
}

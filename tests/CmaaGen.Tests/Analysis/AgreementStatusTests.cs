using System.Threading.Tasks;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CmaaGen.Tests.Analysis;

/// <summary>CMAA003 and custom lists: the analyzer judges by the project's own lists.</summary>
public class AgreementStatusTests
{
    private const string Gateway = """
        using Cmaa;

        public class Gateway
        {
            public void Send([CustomsDataExchange] string country) { }
        }

        """;

    private const string List = """
        # provenance: Contoso compliance list
        country,signed,status
        DE,1990,in force
        UZ,2024-09-13,"signed, not yet in force"
        CV,,signed
        CI,2001,terminated
        """;

    [Fact]
    public async Task A_custom_list_replaces_the_default_one()
    {
        var test = new AnalyzerTest(Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    g.Send("DE");
                    g.Send({|#0:"FR"|});
                    g.Send({|CMAA001:"US"|});
                }
            }
            """,
            new DiagnosticResult("CMAA001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("FR", "France (FR)", "Contoso compliance list"));
        test.Lists.Add(("/0/partners.cmaa.csv", List));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task Signed_or_terminated_agreements_are_not_in_force()
    {
        var test = new AnalyzerTest(
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    g.Send({|#0:"UZ"|});
                    g.Send({|#1:"Cabo Verde"|});
                    g.Send({|#2:"civ"|});
                }
            }
            """,
            new DiagnosticResult("CMAA003", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("UZ", "Uzbekistan (UZ)", "Contoso compliance list", "it was signed 2024-09-13 and no entry into force is recorded"),
            new DiagnosticResult("CMAA003", DiagnosticSeverity.Warning).WithLocation(1)
                .WithArguments("Cabo Verde", "Cabo Verde (CV)", "Contoso compliance list", "it is signed and no entry into force is recorded"),
            new DiagnosticResult("CMAA003", DiagnosticSeverity.Warning).WithLocation(2)
                .WithArguments("civ", "Côte d'Ivoire (CI)", "Contoso compliance list", "it is terminated"));
        test.Lists.Add(("/0/partners.cmaa.csv", List));
        await test.VerifyAsync();
    }

    /// <summary>
    /// The generated enum has a member for every partner of the lists, in force or not, and any number can be cast to
    /// it: a CmaaCountry constant is judged as the code it stands for, and quoted as it is written; a number cast to
    /// it is the member of that value, and a code or name read from a constant is that constant. default(CmaaCountry)
    /// is a placeholder, as the empty string is.
    /// </summary>
    [Fact]
    public async Task A_CmaaCountry_constant_is_judged_by_the_country_it_stands_for()
    {
        var test = new AnalyzerTest(
            Gateway + """
            internal class Typed
            {
                public void Send([CustomsDataExchange] CmaaCountry country) { }
                public void SendNumber([CustomsDataExchange] int numeric) { }
                [CustomsDataExchange] public CmaaCountry? Partner { get; set; }
            }

            class C
            {
                const CmaaCountry Pending = CmaaCountry.Uzbekistan;
                const CmaaCountry Five = (CmaaCountry)5;

                void M(Typed t)
                {
                    t.Send(CmaaCountry.Germany);
                    t.Send({|#0:CmaaCountry.Uzbekistan|});
                    t.Send({|#1:Pending|});
                    t.Send({|#2:(CmaaCountry)364|});
                    t.Send((CmaaCountry)276);
                    t.SendNumber((int){|#3:CmaaCountry.CaboVerde|});
                    t.Partner = {|#4:CmaaCountry.CoteDIvoire|};
                    t.Send({|#5:Five|});
                    t.Send(default);
                    t.Send(default(CmaaCountry));
                }

                void Read(Gateway g, CmaaCountry country)
                {
                    g.Send({|#6:CmaaAgreements.GetAlpha2({|#7:CmaaCountry.Uzbekistan|})|});
                    g.Send({|#8:{|#9:CmaaCountry.CaboVerde|}.ToString()|});
                    g.Send(CmaaAgreements.GetName(CmaaCountry.Germany));
                    g.Send(CmaaAgreements.GetAlpha3(country));
                }
            }
            """,
            new DiagnosticResult("CMAA003", DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("CmaaCountry.Uzbekistan", "Uzbekistan (UZ)", "Contoso compliance list", "it was signed 2024-09-13 and no entry into force is recorded"),
            new DiagnosticResult("CMAA003", DiagnosticSeverity.Warning).WithLocation(1)
                .WithArguments("Pending", "Uzbekistan (UZ)", "Contoso compliance list", "it was signed 2024-09-13 and no entry into force is recorded"),
            new DiagnosticResult("CMAA001", DiagnosticSeverity.Warning).WithLocation(2)
                .WithArguments("(CmaaCountry)364", "Iran (IR)", "Contoso compliance list"),
            new DiagnosticResult("CMAA003", DiagnosticSeverity.Warning).WithLocation(3)
                .WithArguments("CmaaCountry.CaboVerde", "Cabo Verde (CV)", "Contoso compliance list", "it is signed and no entry into force is recorded"),
            new DiagnosticResult("CMAA003", DiagnosticSeverity.Warning).WithLocation(4)
                .WithArguments("CmaaCountry.CoteDIvoire", "Côte d'Ivoire (CI)", "Contoso compliance list", "it is terminated"),
            new DiagnosticResult("CMAA002", DiagnosticSeverity.Warning).WithLocation(5)
                .WithArguments("Five", ": no country has that CmaaCountry value"),
            new DiagnosticResult("CMAA003", DiagnosticSeverity.Warning).WithLocation(6).WithLocation(7)
                .WithArguments("CmaaCountry.Uzbekistan", "Uzbekistan (UZ)", "Contoso compliance list", "it was signed 2024-09-13 and no entry into force is recorded"),
            new DiagnosticResult("CMAA003", DiagnosticSeverity.Warning).WithLocation(8).WithLocation(9)
                .WithArguments("CmaaCountry.CaboVerde", "Cabo Verde (CV)", "Contoso compliance list", "it is signed and no entry into force is recorded"));
        test.Lists.Add(("/0/partners.cmaa.csv", List));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task A_list_without_provenance_is_named_by_its_files()
    {
        var test = new AnalyzerTest(
            Gateway + """class C { void M(Gateway g) => g.Send({|#0:"FR"|}); }""",
            new DiagnosticResult("CMAA001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("FR", "France (FR)", "a.cmaa.csv, b.cmaa.csv"));
        test.Lists.Add(("/0/b.cmaa.csv", "country\nDE\n"));
        test.Lists.Add(("/0/a.cmaa.csv", "country\nGB\n"));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task A_newer_agreement_in_force_governs_over_an_older_one()
    {
        var test = new AnalyzerTest(Gateway + """class C { void M(Gateway g) { g.Send("UA"); g.Send({|CMAA003:"GB"|}); } }""");
        test.Lists.Add(("/0/a.cmaa.csv", "country,signed,status\nUA,,in force\nUA,2016-05-23,signed\nGB,2020-12-16,signed\n"));
        await test.VerifyAsync();
    }
}

using System.Linq;
using System.Threading.Tasks;
using CmaaGen.Diagnostics;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CmaaGen.Tests.Analysis;

/// <summary>
/// <c>[AgreementChecked]</c>: another assembly has a library's compiled checks and not their code, so it takes a call
/// of a marked method as the check its mark states (CMAA004), and the library's own build reports a mark the code does
/// not bear out (CMAA008).
/// </summary>
public sealed class CheckMarkTests
{
    private const string Library = """
        using Cmaa;

        namespace Compliance
        {
            public static class Checks
            {
                public static void Ensure([AgreementChecked] string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }

                public static void EnsureUnmarked(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }

                public static bool IsPermitted([AgreementChecked(true)] string country) => CmaaAgreements.HasAgreement(country);

                public static bool IsEmbargoed([AgreementChecked(false)] string country) => !CmaaAgreements.HasAgreement(country);

                public static bool IsPermittedUnmarked(string country) => CmaaAgreements.HasAgreement(country);

                public static bool Second(string first, [AgreementChecked(true)] string second) => CmaaAgreements.HasAgreement(second);
            }

            public class Policy
            {
                public virtual bool Allows([AgreementChecked(true)] string country) => CmaaAgreements.HasAgreement(country);

                public virtual void Require([AgreementChecked] string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }
            }
        }
        """;

    private const string Application = """
        using System.Linq;
        using Cmaa;
        using Compliance;

        public class Gateway
        {
            public void Send([CustomsDataExchange] string country) { }
        }

        public static class Filings
        {
            public static void File(Gateway g, Policy policy, string[] list, string a, string b, string c, string d, string e, string f, string h, string i, string j)
            {
                Checks.Ensure(a);
                g.Send(a);
                Checks.EnsureUnmarked(b);
                g.Send(b);
                if (Checks.IsPermitted(c)) g.Send(c);
                if (Checks.IsPermittedUnmarked(c)) g.Send(d);
                if (Checks.IsEmbargoed(e)) return;
                g.Send(e);
                if (Checks.IsEmbargoed(f)) g.Send(f);
                if (Checks.Second(a, h)) g.Send(h);
                if (policy.Allows(i)) g.Send(i);
                foreach (var item in list.Where(Checks.IsPermitted)) g.Send(item);
                foreach (var item in list.Where(Checks.IsPermittedUnmarked)) g.Send(item);
                policy.Require(j);
                g.Send(j);
            }
        }
        """;

    /// <summary>
    /// The marked validation helper, predicate and negated predicate check their arguments in the application, used
    /// as the project's own are; the unmarked twins and an overridable method do not. The IDE (the library as a
    /// compilation) and CI (its assembly) agree.
    /// </summary>
    [Fact]
    public void A_librarys_marked_checks_are_checks_in_the_assemblies_that_call_them()
    {
        var library = LibraryReference.WithGenerator(Library, "Compliance");

        string[] expected = ["CMAA004 17,16", "CMAA004 19,51", "CMAA004 22,43", "CMAA004 24,38", "CMAA004 26,77", "CMAA004 28,16"];
        Assert.Equal(expected, Analyze(LibraryReference.Emit(library)));
        Assert.Equal(expected, Analyze(library.ToMetadataReference()));
    }

    /// <summary>The library's own build bears its marks out: the overridable methods' are the ones it reports.</summary>
    [Fact]
    public void The_library_reports_only_the_marks_its_code_does_not_bear_out()
    {
        var own = PipelineRunner.Run([Library]);

        own.AssertNothingCrashed();
        Assert.Equal(
            [
                "CMAA008 28,37: 'country' is marked [AgreementChecked(true)], but Allows can be overridden, and an override need not check: other assemblies would take unchecked values as checked",
                "CMAA008 30,38: 'country' is marked [AgreementChecked], but Require can be overridden, and an override need not check: other assemblies would take unchecked values as checked",
            ],
            own.All.OrderBy(d => d.Location.SourceSpan.Start).Select(d => Position(d) + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public Task Reports_each_mark_the_code_does_not_bear_out()
        => AnalyzerTest.VerifyAsync(
            """
            using Cmaa;
            using Check = Cmaa.AgreementCheckedAttribute;

            public class Checks
            {
                public static void Ensure([AgreementChecked] string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }

                public static bool IsPermitted([AgreementChecked(true)] string country) => CmaaAgreements.HasAgreement(country);

                public static bool IsEmbargoed([AgreementChecked(returnValue: false)] string country)
                {
                    return !CmaaAgreements.HasAgreement(country);
                }

                public static bool Inverted([{|#0:AgreementChecked(true)|}] string country) => !CmaaAgreements.HasAgreement(country);

                public static bool Throws([{|#1:AgreementChecked(true)|}] string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                    return true;
                }

                public static void Logs([{|#2:AgreementChecked|}] string country) => System.Console.WriteLine(country);

                public static bool OtherParameter(string first, [{|#3:AgreementChecked(true)|}] string second) => CmaaAgreements.HasAgreement(first);

                public virtual bool Overridable([{|#4:AgreementChecked(true)|}] string country) => CmaaAgreements.HasAgreement(country);

                public static int Count([{|#5:Cmaa.AgreementCheckedAttribute(true)|}] string country) => CmaaAgreements.HasAgreement(country) ? 1 : 0;

                public static void Aliased([{|#6:Check|}] string country) { }

                public System.Func<string, bool> Lambda = ([{|#7:AgreementChecked(true)|}] string country) => CmaaAgreements.HasAgreement(country);

                public static void Unrelated([System.Runtime.CompilerServices.CallerMemberName] string caller = "") { }
            }

            public interface IChecks
            {
                bool Allows([{|#8:AgreementChecked(true)|}] string country);
            }
            """,
            Unproven(0, "country", "AgreementChecked(true)", "Inverted does not return CmaaAgreements.HasAgreement(country)"),
            Unproven(1, "country", "AgreementChecked(true)", "Throws does not return CmaaAgreements.HasAgreement(country)"),
            Unproven(2, "country", "AgreementChecked", "Logs does not begin with if (!CmaaAgreements.HasAgreement(country)) throw …;"),
            Unproven(3, "second", "AgreementChecked(true)", "OtherParameter does not return CmaaAgreements.HasAgreement(second)"),
            Unproven(4, "country", "AgreementChecked(true)", "Overridable can be overridden, and an override need not check"),
            Unproven(5, "country", "AgreementChecked(true)", "Count does not return CmaaAgreements.HasAgreement(country)"),
            Unproven(6, "country", "AgreementChecked", "Aliased does not begin with if (!CmaaAgreements.HasAgreement(country)) throw …;"),
            Unproven(7, "country", "AgreementChecked(true)", "only a parameter of a method can be marked"),
            Unproven(8, "country", "AgreementChecked(true)", "Allows can be overridden, and an override need not check"));

    /// <summary>A project's own code is read, not its marks: a mark its code does not bear out is no check there either.</summary>
    [Fact]
    public Task Within_the_project_the_code_decides_not_the_mark()
        => new AnalyzerTest(
            """
            using Cmaa;

            public class Gateway
            {
                public void Send([CustomsDataExchange] string country) { }
            }

            public static class Checks
            {
                public static bool Inverted([{|CMAA008:AgreementChecked(true)|}] string country) => !CmaaAgreements.HasAgreement(country);

                public static bool IsPermitted(string country) => CmaaAgreements.HasAgreement(country);

                public static void File(Gateway g, Policy policy, string a, string b, string c)
                {
                    if (Inverted(a)) g.Send({|CMAA004:a|});
                    if (IsPermitted(b)) g.Send(b);
                    policy.Require(c);
                    g.Send({|CMAA004:c|});
                }
            }

            public class Policy
            {
                // An override need not check: an overridable validation method is no check, marked or not.
                public virtual void Require(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    private static DiagnosticResult Unproven(int location, string parameter, string mark, string reason)
        => new DiagnosticResult(Rules.UnprovenCheckMark).WithLocation(location).WithArguments(parameter, mark, reason);

    private static string[] Analyze(MetadataReference library)
    {
        var result = PipelineRunner.Run([Application], enableUnchecked: true, references: [library]);
        result.AssertNothingCrashed();
        return result.All.OrderBy(d => d.Location.SourceSpan.Start).Select(Position).ToArray();
    }

    private static string Position(Diagnostic diagnostic)
    {
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return diagnostic.Id + " " + (start.Line + 1) + "," + (start.Character + 1);
    }
}

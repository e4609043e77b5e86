using System.Threading.Tasks;
using CmaaGen.CodeFixes;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CmaaGen.Tests.Analysis;

/// <summary>
/// CMAA007: a library's constructor parameter that its code makes an exchange (a store in a marked member, or a chain to
/// a constructor that stores or marks it) is invisible as one to other assemblies, which see only the compiled
/// constructor; the fix marks it. <see cref="ProjectReferenceTests"/> shows what another assembly sees before and after.
/// </summary>
public class ConstructorParameterMarkTests
{
    private const string Types = """
        using System;
        using Cmaa;

        public class Declaration
        {
            public Declaration(string {|CMAA007:destination|}) { Destination = destination; }
            public Declaration(string {|CMAA007:destination|}, int copies) : this(destination) { }
            protected Declaration(int copies, string {|CMAA007:origin|}) { Origin = origin ?? throw new ArgumentNullException(nameof(origin)); }
            internal Declaration(string destination, string notes) { Destination = destination; }
            private Declaration(string destination, long id) { Destination = destination; }
            public Declaration([CustomsDataExchange] string destination, bool urgent) { Destination = destination; }
            public Declaration(string notes, char kind) { Notes = notes; }

            [CustomsDataExchange] public string Destination { get; } = "";
            [CustomsDataExchange] public string Origin { get; } = "";
            public string Notes { get; } = "";
        }

        public sealed class Export : Declaration
        {
            public Export(string {|CMAA007:destination|}, DateTime date) : base(destination) { }
        }

        public sealed class Consignment(string {|CMAA007:consignee|}, string goods)
        {
            [CustomsDataExchange] public string Consignee { get; } = consignee;
            public string Goods { get; } = goods;
        }

        // Positional records carry the mark in the compiled assembly; a member initialized from one does not.
        public record Filing([property: CustomsDataExchange] string Destination, string {|CMAA007:Origin|})
        {
            [CustomsDataExchange] public string Route { get; } = Origin;
        }

        internal sealed class Internal
        {
            public Internal(string destination) { Destination = destination; }
            [CustomsDataExchange] public string Destination { get; } = "";
        }

        internal static class Outer
        {
            public sealed class Nested
            {
                public Nested(string destination) { Destination = destination; }
                [CustomsDataExchange] public string Destination { get; } = "";
            }
        }

        """;

    [Fact]
    public async Task Reports_a_librarys_constructor_parameters_that_other_assemblies_call_unmarked()
        => await new AnalyzerTest(Types).VerifyAsync();

    /// <summary>A friend assembly (<c>InternalsVisibleTo</c>) calls internal constructors too, and sees no more of them.</summary>
    [Fact]
    public async Task With_a_friend_assembly_internal_constructors_are_called_from_outside_too()
        => await AnalyzerTest.VerifyAsync("""
            using System.Runtime.CompilerServices;
            using Cmaa;

            [assembly: InternalsVisibleTo("Contoso.Filing")]

            internal sealed class Declaration
            {
                internal Declaration(string {|CMAA007:destination|}) { Destination = destination; }
                private Declaration(string destination, int copies) { Destination = destination; }
                [CustomsDataExchange] public string Destination { get; } = "";
            }
            """);

    /// <summary>
    /// Giving internals to tests and to mocking libraries' proxies is what nearly every library does; those friends ship
    /// no calls, so the internal constructor is reported only once a shipping friend is added.
    /// </summary>
    [Fact]
    public async Task Test_and_mock_friends_do_not_call_from_outside()
    {
        const string Friends = """
            [assembly: InternalsVisibleTo("Contoso.Customs.Tests")]
            [assembly: InternalsVisibleTo("Contoso.Customs.UnitTests, PublicKey=0024000004800000")]
            [assembly: InternalsVisibleTo("ContosoCustomsTest")]
            [assembly: InternalsVisibleTo("Contoso.Customs.Specs")]
            [assembly: InternalsVisibleTo("Contoso.Customs.Benchmarks")]
            [assembly: InternalsVisibleTo("DynamicProxyGenAssembly2, PublicKey=0024000004800000")]

            """;
        const string Declaration = """
            internal sealed class Declaration
            {
                internal Declaration(string destination) { Destination = destination; }
                [CustomsDataExchange] public string Destination { get; } = "";
            }
            """;
        const string Usings = "using System.Runtime.CompilerServices;\nusing Cmaa;\n\n";
        await AnalyzerTest.VerifyAsync(Usings + Friends + Declaration);

        // A name only spelled like a test's still ships.
        await AnalyzerTest.VerifyAsync(
            Usings + Friends + "[assembly: InternalsVisibleTo(\"Contoso.Latest\")]\n\n" + Declaration.Replace("string destination)", "string {|CMAA007:destination|})"));
    }

    [Fact]
    public async Task Names_the_constructor_and_what_the_parameter_reaches()
        => await AnalyzerTest.VerifyAsync(
            """
            using Cmaa;

            public sealed class Declaration
            {
                public Declaration(string {|#0:destination|}) : this(destination, 1) { }
                public Declaration(string {|#1:destination|}, int copies) { Destination = destination; }
                [CustomsDataExchange] public string Destination { get; } = "";
            }
            """,
            Expect(0, "destination", "Declaration.Declaration(string)", "property Declaration.Destination"),
            Expect(1, "destination", "Declaration.Declaration(string, int)", "property Declaration.Destination"));

    [Fact]
    public async Task An_application_is_not_called_from_other_assemblies()
    {
        var test = new AnalyzerTest(Types.Replace("{|CMAA007:", "").Replace("|}", "") + "static class Program { static void Main() { } }");
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.VerifyAsync();
    }

    [Fact]
    public async Task The_fix_marks_the_parameter()
        => await new CodeFixTest<ParameterMarkFix>(
            """
            namespace Contracts
            {
                public class Declaration
                {
                    public Declaration(string {|CMAA007:destination|}, int copies)
                    {
                        Destination = destination;
                    }

                    public Declaration(
                        string {|CMAA007:destination|}) : this(destination, 1) { }

                    [Cmaa.CustomsDataExchange] public string Destination { get; }
                }

                public sealed class Consignment(string {|CMAA007:consignee|})
                {
                    [Cmaa.CustomsDataExchange] public string Consignee { get; } = consignee;
                }
            }
            """,
            """
            using Cmaa;

            namespace Contracts
            {
                public class Declaration
                {
                    public Declaration([CustomsDataExchange] string destination, int copies)
                    {
                        Destination = destination;
                    }

                    public Declaration(
                        [CustomsDataExchange] string destination) : this(destination, 1) { }

                    [Cmaa.CustomsDataExchange] public string Destination { get; }
                }

                public sealed class Consignment([CustomsDataExchange] string consignee)
                {
                    [Cmaa.CustomsDataExchange] public string Consignee { get; } = consignee;
                }
            }
            """).VerifyAsync();

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expect(int location, string parameter, string constructor, string reached)
        => new Microsoft.CodeAnalysis.Testing.DiagnosticResult("CMAA007", DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithArguments(parameter, constructor, reached);
}

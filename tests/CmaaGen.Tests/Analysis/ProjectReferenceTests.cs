using System.Linq;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CmaaGen.Tests.Analysis;

/// <summary>
/// An IDE references a project of the same solution as that project's compilation, whose symbols carry its syntax; a
/// command-line build references the assembly it built. CmaaGen reads only the analysed compilation's own syntax, so
/// both give the same diagnostics: before, the IDE followed the other project's constructors and readonly members,
/// which CI never saw, and reported CMAA900 where that needed a semantic model of the other project's file.
/// </summary>
public sealed class ProjectReferenceTests
{
    private const string Library = """
        using Cmaa;

        namespace Contracts
        {
            public class Declaration
            {
                public Declaration(string destination) { Destination = destination; }
                [CustomsDataExchange] public string Destination { get; }
            }

            public class Export : Declaration
            {
                public Export(string destination) : base(destination) { }
            }

            public class Marked
            {
                public Marked([CustomsDataExchange] string destination) { Destination = destination; }
                public string Destination { get; }
            }

            public static class Settings
            {
                public static readonly string Partner = "KP";
                public static string Home() => "IR";
                public static string Route => "SY";
            }

            public class Gateway
            {
                public void Send([CustomsDataExchange] string country) { }
            }

            public static class Checks
            {
                public static void Ensure(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }
            }
        }
        """;

    private const string Application = """
        using Contracts;

        public static class Filings
        {
            public static void File(string input)
            {
                var gateway = new Gateway();
                _ = new Declaration("IR");
                _ = new Export("KP");
                _ = new Marked("CU");
                gateway.Send(Settings.Partner);
                gateway.Send(Settings.Home());
                gateway.Send(Settings.Route);
                Checks.Ensure(input);
                gateway.Send(input);
            }
        }
        """;

    [Fact]
    public void A_project_reference_gives_the_diagnostics_of_its_assembly()
    {
        var library = LibraryReference.WithGenerator(Library, "Contracts");

        var inIde = Analyze(library.ToMetadataReference());
        var inCi = Analyze(LibraryReference.Emit(library));

        // A constructor's store and a member's value are the library's own business: what the application sees of them
        // is their marks (CMAA001 for the marked parameter) and unknown values (CMAA004), wherever it is built.
        string[] expected = ["CMAA001 10,24", "CMAA004 11,22", "CMAA004 12,22", "CMAA004 13,22", "CMAA004 15,22"];
        Assert.Equal(expected, inCi);
        Assert.Equal(expected, inIde);
    }

    private static string[] Analyze(MetadataReference library)
    {
        var result = PipelineRunner.Run([Application], enableUnchecked: true, references: [library]);
        result.AssertNothingCrashed();
        return result.All
            .Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition))
            .OrderBy(d => d.Line.Line).ThenBy(d => d.Line.Character)
            .Select(d => d.Id + " " + (d.Line.Line + 1) + "," + (d.Line.Character + 1))
            .ToArray();
    }
}

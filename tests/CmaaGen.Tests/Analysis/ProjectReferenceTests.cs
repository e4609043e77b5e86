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

            public interface IChannel
            {
                void Open([CustomsDataExchange] string country);
            }

            public record Filing([CustomsDataExchange] string Destination, int Copies);

            public enum Iso { DE, IR }

            public static class Routes
            {
                public static readonly string[] Partners = { "DE", "CU" };
                public static readonly System.Action<string> Forward = new Gateway().Send;
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
                _ = new Filing("SY", 1);
                gateway.Send(Iso.IR.ToString());
                new Channel().Open("KP");
                Routes.Forward("IR");
                foreach (var partner in Routes.Partners)
                {
                    gateway.Send(partner);
                }
            }
        }

        public sealed class Channel : IChannel
        {
            public void Open(string country) { }
        }
        """;

    [Fact]
    public void A_project_reference_gives_the_diagnostics_of_its_assembly()
    {
        var library = LibraryReference.WithGenerator(Library, "Contracts");

        var inIde = Analyze(library.ToMetadataReference());
        var inCi = Analyze(LibraryReference.Emit(library));

        // A constructor's store, a member's value and a delegate a field holds are the library's own code: the
        // application sees marks (the parameter, the record's, the interface's, and an enum member's name: CMAA001) and
        // unknown values (CMAA004), wherever it is built. The stores are CMAA007 in the library.
        string[] expected =
        [
            "CMAA001 10,24", "CMAA004 11,22", "CMAA004 12,22", "CMAA004 13,22", "CMAA004 15,22",
            "CMAA001 16,24", "CMAA001 17,22", "CMAA001 18,28", "CMAA004 22,26",
        ];
        Assert.Equal(expected, inCi);
        Assert.Equal(expected, inIde);
    }

    /// <summary>
    /// The library is told (CMAA007) where its constructors' code makes a parameter an exchange; once marked, other
    /// assemblies check their arguments. Its validation helper, unmarked, is CMAA009.
    /// </summary>
    [Fact]
    public void A_constructor_parameter_the_library_marks_is_checked_in_the_application()
    {
        var own = PipelineRunner.Run([Library]);
        own.AssertNothingCrashed();
        Assert.Equal(["CMAA007 7,35", "CMAA007 13,30", "CMAA009 51,42"], Lines(own));

        var marked = Library
            .Replace("public Declaration(string destination)", "public Declaration([CustomsDataExchange] string destination)")
            .Replace("public Export(string destination)", "public Export([CustomsDataExchange] string destination)");
        Assert.Equal(["CMAA009 51,42"], Lines(PipelineRunner.Run([marked])));

        var library = LibraryReference.WithGenerator(marked, "Contracts");
        string[] expected =
        [
            "CMAA001 8,29", "CMAA001 9,24", "CMAA001 10,24", "CMAA004 11,22", "CMAA004 12,22", "CMAA004 13,22", "CMAA004 15,22",
            "CMAA001 16,24", "CMAA001 17,22", "CMAA001 18,28", "CMAA004 22,26",
        ];
        Assert.Equal(expected, Analyze(LibraryReference.Emit(library)));
        Assert.Equal(expected, Analyze(library.ToMetadataReference()));
    }

    private static string[] Analyze(MetadataReference library)
    {
        var result = PipelineRunner.Run([Application], enableUnchecked: true, references: [library]);
        result.AssertNothingCrashed();
        return Lines(result);
    }

    private static string[] Lines(PipelineResult result)
        => result.All
            .Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition))
            .OrderBy(d => d.Line.Line).ThenBy(d => d.Line.Character)
            .Select(d => d.Id + " " + (d.Line.Line + 1) + "," + (d.Line.Character + 1))
            .ToArray();
}

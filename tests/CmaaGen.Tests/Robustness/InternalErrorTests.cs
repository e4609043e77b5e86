using System;
using System.Linq;
using CmaaGen.Analysis;
using CmaaGen.Generation;
using CmaaGen.Tests.Infrastructure;

namespace CmaaGen.Tests.Robustness;

/// <summary>
/// An exception inside any callback, injected by a test-only hook, becomes CMAA900 naming the file; the
/// build and the other diagnostics go on, and no AD0001 or CS8785 appears.
/// </summary>
public class InternalErrorTests
{
    private const string Gateway = """
        using Cmaa;
        internal sealed class Gateway { public void Send([CustomsDataExchange] string country) { } }
        """;

    private const string Healthy = "internal static class Healthy { static void M(Gateway g) => g.Send(\"IR\"); }";
    private const string Faulty = "internal static class Faulty { static void M(Gateway g) => g.Send(\"CU\"); }";

    [Fact]
    public void An_analyzer_callback_failure_is_CMAA900_in_that_file_and_the_others_are_still_checked()
    {
        var analyzer = new CountryAnalyzer(file =>
        {
            if (file.EndsWith("File2.cs", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("injected");
            }
        });

        var result = PipelineRunner.Run([Gateway, Healthy, Faulty], analyzer: analyzer);

        result.AssertNothingCrashed(internalErrorsExpected: true);
        var error = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "CMAA900");
        Assert.Equal("/src/File2.cs", error.Location.SourceTree!.FilePath);
        Assert.Equal("CmaaGen could not analyze '/src/File2.cs': InvalidOperationException: injected", error.GetMessage());
        Assert.Contains(result.AnalyzerDiagnostics, d => d.Id == "CMAA001" && d.Location.SourceTree!.FilePath == "/src/File1.cs");
    }

    /// <summary>The callbacks that read a library's checks and their marks (CMAA008, CMAA009) fail alone too.</summary>
    [Fact]
    public void A_failure_while_reading_checks_is_CMAA900_at_each_declaration()
    {
        const string Checks = """
            public static class Checks
            {
                public static bool IsPermitted([Cmaa.AgreementChecked(true)] string country) => Cmaa.CmaaAgreements.HasAgreement(country);
                public static bool IsAllowed(string country) => Cmaa.CmaaAgreements.HasAgreement(country);
            }

            public sealed class Partner
            {
                public Partner(string code) { if (!Cmaa.CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code); Code = code; }
                [Cmaa.AgreementChecked] public string Code { get; }
                public string Unmarked { get; } = "";
            }
            """;
        var analyzer = new CountryAnalyzer(file =>
        {
            if (file.EndsWith("File0.cs", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("injected");
            }
        });

        var result = PipelineRunner.Run([Checks], analyzer: analyzer);

        result.AssertNothingCrashed(internalErrorsExpected: true);
        Assert.Equal(
            ["CMAA900 2,4", "CMAA900 2,36", "CMAA900 3,4", "CMAA900 9,4", "CMAA900 9,5"],
            result.AnalyzerDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id + " " + d.Location.GetLineSpan().StartLinePosition));
    }

    [Fact]
    public void A_failure_at_compilation_start_is_CMAA900_instead_of_AD0001()
    {
        var analyzer = new CountryAnalyzer(step =>
        {
            if (step == "CompilationStart")
            {
                throw new InvalidOperationException("injected at start");
            }
        });

        var result = PipelineRunner.Run([Gateway, Healthy], analyzer: analyzer);

        result.AssertNothingCrashed(internalErrorsExpected: true);
        Assert.Contains("injected at start", Assert.Single(result.AnalyzerDiagnostics).GetMessage());
    }

    [Fact]
    public void A_generator_failure_on_one_list_is_CMAA900_in_that_list_and_the_other_lists_still_count()
    {
        var generator = new CmaaGenerator(useEmbeddedAttribute: true, step =>
        {
            if (step == "parse /p/b.cmaa.csv")
            {
                throw new FormatException("injected");
            }
        });

        var result = PipelineRunner.Run([Gateway, Healthy], [("/p/a.cmaa.csv", "country\nIR\n"), ("/p/b.cmaa.csv", "country\nDE\n")], generator);

        result.AssertNothingCrashed(internalErrorsExpected: true);
        var error = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CMAA900", error.Id);
        Assert.Equal("/p/b.cmaa.csv", error.Location.GetLineSpan().Path);
        Assert.Equal("CmaaGen could not analyze '/p/b.cmaa.csv': FormatException: injected", error.GetMessage());
        Assert.DoesNotContain(result.AnalyzerDiagnostics, d => d.Id == "CMAA001");
    }

    [Theory]
    [InlineData("merge", true)]
    [InlineData("spec", true)]
    [InlineData("spec", false)]
    [InlineData("emit", true)]
    [InlineData("emit", false)]
    public void A_generator_failure_while_merging_modelling_or_emitting_is_CMAA900(string failingStep, bool ownList)
    {
        var generator = new CmaaGenerator(useEmbeddedAttribute: true, step =>
        {
            if (step == failingStep)
            {
                throw new InvalidOperationException("injected " + step);
            }
        });

        // Without a list of its own the project gets the default list's stored files.
        var result = PipelineRunner.Run([Gateway, Healthy], ownList ? [("/p/a.cmaa.csv", "country\nDE\n")] : [], generator);

        result.AssertNothingCrashed(internalErrorsExpected: true);
        Assert.Contains("injected " + failingStep, Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CMAA900").GetMessage());
    }
}

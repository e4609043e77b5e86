using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace CmaaGen.EndToEnd.Tests;

/// <summary>
/// The packed package in Roslyn's workspace, which IDEs build on: an MSBuild workspace loads a solution's projects from
/// their design-time builds and references another project of the solution as its compilation (whose symbols carry that
/// project's code); the package's generator and analyzer must report there what <c>dotnet build</c> reports.
/// </summary>
[Collection(PackageCollection.Name)]
public class IdeHostTests(PackageFixture package)
{
    [Fact]
    public async Task A_workspace_reports_what_the_build_reports_across_projects()
    {
        var consumer = package.NewConsumer("ide-host")
            .Project("Contracts", outputType: "Library")
            .File("Contracts/Contracts.cs", """
                using Cmaa;

                namespace Contracts
                {
                    public class Declaration
                    {
                        public Declaration(string destination) { Destination = destination; }

                        [CustomsDataExchange] public string Destination { get; }
                    }

                    public sealed class Export : Declaration
                    {
                        public Export(string destination) : base(destination) { }
                    }

                    public sealed class Gateway
                    {
                        public void Send([CustomsDataExchange] string country) { }
                    }

                    public static class Settings
                    {
                        public static readonly string Partner = "KP";
                        public static string Home() => "IR";
                    }

                    public static class Checks
                    {
                        public static void Ensure([AgreementChecked] string country)
                        {
                            if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                        }

                        public static bool IsPermitted(string country) => CmaaAgreements.HasAgreement(country);
                    }
                }
                """)
            .Project("App", extraItems: """<ProjectReference Include="../Contracts/Contracts.csproj" />""")
            .File("App/Program.cs", """
                using Contracts;

                var gateway = new Gateway();
                gateway.Send("CU");
                _ = new Declaration("IR");
                _ = new Export("KP");
                gateway.Send(Settings.Partner);
                gateway.Send(Settings.Home());
                var first = args[0];
                Checks.Ensure(first);
                gateway.Send(first);
                var second = args[1];
                if (Checks.IsPermitted(second)) gateway.Send(second);
                """);

        // The strict preset, so that the library's checks count: a marked one is a check in the application.
        var build = await consumer.DotNetAsync("build", "App", "--no-incremental", "-p:CmaaAnalysisMode=Strict");
        Assert.True(build.ExitCode == 0, build.ToString());
        var built = Regex.Matches(build.Output, @"([A-Za-z]+\.cs)\((\d+),(\d+)\): warning (CMAA\d+)")
            .Select(m => m.Groups[1].Value + "(" + m.Groups[2].Value + "," + m.Groups[3].Value + "): " + m.Groups[4].Value)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

        using var workspace = MSBuildWorkspace.Create(new Dictionary<string, string> { ["CmaaAnalysisMode"] = "Strict" });
        var app = await workspace.OpenProjectAsync(Path.Combine(consumer.Directory, "App", "App.csproj"));
        var inIde = (await Task.WhenAll(workspace.CurrentSolution.Projects.Select(AnalyzeAsync)))
            .SelectMany(d => d)
            .Order(StringComparer.Ordinal)
            .ToArray();

        // In both hosts, and with no CMAA900 or AD0001: the library's two CMAA007 and the stores under them (CMAA004); the
        // application's marked call (CMAA001), the values it reads from the library (CMAA004), and the value the unmarked
        // check tests (CMAA004), but not the one the marked check tests (line 11).
        Assert.Equal(
            [
                "Contracts.cs(14,30): CMAA007", "Contracts.cs(14,50): CMAA004", "Contracts.cs(7,35): CMAA007", "Contracts.cs(7,64): CMAA004",
                "Program.cs(13,46): CMAA004", "Program.cs(4,14): CMAA001", "Program.cs(7,14): CMAA004", "Program.cs(8,14): CMAA004",
            ],
            built);
        Assert.Equal(built, inIde);
        Assert.Contains(app.ProjectReferences, r => workspace.CurrentSolution.GetProject(r.ProjectId)?.Name == "Contracts");
    }

    private static async Task<string[]> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var analyzers = project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        Assert.Contains(analyzers, a => a.GetType().FullName == "CmaaGen.Analysis.CountryAnalyzer");
        var diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        // The build prints warnings and errors; a suggestion (CMAA009 on the unmarked check) shows only in the editor.
        return diagnostics
            .Where(d => d.Id.StartsWith("CMAA", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning || d.Id == "AD0001")
            .Select(d => d.Location.GetLineSpan() is var span
                ? Path.GetFileName(span.Path) + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "): " + d.Id
                : d.Id)
            .ToArray();
    }
}

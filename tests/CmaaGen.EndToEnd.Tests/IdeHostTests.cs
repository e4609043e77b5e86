using System;
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
                """);

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental");
        Assert.True(build.ExitCode == 0, build.ToString());
        var built = Regex.Matches(build.Output, @"([A-Za-z]+\.cs)\((\d+),(\d+)\): warning (CMAA\d+)")
            .Select(m => m.Groups[1].Value + "(" + m.Groups[2].Value + "," + m.Groups[3].Value + "): " + m.Groups[4].Value)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

        using var workspace = MSBuildWorkspace.Create();
        var app = await workspace.OpenProjectAsync(Path.Combine(consumer.Directory, "App", "App.csproj"));
        var inIde = (await Task.WhenAll(workspace.CurrentSolution.Projects.Select(AnalyzeAsync)))
            .SelectMany(d => d)
            .Order(StringComparer.Ordinal)
            .ToArray();

        // The library's two CMAA007 and the application's one marked call, in both hosts; no CMAA900, no AD0001.
        Assert.Equal(["Contracts.cs(14,30): CMAA007", "Contracts.cs(7,35): CMAA007", "Program.cs(4,14): CMAA001"], built);
        Assert.Equal(built, inIde);
        Assert.Contains(app.ProjectReferences, r => workspace.CurrentSolution.GetProject(r.ProjectId)?.Name == "Contracts");
    }

    private static async Task<string[]> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var analyzers = project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        Assert.Contains(analyzers, a => a.GetType().FullName == "CmaaGen.Analysis.CountryAnalyzer");
        var diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Where(d => d.Id.StartsWith("CMAA", StringComparison.Ordinal) || d.Id == "AD0001")
            .Select(d => d.Location.GetLineSpan() is var span
                ? Path.GetFileName(span.Path) + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "): " + d.Id
                : d.Id)
            .ToArray();
    }
}

using System.Linq;
using System.Threading.Tasks;

namespace CmaaGen.EndToEnd.Tests;

/// <summary>Several projects using the package, and dotnet format applying the code fixes.</summary>
[Collection(PackageCollection.Name)]
public class SolutionTests(PackageFixture package)
{
    [Fact]
    public async Task A_library_and_an_application_linked_by_InternalsVisibleTo_build_without_conflicts()
    {
        var consumer = package.NewConsumer("library-and-app")
            .Project("Library", outputType: "Library")
            .File("Library/Gateway.cs", """
                using System.Runtime.CompilerServices;
                using Cmaa;

                [assembly: InternalsVisibleTo("App")]

                namespace Library
                {
                    public sealed class Gateway
                    {
                        public void Send([CustomsDataExchange] string country) { }

                        internal static bool IsPartner(string code) => CmaaAgreements.HasAgreement(code);
                    }
                }
                """)
            .Project("App", extraItems: """<ProjectReference Include="../Library/Library.csproj" />""")
            .File("App/Program.cs", """
                using System;
                using Cmaa;
                using Library;

                new Gateway().Send("KP");
                new Gateway().Send("DE");
                Console.WriteLine(Gateway.IsPartner("FR") && CmaaAgreements.TryGetCountry("FR", out CmaaCountry france) ? france.ToString() : "none");
                new Local().Post("CU");

                internal sealed class Local
                {
                    public void Post([CustomsDataExchange] string country) { }
                }
                """);

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("Program.cs(5,20): warning CMAA001: 'KP' is North Korea (KP)", build.Output);
        Assert.Contains("Program.cs(8,18): warning CMAA001: 'CU' is Cuba (CU)", build.Output);
        Assert.DoesNotContain("CS0436", build.Output);
        Assert.Equal(2, Warnings(build.Output));
    }

    [Fact]
    public async Task Dotnet_format_applies_the_CMAA002_fix_and_verify_detects_it()
    {
        var consumer = package.NewConsumer("format")
            .Project("App")
            .File("App/Program.cs", """
                using Cmaa;

                new Gateway().Send("Germny");
                new Gateway().Send("I R");

                internal sealed class Gateway
                {
                    public void Send([CustomsDataExchange] string country) { }
                }
                """);
        Assert.Equal(0, (await consumer.DotNetAsync("restore", "App")).ExitCode);

        var verify = await consumer.DotNetAsync("format", "analyzers", "App", "--diagnostics", "CMAA002", "--verify-no-changes");
        Assert.True(verify.ExitCode != 0, verify.ToString());

        var format = await consumer.DotNetAsync("format", "analyzers", "App", "--diagnostics", "CMAA002", "--severity", "warn");
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.Contains("new Gateway().Send(\"DE\");", consumer.Read("App/Program.cs"));
        Assert.Contains("new Gateway().Send(\"IR\");", consumer.Read("App/Program.cs"));

        var again = await consumer.DotNetAsync("format", "analyzers", "App", "--diagnostics", "CMAA002", "--verify-no-changes");
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    /// <summary>Distinct warnings in a build log (MSBuild repeats them in its summary).</summary>
    private static int Warnings(string output)
        => new System.Collections.Generic.HashSet<string>(
            System.Text.RegularExpressions.Regex.Matches(output, @"^.*: warning [A-Z]+\d+:.*$", System.Text.RegularExpressions.RegexOptions.Multiline)
                .Select(m => m.Value.Trim())).Count;
}

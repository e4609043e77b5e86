using System.Linq;
using System.Text.RegularExpressions;
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
        Assert.Equal(2, build.Warnings);
    }

    /// <summary>
    /// An application sees a library's constructor as compiled: the library is told (CMAA007) that the parameter its
    /// code stores in a marked property needs a mark, dotnet format adds it, and the application's call is then checked.
    /// </summary>
    [Fact]
    public async Task A_librarys_constructor_parameter_marked_by_the_CMAA007_fix_is_checked_in_the_application()
    {
        var consumer = package.NewConsumer("constructor-mark")
            .Project("Contracts", outputType: "Library")
            .File("Contracts/Declaration.cs", """
                using Cmaa;

                namespace Contracts
                {
                    public sealed class Declaration
                    {
                        public Declaration(string destination) { Destination = destination; }

                        [CustomsDataExchange] public string Destination { get; }
                    }
                }
                """)
            .Project("App", extraItems: """<ProjectReference Include="../Contracts/Contracts.csproj" />""")
            .File("App/Program.cs", """
                using Contracts;

                System.Console.WriteLine(new Declaration("IR").Destination);
                """);

        var before = await consumer.DotNetAsync("build", "App", "--no-incremental");
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Contains("Declaration.cs(7,35): warning CMAA007: Parameter 'destination' of Declaration.Declaration(string) reaches property Declaration.Destination", before.Output);
        Assert.DoesNotContain("CMAA001", before.Output);

        var format = await consumer.DotNetAsync("format", "analyzers", "Contracts", "--diagnostics", "CMAA007", "--severity", "warn");
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.Contains("public Declaration([CustomsDataExchange] string destination)", consumer.Read("Contracts/Declaration.cs"));

        var after = await consumer.DotNetAsync("build", "App", "--no-incremental");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("Program.cs(3,42): warning CMAA001: 'IR' is Iran (IR)", after.Output);
        Assert.DoesNotContain("CMAA007", after.Output);
    }

    /// <summary>
    /// An application has a library's checks as compiled code: a marked check is a check there under the strict preset
    /// (an awaited async predicate, a check of two parameters and a type its factories check among them), an unmarked one
    /// is not until dotnet format
    /// applies CMAA009's fix, and the library's build reports a mark its code does not bear out.
    /// </summary>
    [Fact]
    public async Task A_librarys_marked_checks_are_checks_in_the_application()
    {
        var consumer = package.NewConsumer("check-marks")
            .Project("Compliance", outputType: "Library")
            .File("Compliance/Checks.cs", """
                using Cmaa;

                namespace Compliance
                {
                    public static class Checks
                    {
                        public static void Ensure([AgreementChecked] string country)
                        {
                            if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                        }

                        public static bool IsPermitted(string country) => CmaaAgreements.HasAgreement(country);

                        public static bool IsOpen([AgreementChecked(true)] string country) => country.Length == 2;

                        public static async System.Threading.Tasks.Task<bool> IsPermittedAsync([AgreementChecked(true)] string country)
                        {
                            await System.Threading.Tasks.Task.Yield();
                            return CmaaAgreements.HasAgreement(country);
                        }

                        public static void EnsureRoute([AgreementChecked] string origin, [AgreementChecked] string destination)
                        {
                            if (!CmaaAgreements.HasAgreement(origin) || !CmaaAgreements.HasAgreement(destination)) throw new System.ArgumentException(destination);
                        }
                    }

                    public sealed class Partner
                    {
                        public Partner(string code)
                        {
                            if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code);
                            Code = code;
                        }

                        [AgreementChecked] public string Code { get; }
                    }

                    public sealed class Hub
                    {
                        public static readonly Hub Rotterdam = new("NL");
                        private readonly string _country;
                        private Hub(string country) => _country = country;

                        [AgreementChecked] public string Country => _country;

                        public static Hub At(string country) => CmaaAgreements.HasAgreement(country) ? new Hub(country) : throw new System.ArgumentException(country);
                    }
                }
                """)
            .Project("App", extraItems: """<ProjectReference Include="../Compliance/Compliance.csproj" />""")
            .File("App/Program.cs", """
                using Cmaa;
                using Compliance;

                Filings.File(new Gateway(), args[0], args[1]);

                static class Filings
                {
                    public static void File(Gateway gateway, string first, string second)
                    {
                        Checks.Ensure(first);
                        gateway.Send(first);
                        if (Checks.IsPermitted(second)) gateway.Send(second);
                    }

                    public static void File(Gateway gateway, Partner partner) => gateway.Send(partner.Code);

                    public static void File(Gateway gateway, Hub hub) => gateway.Send(hub.Country);

                    public static async System.Threading.Tasks.Task FileAsync(Gateway gateway, string country)
                    {
                        if (await Checks.IsPermittedAsync(country).ConfigureAwait(false)) gateway.Send(country);
                    }

                    public static void FileRoute(Gateway gateway, string origin, string destination)
                    {
                        Checks.EnsureRoute(origin, destination);
                        gateway.Send(origin);
                        gateway.Send(destination);
                    }
                }

                sealed class Gateway
                {
                    public void Send([CustomsDataExchange] string country) { }
                }
                """);

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental", "-p:CmaaAnalysisMode=Strict");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("Checks.cs(14,36): warning CMAA008: 'country' is marked [AgreementChecked(true)], but IsOpen does not return CmaaAgreements.HasAgreement(country)", build.Output);
        Assert.Contains("Program.cs(12,54): warning CMAA004", build.Output);
        Assert.DoesNotContain("Program.cs(11,", build.Output);
        Assert.DoesNotContain("Program.cs(15,", build.Output);
        Assert.DoesNotContain("Program.cs(17,", build.Output);
        Assert.DoesNotContain("Program.cs(21,", build.Output);
        Assert.DoesNotContain("Program.cs(27,", build.Output);
        Assert.DoesNotContain("Program.cs(28,", build.Output);
        Assert.DoesNotContain("but IsPermittedAsync", build.Output);
        Assert.DoesNotContain("but EnsureRoute", build.Output);
        Assert.DoesNotContain("'Country' is marked", build.Output);
        Assert.DoesNotContain("CS0436", build.Output);

        // CMAA009, a suggestion the build does not print, offers the unmarked check's mark.
        var format = await consumer.DotNetAsync("format", "analyzers", "Compliance", "--diagnostics", "CMAA009", "--severity", "info");
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.Contains("public static bool IsPermitted([AgreementChecked(true)] string country)", consumer.Read("Compliance/Checks.cs"));

        var after = await consumer.DotNetAsync("build", "App", "--no-incremental", "-p:CmaaAnalysisMode=Strict");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.DoesNotContain("CMAA004", after.Output);
    }

    /// <summary>
    /// C# 14's extension blocks pass the receiver as the call's instance, which the API CmaaGen is compiled against
    /// predates: a marked receiver is an exchange, a member that checks its receiver is a check in its own project, and
    /// a mark on the receiver is one in the application, where the library's build holds every method of the block to it
    /// and the fix removes a mark they do not bear out.
    /// </summary>
    [Fact]
    public async Task A_librarys_extension_blocks_carry_exchanges_and_checks_into_the_application()
    {
        var consumer = package.NewConsumer("extension-blocks")
            .Project("Compliance", outputType: "Library")
            .File("Compliance/Blocks.cs", """
                using Cmaa;

                namespace Compliance
                {
                    public static class Blocks
                    {
                        extension([CustomsDataExchange] string country)
                        {
                            public void Transmit() { }
                            public bool Ready => true;
                        }

                        extension([AgreementChecked] string checkedCountry)
                        {
                            public void EnsureAgreement()
                            {
                                if (!CmaaAgreements.HasAgreement(checkedCountry)) throw new System.ArgumentException(checkedCountry);
                            }
                        }

                        extension(string code)
                        {
                            public bool IsAllowed() => CmaaAgreements.HasAgreement(code);
                            public bool IsPermitted => CmaaAgreements.HasAgreement(code);
                        }

                        extension([AgreementChecked] string claimed)
                        {
                            public void EnsureClaimed()
                            {
                                if (!CmaaAgreements.HasAgreement(claimed)) throw new System.ArgumentException(claimed);
                            }

                            public void Log() { }
                        }

                        public static void Local(string a, string b, string c, string? d)
                        {
                            a.EnsureAgreement();
                            a.Transmit();
                            if (b.IsPermitted) b.Transmit();
                            if (c.IsAllowed()) c.Transmit();
                            "IR".Transmit();
                            if (CmaaAgreements.HasAgreement(d)) d?.Transmit();
                        }
                    }
                }
                """)
            .Project("App", extraItems: """<ProjectReference Include="../Compliance/Compliance.csproj" />""")
            .File("App/Program.cs", """
                using Compliance;

                var checkedFirst = args[0];
                checkedFirst.EnsureAgreement();
                checkedFirst.Transmit();
                var unmarked = args[1];
                if (unmarked.IsAllowed()) unmarked.Transmit();
                "KP".Transmit();
                _ = "SY".Ready;
                """);

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental", "-p:CmaaAnalysisMode=Strict");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(
            [
                "App/Program.cs(7,27): warning CMAA004",
                "App/Program.cs(8,1): warning CMAA001: 'KP'",
                "App/Program.cs(9,5): warning CMAA001: 'SY'",
                "Compliance/Blocks.cs(27,20): warning CMAA008: 'claimed' is marked [AgreementChecked], but Log does not begin by throwing unless CmaaAgreements.HasAgreement(claimed)",
                "Compliance/Blocks.cs(43,13): warning CMAA001: 'IR'",
            ],
            Regex.Matches(build.Output, @"(\w+/\w+\.cs)\((\d+,\d+)\): warning (CMAA\d+(: '[^']*'( is marked [^:]*)?)?)")
                .Select(m => m.Groups[1].Value + "(" + m.Groups[2].Value + "): warning " + m.Groups[3].Value)
                .Distinct()
                .Order(System.StringComparer.Ordinal));
        Assert.DoesNotContain("AD0001", build.Output);

        // CMAA008's fix removes the mark the block's methods do not bear out.
        var format = await consumer.DotNetAsync("format", "analyzers", "Compliance", "--diagnostics", "CMAA008");
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.Contains("extension(string claimed)", consumer.Read("Compliance/Blocks.cs"));
        Assert.Contains("extension([AgreementChecked] string checkedCountry)", consumer.Read("Compliance/Blocks.cs"));
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

    /// <summary>
    /// Of CMAA004's two fixes, dotnet format applies the guard, which changes no signature, with its using; a team whose
    /// wrappers should pass the check to their callers sets <c>cmaa_unchecked_value_fix = mark</c>, and gets the mark.
    /// </summary>
    [Theory]
    [InlineData("guard")]
    [InlineData("mark")]
    public async Task Dotnet_format_applies_a_CMAA004_fix_from_the_package(string preference)
    {
        var consumer = package.NewConsumer("format-unchecked-" + preference)
            .Project("App")
            .File(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.CMAA004.severity = warning\n" + (preference == "mark" ? "cmaa_unchecked_value_fix = mark\n" : ""))
            .File("App/Program.cs", """
                using Cmaa;

                new Shipping().SendTo(args[0]);

                internal sealed class Shipping
                {
                    private readonly Gateway _gateway = new Gateway();

                    public void SendTo(string country) => _gateway.Send(country);
                }

                internal sealed class Gateway
                {
                    public void Send([CustomsDataExchange] string country) { }
                }
                """);
        Assert.Equal(0, (await consumer.DotNetAsync("restore", "App")).ExitCode);

        var format = await consumer.DotNetAsync("format", "analyzers", "App", "--diagnostics", "CMAA004", "--severity", "warn");
        Assert.True(format.ExitCode == 0, format.ToString());

        var program = consumer.Read("App/Program.cs");
        if (preference == "mark")
        {
            // The check moves to the callers: the top-level call now passes an unchecked value.
            Assert.Contains("public void SendTo([CustomsDataExchange] string country) => _gateway.Send(country);", program);
            var build = await consumer.DotNetAsync("build", "App", "--no-incremental");
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Contains("Program.cs(3,23): warning CMAA004", build.Output);
            return;
        }

        Assert.StartsWith("using System;\nusing Cmaa;\n", program);
        Assert.Contains("""
                public void SendTo(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country))
                    {
                        throw new ArgumentException($"No customs mutual assistance agreement with '{country}'.", nameof(country));
                    }

                    _gateway.Send(country);
                }
            """, program);

        var again = await consumer.DotNetAsync("format", "analyzers", "App", "--diagnostics", "CMAA004", "--verify-no-changes");
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    /// <summary>
    /// A .NET Standard 2.0 library, the usual target of a shared SDK: C# 7.3, nullable off and no spans, so the generated
    /// code takes its string-only branch. It also compiles with overflow checking, as some shops require, which the
    /// generated hashing and range tests must not trip over. It must compile without a warning of its own, and an
    /// application must get the same answers from it as from the span code.
    /// </summary>
    [Fact]
    public async Task A_netstandard2_0_library_compiles_and_runs_the_string_only_lookup()
    {
        var consumer = package.NewConsumer("netstandard-library")
            .Project("Library", extraProperties: "<Nullable>disable</Nullable><CheckForOverflowUnderflow>true</CheckForOverflowUnderflow>", outputType: "Library", targetFramework: "netstandard2.0")
            .File("Library/Partners.cs", """
                using Cmaa;

                namespace Library
                {
                    public static class Partners
                    {
                        public static string Describe(string text)
                        {
                            CmaaCountry country;
                            return CmaaAgreements.TryGetCountry(text, out country) ? CmaaAgreements.GetName(country) + "|" + CmaaAgreements.HasAgreement(country) : "none";
                        }

                        public static void SendToIran(Gateway gateway)
                        {
                            gateway.Send("IR");
                        }
                    }

                    public sealed class Gateway
                    {
                        public void Send([CustomsDataExchange] string country) { }
                    }
                }
                """)
            .Project("App", extraItems: """<ProjectReference Include="../Library/Library.csproj" />""")
            .File("App/Program.cs", """
                using System;
                using Library;

                Console.WriteLine(string.Join(" ", Partners.Describe("deu"), Partners.Describe("Federal Republic of Germany"), Partners.Describe("TÜRKIYE"), Partners.Describe("gERMANY"), Partners.Describe("ir"), Partners.Describe("\u0131n")));
                """);

        var language = await consumer.DotNetAsync("msbuild", "Library", "-getProperty:LangVersion");
        var build = await consumer.DotNetAsync("build", "App", "--no-incremental");

        Assert.Equal("7.3", language.Output.Trim().Split('\n')[^1].Trim());
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("Partners.cs(15,26): warning CMAA001: 'IR' is Iran (IR)", build.Output);
        Assert.Equal(1, build.Warnings);
        var run = await consumer.DotNetAsync("run", "--project", "App", "--no-build");
        Assert.Equal("Germany|True Germany|True Turkey|True Germany|True none none\n", run.Output.Replace("\r\n", "\n"));
    }
}

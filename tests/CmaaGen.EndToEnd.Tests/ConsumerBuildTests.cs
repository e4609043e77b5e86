using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace CmaaGen.EndToEnd.Tests;

/// <summary>Real builds of a consumer of the packed package: warnings locally, errors in CI, lists, compilers.</summary>
[Collection(PackageCollection.Name)]
public class ConsumerBuildTests(PackageFixture package)
{
    private const string Program = """
        using System;
        using Cmaa;

        Console.WriteLine(CmaaAgreements.Countries.Count);
        Console.WriteLine(CmaaAgreements.TryGetCountry("deu", out CmaaCountry germany) ? germany + "=" + CmaaAgreements.GetAlpha2(germany) : "none");
        new Gateway().Send("IR");
        new Gateway().Send("DE");

        internal sealed class Gateway
        {
            public void Send([CustomsDataExchange] string country) { }
        }
        """;

    /// <summary>The location of the deliberate Send("IR") above.</summary>
    private const string Cmaa001At = "Program.cs(6,20): ";

    private Consumer App(string name, string extraProperties = "", string extraItems = "")
        => package.NewConsumer(name).Project("App", extraProperties, extraItems).File("App/Program.cs", Program);

    [Fact]
    public async Task A_plain_build_warns_at_the_exchange_and_the_generated_code_runs()
    {
        var consumer = App("plain");

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains(Cmaa001At + "warning CMAA001: 'IR' is Iran (IR), which has no customs mutual assistance agreement in U.S. CBP, as of January 2014", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);

        var run = await consumer.DotNetAsync("run", "--project", "App", "--no-build");
        Assert.Equal("68\nGermany=DE\n", run.Output.Replace("\r\n", "\n"));
    }

    /// <summary>
    /// The package's generator gives a project with the default list the files stored in its assembly; they must be
    /// the repository's stored files (which the snapshot test holds to the emitter's output), with the package's version.
    /// </summary>
    [Fact]
    public async Task The_default_list_generates_the_repositorys_stored_files()
    {
        var consumer = App("stored-default");

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental", "-p:EmitCompilerGeneratedFiles=true", "-p:CompilerGeneratedFilesOutputPath=generated");

        Assert.True(build.ExitCode == 0, build.ToString());
        AssertStoredFiles(consumer, "Cmaa");
    }

    /// <summary>
    /// A project that sets its own namespace gets the same stored files with that namespace, and the rules follow the
    /// attribute into it.
    /// </summary>
    [Fact]
    public async Task Another_namespace_gets_the_stored_files_in_it_and_the_rules_fire()
    {
        var consumer = package.NewConsumer("stored-namespace")
            .Project("App", "<CmaaNamespace>Contoso.Customs</CmaaNamespace>")
            .File("App/Program.cs", Program.Replace("using Cmaa;", "using Contoso.Customs;"));

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental", "-p:EmitCompilerGeneratedFiles=true", "-p:CompilerGeneratedFilesOutputPath=generated");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains(Cmaa001At + "warning CMAA001: 'IR' is Iran (IR)", build.Output);
        AssertStoredFiles(consumer, "Contoso.Customs");

        var run = await consumer.DotNetAsync("run", "--project", "App", "--no-build");
        Assert.Equal("68\nGermany=DE\n", run.Output.Replace("\r\n", "\n"));
    }

    /// <summary>The files a build with generated files written out got: the repository's stored files, with the package's version and the namespace.</summary>
    private void AssertStoredFiles(Consumer consumer, string cmaaNamespace)
    {
        var version = package.Version.Split('-')[0];
        foreach (var file in new[] { "CmaaCountry.g.cs", "CmaaAgreements.g.cs" })
        {
            var stored = File.ReadAllText(Path.Combine(DotNet.RepositoryRoot(), "src", "CmaaGen", "Generation", "Stored", file));
            var generated = consumer.Read(Path.Combine("App", "generated", "CmaaGen", "CmaaGen.Generation.CmaaGenerator", file));
            Assert.Contains("CmaaGen " + version, generated);
            Assert.Equal(stored.Replace("\nnamespace Cmaa\n", "\nnamespace " + cmaaNamespace + "\n"), generated.Replace(version, "VERSION"));
        }
    }

    public static IEnumerable<object[]> FailingBuilds()
    {
        yield return ["ContinuousIntegrationBuild", new[] { "-p:ContinuousIntegrationBuild=true" }, new Dictionary<string, string>(), ""];
        yield return ["CI environment", new string[0], new Dictionary<string, string> { ["CI"] = "true" }, ""];
        yield return ["switch", new[] { "-p:CmaaTreatAsErrors=true" }, new Dictionary<string, string>(), ""];
        yield return ["warnaserror", new[] { "-warnaserror" }, new Dictionary<string, string>(), ""];
        yield return ["editorconfig", new string[0], new Dictionary<string, string>(), "root = true\n[*.cs]\ndotnet_diagnostic.CMAA001.severity = error\n"];
    }

    [Theory]
    [MemberData(nameof(FailingBuilds))]
    public async Task A_violation_fails_the_build(string how, string[] arguments, Dictionary<string, string> environment, string editorConfig)
    {
        var consumer = App("fails-" + how.Replace(' ', '-'));
        if (editorConfig.Length > 0)
        {
            consumer.File(".editorconfig", editorConfig);
        }

        var build = await consumer.DotNetAsync(environment, ["build", "App", "--no-incremental", .. arguments]);

        Assert.True(build.ExitCode != 0, how + ": " + build);
        Assert.Contains(Cmaa001At + "error CMAA001", build.Output);
    }

    [Fact]
    public async Task An_editorconfig_severity_wins_over_CI_mode()
    {
        var consumer = App("editorconfig-wins").File(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.CMAA001.severity = suggestion\n");

        var build = await consumer.DotNetAsync(new Dictionary<string, string> { ["CI"] = "true" }, "build", "App", "--no-incremental");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("CMAA001", build.Output);
    }

    [Fact]
    public async Task The_strict_preset_turns_on_checks_of_run_time_values()
    {
        var consumer = App("strict").File("App/Forward.cs", """
            internal static class Forward
            {
                public static void Send(Gateway gateway, string country) => gateway.Send(country);
            }
            """).File("App/Checked.cs", """
            using System.Collections.Generic;
            using System.Linq;
            using Cmaa;

            internal sealed class Shipment
            {
                public string Destination { get; set; } = "";
            }

            internal static class Checked
            {
                public static void Run(Gateway gateway, string a, string b, IEnumerable<Shipment> shipments, bool ready)
                {
                    if (CmaaAgreements.HasAgreement(a) is false) return;
                    gateway.Send(a);
                    var ok = ready && CmaaAgreements.HasAgreement(b);
                    if (ok) gateway.Send(b);
                    foreach (var s in shipments.Where(s => CmaaAgreements.HasAgreement(s.Destination))) gateway.Send(s.Destination);
                    a = ready ? a : b;
                    gateway.Send(a);
                }
            }
            """);

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental", "-p:CmaaAnalysisMode=Strict");

        // The checks the analyzer's tests read are checks under the SDK's compiler too, and a write through the capture
        // its graph makes of a conditional's target ends one.
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("Forward.cs(3,78): warning CMAA004", build.Output);
        Assert.Equal(
            ["20,22"],
            Regex.Matches(build.Output, @"Checked\.cs\((\d+,\d+)\): warning CMAA004").Select(m => m.Groups[1].Value).Distinct());
    }

    /// <summary>
    /// C# 14, the SDK's default, has forms the analyzer's tests (on an older Roslyn) cannot compile: a null-conditional
    /// assignment to a marked property, a marked parameter of an extension block's member, a marked property whose
    /// accessor writes its <c>field</c>, and a partial constructor that stores its parameter in a marked property. Each
    /// reaches the exchange in a real build.
    /// </summary>
    [Fact]
    public async Task The_latest_CSharp_forms_reach_exchanges()
    {
        var consumer = App("latest").File("App/Latest.cs", """
            using Cmaa;

            internal sealed class Manifest
            {
                [CustomsDataExchange]
                public string Destination { get; set => field = value.Trim(); } = "";
            }

            internal static class GatewayExtensions
            {
                extension(Gateway gateway)
                {
                    public void SendTo([CustomsDataExchange] string country) => gateway.Send(country);
                }
            }

            internal static class Latest
            {
                public static void Run(Gateway gateway, Manifest? manifest)
                {
                    manifest?.Destination = "IR";
                    gateway.SendTo("KP");
                    string[] codes = ["DE", "CU"];
                    foreach (var c in codes) gateway.Send(c);
                }
            }

            internal sealed partial class Declaration
            {
                [CustomsDataExchange] public string Destination { get; }
                public partial Declaration(string destination);
            }

            internal sealed partial class Declaration
            {
                public partial Declaration(string destination) { Destination = destination; }
                public static Declaration ToSyria() => new("SY");
            }
            """);

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(
            ["21,33 CMAA001 IR", "22,24 CMAA001 KP", "24,47 CMAA001 CU", "37,48 CMAA001 SY"],
            Regex.Matches(build.Output, @"Latest\.cs\((\d+,\d+)\): warning (CMAA\d+): '([^']*)'")
                .Select(m => m.Groups[1].Value + " " + m.Groups[2].Value + " " + m.Groups[3].Value)
                .Distinct()
                .Order(System.StringComparer.Ordinal));
    }

    /// <summary>
    /// The analyzer's tests run on the Roslyn of the test packages; the SDK's compiler can build the same code into
    /// different symbols (a named tuple element was found by position there and missed here). The ways a value reaches
    /// an exchange that depend on symbols (delegates and what they return, tuples and their deconstruction, record
    /// property marks, enum members, marks inherited from an interface or an overridden method, members set in a
    /// constructor, LINQ's picks, a split constant, a task's <c>Result</c>, tests through an application's public
    /// interface and a decorator of it) are checked in a real build too.
    /// </summary>
    [Fact]
    public async Task Values_reach_exchanges_the_same_way_under_the_SDKs_compiler()
    {
        var consumer = App("flows").File("App/Flows.cs", """
            using System;
            using Cmaa;

            internal enum Iso { DE, SY }

            internal sealed record Filing([property: CustomsDataExchange] string Origin);

            internal sealed class Typed
            {
                public void Send([CustomsDataExchange] Iso country) { }
            }

            internal static class Flows
            {
                private static readonly Action<string> Audit = new Gateway().Send;

                private static string Home() => "CU";

                public static void Run(Gateway gateway)
                {
                    Action<string> send = gateway.Send;
                    send("IR");
                    Audit("KP");
                    var pair = (Country: "SY", Count: 1);
                    gateway.Send(pair.Country);
                    gateway.Send(pair.Item1);
                    gateway.Send("ir".ToUpperInvariant());
                    gateway.Send(Iso.SY.ToString());
                    gateway.Send(Home());
                    send("DE");
                    _ = new Filing("CU");
                    new Typed().Send(Iso.SY);
                    new Typed().Send(Iso.DE);
                    var manifest = new Manifest();
                    (manifest.Destination, _) = pair;
                    var (code, _) = ("IR", 0);
                    gateway.Send(code);
                    new Filer().File("KP");
                    new Sender().Post("SY");
                    var (destination, _) = pair;
                    gateway.Send(destination);
                    foreach (var partner in Partners) gateway.Send(partner);
                    _ = new Consignment("SY");
                    _ = new Consignment("IR", 2);
                    gateway.Send(Settings.Partner);
                    var host = Environment.MachineName; if (host != "SY") return; gateway.Send(host);
                    foreach (var partner in Partners) { if (!CmaaAgreements.HasAgreement(partner)) continue; gateway.Send(partner); }
                    foreach (var partner in Partners) { if (partner == "CU") continue; gateway.Send(partner); }
                    foreach (var partner in Partners) { var routed = partner; if (!CmaaAgreements.HasAgreement(routed)) continue; routed = host.Length > 3 ? routed : "SY"; gateway.Send(routed); }
                    var built = new System.Collections.Generic.List<string> { "DE" }; built.Add("SY"); foreach (var partner in built) gateway.Send(partner);
                    var asked = Console.ReadLine() ?? ""; if (Allowed.Contains(asked)) gateway.Send(asked);
                    gateway.Send(CodeFor(asked.Length));
                    manifest.Stops.Add("KP"); manifest.Stops?.Insert(0, "SY");
                    if (Ports.TryGetValue(asked, out var port)) gateway.Send(port); gateway.Send(Ports[asked]); gateway.Send(Partners[asked.Length]);
                    foreach (var (name, country) in Ports) gateway.Send(country); foreach (var entry in Ports) gateway.Send(entry.Value); gateway.Send(System.Collections.Generic.CollectionExtensions.GetValueOrDefault(Ports, asked, "SY"));
                    gateway.Send(Away); foreach (var partner in Yielded()) gateway.Send(partner); foreach (var partner in System.Linq.Enumerable.Append(Partners, "SY")) gateway.Send(partner);
                    foreach (var partner in new System.Collections.Generic.HashSet<string>(Partners, StringComparer.OrdinalIgnoreCase)) gateway.Send(partner); foreach (var partner in System.Collections.Immutable.ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "KP", "DE", "SY")) gateway.Send(partner);
                    gateway.Send(System.Linq.Enumerable.First(Partners)); Func<string> home = () => "SY"; gateway.Send(home()); gateway.Send($"{code}".Trim()); foreach (var part in "DE,KP".Split(',')) gateway.Send(part); gateway.Send(System.Threading.Tasks.Task.FromResult("SY").Result);
                    var made = new Shipment("1", "KP"); gateway.Send(made.Destination); var ordered = new Order { Destination = "SY" }; gateway.Send(ordered.Destination); gateway.Send((made with { Reference = "2" }).Destination); var lodged = new Entry("3", new Party("SY")); gateway.Send(lodged.Consignee.Country); gateway.Send(Registry.Tehran.Country);
                    gateway.Send(System.Linq.Enumerable.First(Registry.All).Country); foreach (var c in System.Linq.Enumerable.Select(Registry.All, p => p.Country)) gateway.Send(c); gateway.Send(Registry.Create("CU").Country); gateway.Send(Normalize(" sy ")); gateway.Send(new Relayed("KP").Country);
                    Office office = asked.Length > 2 ? new Havana() : new Bonn(); gateway.Send(office.Country); Lodge(gateway, office);
                    gateway.Send(System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(Ports, StringComparer.OrdinalIgnoreCase)[asked]);
                    foreach (var partner in Partners) { if (IsBlocked(partner)) continue; gateway.Send(partner); } foreach (var partner in Partners) { EnsureAllowed(partner); gateway.Send(partner); }
                    foreach (var partner in System.Linq.Enumerable.Where(Partners, IsAllowed)) gateway.Send(partner); foreach (var partner in Partners) { if (!IsAllowed(partner)) continue; gateway.Send(partner); } foreach (var partner in System.Linq.Enumerable.Where(Partners, p => p != "DE")) gateway.Send(partner);
                    IScreening screening = new Logged(new Screening()); foreach (var partner in Partners) { if (screening.IsBlocked(partner)) continue; gateway.Send(partner); } foreach (var partner in Partners) { screening.EnsureCleared(partner); gateway.Send(partner); } foreach (var partner in Partners) { if (!Rules.Current.Allows(partner)) continue; gateway.Send(partner); }
                    Relay(gateway, "SY"); Dispatch(gateway, "CU"); Dispatch(gateway, "IR"); void Local(string c) => Relay(gateway, c); Local("KP");
                    Action<string> post = c => gateway.Send(c); post("SY"); foreach (var partner in Partners) { if (partner is { Length: 2 } and not "CU") gateway.Send(partner); } void Upper(string c) => gateway.Send(c.ToUpperInvariant()); Upper("kp");
                }

                private static string Normalize(string code) => code.Trim().ToUpperInvariant();

                private static void Lodge(Gateway gateway, Office office) => gateway.Send(office.Country);

                private static readonly string[] Partners = { "DE", "CU" };

                private static readonly System.Collections.Generic.Dictionary<string, string> Ports = new() { ["Hamburg"] = "DE", ["Bandar Abbas"] = "IR" };

                private static readonly System.Collections.Generic.HashSet<string> Allowed = new() { "DE", "CU" };

                private static string CodeFor(int n) => n switch { 1 => "KP", _ => "DE" };

                private static string Away { get { return "CU"; } }

                private static System.Collections.Generic.IEnumerable<string> Yielded() { yield return "SD"; }

                private static bool IsBlocked(string code) => code == "CU";

                private static void EnsureAllowed(string code) { if (IsBlocked(code)) throw new InvalidOperationException(code); }

                private static bool IsAllowed(string code) => !IsBlocked(code);

                private static void Relay(Gateway gateway, string country) => gateway.Send(country);

                private static void Dispatch(Gateway gateway, string country) { if (country == "IR") return; Relay(gateway, country); }
            }

            public interface IScreening
            {
                bool IsBlocked(string country);

                void EnsureCleared(string country);
            }

            public class Screening : IScreening
            {
                public bool IsBlocked(string country) => country == "CU";

                public void EnsureCleared(string country) { if (IsBlocked(country)) throw new InvalidOperationException(country); }
            }

            public sealed class Logged(IScreening inner) : IScreening
            {
                public bool IsBlocked(string country) => inner.IsBlocked(country);

                public void EnsureCleared(string country) { inner.EnsureCleared(country); Console.WriteLine(country); }
            }

            public interface IRule { bool Allows(string country); }

            public sealed class Lenient : IRule { public bool Allows(string country) => true; }

            public sealed class Sanctions : IRule { public bool Allows(string country) => country != "CU"; }

            public static class Rules { public static IRule Current { get; } = new Sanctions(); }

            internal interface IFiler
            {
                void File([CustomsDataExchange] string country);
            }

            internal sealed class Filer : IFiler
            {
                public void File(string country) { }
            }

            internal class BaseSender
            {
                public virtual void Post([CustomsDataExchange] string country) { }
            }

            internal sealed class Sender : BaseSender
            {
                public override void Post(string country) { }
            }

            internal sealed class Consignment
            {
                public Consignment(string destination) => Destination = destination;

                public Consignment(string destination, int count) : this(destination) { }

                [CustomsDataExchange]
                public string Destination { get; }
            }

            internal sealed record Shipment(string Reference, string Destination);

            internal sealed record Party(string Country);

            internal sealed record Entry(string Reference, Party Consignee);

            internal static class Registry
            {
                public static readonly Party Tehran = new("IR");

                public static readonly Party[] All = { new("KP"), new("DE") };

                public static Party Create(string country) => new(country);
            }

            internal class Notice
            {
                public Notice(string country) => Country = country;

                public string Country { get; }
            }

            internal sealed class Relayed : Notice
            {
                public Relayed(string country) : base(country) { }
            }

            internal abstract class Office
            {
                public abstract string Country { get; }
            }

            internal sealed class Havana : Office
            {
                public override string Country => "CU";
            }

            internal sealed class Bonn : Office
            {
                public override string Country { get; } = "DE";
            }

            internal sealed class Order
            {
                public string Destination { get; set; } = "";
            }

            internal static class Settings
            {
                public static readonly string Partner;

                static Settings() => Partner = "KP";
            }

            internal sealed class Manifest
            {
                [CustomsDataExchange]
                public string Destination { get; set; } = "";

                [CustomsDataExchange]
                public System.Collections.Generic.List<string> Stops { get; } = new();
            }
            """);

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental");

        Assert.True(build.ExitCode == 0, build.ToString());
        var found = Regex.Matches(build.Output, @"Flows\.cs\((\d+,\d+)\): warning (CMAA\d+): '([^']*)'")
            .Select(m => m.Groups[1].Value + " " + m.Groups[2].Value + " " + m.Groups[3].Value)
            .Distinct()
            .Order(System.StringComparer.Ordinal);
        Assert.Equal(
            [
                "22,14 CMAA001 IR", "23,15 CMAA001 KP", "25,22 CMAA001 SY", "26,22 CMAA001 SY", "27,22 CMAA001 ir",
                "28,22 CMAA001 Iso.SY", "29,22 CMAA001 CU", "31,24 CMAA001 CU", "32,26 CMAA001 Iso.SY",
                "35,37 CMAA001 SY", "37,22 CMAA001 IR", "38,26 CMAA001 KP", "39,27 CMAA001 SY",
                "41,22 CMAA001 SY", "42,56 CMAA001 CU", "43,29 CMAA001 SY", "44,29 CMAA001 IR",
                "45,22 CMAA001 KP", "46,84 CMAA001 SY", "49,174 CMAA001 CU", "49,174 CMAA001 SY",
                "50,136 CMAA001 SY", "51,89 CMAA001 CU", "52,22 CMAA001 KP", "53,28 CMAA001 KP", "53,61 CMAA001 SY", "54,114 CMAA001 CU", "54,66 CMAA001 IR", "54,86 CMAA001 IR",
                "55,113 CMAA001 IR", "55,140 CMAA001 IR", "55,140 CMAA001 SY", "55,61 CMAA001 IR",
                "56,171 CMAA001 CU", "56,171 CMAA001 SY", "56,22 CMAA001 CU", "56,77 CMAA001 SD",
                "57,138 CMAA001 CU", "57,291 CMAA001 KP", "57,291 CMAA001 SY",
                "58,108 CMAA001 SY", "58,130 CMAA001 IR", "58,203 CMAA001 KP", "58,22 CMAA001 CU", "58,223 CMAA001 SY",
                "59,138 CMAA001 SY", "59,173 CMAA001 KP", "59,278 CMAA001 SY", "59,318 CMAA001 IR", "59,58 CMAA001 KP",
                "60,167 CMAA001 KP", "60,184 CMAA001 CU", "60,22 CMAA001 KP", "60,229 CMAA001 sy", "60,262 CMAA001 KP",
                "61,84 CMAA001 CU", "62,22 CMAA001 IR", "64,296 CMAA001 CU", "65,356 CMAA001 CU",
                "66,130 CMAA001 KP", "66,24 CMAA001 SY", "66,49 CMAA001 CU", "67,235 CMAA001 kp", "67,58 CMAA001 SY", "72,79 CMAA001 CU",
            ],
            found);
    }

    /// <summary>
    /// The strictest settings a team is likely to turn on: every .NET analyzer rule, code style enforced in the build,
    /// the highest warning level, AOT and trimming analysis, overflow checking, and every warning an error. The generated
    /// code, stored (default list) and emitted (a list of the project's own), must build clean under them and answer.
    /// </summary>
    [Fact]
    public async Task Strict_project_settings_build_the_generated_code_clean()
    {
        const string Strict = """
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <AnalysisLevel>latest-all</AnalysisLevel>
            <EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>
            <WarningLevel>9999</WarningLevel>
            <IsAotCompatible>true</IsAotCompatible>
            <CheckForOverflowUnderflow>true</CheckForOverflowUnderflow>
            <GenerateDocumentationFile>true</GenerateDocumentationFile>
            """;
        var consumer = package.NewConsumer("strict").Project("App", Strict).File("App/Program.cs", """
            using System;
            using Cmaa;

            Console.WriteLine(CmaaAgreements.TryGetCountry("Germany", out CmaaCountry germany) ? CmaaAgreements.GetAlpha3(germany) : "none");
            Console.WriteLine(CmaaAgreements.TryGetCoveringPartner("Croatia", out CmaaCountry partner) ? partner.ToString() : "none");
            Console.WriteLine(CmaaAgreements.HasAgreement("gbr") + " " + CmaaAgreements.IsDefined((CmaaCountry)(-5)));
            """);

        var stored = await consumer.DotNetAsync("build", "App", "--no-incremental");
        Assert.True(stored.ExitCode == 0, stored.ToString());
        Assert.Equal(0, stored.Warnings);
        var run = await consumer.DotNetAsync("run", "--project", "App", "--no-build");
        Assert.Equal("DEU\nnone\nTrue False\n", run.Output.Replace("\r\n", "\n"));

        consumer.File("App/partners.cmaa.csv", "# owner: US\ncountry,status,covers\nDE,in force,\nGB,signed,\nEU,in force,HR;EE\n");
        var emitted = await consumer.DotNetAsync("build", "App", "--no-incremental");
        Assert.True(emitted.ExitCode == 0, emitted.ToString());
        Assert.Equal(0, emitted.Warnings);
        run = await consumer.DotNetAsync("run", "--project", "App", "--no-build");
        Assert.Equal("DEU\nEuropeanUnion\nFalse False\n", run.Output.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task A_custom_list_replaces_the_default_one_and_a_shared_list_joins_it()
    {
        var consumer = App("custom-list", extraProperties: "<CmaaLists>$(MSBuildThisFileDirectory)../shared/company.cmaa.csv</CmaaLists>")
            .File("App/partners.cmaa.csv", "# provenance: Contoso list\ncountry\nFR\n")
            .File("shared/company.cmaa.csv", "country\nIR\n");

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("Program.cs(7,20): warning CMAA001: 'DE' is Germany (DE), which has no customs mutual assistance agreement in Contoso list", build.Output);
        Assert.DoesNotContain("'IR'", build.Output);
        var run = await consumer.DotNetAsync("run", "--project", "App", "--no-build");
        Assert.Equal("2\nnone\n", run.Output.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task The_shipped_lists_can_be_combined()
    {
        var consumer = App(
            "shipped-lists",
            extraItems: """<CmaaList Include="$(CmaaGenListsDirectory)us-cbp-2014.cmaa.csv;$(CmaaGenListsDirectory)us-cbp-since-2014.cmaa.csv" />""")
            .File("App/Later.cs", """
                internal static class Later
                {
                    public static void Send(Gateway gateway)
                    {
                        gateway.Send("UY");
                        gateway.Send("UZ");
                    }
                }
                """);

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("Later.cs(6,22): warning CMAA003: 'UZ' is Uzbekistan (UZ)", build.Output);
        Assert.DoesNotContain("'UY'", build.Output);
        Assert.Contains(Cmaa001At + "warning CMAA001", build.Output);
    }

    [Fact]
    public async Task A_malformed_list_fails_the_build_at_its_line_and_column()
    {
        var consumer = App("malformed-list").File("App/partners.cmaa.csv", "country,signed\nFR,1990\nGER,1991\nDE,1991-13\n");

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains("partners.cmaa.csv(3,1): error CMAA103: 'GER' is not a recognised country code or name; did you mean DE (Germany)", build.Output);
        Assert.Contains("partners.cmaa.csv(4,4): error CMAA105: '1991-13' is not a valid date", build.Output);
    }

    [Fact]
    public async Task Adding_or_removing_a_list_changes_the_next_incremental_build()
    {
        var consumer = App("incremental");
        var dll = Path.Combine("App", "bin", "Debug", "net10.0", "App.dll");

        Assert.Equal(0, (await consumer.DotNetAsync("build", "App")).ExitCode);
        Assert.StartsWith("68\n", (await consumer.DotNetAsync(dll)).Output.Replace("\r\n", "\n"));

        consumer.File("App/partners.cmaa.csv", "country\nDE\nFR\n");
        Assert.Equal(0, (await consumer.DotNetAsync("build", "App")).ExitCode);
        Assert.StartsWith("2\n", (await consumer.DotNetAsync(dll)).Output.Replace("\r\n", "\n"));

        consumer.Delete("App/partners.cmaa.csv");
        Assert.Equal(0, (await consumer.DotNetAsync("build", "App")).ExitCode);
        Assert.StartsWith("68\n", (await consumer.DotNetAsync(dll)).Output.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task The_rules_fire_with_an_older_compiler()
    {
        var consumer = App(
            "older-compiler",
            extraProperties: "<RoslynCompilerType>Custom</RoslynCompilerType>",
            extraItems: """<PackageReference Include="Microsoft.Net.Compilers.Toolset" Version="4.14.0" PrivateAssets="all" />""");

        Assert.Equal(0, (await consumer.DotNetAsync("restore", "App")).ExitCode);
        var compiler = await consumer.DotNetAsync("msbuild", "App", "-getProperty:CompilerApiVersion");
        var build = await consumer.DotNetAsync("build", "App", "--no-incremental", "-v:n");

        Assert.Equal("roslyn4.14", compiler.Output.Trim().Split('\n')[^1].Trim());
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("microsoft.net.compilers.toolset/4.14.0/tasks/netcore/bincore/csc.dll", build.Output);
        Assert.Contains(Cmaa001At + "warning CMAA001", build.Output);
    }

    [Fact]
    public async Task A_compiler_older_than_Roslyn_4_8_gets_one_readable_error()
    {
        var consumer = App("too-old");

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental", "-p:CompilerApiVersion=roslyn4.7");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains("error CMAA190: CmaaGen needs the C# compiler of Roslyn 4.8 or later", build.Output);
        Assert.DoesNotContain("CS0246", build.Output);
    }

    [Fact]
    public async Task A_SARIF_log_holds_the_findings()
    {
        var consumer = App("sarif");
        var log = Path.Combine(consumer.Directory, "App.sarif");

        var build = await consumer.DotNetAsync("build", "App", "--no-incremental", "-p:ErrorLog=" + log + "%2Cversion%3D2.1");

        Assert.True(build.ExitCode == 0, build.ToString());
        var sarif = File.ReadAllText(log);
        Assert.Contains("\"ruleId\": \"CMAA001\"", sarif);
        Assert.Contains("https://github.com/CmaaGen/CmaaGen/blob/main/docs/rules/CMAA001.md", sarif);
    }

    /// <summary>
    /// A command-line build on Linux x64 gives the compiler the package's precompiled copy of the analyzer, and still
    /// finds the violation; CmaaReadyToRun=false, and any other OS or architecture, give it the IL assembly.
    /// </summary>
    [Theory]
    [InlineData("precompiled", new string[0])]
    [InlineData("opted-out", new[] { "-p:CmaaReadyToRun=false" })]
    public async Task A_command_line_build_on_Linux_x64_compiles_with_the_precompiled_analyzer(string how, string[] properties)
    {
        var consumer = App("readytorun-" + how);
        var precompiled = properties.Length == 0 && PackageFixture.PrecompiledHost;

        var build = await consumer.DotNetAsync(["build", "App", "--no-incremental", "-v:n", .. properties]);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(
            precompiled ? PackageFixture.PrecompiledAnalyzer : PackageFixture.ILAnalyzer,
            Assert.Single(CmaaGenAnalyzers(build.Output)));
        Assert.Contains(Cmaa001At + "warning CMAA001", build.Output);
    }

    /// <summary>An IDE loads the analyzers named by its design-time build: that build names the IL assembly.</summary>
    [Fact]
    public async Task A_design_time_build_names_the_IL_analyzer()
    {
        var consumer = App("readytorun-design-time");
        Assert.Equal(0, (await consumer.DotNetAsync("restore", "App")).ExitCode);

        // As an IDE asks for the compiler's arguments: the compile targets run, the compiler does not (and nothing was
        // built before, so the compile target is not skipped as up to date).
        var build = await consumer.DotNetAsync(
            "msbuild", "App", "-t:Compile", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true",
            "-p:ProvideCommandLineArgs=true", "-getItem:CscCommandLineArgs");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(PackageFixture.ILAnalyzer, Assert.Single(CmaaGenAnalyzers(build.Output)));
    }

    /// <summary>Where in the package each /analyzer: argument for CmaaGen.dll points.</summary>
    private static List<string> CmaaGenAnalyzers(string output)
        => Regex.Matches(output, @"/analyzer:\S*?/cmaagen/[^/]+/(\S+/CmaaGen\.dll)(?=[\s""])", RegexOptions.IgnoreCase)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();
}

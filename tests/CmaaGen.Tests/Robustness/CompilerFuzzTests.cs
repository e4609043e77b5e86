using System;
using System.Linq;
using CmaaGen.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;

namespace CmaaGen.Tests.Robustness;

/// <summary>
/// Half-typed, broken and odd C# around exchange contexts, through the generator and then the analyzer:
/// no input makes either of them throw, so a build never sees AD0001 or CS8785.
/// </summary>
public class CompilerFuzzTests(ITestOutputHelper output)
{
    /// <summary>Code that exercises every path of the analyzer, for the fuzzer to break.</summary>
    internal const string Seed = """"
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Cmaa;

        public record Shipment([CustomsDataExchange] string Destination, string Goods);

        public interface IGateway { void Send([CustomsDataExchange] string country); }

        public class Gateway : IGateway
        {
            public void Send(string country) { }
            public void SendMany([CustomsDataExchange] params string[] countries) { }
            public void Route([CustomsDataExchange] string country, int priority) { }
            public void Route(CmaaCountry country, int priority) { }
            [CustomsDataExchange] public string Destination { get; set; } = "DE";
            [CustomsDataExchange] public readonly List<string> Partners = new() { "FR", "IR" };
            static readonly string Iran = "IR";
            static string Cuba => "CU";
            readonly string _assigned = "DE";
            public Gateway() { _assigned = "KP"; if (Iran.Length > 1) { _assigned ??= Cuba; } }

            void M(bool flag, string input, int n)
            {
                var local = flag ? "IR" : input;
                local = n switch { 1 => "KP", _ => local };
                Send(local);
                SendMany("DE", Iran, Cuba, $"{Iran}", "I" + "R", @"SY", """KP""");
                Route("DE", 1);
                Destination ??= "GER";
                if (CmaaAgreements.HasAgreement(input)) { Send(input); }
                Action later = () => Send(local);
                string[] more = ["FR", .. Partners];
                foreach (var c in more) { Send(c); }
                new Shipment("IR", "oil") { Destination = "DЕ" };
                Local(); void Local() => Send("\u200BDE");
                Send(Unknown.Value);
                Send(this.Missing(input));
                var (a, (b, c)) = ("IR", ("KP", 1));
                (local, n) = (a, 2);
                Send(local);
                foreach (var (x, y) in new[] { ("CU", 1), (b, 2) }) { Send(x); }
                string? z = null; z ??= "SY"; Send(z);
                var t = (a, 3); var (p, q) = t; Send(p);
                _ = new Declaration("IR"); _ = new Declaration("KP", 1); _ = new Export("CU");
                if (!CmaaAgreements.HasAgreement(input)) throw new Exception(); Send(input);
                var ok = CmaaAgreements.HasAgreement(input); if (ok) Send(input);
                Ensure(input); Send(input); input = input.ToUpperInvariant(); Send(input); input = Iran; Send(input);
                Array.ForEach(more, m => { if (CmaaAgreements.HasAgreement(m)) Send(m); Send(m); });
                void Checked(string code) { if (!CmaaAgreements.HasAgreement(code)) return; Action inner = () => Send(code); Send(code); }
                while (flag) { Send(input); input = Cuba; }
                Send(_assigned);
                switch (input) { case "IR": Send(input); break; case "DE" or "FR": Send(input); break; }
                if (input is not "KP") { } else if (string.Equals(input, "kp")) { Send(input.ToUpperInvariant()); }
                foreach (var w in more.Where(CmaaAgreements.HasAgreement).Where(v => CmaaAgreements.HasAgreement(v)).ToList()) { Send(w); }
                foreach (var k in new[] { "DE", "IR", "KP" }) { var k2 = k; if (k == "KP" || !CmaaAgreements.HasAgreement(k2)) continue; Send(k2); k2 = flag ? k2 : Iran; Send(k2); }
                var r = new Shipment(input, "x"); if (CmaaAgreements.HasAgreement(r.Destination)) { Send(r.Destination); Send(Guid.NewGuid().ToString()); }
                var built = new List<string> { "DE" }; built.Add(Iran); built.AddRange(more); built[0] = input; if (built.Contains(input)) Send(input); foreach (var e in built) Send(e); Send(CodeFor(n)); var copy = input; Send(copy); Partners?.Add("CU");
                var ports = new Dictionary<string, string> { ["Hamburg"] = "DE", ["Bandar Abbas"] = Iran }; ports[input] = "KP"; if (ports.TryGetValue(input, out var port)) Send(port); Send(ports[input]); Send(more[n]); Send(built[0]);
                foreach (var (name, c) in ports) Send(c); foreach (var e in ports.OrderBy(x => x.Key)) Send(e.Key); foreach (var v in ports.Values) Send(v); if (ports.ContainsKey(input)) Send(input); Send(ports.GetValueOrDefault(input, Cuba));
                foreach (var y in Yielded(n)) Send(y); Send(Away); foreach (var j in more.Append(Cuba).Concat(built).Prepend(input)) Send(j);
                if (CmaaAgreements.HasAgreement(r?.Destination)) Send(r!.Destination); if (CmaaAgreements.HasAgreement(input?.Trim().ToUpper() ?? "")) Send(input!.Trim()); if (r?.Destination == "KP") Send(r.Destination);
                foreach (var h in new HashSet<string>(more, StringComparer.OrdinalIgnoreCase) { Cuba }) Send(h); foreach (var h in System.Collections.Immutable.ImmutableHashSet.Create(StringComparer.Ordinal, Iran, "DE")) Send(h); foreach (var h in built.AsReadOnly()) Send(h);
            }

            static string CodeFor(int n) => n switch { 1 => "IR", _ => n > 2 ? "DE" : Cuba };
            static IEnumerable<string> Yielded(int n) { yield return Iran; if (n > 1) yield break; yield return CodeFor(n); }
            static string Away { get { return n0 > 1 ? Cuba : "DE"; } }
            static int n0 = 2;
            static async System.Threading.Tasks.Task<string> LookupAsync() { await System.Threading.Tasks.Task.Yield(); return await Cached().ConfigureAwait(false); }
            static System.Threading.Tasks.Task<string> Cached() => System.Threading.Tasks.Task.FromResult(Iran);
            async System.Threading.Tasks.Task W() { Send(await LookupAsync()); var t = await Cached(); Send(t); }

            static void Ensure(string code) { if (!CmaaAgreements.HasAgreement(code)) throw new ArgumentException(code); }
            static bool IsAllowed(string code) => CmaaAgreements.HasAgreement(code);
            static bool IsEmbargoed(string code) => !CmaaAgreements.HasAgreement(code);
            static bool Ping(string code) => Pong(code);
            static bool Pong(string code) => Ping(code);
            static bool CanShip(string code) => !IsEmbargoed(code) && !Pong(code);
            static async System.Threading.Tasks.Task EnsureAsync(string code) { var c = code.Trim(); using var d = (IDisposable?)null; if (!CanShip(code)) throw new ArgumentException(c); await System.Threading.Tasks.Task.Yield(); }
            void R(Partner p) { Send(p.Code); Send(p.Other!); }
            async System.Threading.Tasks.Task Q(string input) { await EnsureAsync(input).ConfigureAwait(false); Send(input); _ = EnsureAsync(input); Send(input); }
            static async System.Threading.Tasks.Task<bool> PermitsAsync(string code) { var c = await System.Threading.Tasks.Task.FromResult(code); return CmaaAgreements.HasAgreement(code) && c.Length == 2; }
            static void EnsureRoute(string a, string b) { if (!CmaaAgreements.HasAgreement(a) || !IsAllowed(b)) throw new ArgumentException(a); }
            async System.Threading.Tasks.Task W(string input, string other) { if (await PermitsAsync(input)) Send(input); EnsureRoute(input, other); Send(other); EnsureAsync(other).GetAwaiter().GetResult(); Send(Made.Create(other).Code); }
            public static void Require([AgreementChecked] string code) { if (!CmaaAgreements.HasAgreement(code)) throw new ArgumentException(code); }
            public static bool Permits([AgreementChecked(true)] string code) => CmaaAgreements.HasAgreement(code);
            public static bool Allowed(string code) => CmaaAgreements.HasAgreement(code);
            public static bool Claims([AgreementChecked(false)] string code, [AgreementChecked] string other) => CmaaAgreements.HasAgreement(code);
            void P(string input) { if (IsAllowed(input) && Ping(input)) { Send(input); } if (IsEmbargoed(input)) { return; } Send(input); foreach (var v in new[] { input }.Where(IsAllowed)) { Send(v); } new List<string> { input, "IR" }.ForEach(Send); Array.ForEach(new[] { "KP" }, Send); _ = new[] { input, "CU" }.Select(m => { Send(m); return m; }).Count(x => x == "CU"); }
        }

        public class Declaration
        {
            public Declaration(string destination) : this(destination, 0) { }
            public Declaration(string destination, int count) { Destination = destination ?? throw new ArgumentNullException(); }
            [CustomsDataExchange] public string Destination { get; }
        }

        public class Export(string to) : Declaration(to);

        public sealed class Made
        {
            private Made(string code) => Code = code;
            public string Code { get; }
            public static Made Create(string code) => CmaaAgreements.HasAgreement(code) ? new Made(code) : throw new ArgumentException(code);
        }

        public sealed class Partner
        {
            public Partner(string code) { if (!CmaaAgreements.HasAgreement(code)) throw new ArgumentException(code); Code = code; }
            public Partner(int n) : this(n.ToString()) { }
            [AgreementChecked] public string Code { get; }
            [AgreementChecked(true)] public readonly string? Other;
        }
        """";

    /// <summary>A file that never names the attribute, so the contexts it reaches are found through the seed's types.</summary>
    internal const string Relay = """
        public class Relay : Gateway
        {
            public void Forward(string country) { Send(country); Route(country, 2); }
            void N(IGateway gateway, Shipment shipment) { gateway.Send("IR"); Forward("CU"); _ = shipment with { Destination = "SY" }; }
        }
        """;

    private static readonly string[] Insertions =
    [
        ";", "{", "}", "(", ")", "\"", "\"IR\"", "$\"", "@\"", "\"\"\"", "..", "=>", "??", "?", ":", "[", "]", ",", "new", "default", "null!",
        "Send(", "[CustomsDataExchange]", "[AgreementChecked]", "[AgreementChecked(true)]", "CmaaCountry.", "CmaaAgreements.HasAgreement(", "ref ", "out var x", "stackalloc", "#if X", "#endif", "/*", "*/", "\\u0000",
    ];

    internal static readonly Gen<string> BrokenSources =
        from edits in Gen.Select(Gen.Int[0, 2], Gen.Double[0, 1], Gen.Int[0, Insertions.Length - 1], Gen.Int[1, 40]).Array[1, 6]
        select edits.Aggregate(Seed, (text, edit) =>
        {
            var at = (int)(edit.Item2 * text.Length);
            return edit.Item1 switch
            {
                0 => text.Insert(at, Insertions[edit.Item3]),
                1 => text.Remove(at, Math.Min(edit.Item4, text.Length - at)),
                _ => text[..at],
            };
        });

    private static readonly Gen<string> Lists = Gen.OneOf(
        Gen.Const(""),
        Gen.Const("country,covers\nDE,HR;XX\nIR\n"),
        Gen.Char[",\"\n#DEFRIR;covers"].Array[0, 80].Select(c => "country,status\n" + new string(c)));

    [Fact]
    public void Broken_code_and_lists_never_crash_the_generator_or_the_analyzer()
        => Fuzz.Run(
            Gen.Select(BrokenSources, Lists, Gen.Bool),
            input =>
            {
                var (source, list, withUnchecked) = input;
                var files = list.Length == 0 ? [] : new[] { ("/p/fuzz.cmaa.csv", list), ("/p/CustomsDataExchangeApis.txt", "M:Gateway.Route(System.String,System.Int32)#country\nbroken line\n") };
                PipelineRunner.Run([source, Relay], files, enableUnchecked: withUnchecked).AssertNothingCrashed();
            },
            iterations: 300,
            output,
            input => input.Item1 + "\n----- list -----\n" + input.Item2 + "\n----- CMAA004 on: " + input.Item3);

    /// <summary>A project that uses the seed's types from another assembly: constructors, readonly members, marks.</summary>
    private const string User = """
        using System.Linq;

        public class User
        {
            void M(Gateway g, IGateway i, string input)
            {
                _ = new Declaration("IR");
                _ = new Declaration("KP", 1);
                _ = new Export("CU");
                foreach (var partner in g.Partners) { g.Send(partner); }
                g.SendMany(g.Partners.ToArray());
                g.Route("IR", 1);
                i.Send(g.Destination);
                _ = new Shipment("SY", "oil");
                if (Cmaa.CmaaAgreements.HasAgreement(input)) { i.Send(input); }
                Gateway.Require(input); i.Send(input);
                if (Gateway.Permits(g.Destination) || !Gateway.Claims(input, input)) { i.Send(g.Destination); g.SendMany(g.Partners.Where(Gateway.Permits).ToArray()); }
            }
        }
        """;

    /// <summary>
    /// An IDE references another project of the solution as its compilation, broken while it is typed there: the
    /// project that uses it is analysed without a crash or CMAA900. <see cref="Analysis.ProjectReferenceTests"/> shows
    /// that it gets what the other project's assembly gives a command-line build.
    /// </summary>
    [Fact]
    public void A_project_referenced_as_a_compilation_never_breaks_the_analysis_of_the_one_that_uses_it()
    {
        var seed = PipelineRunner.Run([User], enableUnchecked: true, references: [LibraryReference.WithGenerator(Seed, "Seed").ToMetadataReference()]);
        seed.AssertNothingCrashed();
        Assert.Contains(seed.AnalyzerDiagnostics, d => d.Id == "CMAA001");

        Fuzz.Run(
            BrokenSources,
            source => PipelineRunner.Run([User], enableUnchecked: true, references: [LibraryReference.WithGenerator(source, "Seed").ToMetadataReference()])
                .AssertNothingCrashed(),
            iterations: 100,
            output);
    }

    [Fact]
    public void Cyclic_inheritance_does_not_send_the_type_decision_round_in_circles()
    {
        // The file never names the attribute, so every call below is answered by walking the types' bases.
        const string Cycles = """
            public interface IFirst : ISecond { void Send(string country); }
            public interface ISecond : IFirst { }
            public class A : B { public void Send(string country) { } }
            public class B : A { }
            public class C : C { public void Send(string country) { } }
            public class Use
            {
                void M(IFirst first, A a, C c)
                {
                    first.Send("IR");
                    a.Send("IR");
                    c.Send("IR");
                }
            }
            """;

        var result = PipelineRunner.Run([Seed, Cycles]);

        result.AssertNothingCrashed();
        Assert.Contains(result.AnalyzerDiagnostics, d => d.Id == "CMAA001");
    }

    [Fact]
    public void Values_that_refer_to_themselves_do_not_send_the_flow_round_in_circles()
    {
        // Deconstructions, foreach loops, ??= and a filter search whose values name the locals they write, in code that
        // compiles and in code that does not.
        const string Loops = """
            using System.Collections.Generic;
            using System.Linq;

            public class Loops
            {
                void M(Gateway g, bool flag)
                {
                    var (a, b) = a;
                    g.Send(a);
                    var (x, (y, z)) = (y, (x, z));
                    g.Send(y);
                    (string, int) t = ("DE", 1);
                    ((string, int), int) w = (t, 3);
                    (t, var n) = w;
                    w = (t, 4);
                    if (flag) { (t, n) = (t, 5); }
                    g.Send(t.Item1);
                    var (p, q) = (p: "KP", q: p);
                    g.Send(q);
                    foreach (var item in item) { g.Send(item); }
                    var list = new List<string> { "IR" };
                    foreach (var code in list) { list = new List<string> { code }; g.Send(code); }
                    string? s = null;
                    s ??= s;
                    g.Send(s);
                    Pair pair = "DE";
                    var (text, k) = pair;
                    pair = text;
                    (text, k) = pair;
                    g.Send(text);
                    var pairs = new[] { ("DE", 1) };
                    foreach (var (c, d) in pairs) { pairs = new[] { (c, d) }; g.Send(c); }
                    foreach (var (e, f) in e) { g.Send(e); }
                    var kept = new List<string>().Where(Cmaa.CmaaAgreements.HasAgreement).ToList();
                    while (flag) { kept = kept.ToList(); }
                    kept.ForEach(g.Send);
                    kept.ForEach(c => g.Send(c));
                }
            }

            // Constructors that chain to each other in a circle, which does not compile.
            public class Circle
            {
                public Circle(string a) : this(a, 1) { }
                public Circle(string a, int b) : this(a) { }
                [Cmaa.CustomsDataExchange] public string Other { get; } = "";
                void Use() => _ = new Circle("KP");
            }

            // A value that converts from text and deconstructs into text: each names the other without end.
            public readonly struct Pair
            {
                public static implicit operator Pair(string text) => default;
                public void Deconstruct(out string text, out int count) { text = ""; count = 0; }
            }
            """;

        var result = PipelineRunner.Run([Seed, Loops]);

        result.AssertNothingCrashed();
        PipelineRunner.Run([Seed, Loops], enableUnchecked: true).AssertNothingCrashed();
        // Of them, only the foreach over a list written in place with "IR" reaches an exchange with a country.
        var reported = result.AnalyzerDiagnostics
            .Where(d => d.Location.SourceTree?.FilePath.EndsWith("File1.cs", StringComparison.Ordinal) == true)
            .Select(d => d.Id + " " + (d.Location.GetLineSpan().StartLinePosition.Line + 1) + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)[..4]);
        Assert.Equal(["CMAA001 22 'IR'"], reported);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_unbroken_seed_code_is_analyzed(bool enableUnchecked)
    {
        var result = PipelineRunner.Run([Seed, Relay], enableUnchecked: enableUnchecked);

        result.AssertNothingCrashed();
        Assert.Contains(result.AnalyzerDiagnostics, d => d.Id == "CMAA001");
        Assert.Contains(result.AnalyzerDiagnostics, d => d.Id == "CMAA002");
        Assert.Contains(result.AnalyzerDiagnostics, d => d.Id == "CMAA001" && d.Location.GetLineSpan().Path == "/src/File1.cs");
        Assert.Equal(enableUnchecked, result.AnalyzerDiagnostics.Any(d => d.Id == "CMAA004"));
    }
}

using System.Threading.Tasks;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace CmaaGen.Tests.Analysis;

/// <summary>CMAA001 and how values reach an exchange context.</summary>
public class NoAgreementTests
{
    private const string Gateway = """
        using System.Collections.Generic;
        using Cmaa;

        public class Gateway
        {
            public void Send([CustomsDataExchange] string country, string payload = "") { }
            public void SendMany([CustomsDataExchange] params string[] countries) { }
            public void SendList([CustomsDataExchange] IEnumerable<string> countries) { }
            public void SendCode([CustomsDataExchange] int numericCode) { }
            public void SendObject([CustomsDataExchange] object country) { }
            [CustomsDataExchange] public string Destination { get; set; } = "";
            [CustomsDataExchange] public string Field = "";
        }

        public record Shipment([CustomsDataExchange] string Destination, string Goods);

        public record Filing([property: CustomsDataExchange] string Origin, string Goods);

        public static class GatewayExtensions
        {
            public static void SendTo([CustomsDataExchange] this string country, Gateway gateway) { }
        }

        """;

    [Theory]
    [InlineData("IR")]
    [InlineData("ir")]
    [InlineData("Iran")]
    [InlineData("IRAN")]
    [InlineData("irn")]
    [InlineData("364")]
    [InlineData("Islamic Republic of Iran")]
    public async Task Every_form_of_a_country_without_an_agreement(string text)
    {
        await AnalyzerTest.VerifyAsync(Gateway + $$"""
            class C { void M(Gateway g) => g.Send({|#0:"{{text}}"|}); }
            """,
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(0)
                .WithArguments(text, "Iran (IR)", "U.S. CBP, as of January 2014"));
    }

    [Theory]
    [InlineData("DE")]
    [InlineData("deu")]
    [InlineData("276")]
    [InlineData("Germany")]
    [InlineData("Korea")]
    [InlineData("South Korea")]
    [InlineData("KR")]
    [InlineData("Türkiye")]
    [InlineData("UK")]
    [InlineData("EU")]
    [InlineData("Taiwan")]
    [InlineData("HK")]
    public async Task Partners_with_an_agreement_in_force_are_fine(string text)
        => await AnalyzerTest.VerifyAsync(Gateway + $$"""class C { void M(Gateway g) => g.Send("{{text}}"); }""");

    [Theory]
    [InlineData("US")]
    [InlineData("us")]
    [InlineData("USA")]
    [InlineData("840")]
    [InlineData("United States")]
    public async Task The_lists_owner_needs_no_agreement(string text)
        => await AnalyzerTest.VerifyAsync(Gateway + $$"""class C { void M(Gateway g) => g.Send("{{text}}"); }""");

    [Fact]
    public async Task North_Korea_is_not_Korea()
        => await AnalyzerTest.VerifyAsync(Gateway + """class C { void M(Gateway g) { g.Send("Korea"); g.Send({|CMAA001:"North Korea"|}); g.Send({|CMAA001:"KP"|}); } }""");

    [Fact]
    public async Task Hong_Kong_is_not_China_and_Macao_is_neither()
        => await AnalyzerTest.VerifyAsync(Gateway + """class C { void M(Gateway g) { g.Send("CN"); g.Send("HK"); g.Send({|CMAA001:"MO"|}); } }""");

    [Fact]
    public async Task Literal_forms()
        => await AnalyzerTest.VerifyAsync(Gateway + """"
            class C
            {
                const string Iran = "IR";

                void M(Gateway g)
                {
                    const string cuba = "CU";
                    g.Send({|CMAA001:@"IR"|});
                    g.Send({|CMAA001:"""SY"""|});
                    g.Send({|CMAA001:Iran|});
                    g.Send({|CMAA001:cuba|});
                    g.Send({|CMAA001:"I" + "R"|});
                    g.Send({|CMAA001:$"{Iran}"|});
                    g.Send({|CMAA001:$"S{"Y"}"|});
                    g.Send({|CMAA001:nameof(Iran)|});
                }
            }
            """");

    [Fact]
    public async Task A_local_gives_the_values_that_reach_the_use()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                void M(Gateway g, bool flag)
                {
                    var first = "IR";
                    g.Send({|CMAA001:first|});

                    var replaced = "IR";
                    replaced = "DE";
                    g.Send(replaced);

                    string branch;
                    if (flag) { branch = "CU"; } else { branch = "FR"; }
                    g.Send({|CMAA001:branch|});

                    var looped = "FR";
                    for (var i = 0; i < 3; i++)
                    {
                        g.Send({|CMAA001:looped|});
                        looped = "SY";
                    }
                }
            }
            """);

    [Fact]
    public async Task A_local_diagnostic_points_at_where_the_constant_is_written()
    {
        await AnalyzerTest.VerifyAsync(
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    var country = {|#1:"IR"|};
                    g.Send({|#0:country|});
                }
            }
            """,
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1).WithArguments("IR", "Iran (IR)", "U.S. CBP, as of January 2014"));
    }

    [Fact]
    public async Task Static_readonly_fields_and_get_only_properties_with_constant_values()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            static class Countries
            {
                public static readonly string Iran = "IR";
                public static string Cuba { get; } = "CU";
                public static string Syria => "SY";
                public static readonly string Assigned = "IR";
                public static string Settable { get; set; } = "IR";
                static Countries() { Assigned = "DE"; }
            }

            class C
            {
                void M(Gateway g)
                {
                    g.Send({|CMAA001:Countries.Iran|});
                    g.Send({|CMAA001:Countries.Cuba|});
                    g.Send({|CMAA001:Countries.Syria|});
                    g.Send(Countries.Assigned);
                    g.Send(Countries.Settable);
                }
            }
            """);

    /// <summary>
    /// A readonly field or get-only auto-property holds what the constructors assign, and its initializer unless every
    /// constructor that runs it assigns the member first. A write whose value cannot be followed leaves it unknown.
    /// </summary>
    [Fact]
    public async Task Readonly_members_hold_what_the_constructors_assign()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            static class Settings
            {
                public static readonly string Partner;
                public static readonly string Overwritten = "IR";
                static Settings() { Partner = "KP"; Overwritten = "DE"; }
            }

            class Consignor
            {
                private readonly string _home;
                private readonly string _via = "SY";
                private readonly string _route = "DE";
                private readonly string _fixed = "KP";
                private readonly string _out = "IR";
                private readonly string _early;
                public string Origin { get; }

                // Inside a constructor, a member that constructors assign may not hold that value yet.
                public Consignor(Gateway g) : this()
                {
                    g.Send(_early);
                    _early = "KP";
                }

                public Consignor() { _home = "CU"; _via = "DE"; _fixed = "DE"; Origin = "IR"; TryRead(out _out); }

                public Consignor(int n) : this() { }

                public Consignor(bool express)
                {
                    _home = express ? "DE" : "FR";
                    if (express)
                    {
                        _route = "IR";
                    }

                    _fixed = "FR";
                    Origin = "DE";
                }

                static bool TryRead(out string code) { code = "DE"; return true; }

                void M(Gateway g)
                {
                    g.Send({|CMAA001:Settings.Partner|});
                    g.Send(Settings.Overwritten);
                    g.Send({|CMAA001:_home|});
                    g.Send({|CMAA001:_via|});
                    g.Send({|CMAA001:_route|});
                    g.Send(_fixed);
                    g.Send({|CMAA001:Origin|});
                    g.Send(_out);
                    g.Send({|CMAA001:_early|});
                }
            }
            """);

    /// <summary>
    /// A run-time value is one of the constants it was tested against where every path to the exchange passes the test and
    /// no write after it: ==, !=, is (with or), a switch case (with several labels) or arm, string.Equals, whatever parentheses
    /// the test puts around it. The diagnostic points at the test's constant too.
    /// </summary>
    [Fact]
    public async Task A_value_tested_against_a_constant_is_that_constant_where_the_test_holds()
        => await AnalyzerTest.VerifyAsync(
            Gateway + """
            public class Request
            {
                public string Country { get; set; } = "";
            }

            class C
            {
                void M(Gateway g, string country, string other, string third, Request request, bool flag)
                {
                    if (country == {|#1:"IR"|})
                    {
                        g.Send({|#0:country|});
                    }

                    switch (other)
                    {
                        case {|#3:"CU"|}:
                            g.Send({|#2:other|});
                            break;
                        case "DE":
                            g.Send(other);
                            break;
                        case {|#9:"KP"|}:
                        case "FR":
                            g.Send({|#8:other|});
                            break;
                        default:
                            g.Send(other);
                            break;
                    }

                    if (request.Country is {|#5:"IR"|})
                    {
                        g.Send({|#4:request.Country.ToUpperInvariant()|});
                    }

                    if (country is "DE" or {|#11:"SY"|})
                    {
                        g.Send({|#10:country|});
                    }

                    if ((third) == {|#15:"CU"|})
                    {
                        g.Send({|#14:third|});
                    }

                    if (!string.Equals(other, {|#7:"ir"|}, System.StringComparison.OrdinalIgnoreCase))
                    {
                        return;
                    }

                    g.Send({|#6:other|});

                    if (request.Country != {|#13:"KP"|})
                    {
                        return;
                    }

                    g.Send({|#12:request.Country|});
                }

                void Arms(Gateway g, string country, string other)
                {
                    var routed = country switch
                    {
                        {|#17:"SY"|} => country,
                        "DE" or "FR" => country,
                        _ => "DE",
                    };
                    g.Send({|#16:routed|});
                    g.Send(other switch { {|#19:"CU"|} => {|#18:other|}, _ => "BE" });
                }

                void NotKnown(Gateway g, string country, string other, bool flag)
                {
                    if (country == "IR" || flag)
                    {
                        g.Send(country);
                    }

                    if (country == "IR")
                    {
                        country = other;
                        g.Send(country);
                    }

                    if (other != "KP")
                    {
                        g.Send(other);
                    }

                    g.Send(other);
                }
            }
            """,
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1).WithArguments("IR", "Iran (IR)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(2).WithLocation(3).WithArguments("CU", "Cuba (CU)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(4).WithLocation(5).WithArguments("IR", "Iran (IR)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(6).WithLocation(7).WithArguments("ir", "Iran (IR)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(8).WithLocation(9).WithArguments("KP", "North Korea (KP)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(10).WithLocation(11).WithArguments("SY", "Syria (SY)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(12).WithLocation(13).WithArguments("KP", "North Korea (KP)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(14).WithLocation(15).WithArguments("CU", "Cuba (CU)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(16).WithLocation(17).WithArguments("SY", "Syria (SY)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(18).WithLocation(19).WithArguments("CU", "Cuba (CU)", "U.S. CBP, as of January 2014"));

    /// <summary>
    /// A test of the value trimmed or in another case narrows the value, which names the same country: read as it is,
    /// or trimmed in turn, also in a membership test.
    /// </summary>
    [Fact]
    public async Task A_test_of_the_trimmed_value_narrows_the_value()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                static readonly HashSet<string> Routes = new HashSet<string> { "DE", {|#5:"SY"|} };

                void M(Gateway g, string country, string other, string third)
                {
                    if (country.Trim() == {|#1:"IR"|}) g.Send({|#0:country|});
                    if (other.ToUpperInvariant() is {|#3:"KP"|}) g.Send({|#2:other.Trim()|});
                    if (Routes.Contains(third.Trim())) g.Send({|#4:third|});
                }
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(4, "SY", "Syria (SY)").WithLocation(5));

    /// <summary>
    /// A call of a predicate of the project tests its argument as the test it returns would, written in place
    /// (<c>if (IsEmbargoed(c)) continue;</c> where <c>IsEmbargoed(code) =&gt; Embargoed.Contains(code)</c>, also joined by
    /// <c>||</c> or <c>&amp;&amp;</c>), and a call of a guard that throws where such a test holds rules its countries out
    /// for the code after it, or leaves a run-time value one of an allow-list's. Before, both reported the block-list's
    /// countries a loop kept from the exchange.
    /// </summary>
    [Fact]
    public async Task A_predicate_or_guard_of_the_project_keeps_what_it_tests_out()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            static class Embargo
            {
                static readonly HashSet<string> Countries = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase) { "IR", "KP" };

                public static bool IsEmbargoed(string code) => Countries.Contains(code);

                public static bool IsPermitted(string code) { return !Countries.Contains(code) && code != "CU"; }

                public static bool IsGulf(string code) => code == "IR" || code == "QA";

                public static void EnsureAllowed(string code)
                {
                    if (Countries.Contains(code) || code == "CU")
                    {
                        throw new System.InvalidOperationException(code);
                    }
                }

                public static void EnsureListed(string code)
                {
                    if (!System.Linq.Enumerable.Contains(new[] { "DE", {|#8:"CU"|} }, code)) throw new System.InvalidOperationException(code);
                }

                public static void Log(string code) { }
            }

            class C
            {
                static readonly string[] Configured = { "DE", {|#0:"IR"|}, {|#1:"KP"|}, {|#2:"CU"|} };

                void M(Gateway g)
                {
                    foreach (var country in Configured)
                    {
                        if (Embargo.IsEmbargoed(country)) continue;
                        g.Send({|#3:country|});
                    }

                    foreach (var country in Configured)
                    {
                        if (!Embargo.IsPermitted(country)) continue;
                        g.Send(country);
                    }

                    foreach (var country in Configured)
                    {
                        if (Embargo.IsGulf(country)) g.Send({|#4:country|});
                    }

                    foreach (var country in Configured)
                    {
                        Embargo.EnsureAllowed(country);
                        g.Send(country);
                    }

                    foreach (var country in Configured)
                    {
                        Embargo.EnsureListed(country);
                        g.Send({|#5:country|});
                    }

                    foreach (var country in Configured)
                    {
                        Embargo.Log(country);
                        g.Send({|#6:country|});
                    }
                }

                void N(Gateway g, string code)
                {
                    Embargo.EnsureListed(code);
                    g.Send({|#7:code|});
                }
            }
            """,
            NoAgreement(3, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(4, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(5, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(6, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(6, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(6, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(7, "CU", "Cuba (CU)").WithLocation(8));

    /// <summary>
    /// A predicate or guard of the project may test through another (<c>IsAllowed(code) =&gt; !IsEmbargoed(code)</c>,
    /// <c>EnsureNotEmbargoed(code);</c> among a guard's statements, or as its arrow body), and may be a local function: each keeps what the
    /// test written in place would. Before, every item of the loop was reported, the embargoed ones too. Calls are
    /// followed four methods deep; a deeper chain, and a predicate that calls itself, tell nothing.
    /// </summary>
    [Fact]
    public async Task A_predicate_or_guard_that_calls_another_keeps_what_it_tests_out()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            static class Embargo
            {
                static readonly HashSet<string> Countries = new HashSet<string> { "IR", "KP" };

                public static bool IsEmbargoed(string code) => Countries.Contains(code);

                public static bool IsAllowed(string code) => !IsEmbargoed(code);

                public static void EnsureNotEmbargoed(string code)
                {
                    if (IsEmbargoed(code)) throw new System.InvalidOperationException(code);
                }

                public static void EnsureAllowed(string code)
                {
                    EnsureNotEmbargoed(code);
                    if (code == "CU") throw new System.InvalidOperationException(code);
                }

                public static void EnsureClear(string code) => EnsureNotEmbargoed(code);

                public static bool Third(string code) => IsAllowed(code);

                public static bool Fourth(string code) => Third(code);

                public static bool Fifth(string code) => Fourth(code);

                public static bool Itself(string code) => code != "IR" && Itself(code);
            }

            class C
            {
                static readonly string[] Configured = { "DE", {|#0:"IR"|}, {|#1:"KP"|}, {|#2:"CU"|} };

                void M(Gateway g)
                {
                    foreach (var country in Configured)
                    {
                        if (!Embargo.IsAllowed(country)) continue;
                        g.Send({|#3:country|});
                    }

                    foreach (var country in Configured)
                    {
                        Embargo.EnsureNotEmbargoed(country);
                        g.Send({|#4:country|});
                    }

                    foreach (var country in Configured)
                    {
                        Embargo.EnsureAllowed(country);
                        g.Send(country);
                    }

                    foreach (var country in Configured)
                    {
                        Embargo.EnsureClear(country);
                        g.Send({|#7:country|});
                    }

                    foreach (var country in Configured)
                    {
                        if (Blocked(country)) continue;
                        g.Send(country);
                    }

                    foreach (var country in Configured)
                    {
                        if (!Embargo.Fourth(country) || country == "CU") continue;
                        g.Send(country);
                    }

                    foreach (var country in Configured)
                    {
                        if (!Embargo.Fifth(country)) continue;
                        g.Send({|#5:country|});
                    }

                    foreach (var country in Configured)
                    {
                        if (!Embargo.Itself(country)) continue;
                        g.Send({|#6:country|});
                    }

                    static bool Blocked(string code) => Embargo.IsEmbargoed(code) || code == "CU";
                }
            }
            """,
            NoAgreement(3, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(4, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(7, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(5, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(5, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(5, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(6, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(6, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(6, "CU", "Cuba (CU)").WithLocation(2));

    /// <summary>
    /// A predicate or guard called through an interface, or an abstract or virtual method, keeps what every method the
    /// call may run tests out alike: the one <c>IScreening</c> of the project, implementations that test the same, a
    /// decorator that calls the interface it implements, an implementation through a base type's method, an override of
    /// an abstract predicate, also as a filter's method group. Before, every item of the loop was reported. Where
    /// another assembly may implement the interface (a public one, in a library) or the implementations test
    /// differently (one of them a nested type), the call tells nothing.
    /// </summary>
    [Fact]
    public async Task A_predicate_or_guard_through_an_interface_keeps_what_every_implementation_tests_out()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            namespace Screened
            {
                using System.Linq;

                internal interface IScreening
                {
                    bool IsBlocked(string country);
                    void EnsureCleared(string country);
                }

                internal sealed class Screening : IScreening
                {
                    static readonly HashSet<string> Blocked = new HashSet<string> { "IR", "KP" };
                    public bool IsBlocked(string country) => Blocked.Contains(country);
                    public void EnsureCleared(string country) { if (IsBlocked(country)) throw new System.InvalidOperationException(country); }
                }

                internal sealed class Replica : IScreening
                {
                    bool IScreening.IsBlocked(string code) => code == "KP" || code == "IR";
                    void IScreening.EnsureCleared(string code) { if (code == "IR" || code == "KP") throw new System.InvalidOperationException(code); }
                }

                internal sealed class Logged : IScreening
                {
                    private readonly IScreening _inner;
                    public Logged(IScreening inner) { _inner = inner; }
                    public bool IsBlocked(string country) => _inner.IsBlocked(country);
                    public void EnsureCleared(string country) { _inner.EnsureCleared(country); System.Console.WriteLine(country); }
                }

                internal interface IListing { bool IsBlocked(string country); }
                internal class ListingBase { public bool IsBlocked(string country) => country == "IR" || country == "KP"; }
                internal sealed class Listing : ListingBase, IListing { }

                internal interface IDiffering { bool IsBlocked(string country); }
                internal sealed class Narrow : IDiffering { public bool IsBlocked(string country) => country == "IR"; }
                internal static class Outer
                {
                    internal sealed class Wide : IDiffering { public bool IsBlocked(string country) => country == "IR" || country == "KP"; }
                }

                public interface IPublicScreening { bool IsBlocked(string country); }
                internal sealed class PublicScreening : IPublicScreening { public bool IsBlocked(string country) => country == "IR" || country == "KP"; }

                internal abstract class Policy { public abstract bool Allows(string country); }
                internal sealed class Strict : Policy { public override bool Allows(string country) => country != "IR" && country != "KP"; }

                class C
                {
                    static readonly string[] Configured = { "DE", {|#0:"IR"|}, {|#1:"KP"|}, {|#2:"CU"|} };

                    void M(Gateway g, IScreening screening, IListing listing, IDiffering differing, IPublicScreening open, Policy policy)
                    {
                        foreach (var country in Configured)
                        {
                            if (screening.IsBlocked(country)) continue;
                            g.Send({|#3:country|});
                        }

                        foreach (var country in Configured)
                        {
                            screening.EnsureCleared(country);
                            g.Send({|#4:country|});
                        }

                        foreach (var country in Configured)
                        {
                            if (listing.IsBlocked(country)) continue;
                            g.Send({|#5:country|});
                        }

                        foreach (var country in Configured.Where(policy.Allows))
                        {
                            g.Send({|#6:country|});
                        }

                        foreach (var country in Configured)
                        {
                            if (differing.IsBlocked(country)) continue;
                            g.Send({|#7:country|});
                        }

                        foreach (var country in Configured)
                        {
                            if (open.IsBlocked(country)) continue;
                            g.Send({|#8:country|});
                        }
                    }
                }
            }
            """,
            NoAgreement(3, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(4, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(5, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(6, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(7, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(7, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(7, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(8, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(8, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(8, "CU", "Cuba (CU)").WithLocation(2));

    /// <summary>
    /// No assembly that ships implements an application's public interface, so a guard through one keeps what its
    /// implementations test out, as an internal one's does; in a library, the same code tells nothing.
    /// </summary>
    [Theory]
    [InlineData(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication)]
    [InlineData(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary)]
    public async Task An_applications_public_interface_has_only_the_applications_implementations(Microsoft.CodeAnalysis.OutputKind kind)
    {
        var library = kind == Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary;
        var test = new AnalyzerTest(Gateway + $$"""
            public interface IScreening { void EnsureCleared(string country); }

            public class Screening : IScreening
            {
                public void EnsureCleared(string country) { if (country == "IR") throw new System.InvalidOperationException(country); }
            }

            public static class Program
            {
                static readonly string[] Configured = { "DE", {{(library ? "{|#0:\"IR\"|}" : "\"IR\"")}} };

                public static void Main() => File(new Gateway(), new Screening());

                public static void File(Gateway g, IScreening screening)
                {
                    foreach (var country in Configured)
                    {
                        screening.EnsureCleared(country);
                        g.Send({{(library ? "{|#1:country|}" : "country")}});
                    }
                }
            }
            """);
        test.TestState.OutputKind = kind;
        if (library)
        {
            test.ExpectedDiagnostics.Add(NoAgreement(1, "IR", "Iran (IR)").WithLocation(0));
        }

        await test.VerifyAsync();
    }

    /// <summary>
    /// <c>Except</c> with a block-list of constants keeps the other items, and <c>Intersect</c> with an allow-list keeps
    /// what both hold, a run-time item too as one of the list's; a list with an item known only at run time tells nothing.
    /// A comparer that ignores case is read as exact, which keeps more.
    /// </summary>
    [Fact]
    public async Task Except_and_Intersect_with_constants_keep_what_passes()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            namespace Tested
            {
                using System.Linq;

                class C
                {
                    static readonly string[] Configured = { "DE", {|#0:"IR"|}, {|#1:"KP"|}, {|#2:"CU"|}, {|#3:"ir"|} };
                    static readonly HashSet<string> Embargoed = new HashSet<string> { "IR", "KP" };
                    static readonly string[] Listed = { "DE", {|#4:"SY"|} };

                    void M(Gateway g, string incoming)
                    {
                        foreach (var c in Configured.Except(Embargoed))
                        {
                            g.Send({|#5:c|});
                        }

                        foreach (var c in Configured.Except(Embargoed, System.StringComparer.OrdinalIgnoreCase))
                        {
                            g.Send({|#6:c|});
                        }

                        g.Send({|#7:new[] { "DE", incoming }.Intersect(Listed).First()|});
                        g.Send(Configured.Intersect(Listed).First());
                        g.Send(Configured.Except(new[] { "IR", incoming }).First());
                    }
                }
            }
            """,
            NoAgreement(5, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(5, "ir", "Iran (IR)").WithLocation(3),
            NoAgreement(6, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(6, "ir", "Iran (IR)").WithLocation(3),
            NoAgreement(7, "SY", "Syria (SY)").WithLocation(4));

    /// <summary>
    /// A flag declared as a test of the value (<c>var embargoed = c.IsEmbargoed();</c>, <c>bool blocked = c == "IR" || c ==
    /// "KP";</c>, a <c>switch</c> of constants to truth values) and then branched on keeps what the test rules out, as the
    /// test written in the branch does; so does an extension predicate of the project in a method that tests nothing
    /// else. A flag written again, or a value written after the flag, tells nothing; nor does a <c>switch</c> whose
    /// arms give both truth values.
    /// </summary>
    [Fact]
    public async Task A_flag_that_holds_a_test_keeps_what_it_tests_out()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            static class Embargo
            {
                static readonly HashSet<string> Countries = new HashSet<string> { "IR", "KP" };

                public static bool IsEmbargoed(this string code) => Countries.Contains(code);
            }

            class C
            {
                static readonly string[] Configured = { "DE", {|#0:"IR"|}, {|#1:"KP"|}, {|#2:"CU"|} };

                void Flag(Gateway g)
                {
                    foreach (var c in Configured)
                    {
                        var embargoed = c.IsEmbargoed();
                        if (embargoed) continue;
                        g.Send({|#3:c|});
                    }
                }

                void Negated(Gateway g)
                {
                    foreach (var c in Configured)
                    {
                        var allowed = !c.IsEmbargoed();
                        if (allowed) g.Send({|#9:c|});
                    }
                }

                void Joined(Gateway g)
                {
                    foreach (var c in Configured)
                    {
                        bool blocked = c == "IR" || c == "KP" || c == "CU";
                        if (blocked) continue;
                        g.Send(c);
                    }
                }

                void Switched(Gateway g)
                {
                    foreach (var c in Configured)
                    {
                        var allowed = c switch { "IR" or "KP" => false, "CU" => false, _ => true };
                        if (!allowed) continue;
                        g.Send(c);
                    }
                }

                void Extension(Gateway g)
                {
                    foreach (var c in Configured)
                    {
                        if (c.IsEmbargoed()) continue;
                        g.Send({|#4:c|});
                    }
                }

                void WrittenAgain(Gateway g)
                {
                    foreach (var c in Configured)
                    {
                        var embargoed = c.IsEmbargoed();
                        embargoed = false;
                        if (embargoed) continue;
                        g.Send({|#5:c|});
                    }
                }

                void ValueWrittenAfter(Gateway g)
                {
                    var code = "DE";
                    var embargoed = code == "KP";
                    code = {|#6:"KP"|};
                    if (embargoed) return;
                    g.Send({|#7:code|});
                }

                void BothWays(Gateway g)
                {
                    foreach (var c in Configured)
                    {
                        var allowed = c switch { "IR" => false, "KP" => true, _ => true };
                        if (!allowed) continue;
                        g.Send({|#8:c|});
                    }
                }
            }
            """,
            NoAgreement(3, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(4, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(5, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(5, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(5, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(7, "KP", "North Korea (KP)").WithLocation(6),
            NoAgreement(9, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(8, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(8, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(8, "CU", "Cuba (CU)").WithLocation(2));

    /// <summary>
    /// A filter by a predicate of the project, called in a lambda or given as a method group, keeps the constant items
    /// its test lets through, also where the loop iterates the filter itself: before, each was a value known only at
    /// run time, so a Cuba the embargo list misses was not reported. A run-time item that passes a test of "one of
    /// them" (a predicate's, or a collection's <c>Contains</c> given as a method group) is one of them.
    /// </summary>
    [Fact]
    public async Task A_filter_by_a_predicate_of_the_project_keeps_what_passes()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            namespace Tested
            {
                using System.Linq;

                static class Embargo
                {
                    static readonly HashSet<string> Countries = new HashSet<string> { "IR", "KP" };

                    public static bool IsEmbargoed(string code) => Countries.Contains(code);

                    public static bool IsAllowed(string code) => !IsEmbargoed(code);

                    public static bool IsPermitted(string code) => IsAllowed(code) && code != "CU";

                    public static bool IsWatched(string code) => code == {|#0:"IR"|} || code == "DE";
                }

                class C
                {
                    static readonly string[] Configured = { "DE", "IR", {|#1:"KP"|}, {|#2:"CU"|} };
                    static readonly HashSet<string> Listed = new HashSet<string> { "DE", {|#9:"SY"|} };

                    void M(Gateway g, string incoming)
                    {
                        foreach (var country in Configured.Where(c => !Embargo.IsEmbargoed(c)))
                        {
                            g.Send({|#3:country|});
                        }

                        foreach (var country in Configured.Where(Embargo.IsAllowed))
                        {
                            g.Send({|#4:country|});
                        }

                        foreach (var country in Configured.Where(Embargo.IsPermitted))
                        {
                            g.Send(country);
                        }

                        foreach (var country in Configured.Where(c => c != "IR"))
                        {
                            g.Send({|#5:country|});
                        }

                        g.Send({|#6:Configured.Where(Embargo.IsAllowed).Last()|});
                        g.Send({|#7:new[] { "DE", incoming }.Where(Embargo.IsWatched).First()|});
                        g.Send(new[] { "DE", incoming }.Where(Embargo.IsAllowed).First());
                        g.Send({|#8:new[] { "DE", incoming }.Where(Listed.Contains).First()|});
                    }
                }
            }
            """,
            NoAgreement(3, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(4, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(5, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(5, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(6, "CU", "Cuba (CU)").WithLocation(2),
            NoAgreement(7, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(8, "SY", "Syria (SY)").WithLocation(9));

    /// <summary>
    /// A value found in a collection whose items are all constants is one of them: an allow-list that names a country
    /// without an agreement is reported where the value it lets pass is exchanged, and a block-list keeps its items from
    /// a loop. A copy of such a collection (<c>ToFrozenSet</c>, <c>ToImmutableArray</c>, <c>ToList</c>) holds its items. A
    /// collection with an item known only at run time, a null, or text searched inside tells nothing.
    /// </summary>
    [Fact]
    public async Task A_value_found_in_a_collection_of_constants_is_one_of_them()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                static readonly HashSet<string> Allowed = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase) { "DE", "FR" };
                static readonly HashSet<string> Routes = new HashSet<string> { "DE", {|#1:"IR"|} };
                static readonly string[] Blocked = { "IR", "KP" };
                static readonly string[] Configured = { "DE", {|#11:"IR"|}, {|#12:"KP"|}, {|#7:"CU"|} };
                static readonly List<string?> WithNull = new List<string?> { null, "DE" };
                static readonly System.Collections.Frozen.FrozenSet<string> Frozen = System.Collections.Frozen.FrozenSet.ToFrozenSet(new[] { "DE", "FR" }, System.StringComparer.OrdinalIgnoreCase);
                static readonly System.Collections.Immutable.ImmutableArray<string> Immutable = System.Collections.Immutable.ImmutableArray.ToImmutableArray(new[] { "FR", {|#9:"SY"|} });

                void M(Gateway g, string code, string other, string third)
                {
                    if (Allowed.Contains(code)) g.Send(code);
                    if (!Routes.Contains(other)) return;
                    g.Send({|#0:other|});

                    foreach (var country in Configured)
                    {
                        if (System.Linq.Enumerable.Contains(Blocked, country)) continue;
                        g.Send({|#6:country|});
                    }

                    foreach (var country in Configured)
                    {
                        if (!Allowed.Contains(country)) continue;
                        g.Send(country);
                    }

                    var local = new List<string> { "DE" };
                    local.Add({|#3:"SY"|});
                    local.AddRange(new[] { {|#13:"SD"|} });
                    if (local.Contains(third)) g.Send({|#2:third|});
                    if (System.Linq.Enumerable.Contains(new[] { "FR", {|#5:"KP"|} }, third)) g.Send({|#4:third|});

                    // Copies of a collection hold its items.
                    if (Frozen.Contains(third)) g.Send(third);
                    if (Immutable.Contains(other)) g.Send({|#8:other|});

                    // A country named twice is one of them, found at the first.
                    if (System.Linq.Enumerable.Contains(new[] { {|#15:"CU"|}, "DE", "CU" }, third)) g.Send({|#14:third|});
                    foreach (var country in System.Linq.Enumerable.ToList(Configured)) g.Send({|#10:country|});

                    // Nothing known: a null item, text searched inside, a value not in a block-list.
                    if (WithNull.Contains(third)) g.Send(third);
                    if ("DE,FR".Contains(third)) g.Send(third);
                    if (!System.Linq.Enumerable.Contains(Blocked, third)) g.Send(third);
                }
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(6, "CU", "Cuba (CU)").WithLocation(7),
            NoAgreement(2, "SY", "Syria (SY)").WithLocation(3),
            NoAgreement(2, "SD", "Sudan (SD)").WithLocation(13),
            NoAgreement(4, "KP", "North Korea (KP)").WithLocation(5),
            NoAgreement(8, "SY", "Syria (SY)").WithLocation(9),
            NoAgreement(10, "IR", "Iran (IR)").WithLocation(11),
            NoAgreement(10, "KP", "North Korea (KP)").WithLocation(12),
            NoAgreement(10, "CU", "Cuba (CU)").WithLocation(7),
            NoAgreement(14, "CU", "Cuba (CU)").WithLocation(15));

    /// <summary>
    /// A call or read binds to a partial method's or property's declaring part; what it returns is read from its
    /// implementing part.
    /// </summary>
    [Fact]
    public async Task A_partial_method_or_property_returns_what_its_implementing_part_returns()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            static partial class Defaults
            {
                public static partial string Home();

                public static partial string CodeFor(int region);

                public static partial string Embargoed { get; }
            }

            static partial class Defaults
            {
                public static partial string Home() => {|#1:"IR"|};

                public static partial string CodeFor(int region) => region == 1 ? "DE" : {|#3:"CU"|};

                public static partial string Embargoed { get => {|#5:"KP"|}; }
            }

            class C
            {
                void M(Gateway g)
                {
                    g.Send({|#0:Defaults.Home()|});
                    g.Send({|#2:Defaults.CodeFor(2)|});
                    g.Send({|#4:Defaults.Embargoed|});
                }
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(2, "CU", "Cuba (CU)").WithLocation(3),
            NoAgreement(4, "KP", "North Korea (KP)").WithLocation(5));

    [Fact]
    public async Task Methods_that_always_return_a_constant()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class Defaults
            {
                public static string Home() => {|#1:"IR"|};
                public string Partner()
                {
                    return {|#3:"CU"|};
                }

                public virtual string Overridable() => {|#19:"SY"|};
                public string Ask(string country) => country;
                public static string CodeFor(int region) => region switch { 1 => "DE", 2 => {|#7:"IR"|}, _ => "FR" };
                public static string OrOwn(string country, bool flag) => flag ? {|#9:"CU"|} : country;
                public string Branching(bool flag)
                {
                    if (flag)
                    {
                        return {|#13:"KP"|};
                    }

                    System.Func<string> later = () => { return "SY"; };
                    return "DE";
                }

                public static string Mapped(int region)
                {
                    switch (region)
                    {
                        case 1: return "DE";
                        case 2: return {|#15:"CU"|};
                        default: throw new System.ArgumentOutOfRangeException(nameof(region));
                    }
                }

                public static System.Collections.Generic.IEnumerable<string> Yielded()
                {
                    yield return {|#17:"IR"|};
                }
            }

            class C
            {
                void M(Gateway g, Defaults d)
                {
                    g.Send({|#0:Defaults.Home()|});
                    g.Send({|#2:d.Partner()|});
                    g.Send({|#4:Local()|});
                    g.Send({|#18:d.Overridable()|});
                    g.Send(d.Ask("FR"));
                    g.Send({|#12:d.Branching(true)|});
                    g.Send({|#14:Defaults.Mapped(2)|});
                    g.SendList({|#16:Defaults.Yielded()|});

                    // A method with parameters gives its constants; what the arguments decide is known only at run time.
                    g.Send({|#6:Defaults.CodeFor(3)|});
                    g.Send({|#8:Defaults.OrOwn("DE", false)|});
                    g.Send({|#10:Pick(1)|});

                    // A test of the method's own parameter says nothing of the caller's value.
                    g.Send(Route(d.Ask("FR")));

                    string Local() => {|#5:"SY"|};
                    string Pick(int n) => n > 0 ? {|#11:"KP"|} : Local();
                    string Route(string code) => code == "IR" ? code : "DE";
                }
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(2, "CU", "Cuba (CU)").WithLocation(3),
            NoAgreement(4, "SY", "Syria (SY)").WithLocation(5),
            NoAgreement(6, "IR", "Iran (IR)").WithLocation(7),
            NoAgreement(8, "CU", "Cuba (CU)").WithLocation(9),
            NoAgreement(10, "KP", "North Korea (KP)").WithLocation(11),
            NoAgreement(10, "SY", "Syria (SY)").WithLocation(5),
            NoAgreement(12, "KP", "North Korea (KP)").WithLocation(13),
            NoAgreement(14, "CU", "Cuba (CU)").WithLocation(15),
            NoAgreement(16, "IR", "Iran (IR)").WithLocation(17),
            NoAgreement(18, "SY", "Syria (SY)").WithLocation(19));

    /// <summary>
    /// A getter gives what its returns give, an iterator the items it yields, an awaited task what the method returns
    /// (an <c>async</c> one's values, another's <c>Task.FromResult</c>), and a join the items of both sides.
    /// </summary>
    [Fact]
    public async Task Getters_iterators_awaited_tasks_and_joins_give_their_values()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class Profile
            {
                public string Home { get { return {|#1:"SY"|}; } }
                public string Away { get => {|#3:"CU"|}; }
                public string Settable { get { return "KP"; } set { } }
                public virtual string Overridable { get { return {|#18:"KP"|}; } }

                public static IEnumerable<string> Partners()
                {
                    yield return "DE";
                    if (System.DateTime.Now.Year > 2000) yield break;
                    yield return {|#5:"SD"|};
                    System.Func<string> later = () => "KP";
                }

                public static async System.Threading.Tasks.Task<string> LookupAsync()
                {
                    await System.Threading.Tasks.Task.Yield();
                    return {|#7:"IR"|};
                }

                public static System.Threading.Tasks.Task<string> Cached() => System.Threading.Tasks.Task.FromResult({|#9:"KP"|});
                public static System.Threading.Tasks.Task<string> Forwarded() => Cached();
                public static System.Threading.Tasks.Task<string> Ask(string code) => System.Threading.Tasks.Task.FromResult(code);
            }

            class C
            {
                async System.Threading.Tasks.Task M(Gateway g, Profile p, string code)
                {
                    g.Send({|#0:p.Home|});
                    g.Send({|#2:p.Away|});
                    g.Send({|#17:p.Overridable|});
                    foreach (var partner in Profile.Partners()) g.Send({|#4:partner|});
                    g.Send({|#6:await Profile.LookupAsync()|});
                    var cached = await Profile.Cached().ConfigureAwait(false);
                    g.Send({|#8:cached|});
                    g.Send({|#10:await Profile.Forwarded()|});
                    g.SendList({|#11:System.Linq.Enumerable.Append(new[] { "DE" }, {|#12:"CU"|})|});
                    g.SendList({|#13:System.Linq.Enumerable.Concat(new[] { "DE" }, new List<string> { {|#14:"SY"|} })|});
                    foreach (var partner in System.Linq.Enumerable.Prepend(Profile.Partners(), {|#16:"IR"|})) g.Send({|#15:partner|});

                    // A getter beside a setter, a task not awaited and one of the caller's value: nothing known.
                    g.Send(p.Settable);
                    g.SendObject(Profile.LookupAsync());
                    g.Send(await Profile.Ask("FR"));
                }
            }
            """,
            NoAgreement(0, "SY", "Syria (SY)").WithLocation(1),
            NoAgreement(2, "CU", "Cuba (CU)").WithLocation(3),
            NoAgreement(4, "SD", "Sudan (SD)").WithLocation(5),
            NoAgreement(6, "IR", "Iran (IR)").WithLocation(7),
            NoAgreement(8, "KP", "North Korea (KP)").WithLocation(9),
            NoAgreement(10, "KP", "North Korea (KP)").WithLocation(9),
            NoAgreement(11, "CU", "Cuba (CU)").WithLocation(12),
            NoAgreement(13, "SY", "Syria (SY)").WithLocation(14),
            NoAgreement(15, "IR", "Iran (IR)").WithLocation(16),
            NoAgreement(15, "SD", "Sudan (SD)").WithLocation(5),
            NoAgreement(17, "KP", "North Korea (KP)").WithLocation(18));

    [Fact]
    public async Task Each_constant_branch_of_a_conditional_switch_or_coalesce()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                void M(Gateway g, bool flag, int n, string? maybe)
                {
                    g.Send(flag ? "DE" : {|CMAA001:"IR"|});
                    g.Send(n switch { 1 => {|CMAA001:"CU"|}, 2 => "FR", _ => {|CMAA001:"SY"|} });
                    g.Send(maybe ?? {|CMAA001:"IR"|});
                }
            }
            """);

    [Fact]
    public async Task Each_element_of_a_collection()
        => await AnalyzerTest.VerifyAsync(
            Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    g.SendMany("DE", {|CMAA001:"IR"|}, {|CMAA001:"CU"|});
                    g.SendMany(new[] { "FR", {|CMAA001:"SY"|} });
                    g.SendList(new List<string> { {|CMAA001:"IR"|}, "DE" });
                    g.SendList(["FR", {|CMAA001:"KP"|}]);
                    string[] others = ["DE", {|#1:"CU"|}];
                    g.SendList(["FR", ..{|#0:others|}]);
                }
            }
            """,
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1).WithArguments("CU", "Cuba (CU)", "U.S. CBP, as of January 2014"));

    [Fact]
    public async Task Object_initializers_property_and_field_assignments()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    var other = new Gateway { Destination = {|CMAA001:"IR"|}, Field = {|CMAA001:"CU"|} };
                    g.Destination = {|CMAA001:"SY"|};
                    g.Field = "DE";
                    g.Destination ??= {|CMAA001:"KP"|};
                }
            }
            """);

    /// <summary>
    /// A member of an object the code made holds what the object was made with: the object initializer's value, a
    /// <c>with</c>'s, a record's positional argument, the argument a constructor stores in it, or its initializer; also
    /// where a member holds the object, a method returns it, or a loop or element read takes it from a collection. A member that can be set after is read so only in an object
    /// the method made, where nothing can have set it before the read.
    /// </summary>
    [Fact]
    public async Task A_member_of_an_object_the_code_made_holds_what_it_was_made_with()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            public record Consignment(string Id, string Origin, string Destination);

            public sealed class Order
            {
                public Order() { }
                public Order(string destination) { Destination = destination ?? throw new System.ArgumentNullException(nameof(destination)); }
                public Order(int count) : this("KP") { }
                public string Destination { get; set; } = "";
                public string Via { get; init; } = "FR";
                public string Origin = "DE";
                public int Numeric { get; set; }
                public override string ToString() => Destination;
            }

            public record Party(string Name, string Country);

            public record Entry(string Reference, Party Consignee);

            public static class Parties
            {
                public static readonly Party Tehran = new("Tehran Customs", "IR");
                public static readonly Order Standing = new Order { Destination = "IR" };
                public static Party Havana() => new("Havana Customs", "CU");
                public static Party Named(string name) => new(name, "SY");
                public static readonly Party[] All = { new("Hamburg Customs", "DE"), new("Pyongyang Customs", "KP") };
                public static readonly Order[] Orders = { new Order { Destination = "IR" } };
                public static readonly System.Collections.Generic.List<Party> Listed = new() { new("Havana Customs", "CU") };
            }

            public sealed class Envelope
            {
                public Party Sender { get; set; } = new Party("", "");
                public Order Order { get; init; } = new Order();
            }

            public sealed class Route(string destination)
            {
                public string Destination { get; } = destination;
                public string Computed => "DE";
            }

            class C
            {
                static void Reroute(Order order) => order.Destination = "DE";

                void M(Gateway g, bool express, string input)
                {
                    var consignment = new Consignment("1", "CN", {|#0:"KP"|});
                    g.Send({|#1:consignment.Destination|});
                    g.Send(consignment.Origin);
                    g.Send({|CMAA001:new Consignment(Destination: "IR", Origin: "DE", Id: "2").Destination|});

                    var moved = consignment with { Origin = "DE" };
                    g.Send({|CMAA001:moved.Destination|});
                    var rerouted = consignment with { Destination = "DE" };
                    g.Send(rerouted.Destination);

                    var order = new Order { Destination = "IR", Via = "SY" };
                    g.Send({|CMAA001:order.Destination|});
                    g.Send({|CMAA001:order.Via|});
                    g.Send(new Order().Via);
                    g.Send({|CMAA001:new Order("CU").Destination|});
                    g.Send(new Order("DE").Destination);
                    g.Send(new Order { Origin = "CU" }.Origin.Length > 0 ? "DE" : "FR");
                    g.Send({|CMAA001:new Order { Origin = "CU" }.Origin|});
                    g.Send(new Order().Origin);
                    g.SendCode({|CMAA001:new Order { Numeric = 408 }.Numeric|});

                    var either = express ? new Route("DE") : new Route("SY");
                    g.Send({|CMAA001:either.Destination|});
                    g.Send(new Route("SY").Computed);

                    var anonymous = new { Country = "KP", Count = 1 };
                    g.Send({|CMAA001:anonymous.Country|});

                    // Through members of objects made so, as deep as they go.
                    var entry = new Entry("R1", new Party("Acme", "IR"));
                    g.Send({|CMAA001:entry.Consignee.Country|});
                    var party = new Party("Acme", "SY");
                    g.Send({|CMAA001:new Entry("R2", party).Consignee.Country|});
                    var sender = new Envelope { Sender = new Party("Contoso", "CU") };
                    g.Send({|CMAA001:sender.Sender.Country|});

                    var consignee = entry.Consignee;
                    g.Send({|CMAA001:consignee.Country|});

                    // Held by a readonly member, or returned by a method.
                    g.Send({|CMAA001:Parties.Tehran.Country|});
                    g.Send({|CMAA001:Parties.Havana().Country|});
                    var named = Parties.Named(input);
                    g.Send({|CMAA001:named.Country|});
                    g.Send(named.Name);

                    // Each object of a collection a loop takes, or an element read gives.
                    foreach (var each in Parties.All)
                    {
                        g.Send({|CMAA001:each.Country|});
                    }

                    g.Send({|CMAA001:Parties.All[0].Country|});
                    g.Send({|CMAA001:Parties.Listed[0].Country|});
                    var listed = Parties.Listed[0];
                    g.Send({|CMAA001:listed.Country|});
                    var first = Parties.All[0];
                    g.Send({|CMAA001:first.Country|});
                    foreach (var each in Parties.Orders)
                    {
                        g.Send(each.Destination);
                    }

                    // A member code can set, in an object held by a member or returned by a method: any code that reaches
                    // that object may have set it.
                    var envelope = new Envelope { Order = new Order { Destination = "IR" } };
                    g.Send(envelope.Order.Destination);
                    g.Send(Parties.Standing.Destination);

                    // Set, or handed to code that may set it, before the read: what it holds then is not known here.
                    var changed = new Order { Destination = "IR" };
                    changed.Destination = input;
                    g.Send(changed.Destination);
                    var handed = new Order { Destination = "IR" };
                    Reroute(handed);
                    g.Send(handed.Destination);
                    var replaced = new Envelope { Sender = new Party("Contoso", "CU") };
                    replaced.Sender = new Party("Contoso", "DE");
                    g.Send(replaced.Sender.Country);
                    var reached = new Order { Destination = "IR" };
                    System.Action later = () => reached.Destination = "DE";
                    g.Send(reached.Destination);

                    // Handed on after the read, or only its other members written: still what it was made with.
                    var sent = new Order { Destination = "IR" };
                    sent.Origin = "DE";
                    g.Send({|CMAA001:sent.Destination|}, sent.ToString());

                    // An init-only member keeps its value wherever the object goes.
                    var kept = new Order { Via = "SY" };
                    Reroute(kept);
                    g.Send({|CMAA001:kept.Via|});

                    // A constructor that calls another first leaves what that one made.
                    g.Send({|CMAA001:new Order(2).Destination|});
                }
            }
            """,
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(1).WithLocation(0).WithArguments("KP", "North Korea (KP)", "U.S. CBP, as of January 2014"));

    /// <summary>
    /// A read of an abstract, virtual or interface property gives what each property it may run gives: the override of
    /// the type of an object the code made, else the property of the read's type and every override or implementation
    /// the project declares below it, an explicit one, a generic base's and a struct's too. A class per country is read as
    /// a method returning each of them is, also through <c>this</c> in the base type.
    /// </summary>
    [Fact]
    public async Task A_read_of_an_abstract_virtual_or_interface_property_gives_what_each_override_gives()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            public abstract class Party
            {
                public abstract string Country { get; }
                public virtual string Region => "DE";
                public void Lodge(Gateway g) => g.Send({|#0:Country|});
                public void Screened(Gateway g) { if (CmaaAgreements.HasAgreement(Country)) g.Send(Country); }
            }

            public sealed class Tehran : Party
            {
                public override string Country { get; } = {|#1:"IR"|};
                public override string Region { get { return {|#2:"SD"|}; } }
            }

            public class Paris : Party { public override string Country => "FR"; }
            public class Lyon : Paris { }
            public class Damascus : Paris { public override string Country => {|#3:"SY"|}; }

            public interface IParty { string Country { get; } }
            internal sealed class Havana : IParty { string IParty.Country => {|#4:"CU"|}; }
            internal struct Berlin : IParty { public string Country => "DE"; }

            public abstract class Desk<T> { public abstract string Country { get; } }
            public sealed class Pyongyang : Desk<int> { public override string Country => {|#5:"KP"|}; }
            public sealed class Khartoum : Desk<string> { public override string Country => {|#6:"SD"|}; }
            public class Counter<T> : Desk<T> { public override string Country => {|#16:"CU"|}; }

            class C
            {
                void M(Gateway g, Party p, IParty i, Paris paris, Tehran tehran, Desk<int> desk, IEnumerable<IParty> all)
                {
                    g.Send({|#7:p.Country|});
                    g.Send({|#8:p.Region|});
                    g.Send({|#9:i.Country|});
                    g.Send({|#10:paris.Country|});
                    g.Send({|#11:tehran.Country|});
                    g.Send({|#12:desk.Country|});

                    // The type of an object the code made tells which override runs.
                    Party lyon = new Lyon();
                    g.Send(lyon.Country);
                    IParty berlin = new Berlin();
                    g.Send(berlin.Country);
                    IParty havana = new Havana();
                    g.Send({|#13:havana.Country|});
                    g.Send({|#14:(System.DateTime.Now.Year > 2000 ? new Paris() : (Party)new Tehran()).Country|});
                    foreach (var each in all) g.Send({|#15:each.Country|});
                    foreach (var each in new Party[] { new Paris(), new Lyon() }) g.Send(each.Country);
                }
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(0, "SY", "Syria (SY)").WithLocation(3),
            NoAgreement(7, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(7, "SY", "Syria (SY)").WithLocation(3),
            NoAgreement(8, "SD", "Sudan (SD)").WithLocation(2),
            NoAgreement(9, "CU", "Cuba (CU)").WithLocation(4),
            NoAgreement(10, "SY", "Syria (SY)").WithLocation(3),
            NoAgreement(11, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(12, "KP", "North Korea (KP)").WithLocation(5),
            NoAgreement(12, "CU", "Cuba (CU)").WithLocation(16),
            NoAgreement(13, "CU", "Cuba (CU)").WithLocation(4),
            NoAgreement(14, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(15, "CU", "Cuba (CU)").WithLocation(4));

    /// <summary>
    /// In the body of an object whose type is known, made by the code or held by a <c>readonly</c> field that holds one
    /// made so, a read or call through <c>this</c> runs that type's override: a smart enum's
    /// <c>Jurisdiction.Germany.Describe()</c>, where <c>Describe() =&gt; Iso2</c>, is Germany's code alone. Where the
    /// object is not known, any type's may run.
    /// </summary>
    [Fact]
    public async Task A_read_through_this_runs_the_override_of_the_objects_type_where_it_is_known()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            public abstract class Jurisdiction
            {
                public static readonly Jurisdiction Germany = new GermanJurisdiction();
                public static readonly Jurisdiction Cuba = new CubanJurisdiction();

                public abstract string Iso2 { get; }
                public virtual string Describe() => Iso2;
                public string Plain() => Iso2.Trim();
                public string Relayed => Plain();
            }

            public sealed class GermanJurisdiction : Jurisdiction { public override string Iso2 => "DE"; }
            public sealed class CubanJurisdiction : Jurisdiction { public override string Iso2 => {|#0:"CU"|}; }

            class C
            {
                void M(Gateway g, Jurisdiction any)
                {
                    g.Send(Jurisdiction.Germany.Iso2);
                    g.Send(Jurisdiction.Germany.Describe());
                    g.Send(Jurisdiction.Germany.Plain());
                    g.Send(new GermanJurisdiction().Relayed);
                    var germany = Jurisdiction.Germany;
                    g.Send(germany.Describe());
                    g.Send({|#1:Jurisdiction.Cuba.Describe()|});
                    g.Send({|#2:any.Describe()|});
                    g.Send({|#3:any.Relayed|});
                }
            }
            """,
            NoAgreement(1, "CU", "Cuba (CU)").WithLocation(0),
            NoAgreement(2, "CU", "Cuba (CU)").WithLocation(0),
            NoAgreement(3, "CU", "Cuba (CU)").WithLocation(0));

    /// <summary>
    /// A call of an abstract, virtual or interface method gives what each method it may run returns, as a read of such a
    /// property does, the override's parameters standing for the call's arguments, and an awaited one what awaiting what
    /// each returns gives; a generic method, whose overrides' type parameters are other symbols, is not followed.
    /// </summary>
    [Fact]
    public async Task A_call_of_an_abstract_virtual_or_interface_method_gives_what_each_override_returns()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            abstract class Desk
            {
                public abstract string Code();
                public virtual string Route(string code) => code.ToUpperInvariant();
                protected abstract string For(int n);
                public abstract string Typed<T>();
                public void Lodge(Gateway g) { g.Send({|#0:Code()|}); g.Send({|#1:For(1)|}); }
            }

            sealed class Tehran : Desk
            {
                public override string Code() => {|#2:"IR"|};
                public override string Route(string code) => code.Trim();
                protected override string For(int n) => n > 0 ? {|#3:"KP"|} : "DE";
                public override string Typed<T>() => "IR";
            }

            sealed class Paris : Desk
            {
                public override string Code() { return "FR"; }
                public override string Route(string c) => "DE";
                protected override string For(int n) => "FR";
                public override string Typed<T>() => "FR";
            }

            public interface IDesk { string Code(); }
            internal sealed class Havana : IDesk { string IDesk.Code() => {|#4:"CU"|}; }

            public interface IProvider { System.Threading.Tasks.Task<string> CountryAsync(); }
            internal sealed class Damascus : IProvider
            {
                public async System.Threading.Tasks.Task<string> CountryAsync() { await System.Threading.Tasks.Task.Yield(); return {|#9:"SY"|}; }
            }

            internal sealed class Pyongyang : IProvider
            {
                public System.Threading.Tasks.Task<string> CountryAsync() => System.Threading.Tasks.Task.FromResult({|#10:"KP"|});
            }

            class C
            {
                void M(Gateway g, Desk d, IDesk i)
                {
                    g.Send({|#5:d.Code()|});
                    g.Send({|#6:d.Route({|#7:"sy"|})|});
                    g.Send({|#8:i.Code()|});
                    g.Send(d.Typed<int>());
                    g.Send(new Paris().Code());
                }

                async System.Threading.Tasks.Task Awaits(Gateway g, IProvider provider)
                {
                    g.Send({|#11:await provider.CountryAsync()|});
                    g.Send({|#12:await provider.CountryAsync().ConfigureAwait(false)|});
                }
            }
            """,
            NoAgreement(11, "SY", "Syria (SY)").WithLocation(9),
            NoAgreement(11, "KP", "North Korea (KP)").WithLocation(10),
            NoAgreement(12, "SY", "Syria (SY)").WithLocation(9),
            NoAgreement(12, "KP", "North Korea (KP)").WithLocation(10),
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(2),
            NoAgreement(1, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(5, "IR", "Iran (IR)").WithLocation(2),
            NoAgreement(6, "sy", "Syria (SY)").WithLocation(7),
            NoAgreement(8, "CU", "Cuba (CU)").WithLocation(4));

    /// <summary>
    /// A dictionary LINQ's <c>ToDictionary</c> makes holds what its value selector returns for each item, read as a
    /// <c>Select</c>'s items are; a comparer in its place, or a method group, leaves the values known only at run time.
    /// </summary>
    [Fact]
    public async Task A_dictionary_ToDictionary_made_holds_what_its_value_selector_returns()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            namespace Mapped
            {
                using System.Linq;

                public record Party(string Name, string Country);

                class C
                {
                    static readonly Party[] All = { new("Hamburg Customs", "DE"), new("Pyongyang Customs", "KP") };
                    static readonly Party[] Partners = { new("Hamburg Customs", "DE"), new("Lyon Customs", "FR") };

                    static string CountryOf(Party party) => party.Country;

                    void M(Gateway g, string name)
                    {
                        var byName = All.ToDictionary(p => p.Name, p => p.Country);
                        g.Send({|CMAA001:byName[name]|});
                        g.Send({|CMAA001:All.ToDictionary(p => p.Name, p => p.Country, System.StringComparer.OrdinalIgnoreCase)[name]|});
                        foreach (var country in byName.Values)
                        {
                            g.Send({|CMAA001:country|});
                        }

                        g.Send(Partners.ToDictionary(p => p.Name, p => p.Country)[name]);
                        g.Send(All.ToDictionary(p => p.Name, CountryOf)[name]);
                        g.Send(All.ToDictionary(p => p.Country, System.StringComparer.OrdinalIgnoreCase)[name].Name);
                    }
                }
            }
            """);

    /// <summary>
    /// A filter whose predicate reads only truth values and numbers of an item (<c>Where(p =&gt; p.Active)</c>, also in a
    /// query) lets each item through as far as its country goes, and so does taking or skipping some; a predicate that
    /// tests the item, a text member of it, or hands it to a method may keep a country out, so what passes it is known only
    /// at run time. Before, any filter was.
    /// </summary>
    [Fact]
    public async Task A_filter_that_tests_no_country_keeps_each_item()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            namespace Filtered
            {
                using System.Linq;

                public record Party(string Name, string Country, bool Active, int? Pieces);

                class C
                {
                    static readonly Party[] All = { new("Hamburg", "DE", true, 1), new("Pyongyang", {|#0:"KP"|}, false, null) };
                    static readonly string[] Codes = { "DE", {|#1:"SY"|} };

                    static bool Approved(Party party) => party.Active;

                    void M(Gateway g)
                    {
                        foreach (var country in All.Where(p => p.Active).Select(p => p.Country))
                        {
                            g.Send({|#2:country|});
                        }

                        foreach (var country in from p in All where p.Pieces > 1 || !p.Active select p.Country)
                        {
                            g.Send({|#3:country|});
                        }

                        foreach (var code in Codes.Skip(1).Take(1))
                        {
                            g.Send({|#4:code|});
                        }

                        g.Send({|#5:All.Where(p => p.Active).First().Country|});
                        g.Send({|#6:Codes.TakeWhile(c => true).Last()|});
                        g.Send(All.Where(p => p.Country != "KP").Select(p => p.Country).First());
                        g.Send(All.Where(p => p.Name.StartsWith("H")).First().Country);
                        g.Send(All.Where(Approved).First().Country);
                        g.Send(All.Where(p => Approved(p)).First().Country);
                        g.Send(Codes.Where(c => c.Length == 2).First());
                        g.Send(Codes.Where((c, i) => i > 0).First());
                    }
                }
            }
            """,
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(0),
            NoAgreement(3, "KP", "North Korea (KP)").WithLocation(0),
            NoAgreement(4, "SY", "Syria (SY)").WithLocation(1),
            NoAgreement(5, "KP", "North Korea (KP)").WithLocation(0),
            NoAgreement(6, "SY", "Syria (SY)").WithLocation(1));

    /// <summary>
    /// A filter whose predicate tests the item against constants (<c>Where(c =&gt; !Blocked.Contains(c))</c>,
    /// <c>c =&gt; c == "SY" || c == "FR"</c>) holds the constant items its test lets through; an item that is no constant
    /// stays a value known only at run time. Before, anything a filter that tests its item let through was.
    /// </summary>
    [Fact]
    public async Task A_filter_that_tests_the_item_against_constants_keeps_what_passes()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            namespace Tested
            {
                using System.Linq;

                class C
                {
                    static readonly string[] Codes = { "DE", {|#0:"SY"|}, {|#1:"KP"|} };
                    static readonly string[] Blocked = { "SY", "KP" };

                    void M(Gateway g, string other)
                    {
                        foreach (var code in Codes.Where(c => !Blocked.Contains(c)))
                        {
                            g.Send(code);
                        }

                        foreach (var code in Codes.Where(c => c.Trim() != "SY" && c != "KP"))
                        {
                            g.Send(code);
                        }

                        g.Send({|#2:Codes.Where(c => c == "SY" || c == "FR").First()|});
                        g.Send({|#3:Codes.Where(c => c != "SY").Last()|});
                        g.Send(new[] { "DE", other }.Where(c => c != "SY").First());
                    }
                }
            }
            """,
            NoAgreement(2, "SY", "Syria (SY)").WithLocation(0),
            NoAgreement(3, "KP", "North Korea (KP)").WithLocation(1));

    /// <summary>
    /// A dictionary made from another holds its values: a frozen, immutable or read-only copy (<c>ToFrozenDictionary</c>,
    /// <c>AsReadOnly</c>), one a constructor copies, and one keyed and valued by the frozen or immutable collections'
    /// selectors; one keyed by a selector alone holds the items themselves. Before, each was a value known only at run
    /// time, so a partner's port table made frozen at startup reported nothing.
    /// </summary>
    [Fact]
    public async Task A_dictionary_copied_or_keyed_by_a_selector_holds_its_sources_values()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            namespace Copied
            {
                using System.Collections.Frozen;
                using System.Collections.Immutable;
                using System.Linq;

                static class Ports
                {
                    public static readonly Dictionary<string, string> Written = new() { ["Hamburg"] = "DE", ["Bandar Abbas"] = {|#0:"IR"|} };
                    public static readonly FrozenDictionary<string, string> Frozen = Written.ToFrozenDictionary(System.StringComparer.OrdinalIgnoreCase);
                    public static readonly IReadOnlyDictionary<string, string> ReadOnly = new Dictionary<string, string>(Frozen).AsReadOnly();
                    public static readonly ImmutableDictionary<string, string> Named = new[] { "DE", {|#1:"SY"|} }.ToImmutableDictionary(c => "port of " + c, c => c);
                    public static readonly FrozenDictionary<string, string> Picked = new[] { "FR", {|#2:"KP"|} }.ToFrozenDictionary(c => "port of " + c, c => c.Trim());
                    public static readonly Dictionary<string, string> Keyed = new[] { "DE", {|#3:"CU"|} }.ToDictionary(c => "port of " + c);
                    public static readonly FrozenDictionary<string, string> Partners = new Dictionary<string, string> { ["Hamburg"] = "DE" }.ToFrozenDictionary();
                    public static readonly ImmutableDictionary<string, string> Kept = Written.ToImmutableDictionary();
                }

                class C
                {
                    void M(Gateway g, string port)
                    {
                        g.Send({|#4:Ports.Frozen[port]|});
                        g.Send({|#5:Ports.ReadOnly[port]|});
                        g.Send({|#6:Ports.Named[port]|});
                        g.Send({|#7:Ports.Picked[port]|});
                        g.Send({|#8:Ports.Keyed[port]|});
                        g.Send(Ports.Partners[port]);
                        g.Send({|#11:Ports.Kept[port]|});
                        foreach (var (name, country) in Ports.Frozen)
                        {
                            g.Send({|#9:country|});
                        }

                        if (Ports.ReadOnly.TryGetValue(port, out var found))
                        {
                            g.Send({|#10:found|});
                        }
                    }
                }
            }
            """,
            NoAgreement(4, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(5, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(6, "SY", "Syria (SY)").WithLocation(1),
            NoAgreement(7, "KP", "North Korea (KP)").WithLocation(2),
            NoAgreement(8, "CU", "Cuba (CU)").WithLocation(3),
            NoAgreement(9, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(10, "IR", "Iran (IR)").WithLocation(0),
            NoAgreement(11, "IR", "Iran (IR)").WithLocation(0));

    /// <summary>
    /// A constructor that calls another first (<c>: this(…)</c>, <c>: base(…)</c>, a primary constructor's base type, or
    /// the base type's constructor the compiler calls) leaves what that one made, unless its own body writes the member
    /// after on every path; a constructor in the chain that calls a method of its object leaves a member code can set
    /// unknown.
    /// </summary>
    [Fact]
    public async Task A_member_holds_what_the_constructors_a_constructor_calls_first_made()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            public class Docket
            {
                public Docket(string country) : this("F-1", country) { }
                public Docket(string reference, string country) { Reference = reference; Country = country; }
                public Docket() : this("DE") { }
                public Docket(int express) : this("SY") { Country = "FR"; }
                public string Reference { get; }
                public string Country { get; }
            }

            public class Message
            {
                public Message(string country) { Country = country; }
                public Message() { }
                public string Country { get; protected set; } = "CU";
            }

            public sealed class Notice : Message
            {
                public Notice(string country) : base(country) { }
                public Notice() { }
                public Notice(bool reroute) : base("IR") { if (reroute) { Country = "DE"; } }
                public Notice(int code) : base("IR") { Country = "DE"; }
            }

            public sealed class Export(string destination) : Message(destination);

            public sealed class Defaulted : Message;

            public class Loaded
            {
                public Loaded() { Load(); }
                public string Country { get; set; } = "IR";
                protected virtual void Load() { }
            }

            public sealed class Reloaded : Loaded
            {
                public string Origin { get; set; } = "KP";
            }

            public sealed class Fault : System.Exception
            {
                public string Country { get; set; } = "IR";
                public string Origin { get; } = "SY";
            }

            public sealed class Overriding : System.Exception
            {
                public string Country { get; set; } = "IR";
                public override string Message => Country = "DE";
            }

            class C
            {
                void M(Gateway g, string input)
                {
                    g.Send({|CMAA001:new Docket("KP").Country|});
                    g.Send(new Docket().Country);
                    g.Send(new Docket(1).Country);
                    g.Send(new Docket(input).Country);

                    g.Send({|CMAA001:new Notice("KP").Country|});
                    g.Send({|CMAA001:new Notice().Country|});
                    g.Send({|CMAA001:new Notice(true).Country|});
                    g.Send(new Notice(2).Country);
                    g.Send({|CMAA001:new Export("SY").Country|});
                    g.Send({|CMAA001:new Defaulted().Country|});

                    // Maybe set by a method the base type's constructor calls, or by a constructor of another assembly's
                    // type through an override.
                    g.Send(new Reloaded().Country);
                    g.Send(new Reloaded().Origin);
                    g.Send(new Overriding().Country);
                    g.Send({|CMAA001:new Fault().Country|});
                    g.Send({|CMAA001:new Fault().Origin|});
                }
            }
            """);

    /// <summary>
    /// In what a method or constructor of the project gives, its parameters stand for the arguments of the call: a
    /// helper that keeps the country (<c>Normalize(" ir ")</c>), a factory's object (<c>Create("KP").Country</c>), through
    /// calls of calls; not a parameter the body tests, which may keep the argument out; what the arguments do not decide
    /// is still known only at run time.
    /// </summary>
    [Fact]
    public async Task A_parameter_in_what_a_call_gives_is_the_calls_argument()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            public record Party(string Name, string Country);

            public sealed class Consignment
            {
                public Consignment(string destination) { Destination = destination.Trim(); }
                public string Destination { get; }
            }

            public static class Factory
            {
                public static Party Create(string country) => new Party("", country);
                public static Party Make(string name, string country) { var party = new Party(name, country); return party; }
                public static Party Nested(string code) => Create(code);
                public static Party Defaulted(string country = "CU") => new Party("", country);
                public static string Normalize(string code) => code.Trim().ToUpperInvariant();
                public static string Pick(string first, string second) => first.Length > 0 ? first : second;
                public static string CountryOf(Party party) => party.Country;
                public static string Tail(string code) => code.Substring(1);
                public static string Repeat(string code, int times) => times == 0 ? code : Repeat(code, times - 1);
                public static T Same<T>(T value) => value;
                public static string Upper(this string code) => code.ToUpperInvariant();
                public static string Required(string code) { System.ArgumentException.ThrowIfNullOrEmpty(code); return code.Trim(); }
                public static string OrHome(string code) => CmaaAgreements.HasAgreement(code) ? code : "DE";
                public static string Require(string {|CMAA009:code|}) { Ensure(code); return code; }
                public static string Rerouted(string code) => code == "IR" ? "DE" : code;
                public static Party Admitted(string code) => Allowed(code) ? new Party("", code) : new Party("", "DE");
                private static bool Allowed(string code) => code != "KP";
                private static void Ensure(string code) { if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code); }
            }

            internal sealed class Lodged
            {
                public Lodged(string destination)
                {
                    System.ArgumentNullException.ThrowIfNull(destination);
                    Destination = destination;
                }

                public string Destination { get; }
            }

            internal sealed class Screened
            {
                public Screened(string destination)
                {
                    if (!CmaaAgreements.HasAgreement(destination)) throw new System.ArgumentException(destination);
                    Destination = destination;
                }

                public string Destination { get; }
            }

            class C
            {
                void M(Gateway g, string input)
                {
                    g.Send({|CMAA001:Factory.Create("KP").Country|});
                    var made = Factory.Make("Damascus Customs", "SY");
                    g.Send({|CMAA001:made.Country|});
                    g.Send({|CMAA001:Factory.Make(country: "IR", name: "Tehran Customs").Country|});
                    g.Send({|CMAA001:Factory.Nested("CU").Country|});
                    g.Send({|CMAA001:Factory.Defaulted().Country|});
                    g.Send(Factory.Defaulted("DE").Country);
                    g.Send({|CMAA001:new Consignment(" KP ").Destination|});

                    g.Send({|CMAA001:Factory.Normalize(" ir ")|});
                    g.Send({|CMAA001:Factory.Pick("DE", "KP")|});
                    g.Send(Factory.Pick("DE", "FR"));
                    g.Send({|CMAA001:Factory.CountryOf(new Party("", "IR"))|});
                    g.Send({|CMAA001:Factory.Repeat("SY", 3)|});
                    g.Send({|CMAA001:Factory.Same("IR")|});
                    g.Send({|CMAA001:"cu".Upper()|});

                    // The framework's argument guards let every country pass.
                    g.Send({|CMAA001:new Lodged("IR").Destination|});
                    g.Send({|CMAA001:Factory.Required("KP")|});

                    // A body that tests the parameter may keep its argument from what it gives.
                    g.Send(Factory.OrHome("IR"));
                    g.Send(Factory.Require("KP"));
                    g.Send(Factory.Rerouted("IR"));
                    g.Send(Factory.Admitted("KP").Country);
                    g.Send(new Screened("SY").Destination);

                    // What the arguments do not decide, or decide at run time.
                    g.Send(Factory.Tail("XIR"));
                    g.Send(Factory.Normalize(input));
                    g.Send(Factory.Create(input).Country);
                }
            }
            """);

    [Fact]
    public async Task An_object_a_call_picks_or_a_lambda_is_handed_gives_its_members_and_a_Select_what_it_returns()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            namespace Picked
            {
                using System.Linq;

                public record Party(string Name, string Country);

                public sealed class Order
                {
                    public string Destination { get; set; } = "";
                }

                public static class Parties
                {
                    public static readonly Party[] All = { new("Hamburg Customs", "DE"), new("Pyongyang Customs", "KP") };
                    public static readonly Party[] Partners = { new("Hamburg Customs", "DE"), new("Lyon Customs", "FR") };
                    public static readonly Order[] Orders = { new Order { Destination = "IR" } };
                    public static readonly string[] Codes = { "DE", "SY" };
                }

                class C
                {
                    static bool Accepts([CustomsDataExchange] string country) => country.Length == 2;

                    void M(Gateway g, Party[] given)
                    {
                        // An object a LINQ call or a collection's own method picks is one of the items.
                        g.Send({|CMAA001:Parties.All.First().Country|});
                        g.Send({|CMAA001:Parties.All.Single(p => p.Name == "Pyongyang Customs").Country|});
                        var last = Parties.All.LastOrDefault();
                        g.Send({|CMAA001:last!.Country|});
                        g.Send({|CMAA001:Parties.Partners.FirstOrDefault(p => p.Name == "", new Party("Tehran Customs", "IR")).Country|});
                        g.Send(Parties.Partners.First().Country);
                        var queue = new System.Collections.Generic.Queue<Party>(Parties.Partners);
                        g.Send(queue.Dequeue().Country);
                        g.Send(given.First().Country);

                        // A lambda's parameter that a LINQ method or ForEach hands each item.
                        var any = Parties.All.Any(p => Accepts({|CMAA001:p.Country|}));
                        System.Array.ForEach(Parties.All, p => g.Send({|CMAA001:p.Country|}));
                        System.Array.ForEach(Parties.Partners, p => g.Send(p.Country));

                        // A Select's items are what its lambda returns for each item.
                        foreach (var country in Parties.All.Select(p => p.Country))
                        {
                            g.Send({|CMAA001:country|});
                        }

                        g.SendList({|CMAA001:Parties.All.Select(p => p.Country).ToList()|});
                        g.Send({|CMAA001:Parties.Codes.Select(code => code.ToUpperInvariant()).First()|});
                        g.SendList(Parties.Partners.Select(p => p.Country));
                        g.SendList(Parties.All.Select(p => { if (p.Name.Length > 0) { return "DE"; } return "FR"; }));

                        // A lambda that tests its item may keep it out of what it returns.
                        g.SendList(Parties.Codes.Select(code => code == "SY" ? "DE" : code));
                        g.SendList(Parties.Codes.Select(code => CmaaAgreements.HasAgreement(code) ? code : "FR"));

                        // A member that code can set, of an object a collection holds: any code may have set it.
                        g.Send(Parties.Orders.First().Destination);
                        g.SendList(Parties.Orders.Select(o => o.Destination));

                        // A Where that tests a text member of the item may keep a country out, and Select's index overload is not read.
                        g.SendList(Parties.All.Where(p => p.Name.Length > 3).Select(p => p.Country));
                        g.SendList(Parties.All.Select((p, i) => p.Country));
                    }
                }
            }
            """);

    [Fact]
    public async Task Constructor_and_record_arguments_named_in_any_order()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    var a = new Shipment({|CMAA001:"IR"|}, "oil");
                    var b = new Shipment(Goods: "IR", Destination: {|CMAA001:"CU"|});
                    g.Send(payload: "IR", country: {|CMAA001:"SY"|});
                    var c = a with { Destination = {|CMAA001:"KP"|} };
                    var d = new Filing({|CMAA001:"SY"|}, "IR");
                    var e = d with { Origin = {|CMAA001:"CU"|}, Goods = "KP" };
                }
            }
            """);

    [Fact]
    public async Task Deconstruction_gives_each_member_the_element_at_its_position()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                (string, string) Pair() => ("DE", "FR");

                void M(Gateway g, int count, bool flag)
                {
                    (g.Destination, count) = ({|CMAA001:"IR"|}, 1);
                    (count, g.Destination) = (2, "DE");
                    (g.Field, (count, g.Destination)) = ({|CMAA001:"CU"|}, (3, {|CMAA001:"KP"|}));
                    (g.Destination, g.Field) = ("IR", "SY") switch { var p => ("DE", "FR") };
                    (g.Destination, g.Field) = Pair();

                    // A local a deconstruction declares gets its element too, nested or not.
                    var (a, b) = ({|#5:"IR"|}, "DE");
                    g.Destination = {|#4:a|};
                    g.Field = b;
                    var (x, (y, z)) = ("FR", (1, {|#7:"SY"|}));
                    g.Destination = {|#6:z|};

                    // From a local or conditional, each literal it may be gives the element at the target's position,
                    // nested or not, into members and locals alike.
                    var t = flag ? ({|#1:"KP"|}, 1) : ("DE", 2);
                    (g.Destination, count) = {|#0:t|};
                    var n = ({|#3:"CU"|}, ({|#9:"KP"|}, 3));
                    (g.Field, (g.Destination, count)) = {|#2:n|};
                    var s = ("DE", "FR");
                    (g.Destination, g.Field) = s;
                    var (first, (second, third)) = n;
                    g.Destination = {|#8:second|};
                    g.Field = {|#10:first|};
                    var (home, k) = s;
                    g.Destination = home;
                }
            }
            """,
            NoAgreement(0, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(2, "CU", "Cuba (CU)").WithLocation(3),
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(9),
            NoAgreement(4, "IR", "Iran (IR)").WithLocation(5),
            NoAgreement(6, "SY", "Syria (SY)").WithLocation(7),
            NoAgreement(8, "KP", "North Korea (KP)").WithLocation(9),
            NoAgreement(10, "CU", "Cuba (CU)").WithLocation(3));

    /// <summary>
    /// A foreach variable holds each element of its collection: an array, collection expression or collection
    /// initializer, written in place, held by a local or a readonly field; a deconstructing loop's variable, its
    /// position in each.
    /// </summary>
    /// <summary>
    /// <c>list.ForEach(post.Send)</c> and <c>Array.ForEach(array, post.Send)</c> send each item, as a <c>foreach</c> loop
    /// over the collection would; a method group that is no exchange, or a collection known only at run time, is not
    /// reported.
    /// </summary>
    [Fact]
    public async Task ForEach_with_an_exchange_method_group_sends_each_item()
        => await AnalyzerTest.VerifyAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Cmaa;

            public class Post
            {
                public void Send([CustomsDataExchange] string country) { }
                public void Log(string text) { }
                public bool Check([CustomsDataExchange] string country) => true;
            }

            public static class PostExtensions
            {
                public static void SendVia(this Post post, [CustomsDataExchange] string country) { }
            }

            class C
            {
                void M(Post post, List<string> unknown)
                {
                    new List<string> { "DE", {|CMAA001:"IR"|} }.ForEach(post.Send);
                    Array.ForEach(new[] { {|CMAA001:"KP"|} }, post.Send);
                    var partners = new List<string> { "FR", {|#1:"CU"|} };
                    {|#0:partners|}.ForEach(post.SendVia);
                    new List<string> { "IR" }.ForEach(post.Log);
                    unknown.ForEach(post.Send);
                    System.Threading.Tasks.Parallel.ForEach(new[] { "DE", {|CMAA001:"SY"|} }, post.Send);
                    System.Threading.Tasks.Parallel.ForEach(new[] { {|CMAA001:"CU"|} }, new System.Threading.Tasks.ParallelOptions(), post.Send);

                    // A lambda's parameter takes each item too.
                    new List<string> { "DE", {|#3:"KP"|} }.ForEach(code => post.Send({|#2:code|}));
                    Array.ForEach(new[] { {|#5:"SY"|} }, (string code) => { post.Send({|#4:code|}); });
                    new List<string> { "IR" }.ForEach(code => post.Log(code));
                    unknown.ForEach(code => post.Send(code));

                    // Also when it passes the item on through a delegate.
                    Action<string> send = post.Send;
                    new List<string> { "DE", {|#9:"IR"|} }.ForEach(code => send({|#8:code|}));
                    unknown.ForEach(code => send(code));

                    // So does a LINQ method's per-item delegate; one that also takes the index is left alone.
                    _ = new[] { "DE", {|#7:"CU"|} }.Where(code => post.Check({|#6:code|})).ToList();
                    _ = new[] { {|CMAA001:"IR"|} }.Select(post.Check).ToList();
                    _ = new[] { "IR" }.Select((code, index) => post.Check(code)).ToList();
                    _ = unknown.Any(code => post.Check(code));
                }
            }
            """,
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1).WithArguments("CU", "Cuba (CU)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(2).WithLocation(3).WithArguments("KP", "North Korea (KP)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(4).WithLocation(5).WithArguments("SY", "Syria (SY)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(6).WithLocation(7).WithArguments("CU", "Cuba (CU)", "U.S. CBP, as of January 2014"),
            new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(8).WithLocation(9).WithArguments("IR", "Iran (IR)", "U.S. CBP, as of January 2014"));

    /// <summary>
    /// A call through a local delegate, or a <c>readonly</c> field or get-only property that holds one, gives what the lambdas and methods it
    /// may hold return; for a lambda with parameters, its constants. A delegate from outside, and a lambda that returns
    /// what its arguments decide, give values known only at run time.
    /// </summary>
    [Fact]
    public async Task A_call_through_a_delegate_gives_what_its_lambdas_and_methods_return()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                static readonly System.Func<string> Fallback = () => {|#5:"SY"|};

                static System.Func<string> Picker { get; } = () => {|#11:"KP"|};

                static string Home() => {|#7:"CU"|};

                void M(Gateway g, System.Func<string> given, bool flag)
                {
                    System.Func<string> home = () => {|#1:"IR"|};
                    g.Send({|#0:home()|});
                    System.Func<int, string> pick = region => region == 1 ? "DE" : {|#3:"KP"|};
                    g.Send({|#2:pick(2)|});
                    g.Send({|#4:Fallback()|});
                    g.Send({|#10:Picker()|});
                    System.Func<string> named = flag ? Home : () => { if (flag) { return "FR"; } return {|#9:"SD"|}; };
                    g.Send({|#6:named()|});

                    System.Func<string, string> echo = code => code;
                    g.Send(echo("DE"));
                    g.Send(given());
                }
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(4, "SY", "Syria (SY)").WithLocation(5),
            NoAgreement(6, "CU", "Cuba (CU)").WithLocation(7),
            NoAgreement(6, "SD", "Sudan (SD)").WithLocation(9),
            NoAgreement(10, "KP", "North Korea (KP)").WithLocation(11));

    [Fact]
    public async Task A_foreach_variable_holds_each_element_of_its_collection()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                static readonly string[] Partners = { "DE", {|#1:"IR"|} };
                static readonly string[] Created = new[] { "FR", {|#13:"SY"|} };

                void M(Gateway g, bool flag, IEnumerable<string> unknown)
                {
                    foreach (var partner in Partners)
                    {
                        g.Destination = {|#0:partner|};
                    }

                    foreach (var partner in Created)
                    {
                        g.Send({|#12:partner|});
                    }

                    // The field itself, as a collection.
                    g.SendList({|#10:Partners|});

                    foreach (var code in new[] { "FR", {|#3:"KP"|} })
                    {
                        g.Send({|#2:code|});
                    }

                    foreach (string code in new List<string> { {|#5:"SY"|}, "DE" })
                    {
                        g.Field = {|#4:code|};
                    }

                    var picked = flag ? new[] { "DE" } : new[] { {|#7:"CU"|} };
                    foreach (var code in picked)
                    {
                        g.Send({|#6:code|});
                    }

                    List<string> listed = ["DE", {|#9:"IR"|}];
                    foreach (var code in listed)
                    {
                        System.Action send = () => g.Send({|#8:code|});
                    }

                    // The characters of a code are no country, and what an unknown collection holds is known only at
                    // run time.
                    foreach (var c in "IR")
                    {
                        g.Send(c.ToString());
                    }

                    foreach (var code in unknown)
                    {
                        g.Send(code);
                    }

                    // A deconstructing loop's variables hold their positions in each item.
                    foreach (var (code, n) in new[] { ({|#15:"KP"|}, 1) })
                    {
                        g.Send({|#14:code|});
                    }

                    foreach (var (first, (second, count)) in Pairs)
                    {
                        g.Send({|#16:second|});
                        g.Field = first;
                    }

                    // So does an element read from a loop's tuple, and from a tuple nested in a deconstructing loop.
                    foreach (var port in Ports)
                    {
                        g.Send({|#18:port.Code|});
                        g.Send(port.Berths.ToString());
                    }

                    foreach (var (first, pair) in Pairs)
                    {
                        g.Send({|#20:pair.Item1|});
                    }

                    foreach (var port in Ports)
                    {
                        if (!CmaaAgreements.HasAgreement(port.Code)) continue;
                        g.Send(port.Code);
                    }
                }

                static readonly (string, (string, int))[] Pairs = { ("DE", ("FR", 1)), ("FR", ({|#17:"CU"|}, 2)) };

                static readonly (string Code, int Berths)[] Ports = { ("DE", 4), ({|#19:"KP"|}, 2) };
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(12, "SY", "Syria (SY)").WithLocation(13),
            NoAgreement(10, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(4, "SY", "Syria (SY)").WithLocation(5),
            NoAgreement(6, "CU", "Cuba (CU)").WithLocation(7),
            NoAgreement(8, "IR", "Iran (IR)").WithLocation(9),
            NoAgreement(14, "KP", "North Korea (KP)").WithLocation(15),
            NoAgreement(16, "CU", "Cuba (CU)").WithLocation(17),
            NoAgreement(18, "KP", "North Korea (KP)").WithLocation(19),
            NoAgreement(20, "CU", "Cuba (CU)").WithLocation(17));

    /// <summary>
    /// An element read is one of the elements the collection may hold (<c>codes[i]</c>), and a dictionary read one of
    /// its values (<c>ports[name]</c>, <c>TryGetValue</c>), from its initializer and what code writes into it after. A
    /// dictionary's keys are not its values.
    /// </summary>
    [Fact]
    public async Task An_element_read_is_one_of_the_elements_and_a_dictionary_read_one_of_its_values()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                static readonly Dictionary<string, string> PortCountry = new Dictionary<string, string> { ["Hamburg"] = "DE", ["CU"] = {|#1:"IR"|} };
                static readonly Dictionary<string, string> Added = new Dictionary<string, string> { { "Havana", {|#3:"CU"|} } };
                static readonly string[] Codes = { "DE", {|#5:"KP"|} };

                static C() { Added.Add("Pyongyang", {|#7:"KP"|}); }

                void M(Gateway g, string port, int i, IDictionary<string, string> unknown)
                {
                    g.Send({|#0:PortCountry[port]|});
                    g.Send({|#2:Added[port]|});
                    g.Send({|#4:Codes[i]|});

                    var list = new List<string> { "FR", {|#9:"SY"|} };
                    g.Send({|#8:list[i]|});
                    var built = new Dictionary<string, string>();
                    built[port] = {|#11:"SD"|};
                    g.Send({|#10:built[port]|});

                    // TryGetValue gives one of the values.
                    if (PortCountry.TryGetValue(port, out var found)) g.Send({|#12:found|});
                    string routed = "FR";
                    if (!Added.TryGetValue(port, out routed)) routed = {|#14:"SY"|};
                    g.Send({|#13:routed|});

                    // Unknown contents, and the characters of a code: nothing known.
                    if (unknown.TryGetValue(port, out var any)) g.Send(any);
                    g.Send(unknown[port]);
                    g.Send("IR"[0].ToString());
                }
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(2, "CU", "Cuba (CU)").WithLocation(3),
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(7),
            NoAgreement(4, "KP", "North Korea (KP)").WithLocation(5),
            NoAgreement(8, "SY", "Syria (SY)").WithLocation(9),
            NoAgreement(10, "SD", "Sudan (SD)").WithLocation(11),
            NoAgreement(12, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(13, "CU", "Cuba (CU)").WithLocation(3),
            NoAgreement(13, "KP", "North Korea (KP)").WithLocation(7),
            NoAgreement(13, "SY", "Syria (SY)").WithLocation(14));

    /// <summary>
    /// A collection made from others holds their items: a copy constructor (with a comparer, or an initializer after
    /// it), a factory of the immutable collections, and a read-only view. A capacity or a comparer is no item.
    /// </summary>
    [Fact]
    public async Task Collections_made_from_others_hold_their_items()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                static readonly string[] Configured = { "DE", {|#1:"CU"|} };
                static readonly HashSet<string> Allowed = new HashSet<string>(Configured, System.StringComparer.OrdinalIgnoreCase);
                static readonly System.Collections.Immutable.ImmutableHashSet<string> Sanctioned = System.Collections.Immutable.ImmutableHashSet.Create(System.StringComparer.OrdinalIgnoreCase, {|#3:"IR"|}, {|#4:"KP"|});
                static readonly System.Collections.Immutable.ImmutableArray<string> Pair = System.Collections.Immutable.ImmutableArray.Create("FR", {|#6:"SY"|});
                static readonly System.Collections.ObjectModel.ReadOnlyCollection<string> View = new List<string> { "DE", {|#8:"SD"|} }.AsReadOnly();

                void M(Gateway g, string code)
                {
                    foreach (var c in Allowed) g.Send({|#0:c|});
                    foreach (var c in Sanctioned) g.Send({|#2:c|});
                    g.SendList({|#5:Pair|});
                    foreach (var c in View) g.Send({|#7:c|});
                    var copy = new List<string>(new[] { "DE" }) { {|#10:"CU"|} };
                    g.SendList({|#9:copy|});
                    if (Allowed.Contains(code)) g.Send({|#11:code|});
                    foreach (var c in System.Array.AsReadOnly(new[] { {|#13:"KP"|} })) g.Send({|#12:c|});

                    // A capacity is no item.
                    g.SendList(new List<string>(4));
                }
            }
            """,
            NoAgreement(0, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(2, "IR", "Iran (IR)").WithLocation(3),
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(4),
            NoAgreement(5, "SY", "Syria (SY)").WithLocation(6),
            NoAgreement(7, "SD", "Sudan (SD)").WithLocation(8),
            NoAgreement(9, "CU", "Cuba (CU)").WithLocation(10),
            NoAgreement(11, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(12, "KP", "North Korea (KP)").WithLocation(13));

    /// <summary>
    /// A dictionary's entries are its keys and values: a loop over it reads them by <c>Key</c> and <c>Value</c> or
    /// deconstructed, also through a copy or an ordering, <c>Keys</c> and <c>Values</c> hold them, a key found by
    /// <c>ContainsKey</c> or <c>TryGetValue</c> is one of the keys, and <c>GetValueOrDefault</c> gives a value or its
    /// fallback. A key is known only where the code writes it with its value.
    /// </summary>
    [Fact]
    public async Task A_dictionarys_entries_are_its_keys_and_values()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                static readonly Dictionary<string, string> Contacts = new Dictionary<string, string> { ["DE"] = "zoll@example.de", [{|#1:"CU"|}] = "aduana@example.cu" };
                static readonly Dictionary<string, string> PortCountry = new Dictionary<string, string> { { "Hamburg", "DE" }, { "Latakia", {|#3:"SY"|} } };
                static readonly Dictionary<string, (string Country, int Days)> Lanes = new Dictionary<string, (string Country, int Days)> { ["Hamburg"] = ("DE", 3), ["Nampo"] = ({|#5:"KP"|}, 9) };
                static readonly SortedDictionary<string, string> Built = new SortedDictionary<string, string>();
                static readonly Dictionary<string, string> Merged = new Dictionary<string, string>(Contacts) { ["Nampo"] = "KP" };

                static C() { Built.Add({|#7:"SD"|}, "FR"); Built[{|#16:"CU"|}] = {|#9:"SY"|}; }

                void M(Gateway g, string code, IDictionary<string, string> unknown)
                {
                    foreach (var entry in Contacts) g.Send({|#0:entry.Key|}, entry.Value);
                    foreach (var (port, country) in PortCountry) g.Send({|#2:country|}, port);
                    foreach (var lane in Lanes.Values) g.Send({|#4:lane.Country|});
                    foreach (var (port, (country, days)) in Lanes) g.Send({|#6:country|}, port);
                    foreach (var entry in System.Linq.Enumerable.OrderBy(Built, e => e.Key)) g.Send({|#8:entry.Key|});
                    foreach (var country in System.Linq.Enumerable.ToList(Built.Values)) g.Send({|#10:country|});
                    g.SendList({|#11:Contacts.Keys|});
                    if (Contacts.ContainsKey(code)) g.Send({|#12:code|});
                    if (Contacts.TryGetValue(code, out var contact)) g.Send({|#13:code|}, contact);
                    g.Send({|#14:PortCountry.GetValueOrDefault(code, {|#15:"IR"|})|});

                    // The values of a dictionary of addresses, keys written apart from their values, a dictionary of
                    // unknown contents, and a copy with entries after it: no country known.
                    foreach (var entry in Contacts) g.Send(entry.Value.Substring(0, 2));
                    foreach (var entry in unknown) g.Send(entry.Key);
                    if (unknown.ContainsKey(code)) g.Send(code);
                    foreach (var address in Merged.Values) g.Send(address);
                }
            }
            """,
            NoAgreement(0, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(2, "SY", "Syria (SY)").WithLocation(3),
            NoAgreement(4, "KP", "North Korea (KP)").WithLocation(5),
            NoAgreement(6, "KP", "North Korea (KP)").WithLocation(5),
            NoAgreement(8, "SD", "Sudan (SD)").WithLocation(7),
            NoAgreement(8, "CU", "Cuba (CU)").WithLocation(16),
            NoAgreement(10, "SY", "Syria (SY)").WithLocation(9),
            NoAgreement(11, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(12, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(13, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(14, "SY", "Syria (SY)").WithLocation(3),
            NoAgreement(14, "IR", "Iran (IR)").WithLocation(15));

    /// <summary>
    /// A LINQ method that picks one item gives one of the collection's items (<c>First</c>, <c>Last</c>, <c>Single</c>,
    /// <c>ElementAt</c>, with a predicate or not, <c>MaxBy</c>, and <c>Min</c> or <c>Max</c> without a selector), or the
    /// default an <c>OrDefault</c> form names; one that picks an entry of a dictionary gives its key and value, read in
    /// place or through a local. So do a queue's <c>Dequeue</c>, a stack's <c>Pop</c> and <c>Peek</c>, their
    /// <c>Try</c> forms' <c>out</c> values, and <c>Find</c> of a list or an array. An <c>OrDefault</c> form without a default gives null, no country, and a
    /// selector's result is not an item.
    /// </summary>
    [Fact]
    public async Task A_picked_item_is_one_of_the_collections_items()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            namespace Picks
            {
                using System.Linq;

                class C
                {
                    static readonly string[] Configured = { "DE", {|#1:"CU"|} };
                    static readonly Dictionary<string, string> PortCountry = new Dictionary<string, string> { ["Hamburg"] = "DE", ["Latakia"] = {|#3:"SY"|} };
                    static readonly Dictionary<string, string> Contacts = new Dictionary<string, string> { ["DE"] = "zoll@example.de", [{|#5:"KP"|}] = "customs@example.kp" };

                    void M(Gateway g, List<string> unknown, int i)
                    {
                        g.Send({|#0:Configured.First()|});
                        g.Send({|#2:PortCountry.Last().Value|});
                        var entry = Contacts.Single(e => e.Value.EndsWith(".kp"));
                        g.Send({|#4:entry.Key|});
                        var partners = new List<string> { "FR" };
                        g.Send({|#6:partners.FirstOrDefault({|#7:"IR"|})|});
                        g.Send({|#8:Configured.ElementAt(i)|});
                        g.Send({|#9:PortCountry.Values.LastOrDefault(v => v.Length == 2)|});
                        g.Send({|#10:Configured.Min()|});
                        g.Send({|#11:Configured.MaxBy(c => c.Length)|});
                        var pending = new Queue<string>();
                        pending.Enqueue({|#13:"KP"|});
                        g.Send({|#12:pending.Dequeue()|});
                        var undone = new Stack<string>(Configured);
                        g.Send({|#14:undone.Peek()|});
                        g.Send({|#15:new List<string> { {|#16:"SD"|} }.Find(c => c.Length == 2)|});
                        g.Send({|#17:System.Array.Find(Configured, c => c != "DE")|});
                        var waiting = new System.Collections.Concurrent.ConcurrentQueue<string>(Configured);
                        while (waiting.TryDequeue(out var next)) g.Send({|#18:next|});
                        if (undone.TryPop(out var last)) g.Send({|#19:last|});
                        if (undone.TryPeek(out var top)) g.Send({|#20:top|});

                        // An unknown list's item, an OrDefault form without a default, and a selector's result.
                        g.Send(unknown.First());
                        g.Send(partners.SingleOrDefault());
                        g.Send(Configured.Max(c => c + "-1"));
                    }
                }
            }
            """,
            NoAgreement(0, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(2, "SY", "Syria (SY)").WithLocation(3),
            NoAgreement(4, "KP", "North Korea (KP)").WithLocation(5),
            NoAgreement(6, "IR", "Iran (IR)").WithLocation(7),
            NoAgreement(8, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(9, "SY", "Syria (SY)").WithLocation(3),
            NoAgreement(10, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(11, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(12, "KP", "North Korea (KP)").WithLocation(13),
            NoAgreement(14, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(15, "SD", "Sudan (SD)").WithLocation(16),
            NoAgreement(17, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(18, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(19, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(20, "CU", "Cuba (CU)").WithLocation(1));

    /// <summary>
    /// Calls that give the country of the text they are given: a trim gives the country its text trims to (text of
    /// spaces only is no country, as the empty string is), an interpolation of one text alone is that text, and a task's
    /// <c>Result</c> or <c>GetAwaiter().GetResult()</c> is what awaiting it gives.
    /// </summary>
    [Fact]
    public async Task Trims_interpolations_and_a_tasks_result_keep_the_country()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                const string Padded = " ir ";
                static System.Threading.Tasks.Task<string> LookupAsync() => System.Threading.Tasks.Task.FromResult({|#7:"SY"|});

                void M(Gateway g, string unknown)
                {
                    g.Send({|#0:{|#1:Padded|}.Trim()|});
                    var code = {|#3:"CU\n"|};
                    g.Send({|#2:code.TrimEnd()|});
                    var north = {|#5:"KP"|};
                    g.Send({|#4:$"{north}"|});
                    g.Send({|#6:LookupAsync().Result|});
                    g.Send({|#8:LookupAsync().GetAwaiter().GetResult()|});

                    // Spaces only, text around the interpolation, and a run-time value: no country known.
                    g.Send("   ".Trim());
                    g.Send($"{north}-1");
                    g.Send($"{unknown}".Trim());
                }
            }
            """,
            NoAgreement(0, "ir", "Iran (IR)").WithLocation(1),
            NoAgreement(2, "CU", "Cuba (CU)").WithLocation(3),
            NoAgreement(4, "KP", "North Korea (KP)").WithLocation(5),
            NoAgreement(6, "SY", "Syria (SY)").WithLocation(7),
            NoAgreement(8, "SY", "Syria (SY)").WithLocation(7));

    /// <summary>
    /// A constant split by constant separators holds its parts, trimmed where the options say so; a split by white space,
    /// by a separator known only at run time, or into a count of parts holds values known only at run time.
    /// </summary>
    [Fact]
    public async Task A_constants_split_parts_are_its_items()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                const string Partners = "DE,FR,IR";

                void M(Gateway g, char separator)
                {
                    foreach (var code in {|#1:Partners|}.Split(',')) g.Send({|#0:code|});
                    g.SendList({|#2:{|#3:"CU; DE"|}.Split(new[] { ";" }, System.StringSplitOptions.TrimEntries)|});

                    foreach (var code in "KP SY".Split()) g.Send(code);
                    foreach (var code in "KP,SY".Split(separator)) g.Send(code);
                    foreach (var code in "KP,SY".Split(',', 1)) g.Send(code);
                }
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(2, "CU", "Cuba (CU)").WithLocation(3));

    /// <summary>
    /// A null-conditional read gives what the read gives where there is an instance (null, where there is none, names no
    /// country), and awaiting a local gives what awaiting each task that reaches it gives.
    /// </summary>
    [Fact]
    public async Task A_null_conditional_read_and_an_awaited_local_give_their_values()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            public class Order
            {
                public string Destination => {|#1:"IR"|};
                public string Route() => {|#3:"SY"|};
            }

            class C
            {
                static System.Threading.Tasks.Task<string> LookupAsync() => System.Threading.Tasks.Task.FromResult({|#5:"CU"|});

                async System.Threading.Tasks.Task M(Gateway g, Order? order, bool cached)
                {
                    g.Send({|#0:order?.Destination|} ?? "DE");
                    g.Send({|#2:order?.Route()|}!);
                    var lookup = cached ? System.Threading.Tasks.Task.FromResult("DE") : LookupAsync();
                    g.Send({|#4:await lookup|});
                }
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(2, "SY", "Syria (SY)").WithLocation(3),
            NoAgreement(4, "CU", "Cuba (CU)").WithLocation(5));

    /// <summary>
    /// <c>GetOrAdd</c> gives one of the dictionary's values, among them the value it adds, which a read elsewhere may
    /// give too; a value factory's value is known only at run time.
    /// </summary>
    [Fact]
    public async Task GetOrAdd_gives_one_of_the_values_it_may_add()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Routes = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();

                void M(Gateway g, string port)
                {
                    g.Send({|#0:Routes.GetOrAdd(port, {|#1:"KP"|})|});
                    g.Send({|#2:Routes[port]|});

                    var lazy = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
                    g.Send(lazy.GetOrAdd(port, p => "IR"));
                }
            }
            """,
            NoAgreement(0, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(1));

    /// <summary>
    /// What code adds to a marked collection member is exchanged as what it is given is: an item added, inserted or
    /// added as a range, an element written, or an object initializer's items. Reading and removing exchange nothing.
    /// </summary>
    [Fact]
    public async Task Items_added_to_a_marked_collection_are_exchanged()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            public class Manifest
            {
                [CustomsDataExchange] public List<string> Destinations { get; } = new List<string>();
                [CustomsDataExchange] public string[] Codes = new string[2];
                [CustomsDataExchange] public HashSet<string> Routes { get; set; } = new HashSet<string>();
                public List<string> Notes { get; } = new List<string>();
                [CustomsDataExchange] public Ledger Log { get; } = new Ledger();
            }

            public class Ledger
            {
                public void Add(string entry) { }
            }

            class C
            {
                void M(Manifest m)
                {
                    m.Destinations.Add({|#0:"IR"|});
                    m.Destinations.Insert(0, {|#1:"KP"|});
                    m.Destinations.AddRange(new[] { "DE", {|#2:"CU"|} });
                    m.Codes[1] = {|#3:"SY"|};
                    m.Routes.UnionWith(new List<string> { {|#4:"IR"|} });
                    m.Destinations?.Add({|#5:"SD"|});
                    _ = new Manifest { Destinations = { "DE", {|#6:"KP"|} } };

                    // Not marked, not added, or a partner: nothing.
                    m.Notes.Add("IR");
                    m.Log.Add("IR");
                    m.Destinations.Remove("IR");
                    var known = m.Destinations.Contains("IR") || m.Destinations.IndexOf("KP") > 0;
                    m.Destinations.Add("DE");
                }
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)"),
            NoAgreement(1, "KP", "North Korea (KP)"),
            NoAgreement(2, "CU", "Cuba (CU)"),
            NoAgreement(3, "SY", "Syria (SY)"),
            NoAgreement(4, "IR", "Iran (IR)"),
            NoAgreement(5, "SD", "Sudan (SD)"),
            NoAgreement(6, "KP", "North Korea (KP)"));

    /// <summary>
    /// A collection holds what code adds to it after it is made, not only its items written in place: added one at a
    /// time or from another collection, written to an element, by the body of a local or the code of a member's type.
    /// Reading, removing and reordering add nothing.
    /// </summary>
    [Fact]
    public async Task Items_added_to_a_collection_after_it_is_made_are_its_items()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                static readonly List<string> Registered = new List<string> { "DE" };
                static readonly string[] Embargoed = { {|#9:"SY"|} };
                readonly List<string> _built = new List<string>();
                readonly HashSet<string> _kept = new HashSet<string> { "FR" };

                static C() { Registered.Add({|#1:"IR"|}); }

                void Build() { _built.Insert(0, {|#11:"CU"|}); }

                void Tidy() { _kept.Remove("FR"); _kept.Clear(); if (_kept.Contains("DE")) { } }

                void M(Gateway g, List<(string Code, int N)> unknown)
                {
                    foreach (var code in Registered) g.Send({|#0:code|});
                    foreach (var code in _built) g.Send({|#10:code|});
                    foreach (var code in _kept) g.Send(code);

                    var added = new List<string> { "DE" };
                    added.Add({|#3:"KP"|});
                    foreach (var code in added) g.Send({|#2:code|});

                    var empty = new List<string>();
                    empty.AddRange(Embargoed);
                    g.SendList({|#8:empty|});

                    var written = new[] { "DE", "FR" };
                    written[1] = {|#5:"CU"|};
                    foreach (var code in written) g.Send({|#4:code|});

                    var filled = new string[2];
                    System.Array.Fill(filled, {|#7:"IR"|});
                    System.Array.Sort(filled);
                    foreach (var code in filled) g.Send({|#6:code|});

                    var set = new HashSet<string> { "DE" };
                    set.UnionWith(Registered);
                    foreach (var code in set) g.Send({|#12:code|});

                    var pairs = new List<(string Code, int N)> { ("DE", 1) };
                    pairs.Add(({|#14:"SD"|}, 2));
                    foreach (var pair in pairs) g.Send({|#13:pair.Code|});

                    List<string>? maybe = new List<string>();
                    maybe?.Add({|#16:"KP"|});
                    System.Action later = () => maybe.Add({|#17:"CU"|});
                    g.SendList({|#15:maybe|});

                    // Read, removed and reordered only: what was written in place.
                    var read = new List<string> { "DE", "FR" };
                    read.Remove("FR");
                    read.Sort();
                    var known = read.Contains("DE") && read.Count > 0 && System.Linq.Enumerable.Any(System.Linq.Enumerable.Where(read, c => c.Length == 2));
                    g.Send(string.Join(",", read));
                    foreach (var code in read) g.Send(code);
                }
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(10, "CU", "Cuba (CU)").WithLocation(11),
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(8, "SY", "Syria (SY)").WithLocation(9),
            NoAgreement(4, "CU", "Cuba (CU)").WithLocation(5),
            NoAgreement(6, "IR", "Iran (IR)").WithLocation(7),
            NoAgreement(12, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(13, "SD", "Sudan (SD)").WithLocation(14),
            NoAgreement(15, "KP", "North Korea (KP)").WithLocation(16),
            NoAgreement(15, "CU", "Cuba (CU)").WithLocation(17));

    /// <summary>
    /// A constant that reaches an exchange through a loop or local is not reported where a check of the value, or a test
    /// against constants, keeps it from getting there: skipping the items of a configured list that have no agreement is
    /// how such a list should be sent.
    /// </summary>
    [Fact]
    public async Task A_constant_that_a_check_or_test_keeps_from_the_exchange_is_not_reported()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                static readonly string[] Configured = { "DE", {|#1:"IR"|}, {|#3:"KP"|} };

                static bool IsPermitted(string country) => CmaaAgreements.HasAgreement(country);

                static void Ensure(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }

                static void Log(string text) { }

                void Skipped(Gateway g, bool flag)
                {
                    foreach (var country in Configured)
                    {
                        if (!CmaaAgreements.HasAgreement(country))
                        {
                            Log(country);
                            continue;
                        }

                        g.Send(country);
                    }

                    foreach (var country in Configured)
                    {
                        if (IsPermitted(country)) g.Send(country.ToUpperInvariant());
                    }

                    foreach (var country in Configured)
                    {
                        Ensure(country);
                        g.Destination = country;
                    }

                    foreach (var country in Configured)
                    {
                        if (country is not ("IR" or "KP")) g.Send(country);
                        if (country == "DE") g.Send(country);
                        if (country != "IR" && country != "KP") g.Field = country;
                    }

                    foreach (var country in Configured)
                    {
                        switch (country)
                        {
                            case "IR":
                            case "KP":
                                continue;
                            default:
                                g.Send(country);
                                break;
                        }
                    }

                    var picked = flag ? "DE" : "IR";
                    if (picked == "IR") return;
                    g.Send(picked);

                    var next = "IR";
                    while (next == "IR") next = Next();
                    g.Send(next);
                }

                void Reached(Gateway g, bool flag)
                {
                    foreach (var country in Configured)
                    {
                        if (country == "IR") continue;
                        g.Send({|#0:country|});
                    }

                    foreach (var country in Configured)
                    {
                        if (!CmaaAgreements.HasAgreement(country)) Log(country);
                        g.Send({|#2:country|});
                    }

                    foreach (var item in Configured)
                    {
                        var country = item;
                        if (!CmaaAgreements.HasAgreement(country)) continue;
                        country = flag ? "DE" : {|#5:"SY"|};
                        g.Send({|#4:country|});
                    }

                    foreach (var country in Configured)
                    {
                        if (country != "IR" || country != "KP") g.Send({|#6:country|});
                    }

                    foreach (var item in Configured)
                    {
                        var country = item;
                        if (country == "IR") continue;
                        if (flag) country = item;
                        g.Send({|#8:country|});
                    }

                    // A test that ignores case leaves the constant in any case.
                    foreach (var country in Configured)
                    {
                        if (string.Equals(country, "kp", System.StringComparison.OrdinalIgnoreCase)) g.Send({|#7:country|});
                    }
                }

                static string Next() => System.DateTime.Now.Ticks > 0 ? "DE" : "FR";
            }
            """,
            NoAgreement(0, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(2, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(4, "SY", "Syria (SY)").WithLocation(5),
            NoAgreement(6, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(6, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(7, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(8, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(8, "KP", "North Korea (KP)").WithLocation(3));

    /// <summary>
    /// <c>x ??= value</c> gives a local that was null the value, and leaves one that was not as it was.
    /// </summary>
    [Fact]
    public async Task A_coalescing_assignment_gives_a_local_its_value()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            #nullable enable
            class C
            {
                void M(Gateway g, string? requested)
                {
                    string? fallback = null;
                    fallback ??= {|#1:"KP"|};
                    g.Destination = {|#0:fallback|};

                    var chosen = requested;
                    chosen ??= "DE";
                    g.Send(chosen);
                }
            }
            """,
            NoAgreement(0, "KP", "North Korea (KP)").WithLocation(1));

    /// <summary>
    /// A local written both by deconstructions and by assignments holds what the last write before the use gave it,
    /// by the control flow graph, as a local written by assignments alone does.
    /// </summary>
    [Fact]
    public async Task A_local_written_by_deconstructions_and_assignments_holds_the_last_write()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                void M(Gateway g, int count, bool flag)
                {
                    var replaced = "IR";
                    (replaced, count) = ("DE", 1);
                    g.Destination = replaced;

                    var later = "DE";
                    (later, count) = ({|#1:"KP"|}, 2);
                    g.Destination = {|#0:later|};

                    var (reassigned, n) = ("IR", 3);
                    reassigned = {|#3:"SY"|};
                    g.Destination = {|#2:reassigned|};

                    var (kept, m) = ("FR", 4);
                    if (flag)
                    {
                        (count, (kept, m)) = (5, ({|#5:"CU"|}, 6));
                    }

                    g.Destination = {|#4:kept|};

                    // From a tuple held by a local, too.
                    var home = ("DE", 7);
                    var overwritten = "KP";
                    (overwritten, count) = home;
                    g.Destination = overwritten;
                    var pending = ({|#7:"SY"|}, 8);
                    var maybe = "DE";
                    if (flag)
                    {
                        (maybe, count) = pending;
                    }

                    g.Destination = {|#6:maybe|};
                }
            }
            """,
            NoAgreement(0, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(2, "SY", "Syria (SY)").WithLocation(3),
            NoAgreement(4, "CU", "Cuba (CU)").WithLocation(5),
            NoAgreement(6, "SY", "Syria (SY)").WithLocation(7));

    /// <summary>
    /// A local array's membership test is LINQ's <c>Contains</c>, whose argument is the array converted to
    /// <c>IEnumerable&lt;string&gt;</c>: the array's items are read through the conversion, as a field's are; and
    /// <c>Any(b =&gt; b == c)</c> and <c>All(b =&gt; b != c)</c> test the same (<c>Any(b =&gt; b != c)</c> does not).
    /// Before, <c>if (blocked.Contains(c)) continue;</c> with a local array ruled nothing out, nor did the lambdas.
    /// </summary>
    [Fact]
    public async Task A_local_arrays_items_rule_constants_out_through_LINQs_Contains()
        => await AnalyzerTest.VerifyAsync("using System;\nusing System.Linq;\n" + Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    var lanes = new[] { "DE", {|#4:"IR"|}, "JP", {|#1:"KP"|} };
                    var blocked = new[] { "IR", "KP" };
                    string[] embargoed = { "IR" };
                    foreach (var c in lanes) { if (blocked.Contains(c)) continue; g.Send(c); }
                    foreach (var c in lanes) { if (blocked.Contains(c, StringComparer.OrdinalIgnoreCase)) continue; g.Send(c); }
                    foreach (var c in lanes) { if (Enumerable.Contains(blocked, c)) { Console.WriteLine(c); } else { g.Send(c); } }
                    foreach (var c in lanes) { if (embargoed.Contains(c)) continue; g.Send({|#0:c|}); }
                    foreach (var c in lanes) { if (blocked.Any(b => b == c)) continue; g.Send(c); }
                    foreach (var c in lanes) { if (blocked.All(b => c != b)) g.Send(c); }
                    foreach (var c in lanes) { if (embargoed.Any(b => b == c)) continue; g.Send({|#2:c|}); }
                    foreach (var c in lanes) { if (blocked.Any(b => b != c)) continue; g.Send({|#3:c|}); }
                }
            }
            """,
            NoAgreement(0, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(1),
            NoAgreement(3, "IR", "Iran (IR)").WithLocation(4),
            NoAgreement(3, "KP", "North Korea (KP)").WithLocation(1));

    /// <summary>
    /// A pattern that joins a test of constants to other parts by <c>and</c> tells of the value only where it holds:
    /// <c>c is { Length: 2 } and not ("IR" or "KP")</c> keeps IR and KP out where it holds, and says nothing where it
    /// fails (the length may have failed). Before, such a pattern was no test, and IR and KP were reported.
    /// </summary>
    [Fact]
    public async Task A_pattern_joined_by_and_rules_constants_out_where_it_holds()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                static readonly string[] Lanes = { "DE", {|#1:"IR"|}, "JP", {|#3:"KP"|}, {|#5:"CU"|} };

                void M(Gateway g)
                {
                    foreach (var c in Lanes)
                    {
                        if (c is { Length: 2 } and not ("IR" or "KP")) g.Send({|#4:c|});
                        if (c is not null and not "IR" and not "KP" and not "CU") g.Send(c);
                        if (c is { Length: > 1 } and ("DE" or "JP")) g.Send(c);
                        if (c is { Length: 2 } and not ("IR" or "KP")) { } else g.Send({|#0:c|});
                        if (!(c is { Length: 2 } and not "CU")) continue;
                        g.Destination = {|#2:c|};
                    }
                }
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(0, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(0, "CU", "Cuba (CU)").WithLocation(5),
            NoAgreement(2, "IR", "Iran (IR)").WithLocation(1),
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(4, "CU", "Cuba (CU)").WithLocation(5));

    /// <summary>
    /// A team's own country enum names its members by code or name; such a member flowing into an exchange is judged by
    /// its name, a number cast to the enum as the member of that value, and a member that names no country (Other), or
    /// a number that is no member, is not country text at all.
    /// </summary>
    [Fact]
    public async Task A_member_of_a_project_enum_is_judged_by_its_name()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            public enum Iso { DE = 276, IR = 364, Irn, Cuba, NorthKorea, UnitedKingdom, Other }

            public class Typed
            {
                public void Send([CustomsDataExchange] Iso country) { }
            }

            class C
            {
                const Iso Pending = Iso.Cuba;

                void M(Typed t, Gateway g)
                {
                    t.Send(Iso.DE);
                    t.Send(Iso.UnitedKingdom);
                    t.Send(Iso.Other);
                    t.Send({|#0:Iso.IR|});
                    t.Send({|#1:Iso.Irn|});
                    t.Send({|#2:Pending|});
                    t.Send({|#3:Iso.NorthKorea|});
                    g.SendObject({|#4:Iso.Cuba|});
                    g.SendCode((int){|#5:Iso.IR|});
                    t.Send({|#6:(Iso)364|});
                    t.Send((Iso)1);
                }
            }
            """,
            NoAgreement(0, "Iso.IR", "Iran (IR)"),
            NoAgreement(1, "Iso.Irn", "Iran (IR)"),
            NoAgreement(2, "Pending", "Cuba (CU)"),
            NoAgreement(3, "Iso.NorthKorea", "North Korea (KP)"),
            NoAgreement(4, "Iso.Cuba", "Cuba (CU)"),
            NoAgreement(5, "Iso.IR", "Iran (IR)"),
            NoAgreement(6, "(Iso)364", "Iran (IR)"));

    // Codes and names are recognised in any case, so a case change keeps the country; an enum value's ToString() is
    // its member's name. The diagnostic is on the call, pointing at the constant.
    [Fact]
    public async Task Case_changes_and_enum_member_names_keep_the_country()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            public enum Iso { DE, IR, Other }

            class C
            {
                const string Home = "de";
                const string Cuba = "cu";

                void M(Gateway g, Iso runtime, Iso? maybe)
                {
                    g.Send({|#0:{|#1:"ir"|}.ToUpperInvariant()|});
                    g.Send({|#2:{|#3:Cuba|}.ToUpper(System.Globalization.CultureInfo.InvariantCulture)|});
                    g.Send(Home.ToUpperInvariant());
                    g.Send({|#4:{|#5:Iso.IR|}.ToString()|});
                    g.Send(Iso.DE.ToString());
                    g.Send(Iso.Other.ToString());
                    g.Send(runtime.ToString());
                    g.Send({|#6:((Iso?){|#7:Iso.IR|}).ToString()|});
                    g.Send(maybe.ToString());
                }
            }
            """,
            NoAgreement(0, "ir", "Iran (IR)").WithLocation(1),
            NoAgreement(2, "cu", "Cuba (CU)").WithLocation(3),
            NoAgreement(4, "Iso.IR", "Iran (IR)").WithLocation(5),
            NoAgreement(6, "Iso.IR", "Iran (IR)").WithLocation(7));

    /// <summary>
    /// A private method or local function of the file that passes its parameter on unchanged to an exchange is checked
    /// where it is called, through a chain of such methods too, less what its body keeps out before it passes the
    /// value on (a <c>switch</c> that returns, a <c>HasAgreement</c> guard), and through an implicit conversion
    /// (<c>object</c>) or a case change (<c>ToUpperInvariant()</c>; a test of <c>"KP"</c> lets <c>"kp"</c> through). A parameter the method writes (a deconstruction too), hands on only in a lambda, or changes
    /// first, and a public method, are not followed.
    /// Before, none of these calls was reported.
    /// </summary>
    [Fact]
    public async Task A_constant_passed_to_a_method_that_passes_it_on_is_checked_where_it_is_passed()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    SendTo(g, {|#0:"IR"|});
                    SendTo(g, "DE");
                    Relay(g, {|#1:"KP"|});
                    Dispatch(g, "IR");
                    Dispatch(g, {|#2:"CU"|});
                    Checked(g, "IR");
                    Local({|#3:"SY"|});
                    Recurse(g, {|#4:"IR"|}, 3);
                    Stored({|#5:"KP"|});
                    Written(g, "IR");
                    Deconstructed(g, "IR");
                    AsObject(g, {|#10:"SY"|});
                    Later(g, "IR");
                    Trimmed(g, "IR");
                    Upper(g, {|#11:"ir"|});
                    Lowered(g, "KP");
                    Lowered(g, {|#12:"kp"|});
                    Library.SendTo(g, "IR");
                    foreach (var code in new[] { "DE", "IR", {|#6:"CU"|} }) Dispatch(g, {|#8:code|});
                    new List<string> { "IR", {|#7:"CU"|} }.ForEach(code => Dispatch(g, {|#9:code|}));

                    void Local(string code) => Relay(g, code);
                }

                static void SendTo(Gateway g, string country) => g.Send(country);

                static void Relay(Gateway g, string country) => SendTo(g, country);

                static void Dispatch(Gateway g, string country)
                {
                    switch (country)
                    {
                        case "IR":
                        case "KP":
                            return;
                    }

                    g.Send(country);
                }

                static void Checked(Gateway g, string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) return;
                    g.Send(country);
                }

                static void Recurse(Gateway g, string country, int n)
                {
                    if (n > 0) Recurse(g, country, n - 1);
                    else g.Send(country);
                }

                static void Stored(string country) => new Gateway().Destination = country;

                static void Written(Gateway g, string country)
                {
                    country = "DE";
                    g.Send(country);
                }

                static void Deconstructed(Gateway g, string country)
                {
                    (country, _) = ("DE", 1);
                    g.Send(country);
                }

                static void AsObject(Gateway g, string country) => g.SendObject(country);

                static void Later(Gateway g, string country) => System.Threading.Tasks.Task.Run(() => g.Send(country));

                static void Trimmed(Gateway g, string country) => g.Send(country.Substring(1));

                static void Upper(Gateway g, string country) => g.Send(country.ToUpperInvariant());

                static void Lowered(Gateway g, string country)
                {
                    if (country == "KP") return;
                    g.SendObject((country).ToLower(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            public static class Library
            {
                public static void SendTo(Gateway g, string country) => g.Send(country);
            }
            """,
            NoAgreement(0, "IR", "Iran (IR)"),
            NoAgreement(1, "KP", "North Korea (KP)"),
            NoAgreement(2, "CU", "Cuba (CU)"),
            NoAgreement(3, "SY", "Syria (SY)"),
            NoAgreement(4, "IR", "Iran (IR)"),
            NoAgreement(5, "KP", "North Korea (KP)"),
            NoAgreement(8, "CU", "Cuba (CU)").WithLocation(6),
            NoAgreement(9, "CU", "Cuba (CU)").WithLocation(7),
            NoAgreement(10, "SY", "Syria (SY)"),
            NoAgreement(11, "ir", "Iran (IR)"),
            NoAgreement(12, "kp", "North Korea (KP)"));

    /// <summary>
    /// What a method passing its parameter on keeps out is tested for enum members and numeric codes as for text: the
    /// constant the caller passes is compared with the method's tests by value. Before, only text was tested, so
    /// <c>Dispatch(Iso.IR)</c> was reported although <c>Dispatch</c> returns for it.
    /// </summary>
    [Fact]
    public async Task An_enum_member_or_number_a_method_keeps_out_before_passing_it_on_is_not_reported()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            public enum Iso { DE = 276, IR = 364, Cuba = 192, Other }

            public class Typed
            {
                public void Send([CustomsDataExchange] Iso country) { }
            }

            class C
            {
                const Iso Blocked = Iso.IR;

                void M(Typed t, Gateway g)
                {
                    Dispatch(t, Iso.IR);
                    Dispatch(t, Blocked);
                    Dispatch(t, (Iso)364);
                    Dispatch(t, {|#0:Iso.Cuba|});
                    Dispatch(t, Iso.DE);
                    Switched(t, Iso.IR);
                    Switched(t, {|#1:Iso.Cuba|});
                    Patterned(t, Iso.IR);
                    Patterned(t, {|#2:Iso.Cuba|});
                    AsObject(g, Iso.IR);
                    AsObject(g, {|#3:Iso.Cuba|});
                    Coded(g, 364);
                    Coded(g, {|#4:192|});
                    Coded(g, 276);
                    var held = Iso.IR;
                    Dispatch(t, held);
                    foreach (var code in new[] { Iso.IR, {|#5:Iso.Cuba|} }) Dispatch(t, {|#6:code|});
                }

                static void Dispatch(Typed t, Iso country)
                {
                    if (country == Iso.IR) return;
                    t.Send(country);
                }

                static void Switched(Typed t, Iso country)
                {
                    switch (country)
                    {
                        case Iso.IR:
                            return;
                    }

                    t.Send(country);
                }

                static void Patterned(Typed t, Iso country)
                {
                    if (country is not Iso.IR) t.Send(country);
                }

                static void AsObject(Gateway g, Iso country)
                {
                    if (country != Blocked) g.SendObject(country);
                }

                static void Coded(Gateway g, int code)
                {
                    if (code == 364) return;
                    g.SendCode(code);
                }
            }
            """,
            NoAgreement(0, "Iso.Cuba", "Cuba (CU)"),
            NoAgreement(1, "Iso.Cuba", "Cuba (CU)"),
            NoAgreement(2, "Iso.Cuba", "Cuba (CU)"),
            NoAgreement(3, "Iso.Cuba", "Cuba (CU)"),
            NoAgreement(4, "192", "Cuba (CU)"),
            NoAgreement(6, "Iso.Cuba", "Cuba (CU)").WithLocation(5));

    /// <summary>
    /// A call through a local delegate that holds a lambda or a private method passing its parameter on is checked as a
    /// call of that method is (<c>Action&lt;string&gt; send = c =&gt; g.Send(c); send("SY");</c>), less what the lambda
    /// keeps out, also from top-level statements; so is a collection's <c>ForEach</c> of such a method. Before, a
    /// lambda's or method's parameter that only passes the value on was not reached, so <c>send("SY")</c> passed silently.
    /// </summary>
    [Fact]
    public async Task A_constant_passed_through_a_delegate_that_passes_it_on_is_checked_where_it_is_passed()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                void M(Gateway g, System.Action<string> given)
                {
                    System.Action<string> send = c => g.Send(c);
                    send({|#0:"SY"|});
                    send("DE");
                    System.Action<string, int> logged = (code, n) => { if (code == "IR") return; g.Send(code, n.ToString()); };
                    logged("IR", 1);
                    logged({|#1:"KP"|}, 2);
                    System.Action<string> named = SendTo;
                    named({|#2:"CU"|});
                    System.Action<string> anonymous = delegate (string code) { g.Destination = code; };
                    anonymous({|#3:"SD"|});
                    System.Action<string> later = c => System.Threading.Tasks.Task.Run(() => g.Send(c));
                    later("IR");
                    System.Action<string> changed = c => g.Send(c.Substring(1));
                    changed("XIR");
                    given("IR");
                    System.Action<string> logOnly = c => System.Console.WriteLine(c);
                    logOnly("IR");
                    new List<string> { "DE", {|#4:"KP"|} }.ForEach(SendTo);
                    System.Array.ForEach(new[] { "IR", {|#5:"CU"|} }, Dispatch);
                    new List<string> { "IR" }.ForEach(Log);

                    void SendTo(string code) => g.Send(code);
                    void Dispatch(string code) { if (code != "IR") g.Send(code); }
                    void Log(string code) => System.Console.WriteLine(code);
                }
            }
            """,
            NoAgreement(0, "SY", "Syria (SY)"),
            NoAgreement(1, "KP", "North Korea (KP)"),
            NoAgreement(2, "CU", "Cuba (CU)"),
            NoAgreement(3, "SD", "Sudan (SD)"),
            NoAgreement(4, "KP", "North Korea (KP)"),
            NoAgreement(5, "CU", "Cuba (CU)"));

    // Top-level statements are the body of a method the compiler declares: a lambda there is read in its graph.
    [Fact]
    public async Task A_delegate_of_top_level_statements_that_passes_its_parameter_on_is_followed()
    {
        var test = new AnalyzerTest("""
            var g = new Gateway();
            System.Action<string> send = c => g.Send(c, "payload");
            send({|#0:"SY"|});
            send("JP");
            """);
        test.TestState.Sources.Add(("/0/Gateway.cs", Gateway));
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(NoAgreement(0, "SY", "Syria (SY)"));
        await test.VerifyAsync();
    }

    /// <summary>
    /// Only a method declared in the file of the call is read for what it passes on: another file's would be bound once
    /// more, which for every method a project calls costs as much as compiling it again. A partial type's private
    /// method in another file needs its parameter's mark.
    /// </summary>
    [Fact]
    public async Task A_method_of_another_file_that_passes_a_parameter_on_is_not_read()
    {
        var test = new AnalyzerTest(Gateway + """
            partial class C
            {
                void M(Gateway g) => SendTo(g, "IR");
            }
            """);
        test.TestState.Sources.Add("partial class C { private static void SendTo(Gateway g, string country) => g.Send(country); }");
        await test.VerifyAsync();
    }

    /// <summary>
    /// Only a private method or a local function is read for what it passes on, in an application as in a library: an
    /// internal or public one is left to its mark, since asking of every call whether its method is the project's own
    /// cost more than the analysis does (docs/performance-log.md).
    /// </summary>
    [Theory]
    [InlineData(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication)]
    [InlineData(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary)]
    public async Task Only_a_private_method_or_local_function_that_passes_a_parameter_on_is_read(Microsoft.CodeAnalysis.OutputKind kind)
    {
        var test = new AnalyzerTest(Gateway + """
            public class Lodging
            {
                public void Lodge(Gateway g, string country) => g.Send(country);

                internal void LodgeInternal(Gateway g, string country) => g.Send(country);

                private void LodgePrivate(Gateway g, string country) => g.Send(country);

                public void Run(Gateway g)
                {
                    Lodge(g, "IR");
                    LodgeInternal(g, "IR");
                    LodgePrivate(g, {|#0:"IR"|});
                }
            }

            public static class Program
            {
                public static void Main() => new Lodging().Run(new Gateway());
            }
            """);
        test.TestState.OutputKind = kind;
        test.ExpectedDiagnostics.Add(NoAgreement(0, "IR", "Iran (IR)"));
        await test.VerifyAsync();
    }

    private static DiagnosticResult NoAgreement(int location, string shown, string country)
        => new DiagnosticResult("CMAA001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(location).WithArguments(shown, country, "U.S. CBP, as of January 2014");

    [Fact]
    public async Task Extension_methods_lambdas_and_local_functions()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    {|CMAA001:"IR"|}.SendTo(g);
                    GatewayExtensions.SendTo({|CMAA001:"CU"|}, g);
                    System.Action send = () => g.Send({|CMAA001:"SY"|});
                    Local();
                    void Local() => g.Send({|CMAA001:"KP"|});
                    var captured = "IR";
                    System.Action later = () => g.Send({|CMAA001:captured|});
                }
            }
            """);

    [Fact]
    public async Task Indexer_parameters_and_params_spans()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            public class Routes
            {
                public string this[[CustomsDataExchange] string country] { get => ""; set { } }
                public void SendAll([CustomsDataExchange] params System.ReadOnlySpan<string> countries) { }
            }

            class C
            {
                void M(Routes r)
                {
                    r[{|CMAA001:"IR"|}] = "open";
                    var route = r[{|CMAA001:"CU"|}];
                    r["DE"] = route;
                    r.SendAll("FR", {|CMAA001:"SY"|});
                    r.SendAll(["JP", {|CMAA001:"KP"|}]);
                }
            }
            """);

    [Fact]
    public async Task Tuple_elements_and_text_as_a_span()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            public class Spans { public void Send([CustomsDataExchange] System.ReadOnlySpan<char> country) { } }

            class C
            {
                (string, int) Pair() => ("SY", 3);

                void M(Gateway g, Spans s, bool flag, string runtime)
                {
                    s.Send({|CMAA001:"IR"|});
                    s.Send({|#0:System.MemoryExtensions.AsSpan({|#1:"CU"|})|});
                    s.Send(System.MemoryExtensions.AsSpan("DE"));

                    var t = (Country: {|#3:"KP"|}, Count: 1);
                    g.Send({|#2:t.Country|});
                    g.Send({|#4:t.Item1|});
                    (string Code, string Other) u = flag ? ("FR", {|#6:"IR"|}) : ("DE", runtime);
                    g.Send(u.Code);
                    g.Send({|#5:u.Other|});
                    g.Send(Pair().Item1);
                    g.Send(("DE", "CU").Item1);

                    // A tuple that flows into itself round a loop ends at the depth limit.
                    var w = ("FR", 1);
                    while (flag)
                    {
                        w = w;
                    }

                    g.Send(w.Item1);
                }
            }
            """,
            NoAgreement(0, "CU", "Cuba (CU)").WithLocation(1),
            NoAgreement(2, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(4, "KP", "North Korea (KP)").WithLocation(3),
            NoAgreement(5, "IR", "Iran (IR)").WithLocation(6));

    [Fact]
    public async Task Numeric_codes_as_integers_and_values_boxed_to_object()
        => await AnalyzerTest.VerifyAsync(Gateway + """
            class C
            {
                void M(Gateway g)
                {
                    g.SendCode({|CMAA001:364|});
                    g.SendCode(276);
                    g.SendObject({|CMAA001:"IR"|});
                }
            }
            """);

    [Fact]
    public async Task Property_field_and_parameter_defaults_are_checked_where_they_are_written()
        => await AnalyzerTest.VerifyAsync("""
            using Cmaa;

            public class Declaration
            {
                [CustomsDataExchange] public string Destination { get; set; } = {|CMAA001:"IR"|};
                [CustomsDataExchange] public string Origin = {|CMAA001:"CU"|};
                public void Send([CustomsDataExchange] string country = {|CMAA001:"SY"|}) { }
                void M() { Send(); Send(); }
            }
            """);
}

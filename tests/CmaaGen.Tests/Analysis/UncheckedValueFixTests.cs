using System.Threading.Tasks;
using CmaaGen.CodeFixes;
using CmaaGen.Tests.Infrastructure;

namespace CmaaGen.Tests.Analysis;

/// <summary>
/// CMAA004's two fixes: marking the parameter a value comes from, so that its callers are checked, and putting a
/// guard before the exchange. Each fixed text is analyzed again, so a fix that leaves the value unchecked fails.
/// </summary>
public class UncheckedValueFixTests
{
    private const string Gateway = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Cmaa;

        public class Gateway
        {
            public void Send([CustomsDataExchange] string country) { }
            public bool TrySend([CustomsDataExchange] string country) => true;
            public void SendAny([CustomsDataExchange] object country) { }
        }

        public abstract class Channel
        {
            public abstract void Open(string country);
        }

        """;

    [Fact]
    public async Task Marking_a_wrappers_parameter_checks_its_callers()
        => await Mark(
            """
            class Service
            {
                private readonly Gateway _gateway = new Gateway();

                public void SendTo(string country) => _gateway.Send({|CMAA004:country|});

                public void SendUpper(int priority,
                    string country)
                {
                    _gateway.Send({|CMAA004:country.ToUpperInvariant()|});
                    _gateway.SendAny({|CMAA004:country|});
                }

                void Callers()
                {
                    SendTo("IR");
                    SendTo("DE");
                    SendUpper(1, "KP");
                }
            }
            """,
            """
            class Service
            {
                private readonly Gateway _gateway = new Gateway();

                public void SendTo([CustomsDataExchange] string country) => _gateway.Send(country);

                public void SendUpper(int priority,
                    [CustomsDataExchange] string country)
                {
                    _gateway.Send(country.ToUpperInvariant());
                    _gateway.SendAny(country);
                }

                void Callers()
                {
                    SendTo({|CMAA001:"IR"|});
                    SendTo("DE");
                    SendUpper(1, {|CMAA001:"KP"|});
                }
            }
            """);

    [Fact]
    public async Task Marks_constructor_and_local_function_parameters()
        => await Mark(
            """
            public class Consignee
            {
                public Consignee(string {|CMAA007:home|}) { Home = {|CMAA004:home|}; }

                [CustomsDataExchange] public string Home { get; } = "";
            }

            class Service
            {
                void Run(Gateway gateway)
                {
                    Forward({|CMAA001:"CU"|});

                    void Forward(string partner) => gateway.Send({|CMAA004:partner|});
                }

                // Already a context by the store, within this assembly; the mark is what other assemblies see.
                Consignee Create() => new Consignee({|CMAA001:"SY"|});
            }
            """,
            """
            public class Consignee
            {
                public Consignee([CustomsDataExchange] string home) { Home = home; }

                [CustomsDataExchange] public string Home { get; } = "";
            }

            class Service
            {
                void Run(Gateway gateway)
                {
                    Forward({|CMAA001:"CU"|});

                    void Forward([CustomsDataExchange] string partner) => gateway.Send(partner);
                }

                // Already a context by the store, within this assembly; the mark is what other assemblies see.
                Consignee Create() => new Consignee({|CMAA001:"SY"|});
            }
            """);

    [Fact]
    public async Task Adds_the_using_the_mark_needs()
    {
        var test = new CodeFixTest<UncheckedValueFix>(
            """
            class Wrapper
            {
                void SendTo(string country) => new Gateway().Send({|CMAA004:country|});
            }
            """,
            """
            using Cmaa;

            class Wrapper
            {
                void SendTo([CustomsDataExchange] string country) => new Gateway().Send(country);
            }
            """)
        { EnableUnchecked = true, CodeActionEquivalenceKey = UncheckedValueFix.MarkKey };
        test.TestState.Sources.Add(("/0/Gateway.cs", Gateway));
        test.FixedState.Sources.Add(("/0/Gateway.cs", Gateway));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task Does_not_mark_what_callers_cannot_see()
        => await Mark(
            """
            class Pipe : Channel
            {
                private readonly Gateway _gateway = new Gateway();

                // A call through Channel.Open would not see a mark on the override.
                public override void Open(string country) => _gateway.Send({|CMAA004:country|});

                void Each(List<string> countries) => countries.ForEach(c => _gateway.Send({|CMAA004:c|}));

                string Lookup() => System.Environment.MachineName;

                void Call() => _gateway.Send({|CMAA004:Lookup()|});
            }
            """,
            null);

    [Fact]
    public async Task Does_not_mark_a_local_functions_parameter_before_CSharp_9()
    {
        const string Code = """
            class Service
            {
                void Run(Gateway gateway)
                {
                    Forward({|CMAA001:"CU"|});

                    void Forward(string partner) => gateway.Send({|CMAA004:partner|});
                }
            }
            """;
        var test = new CodeFixTest<UncheckedValueFix>(Gateway + Code, Gateway + Code) { EnableUnchecked = true, CodeActionEquivalenceKey = UncheckedValueFix.MarkKey };
        test.SolutionTransforms.Add((solution, project) => solution.WithProjectParseOptions(
            project,
            ((Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)solution.GetProject(project)!.ParseOptions!).WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8)));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task Guards_the_statement_that_holds_the_exchange()
        => await Guard(
            """
            class Service
            {
                void Forward(Gateway g, string country, bool ready)
                {
                    var partner = country.Trim();
                    g.Send({|CMAA004:partner|});
                    if (ready)
                        g.Send({|CMAA004:country|});
                }
            }
            """,
            """
            class Service
            {
                void Forward(Gateway g, string country, bool ready)
                {
                    var partner = country.Trim();
                    if (!CmaaAgreements.HasAgreement(partner))
                    {
                        throw new InvalidOperationException($"No customs mutual assistance agreement with '{partner}'.");
                    }

                    g.Send(partner);
                    if (ready)
                    {
                        if (!CmaaAgreements.HasAgreement(country))
                        {
                            throw new ArgumentException($"No customs mutual assistance agreement with '{country}'.", nameof(country));
                        }

                        g.Send(country);
                    }
                }
            }
            """);

    [Fact]
    public async Task Guards_a_member_read_as_written()
        => await Guard(
            """
            public class Request
            {
                public string Country { get; set; } = "";
            }

            class Service
            {
                void Forward(Gateway g, Request request, Request other)
                {
                    g.Send({|CMAA004:request.Country|});
                    g.Send({|CMAA004:request.Country.ToUpperInvariant()|});
                    request.Country = other.Country;
                    g.Send({|CMAA004:request.Country|});
                }
            }
            """,
            """
            public class Request
            {
                public string Country { get; set; } = "";
            }

            class Service
            {
                void Forward(Gateway g, Request request, Request other)
                {
                    if (!CmaaAgreements.HasAgreement(request.Country))
                    {
                        throw new InvalidOperationException($"No customs mutual assistance agreement with '{request.Country}'.");
                    }

                    g.Send(request.Country);
                    g.Send(request.Country.ToUpperInvariant());
                    request.Country = other.Country;
                    if (!CmaaAgreements.HasAgreement(request.Country))
                    {
                        throw new InvalidOperationException($"No customs mutual assistance agreement with '{request.Country}'.");
                    }

                    g.Send(request.Country);
                }
            }
            """);

    [Fact]
    public async Task Turns_an_expression_body_into_a_block()
        => await Guard(
            """
            class Service
            {
                private readonly Gateway _gateway = new Gateway();

                void SendTo(string country) => _gateway.Send({|CMAA004:country|});

                bool TrySend(string country) => _gateway.TrySend({|CMAA004:country.ToUpperInvariant()|});

                async Task SendLater(string country) => await Task.Run(() => _gateway.Send({|CMAA004:country|}));
            }
            """,
            """
            class Service
            {
                private readonly Gateway _gateway = new Gateway();

                void SendTo(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country))
                    {
                        throw new ArgumentException($"No customs mutual assistance agreement with '{country}'.", nameof(country));
                    }

                    _gateway.Send(country);
                }

                bool TrySend(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country))
                    {
                        throw new ArgumentException($"No customs mutual assistance agreement with '{country}'.", nameof(country));
                    }

                    return _gateway.TrySend(country.ToUpperInvariant());
                }

                async Task SendLater(string country) => await Task.Run(() =>
                {
                    if (!CmaaAgreements.HasAgreement(country))
                    {
                        throw new ArgumentException($"No customs mutual assistance agreement with '{country}'.", nameof(country));
                    }

                    _gateway.Send(country);
                });
            }
            """);

    [Fact]
    public async Task One_guard_covers_the_uses_after_it_until_the_value_changes()
        => await Guard(
            """
            class Service
            {
                void Forward(Gateway g, string country, string other)
                {
                    g.Send({|CMAA004:country|});
                    g.Send({|CMAA004:country|});
                    country = other;
                    g.Send({|CMAA004:country|});
                }
            }
            """,
            """
            class Service
            {
                void Forward(Gateway g, string country, string other)
                {
                    if (!CmaaAgreements.HasAgreement(country))
                    {
                        throw new ArgumentException($"No customs mutual assistance agreement with '{country}'.", nameof(country));
                    }

                    g.Send(country);
                    g.Send(country);
                    country = other;
                    if (!CmaaAgreements.HasAgreement(country))
                    {
                        throw new ArgumentException($"No customs mutual assistance agreement with '{country}'.", nameof(country));
                    }

                    g.Send(country);
                }
            }
            """);

    [Fact]
    public async Task Holds_another_value_in_a_new_local_and_checks_that()
        => await Guard(
            """
            class Service
            {
                // A field of the first name: a local of that name would hide it.
                private string country = "";

                string Lookup() => System.Environment.MachineName;

                void Forward(Gateway g, string[] rows)
                {
                    g.Send({|CMAA004:Lookup()|});
                    g.Send({|CMAA004:Lookup().ToUpperInvariant()|});
                    if (rows.Length > 0)
                        g.Send({|CMAA004:rows[0]|});
                }
            }
            """,
            """
            class Service
            {
                // A field of the first name: a local of that name would hide it.
                private string country = "";

                string Lookup() => System.Environment.MachineName;

                void Forward(Gateway g, string[] rows)
                {
                    var country2 = Lookup();
                    if (!CmaaAgreements.HasAgreement(country2))
                    {
                        throw new InvalidOperationException($"No customs mutual assistance agreement with '{country2}'.");
                    }

                    g.Send(country2);
                    var country3 = Lookup();
                    if (!CmaaAgreements.HasAgreement(country3))
                    {
                        throw new InvalidOperationException($"No customs mutual assistance agreement with '{country3}'.");
                    }

                    g.Send(country3.ToUpperInvariant());
                    if (rows.Length > 0)
                    {
                        var country4 = rows[0];
                        if (!CmaaAgreements.HasAgreement(country4))
                        {
                            throw new InvalidOperationException($"No customs mutual assistance agreement with '{country4}'.");
                        }

                        g.Send(country4);
                    }
                }
            }
            """);

    [Fact]
    public async Task Guards_in_a_switch_section_and_at_the_top_level()
    {
        var test = new CodeFixTest<UncheckedValueFix>(
            """
            using Cmaa;

            var gateway = new Gateway();
            var destination = args[0];
            gateway.Send({|CMAA004:destination|});
            var origin = args[1];
            // A comment stays with the statement it leads.
            gateway.Send({|CMAA004:origin|});

            static void Route(Gateway g, string country, int lane)
            {
                switch (lane)
                {
                    case 1:
                        g.Send({|CMAA004:country|});
                        break;
                }
            }
            """,
            """
            using System;
            using Cmaa;

            var gateway = new Gateway();
            var destination = args[0];
            if (!CmaaAgreements.HasAgreement(destination))
            {
                throw new InvalidOperationException($"No customs mutual assistance agreement with '{destination}'.");
            }

            gateway.Send(destination);
            var origin = args[1];
            if (!CmaaAgreements.HasAgreement(origin))
            {
                throw new InvalidOperationException($"No customs mutual assistance agreement with '{origin}'.");
            }

            // A comment stays with the statement it leads.
            gateway.Send(origin);

            static void Route(Gateway g, string country, int lane)
            {
                switch (lane)
                {
                    case 1:
                        if (!CmaaAgreements.HasAgreement(country))
                        {
                            throw new ArgumentException($"No customs mutual assistance agreement with '{country}'.", nameof(country));
                        }

                        g.Send(country);
                        break;
                }
            }
            """)
        { EnableUnchecked = true, CodeActionEquivalenceKey = UncheckedValueFix.GuardKey };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/0/Gateway.cs", Gateway));
        test.FixedState.Sources.Add(("/0/Gateway.cs", Gateway));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task Offers_no_guard_where_none_can_be_written()
        => await Guard(
            """
            class Service
            {
                string Lookup() => System.Environment.MachineName;

                bool TryRead(out string country) { country = Lookup(); return true; }

                void Forward(Gateway g, object any, bool ready)
                {
                    // Declared inside the statement, evaluated on one branch only, or of a type HasAgreement does not take.
                    if (TryRead(out var country) && g.TrySend({|CMAA004:country|}))
                    {
                    }

                    g.Send(ready ? {|CMAA004:Lookup()|} : "DE");
                    _ = ready && g.TrySend({|CMAA004:Lookup()|});
                    g.SendAny({|CMAA004:any|});
                }
            }
            """,
            null);

    /// <summary>
    /// The fix offered first, which <c>dotnet format</c> applies, is the guard unless <c>.editorconfig</c> prefers the mark.
    /// </summary>
    [Theory]
    [InlineData(null, false)]
    [InlineData("guard", false)]
    [InlineData("mark", true)]
    [InlineData(" Mark ", true)]
    public async Task Editorconfig_chooses_the_fix_offered_first(string? preference, bool marked)
    {
        const string Code = """
            class Service
            {
                private readonly Gateway _gateway = new Gateway();

                public void SendTo(string country) => _gateway.Send({|CMAA004:country|});
            }
            """;
        const string Marked = """
            class Service
            {
                private readonly Gateway _gateway = new Gateway();

                public void SendTo([CustomsDataExchange] string country) => _gateway.Send(country);
            }
            """;
        const string Guarded = """
            class Service
            {
                private readonly Gateway _gateway = new Gateway();

                public void SendTo(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country))
                    {
                        throw new ArgumentException($"No customs mutual assistance agreement with '{country}'.", nameof(country));
                    }

                    _gateway.Send(country);
                }
            }
            """;
        var test = new CodeFixTest<UncheckedValueFix>(Gateway + Code, Gateway + (marked ? Marked : Guarded)) { EnableUnchecked = true, CodeActionIndex = 0 };
        if (preference is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "[*.cs]\n" + UncheckedValueFix.PreferenceKey + " = " + preference + "\n"));
        }

        await test.VerifyAsync();
    }

    private static Task Mark(string code, string? fixedCode)
        => new CodeFixTest<UncheckedValueFix>(Gateway + code, Gateway + (fixedCode ?? code)) { EnableUnchecked = true, CodeActionEquivalenceKey = UncheckedValueFix.MarkKey }.VerifyAsync();

    /// <summary>The guard's lines end as the document's do, also the line breaks the fix writes itself after the guard.</summary>
    [Fact]
    public async Task A_guard_ends_its_lines_as_the_document_does()
    {
        const string Code = """
            class Service
            {
                void Forward(Gateway g, string country)
                {
                    // Forwarded as received.
                    g.Send({|CMAA004:country|});
                }
            }
            """;
        const string Fixed = """
            class Service
            {
                void Forward(Gateway g, string country)
                {
                    if (!CmaaAgreements.HasAgreement(country))
                    {
                        throw new ArgumentException($"No customs mutual assistance agreement with '{country}'.", nameof(country));
                    }

                    // Forwarded as received.
                    g.Send(country);
                }
            }
            """;

        var test = new CodeFixTest<UncheckedValueFix>((Gateway + Code).Replace("\n", "\r\n"), (Gateway + Fixed).Replace("\n", "\r\n"))
        {
            EnableUnchecked = true,
            CodeActionEquivalenceKey = UncheckedValueFix.GuardKey,
        };

        // The formatter's own line breaks follow the setting an IDE takes from .editorconfig or the platform.
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "[*.cs]\nend_of_line = crlf\n"));
        await test.VerifyAsync();
    }

    private static Task Guard(string code, string? fixedCode)
        => new CodeFixTest<UncheckedValueFix>(Gateway + code, Gateway + (fixedCode ?? code)) { EnableUnchecked = true, CodeActionEquivalenceKey = UncheckedValueFix.GuardKey }.VerifyAsync();
}

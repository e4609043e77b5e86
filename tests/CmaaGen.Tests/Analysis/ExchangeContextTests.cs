using System.Threading.Tasks;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CmaaGen.Tests.Analysis;

/// <summary>Which places are exchange contexts, and what is not one.</summary>
public class ExchangeContextTests
{
    [Fact]
    public async Task A_mark_on_an_interface_or_base_method_holds_for_implementations_and_overrides()
        => await AnalyzerTest.VerifyAsync("""
            using Cmaa;

            public interface IGateway { void Send([CustomsDataExchange] string country); }
            public abstract class GatewayBase { public abstract void Post([CustomsDataExchange] string country); }
            public interface IDeclaration { [CustomsDataExchange] string Destination { get; set; } }

            public class Gateway : GatewayBase, IGateway
            {
                public void Send(string country) { }
                public override void Post(string country) { }
            }

            public class Explicit : IGateway { void IGateway.Send(string country) { } }
            public class Declaration : IDeclaration { public string Destination { get; set; } = ""; }
            public sealed class Derived : Gateway { public override void Post(string country) { } }

            class C
            {
                void M(Gateway g, Derived d, Explicit e, Declaration declaration)
                {
                    g.Send({|CMAA001:"IR"|});
                    g.Post({|CMAA001:"CU"|});
                    d.Post({|CMAA001:"SY"|});
                    ((IGateway)e).Send({|CMAA001:"KP"|});
                    declaration.Destination = {|CMAA001:"IR"|};
                }
            }
            """);

    /// <summary>
    /// A constructor that stores a parameter unchanged in a marked property or field makes the parameter the way into
    /// it, as a positional record's parameter is; a parameter transformed, stored elsewhere, or hidden by a local or
    /// parameter of the member's name is not. Each such parameter of these public constructors is CMAA007 as well: the
    /// test compiles a library, and other assemblies cannot see how the constructor uses it.
    /// </summary>
    [Fact]
    public async Task A_constructor_parameter_stored_in_a_marked_member_is_a_context()
        => await AnalyzerTest.VerifyAsync("""
            #nullable enable
            using System;
            using Cmaa;

            public sealed class Declaration
            {
                private readonly string _route;

                public Declaration(string {|CMAA007:destination|}, string {|CMAA007:origin|}, string route)
                {
                    Destination = destination ?? throw new ArgumentNullException(nameof(destination));
                    this.Origin = (origin);
                    _route = route;
                }

                public Declaration(string {|CMAA007:destination|}) => Destination = destination;

                public Declaration(int code, string destination)
                {
                    Destination = destination.Trim();
                    Notes = destination;
                }

                public Declaration(string first, string second, string third, string fourth)
                {
                    var Destination = "";
                    Destination = first;
                    Notes = Destination;
                    Action later = () => this.Destination = second;
                }

                [CustomsDataExchange] public string Destination { get; set; } = "";
                [CustomsDataExchange] public string Origin = "";
                public string Notes { get; set; } = "";
            }

            public sealed class Filing(string {|CMAA007:destination|}, string goods)
            {
                [CustomsDataExchange] public string Destination { get; } = destination;
                [CustomsDataExchange] private readonly string _copy = destination;
                public string Goods { get; } = goods;
            }

            public struct Route
            {
                public Route(string {|CMAA007:via|}) { Via = via; }
                [CustomsDataExchange] public string Via { get; }
            }

            // Constructors that pass the parameter on to one that stores it, or whose parameter is marked.
            public sealed class Chained
            {
                public Chained(string {|CMAA007:destination|}) : this(destination, 1) { }
                public Chained(string {|CMAA007:destination|}, int count) { Destination = destination; }
                public Chained(int code) : this(code.ToString(), code) { }
                public Chained(string origin, string {|CMAA007:destination|}) : this(count: 2, destination: destination) { }
                [CustomsDataExchange] public string Destination { get; } = "";
            }

            public class Marked
            {
                public Marked([CustomsDataExchange] string country) { }
                public Marked(int code) { }
            }

            public sealed class Derived : Marked { public Derived(string {|CMAA007:country|}) : base(country) { } }
            public sealed class PrimaryDerived(string {|CMAA007:country|}) : Marked(country);

            class C
            {
                void M()
                {
                    _ = new Declaration({|CMAA001:"IR"|}, {|CMAA001:"KP"|}, "CU");
                    _ = new Declaration({|CMAA001:"SY"|});
                    _ = new Declaration(1, "IR");
                    _ = new Declaration("IR", "KP", "CU", "SY");
                    _ = new Filing({|CMAA001:"CU"|}, "IR");
                    _ = new Route({|CMAA001:"KP"|});
                    Declaration d = new({|CMAA001:"IR"|});
                    _ = new Chained({|CMAA001:"IR"|});
                    _ = new Chained(364);
                    _ = new Chained("IR", {|CMAA001:"KP"|});
                    _ = new Derived({|CMAA001:"KP"|});
                    _ = new PrimaryDerived({|CMAA001:"CU"|});
                }
            }
            """);

    // The analyzer first asks whether a member's type can hold a context at all; these cases spread the mark,
    // the types that inherit it and the calls over files that never spell the attribute's name.
    [Fact]
    public async Task Marks_hold_for_types_in_files_that_never_name_the_attribute()
    {
        var test = new AnalyzerTest("""
            class C
            {
                void M(Gateway g, Derived d, Special s, Explicit e, Declaration declaration, Channel<int> channel)
                {
                    g.Send({|CMAA001:"IR"|});
                    g.Post({|CMAA001:"CU"|});
                    d.Post({|CMAA001:"SY"|});
                    s.Send({|CMAA001:"KP"|});
                    ((IGateway)e).Send({|CMAA001:"IR"|});
                    declaration.Destination = {|CMAA001:"CU"|};
                    channel.Send({|CMAA001:"SY"|});
                    g.Log("IR");
                }
            }
            """);
        test.TestState.Sources.Add(("/0/Contracts.cs", """
            using Cmaa;

            public interface IGateway { void Send([CustomsDataExchange] string country); }
            public abstract class GatewayBase { public abstract void Post([CustomsDataExchange] string country); }
            public interface IDeclaration { [CustomsDataExchange] string Destination { get; set; } }
            public interface IChannel<T> { void Send([CustomsDataExchange] string country); }
            """));
        test.TestState.Sources.Add(("/0/Interfaces.cs", """
            public interface ISpecialGateway : IGateway { }
            """));
        test.TestState.Sources.Add(("/0/Implementations.cs", """
            public class Gateway : GatewayBase, IGateway
            {
                public void Send(string country) { }
                public override void Post(string country) { }
                public void Log(string country) { }
            }

            public sealed class Derived : Gateway { public override void Post(string country) { } }
            public class Special : ISpecialGateway { public void Send(string country) { } }
            public class Explicit : IGateway { void IGateway.Send(string country) { } }
            public record Declaration(string Goods) : IDeclaration { public string Destination { get; set; } = ""; }
            public class Channel<T> : IChannel<T> { public void Send(string country) { } }
            """));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task A_global_alias_of_the_attribute_marks_members_in_other_files()
    {
        var test = new AnalyzerTest("""
            class C
            {
                void M(Gateway g) => g.Send({|CMAA001:"IR"|});
            }
            """);
        test.TestState.Sources.Add(("/0/Usings.cs", "global using Exchange = Cmaa.CustomsDataExchangeAttribute;\n"));
        test.TestState.Sources.Add(("/0/Gateway.cs", "public class Gateway { public void Send([Exchange] string country) { } }\n"));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task Marks_in_top_level_statements_hold()
    {
        var test = new AnalyzerTest("""
            using Cmaa;

            Send({|CMAA001:"IR"|});

            static void Send([CustomsDataExchange] string country) { }
            """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.VerifyAsync();
    }

    // A delegate's Invoke has parameters of its own, without the mark; what it calls is the lambda or method the
    // local was given, wherever the local may have been given it, or the one a readonly field always holds.
    [Fact]
    public async Task A_call_through_a_delegate_reaches_the_marked_parameter_of_what_it_was_given()
        => await AnalyzerTest.VerifyAsync("""
            using System;
            using Cmaa;

            public class Gateway
            {
                public void Send([CustomsDataExchange] string country, int count) { }
                public void Log(string country, int count) { }
            }

            public static class Routes
            {
                public static void SendTo(this Gateway g, [CustomsDataExchange] string country) { }
            }

            class C
            {
                private static readonly Gateway Shared = new Gateway();
                private static readonly Action<string, int> Audit = Shared.Send;
                private readonly Action<string, int> _injected;
                private readonly Action<string, int> _reassigned = Shared.Send;
                private readonly Action<string, int> _late;
                private Action<string, int> Logged { get; } = Shared.Log;
                private Action<string, int> Posted { get; } = (country, count) => Shared.Send(country, count);
                private Action<string> Routed { get; } = Shared.SendTo;

                C(Action<string, int> injected)
                {
                    _injected = injected;
                    _reassigned = Shared.Log;
                    _late = Shared.Send;
                }

                void Held()
                {
                    Audit({|CMAA001:"IR"|}, 1);
                    _injected("IR", 2);
                    _reassigned("IR", 3);
                    Logged("IR", 4);
                    Posted("IR", 5);
                    Routed({|CMAA001:"CU"|});
                    _late({|CMAA001:"SY"|}, 6);
                }

                void M(Gateway g, bool quiet)
                {
                    Action<string, int> send = g.Send;
                    send({|CMAA001:"IR"|}, 1);
                    send.Invoke({|CMAA001:"CU"|}, 2);
                    send("DE", 3);

                    var post = ([CustomsDataExchange] string country) => { };
                    post({|CMAA001:"KP"|});

                    Action<string, int> either = quiet ? g.Log : g.Send;
                    either({|CMAA001:"CU"|}, 4);

                    Action<string, int> chosen = g.Log;
                    if (!quiet)
                    {
                        chosen = g.Send;
                    }

                    chosen({|CMAA001:"SY"|}, 4);

                    Action<string, int> log = g.Log;
                    log("IR", 5);

                    Action<string> route = g.SendTo;
                    route({|CMAA001:"IR"|});
                    Action<Gateway, string> direct = Routes.SendTo;
                    direct(g, {|CMAA001:"CU"|});
                    direct(g, "DE");
                }
            }
            """);

    [Fact]
    public async Task An_API_list_entry_on_a_framework_member_holds_for_its_overrides()
    {
        var test = new AnalyzerTest("""
            class C
            {
                void M(AuditWriter audit, System.IO.StringWriter writer, System.IO.TextWriter text)
                {
                    audit.Write({|CMAA001:"IR"|});
                    writer.Write({|CMAA001:"CU"|});
                    text.Write({|CMAA001:"SY"|});
                    text.WriteLine("KP");
                }
            }
            """);
        test.TestState.Sources.Add(("/0/AuditWriter.cs", """
            public class AuditWriter : System.IO.StringWriter
            {
                public override void Write(string? value) { }
            }
            """));
        test.TestState.AdditionalFiles.Add(("/0/CustomsDataExchangeApis.txt", "M:System.IO.TextWriter.Write(System.String)#value\n"));
        await test.VerifyAsync();
    }

    /// <summary>
    /// An API list entry on one of object's members holds through every receiver, an interface's too, though object is
    /// not an interface's base type: a call cannot be answered by its receiver's type alone.
    /// </summary>
    [Fact]
    public async Task An_API_list_entry_on_an_object_member_holds_through_an_interface_receiver()
    {
        var test = new AnalyzerTest("""
            interface IShipment { }

            class C
            {
                void M(IShipment shipment, object any, System.Guid id)
                {
                    shipment.Equals({|CMAA001:"IR"|});
                    any.Equals({|CMAA001:"CU"|});
                    id.Equals({|CMAA001:"SY"|});
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/CustomsDataExchangeApis.txt", "M:System.Object.Equals(System.Object)#obj\n"));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task Members_of_generic_types_and_methods_are_contexts_in_every_construction()
        => await AnalyzerTest.VerifyAsync("""
            using Cmaa;

            public class Channel<T>
            {
                public void Send([CustomsDataExchange] string country, T payload) { }
                [CustomsDataExchange] public string Destination { get; set; } = "";
            }

            public interface IRoute<T> { void Send([CustomsDataExchange] string country, T payload); }
            public class Route : IRoute<int> { public void Send(string country, int payload) { } }
            public static class Extensions { public static void Post<T>(this T sender, [CustomsDataExchange] string country) { } }

            class C
            {
                void M(Channel<int> a, Channel<string> b, Route r)
                {
                    a.Send({|CMAA001:"IR"|}, 1);
                    b.Send({|CMAA001:"KP"|}, "x");
                    a.Send("DE", 2);
                    _ = new Channel<decimal> { Destination = {|CMAA001:"SY"|} };
                    r.Send({|CMAA001:"CU"|}, 3);
                    5.Post({|CMAA001:"IR"|});
                    "x".Post("FR");
                }
            }
            """);

    [Fact]
    public async Task False_positive_traps()
        => await AnalyzerTest.VerifyAsync("""
            using Cmaa;

            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.All)]
                public sealed class CustomsDataExchangeAttribute : System.Attribute { }
            }

            public class Gateway
            {
                public void Send([CustomsDataExchange] string country, string payload) { }
                public void Log([Other.CustomsDataExchange] string country) { }
                public string Label { get; set; } = "IR";
            }

            class C
            {
                void M(Gateway g, string code)
                {
                    var text = "IR";
                    g.Send("DE", "IR");
                    g.Log("IR");
                    g.Label = "IR";
                    if (code == "IR" || code.Equals("KP") || text.Contains("CU")) { }
                    switch (code) { case "IR": break; }
                    System.Console.WriteLine("IR");
                    g.Send(null!, "x");
                    g.Send(country: "Korea", payload: "KP");
                }
            }
            """);

    [Fact]
    public async Task Contexts_declared_in_a_library_apply_to_the_application()
    {
        var test = new AnalyzerTest("""
            class App
            {
                void M(Contoso.Customs.Gateway g) => g.Send({|CMAA001:"IR"|}, "payload");
            }
            """);
        test.TestState.AdditionalReferences.Add(LibraryReference.Build("""
            namespace Contoso.Customs
            {
                public class Gateway
                {
                    public void Send([Cmaa.CustomsDataExchange] string country, string payload) { }
                }
            }
            """));
        await test.VerifyAsync();
    }

    /// <summary>
    /// A module added to the assembly (a netmodule) gives the assembly types that no file declares, so no file can be
    /// searched for the attribute: such a type is decided member by member, like a referenced assembly's.
    /// </summary>
    /// <summary>
    /// A library's positional record whose property alone carries the mark (<c>[property: CustomsDataExchange]</c>):
    /// the application sees the compiled record, without the syntax that ties the constructor's parameter to the
    /// property, and must still check what it passes to the constructor.
    /// </summary>
    [Fact]
    public async Task A_library_records_property_mark_holds_for_its_constructor_in_the_application()
    {
        var test = new AnalyzerTest("""
            class App
            {
                void M(Contoso.Customs.Shipment s)
                {
                    _ = new Contoso.Customs.Shipment({|CMAA001:"IR"|}, "oil");
                    _ = s with { Destination = {|CMAA001:"KP"|} };
                    _ = new Contoso.Customs.Manifest("CU", "SY");
                    _ = new Contoso.Customs.Route({|CMAA001:"CU"|}) with { Via = {|CMAA001:"SY"|} };
                }
            }
            """);
        test.TestState.AdditionalReferences.Add(LibraryReference.Build("""
            namespace Contoso.Customs
            {
                public record Shipment([property: Cmaa.CustomsDataExchange] string Destination, string Goods);

                public record Route([Cmaa.CustomsDataExchange] string Via);

                public record Manifest(string Destination, string Goods)
                {
                    public Manifest(string destination, string goods, int count) : this(destination, goods) { }
                }
            }
            """));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task Contexts_in_an_added_module_apply_to_the_application()
    {
        var attribute = LibraryReference.Compile("Attributes", OutputKind.DynamicallyLinkedLibrary, AttributeSource);
        var module = LibraryReference.Compile("Gateway.netmodule", OutputKind.NetModule, """
            namespace Contoso.Customs
            {
                public class Gateway
                {
                    public void Send([Cmaa.CustomsDataExchange] string country, string payload) { }
                }
            }
            """, attribute);

        var test = new AnalyzerTest("""
            class App
            {
                void M(Contoso.Customs.Gateway g) => g.Send({|CMAA001:"IR"|}, "payload");
            }
            """);
        test.TestState.AdditionalReferences.Add(attribute);
        test.TestState.AdditionalReferences.Add(module);
        await test.VerifyAsync();
    }

    /// <summary>
    /// A library whose own members cannot carry the mark (it neither defines the attribute nor references an assembly
    /// that does) still holds contexts where it overrides or implements another library's marked members.
    /// </summary>
    [Fact]
    public async Task A_library_inherits_marks_from_the_library_it_derives_from()
    {
        var attribute = LibraryReference.Compile("Attributes", OutputKind.DynamicallyLinkedLibrary, AttributeSource);
        var framework = LibraryReference.Compile("Contoso.Framework", OutputKind.DynamicallyLinkedLibrary, """
            namespace Contoso.Framework
            {
                public abstract class GatewayBase { public abstract void Send([Cmaa.CustomsDataExchange] string country); }
                public interface IDeclaration { [Cmaa.CustomsDataExchange] string Destination { get; set; } }
            }
            """, attribute);
        var vendor = LibraryReference.Compile("Vendor", OutputKind.DynamicallyLinkedLibrary, """
            namespace Vendor
            {
                public class Gateway : Contoso.Framework.GatewayBase { public override void Send(string country) { } }
                public class Declaration : Contoso.Framework.IDeclaration { public string Destination { get; set; } = ""; }
                public class Unrelated { public void Send(string country) { } }
            }
            """, framework, attribute);

        var test = new AnalyzerTest("""
            class App
            {
                void M(Vendor.Gateway g, Vendor.Declaration d, Vendor.Unrelated u)
                {
                    g.Send({|CMAA001:"IR"|});
                    d.Destination = {|CMAA001:"CU"|};
                    u.Send("IR");
                }
            }
            """);
        test.TestState.AdditionalReferences.Add(attribute);
        test.TestState.AdditionalReferences.Add(framework);
        test.TestState.AdditionalReferences.Add(vendor);
        await test.VerifyAsync();
    }

    /// <summary>
    /// A mark whose attribute's assembly the project does not reference is still a mark, even in a project that marks
    /// nothing itself: such a project gets operation callbacks only because a library references an assembly the
    /// compilation could not resolve (<c>AttributeUsage.MayUse</c>).
    /// </summary>
    [Fact]
    public async Task A_mark_from_an_unresolved_attribute_assembly_still_counts()
    {
        var attribute = LibraryReference.Compile("Attributes", OutputKind.DynamicallyLinkedLibrary, AttributeSource);
        var gateway = LibraryReference.Compile("Contoso.Gateway", OutputKind.DynamicallyLinkedLibrary, MarkedGateway, attribute);

        await VerifyGatewayCallAsync(gateway);
    }

    /// <summary>
    /// A library built when another assembly defined the attribute still carries marks after that assembly moved it
    /// elsewhere and left a type forwarder: the library's reference names the forwarding assembly.
    /// </summary>
    [Fact]
    public async Task A_mark_through_a_type_forwarder_still_counts()
    {
        var contractsBefore = LibraryReference.Compile("Contracts", OutputKind.DynamicallyLinkedLibrary, AttributeSource);
        var gateway = LibraryReference.Compile("Contoso.Gateway", OutputKind.DynamicallyLinkedLibrary, MarkedGateway, contractsBefore);
        var attribute = LibraryReference.Compile("Attributes", OutputKind.DynamicallyLinkedLibrary, AttributeSource);
        var contracts = LibraryReference.Compile(
            "Contracts",
            OutputKind.DynamicallyLinkedLibrary,
            "[assembly: System.Runtime.CompilerServices.TypeForwardedTo(typeof(Cmaa.CustomsDataExchangeAttribute))]",
            attribute);

        await VerifyGatewayCallAsync(gateway, contracts, attribute);
    }

    /// <summary>An application's call of the marked gateway with a country without an agreement is reported.</summary>
    private static async Task VerifyGatewayCallAsync(params MetadataReference[] references)
    {
        var test = new AnalyzerTest("""
            class App
            {
                void M(Contoso.Gateway g) => g.Send({|CMAA001:"IR"|});
            }
            """);
        test.TestState.AdditionalReferences.AddRange(references);
        await test.VerifyAsync();
    }

    private const string MarkedGateway = """
        namespace Contoso
        {
            public class Gateway { public void Send([Cmaa.CustomsDataExchange] string country) { } }
        }
        """;

    private const string AttributeSource = """
        namespace Cmaa
        {
            [System.AttributeUsage(System.AttributeTargets.Parameter | System.AttributeTargets.Property | System.AttributeTargets.Field)]
            public sealed class CustomsDataExchangeAttribute : System.Attribute { }
        }
        """;


    [Fact]
    public async Task A_vendor_API_list_declares_parameters_properties_and_fields()
    {
        var test = new AnalyzerTest("""
            namespace Vendor
            {
                public class Client
                {
                    public void Submit(string destination, string payload) { }
                    public void Submit(int id) { }
                    public static void Ping(string country) { }
                }

                public class Declaration
                {
                    public string Destination { get; set; } = "";
                    public string Origin = "";
                }
            }

            class App
            {
                void M(Vendor.Client client)
                {
                    client.Submit({|CMAA001:"IR"|}, "IR");
                    client.Submit(364);
                    Vendor.Client.Ping({|CMAA001:"CU"|});
                    var declaration = new Vendor.Declaration { Destination = {|CMAA001:"SY"|}, Origin = {|CMAA001:"KP"|} };
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/CustomsDataExchangeApis.txt", """
            # The vendor SDK sends customs declarations abroad.
            M:Vendor.Client.Submit(System.String,System.String)#destination
            M:Vendor.Client.Ping(System.String)
              P:Vendor.Declaration.Destination
            F:Vendor.Declaration.Origin
            """));
        await test.VerifyAsync();
    }

    [Fact]
    public async Task Problems_in_an_API_list_are_reported_at_their_line()
    {
        var test = new AnalyzerTest("""
            namespace Vendor
            {
                public class Client
                {
                    public void Submit(string destination, string payload) { }
                }
            }
            """);
        test.TestState.AdditionalFiles.Add(("/0/Vendor.CustomsDataExchangeApis.txt", """
            Vendor.Client.Submit
            T:Vendor.Client
            M:Vendor.Client.Submit(System.String,System.String)
            M:Vendor.Client.Submit(System.String,System.String)#country
            M:Vendor.Client.Missing(System.String)
            P:Vendor.Client.Name#value
            """));
        test.ExpectedDiagnostics.AddRange([
            new DiagnosticResult("CMAA110", DiagnosticSeverity.Error).WithSpan("/0/Vendor.CustomsDataExchangeApis.txt", 1, 1, 1, 21)
                .WithArguments("'Vendor.Client.Submit' is not a documentation-comment ID: write M:Namespace.Type.Method(ParameterTypes)#parameter, P:Namespace.Type.Property or F:Namespace.Type.Field"),
            new DiagnosticResult("CMAA110", DiagnosticSeverity.Error).WithSpan("/0/Vendor.CustomsDataExchangeApis.txt", 2, 1, 2, 16),
            new DiagnosticResult("CMAA110", DiagnosticSeverity.Error).WithSpan("/0/Vendor.CustomsDataExchangeApis.txt", 3, 1, 3, 52)
                .WithArguments("name the parameter that holds the country: add #name after 'M:Vendor.Client.Submit(System.String,System.String)' (its parameters: destination, payload)"),
            new DiagnosticResult("CMAA110", DiagnosticSeverity.Error).WithSpan("/0/Vendor.CustomsDataExchangeApis.txt", 4, 53, 4, 60)
                .WithArguments("'M:Vendor.Client.Submit(System.String,System.String)' has no parameter 'country' (its parameters: destination, payload)"),
            new DiagnosticResult("CMAA114", DiagnosticSeverity.Warning).WithSpan("/0/Vendor.CustomsDataExchangeApis.txt", 5, 1, 5, 39),
            new DiagnosticResult("CMAA110", DiagnosticSeverity.Error).WithSpan("/0/Vendor.CustomsDataExchangeApis.txt", 6, 22, 6, 27),
        ]);
        await test.VerifyAsync();
    }

    [Fact]
    public async Task Without_the_attribute_or_an_API_list_nothing_is_analyzed()
    {
        var test = new AnalyzerTest("""
            class C { void M(string country) { } void N() => M("IR"); }
            """);
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add("""class C { void M(string country) { } void N() => M("IR"); }""");
        await test.RunAsync();
    }
}

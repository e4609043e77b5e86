using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CmaaGen.Tests.Infrastructure;

namespace CmaaGen.Tests.Analysis;

/// <summary>CMAA004: values known only at run time, off by default.</summary>
public class UncheckedValueTests
{
    private const string Gateway = """
        using System.Linq;
        using Cmaa;

        public class Gateway
        {
            public void Send([CustomsDataExchange] string country) { }
            public void SendAny([CustomsDataExchange] object country) { }
            public void SendMany([CustomsDataExchange] System.Collections.Generic.IEnumerable<string> countries) { }
            internal void SendCountry([CustomsDataExchange] CmaaCountry country) { }
        }

        """;

    private const string Code = """
        // A constructor that stores its parameter in a marked member makes the parameter a context, checked at the
        // constructor's callers; another assembly cannot see that, so a public constructor's store is still checked, and
        // CMAA007 asks for the mark they would see.
        public class Consignee
        {
            public Consignee(string {|CMAA007:home|}) { Home = {|CMAA004:home|}; }
            [CustomsDataExchange] public string Home { get; } = "";
        }

        internal class Consignment
        {
            public Consignment(string destination) { Destination = destination; }
            [CustomsDataExchange] public string Destination { get; } = "";
        }

        public class Request
        {
            public string Country { get; set; } = "";
            public Request Address { get; set; } = null!;
        }

        class C
        {
            string Lookup() => System.Environment.MachineName;

            void Unchecked(Gateway g, string country)
            {
                g.Send({|CMAA004:country|});
                g.Send({|CMAA004:Lookup()|});
                g.Send({|CMAA004:country.Trim()|});
            }

            void Guarded(Gateway g, string country, string other)
            {
                if (CmaaAgreements.HasAgreement(country))
                {
                    g.Send(country);
                    g.Send({|CMAA004:other|});

                    // The same country, in another case.
                    g.Send(country.ToUpperInvariant());
                    g.Send(country.ToLower().ToUpperInvariant());
                    g.Send({|CMAA004:other.ToLowerInvariant()|});
                }

                g.Send({|CMAA004:country|});
            }

            void Flagged(Gateway g, string country, string other, bool ready)
            {
                var allowed = CmaaAgreements.HasAgreement(country);
                if (allowed)
                {
                    g.Send(country);
                    g.Send({|CMAA004:other|});
                }

                var changed = CmaaAgreements.HasAgreement(country);
                changed = ready;
                if (changed)
                {
                    g.Send({|CMAA004:country|});
                }

                var combined = CmaaAgreements.HasAgreement(country);
                combined &= ready;
                if (combined)
                {
                    g.Send({|CMAA004:country|});
                }

                // A local given the check with others: true, it holds after &&; false, it holds after || of its negation.
                var both = ready && CmaaAgreements.HasAgreement(country);
                if (both) g.Send(country);
                if (!both) g.Send({|CMAA004:country|});

                var blocked = !CmaaAgreements.HasAgreement(other) || !ready;
                if (blocked) return;
                g.Send(other);

                var either = ready || CmaaAgreements.HasAgreement(country);
                if (either) g.Send({|CMAA004:country|});
            }

            // A method of the project that throws unless the check holds, among the guards it begins with, checks its
            // argument; one that can return before the check does not.
            static void EnsureAgreement(string code)
            {
                if (!CmaaAgreements.HasAgreement(code))
                {
                    throw new System.InvalidOperationException(code);
                }
            }

            static void Log(string code)
            {
                System.Console.WriteLine(code);
                if (code.Length == 0)
                {
                    return;
                }

                if (!CmaaAgreements.HasAgreement(code))
                {
                    throw new System.InvalidOperationException(code);
                }
            }

            void Validated(Gateway g, string country, string other, bool ready)
            {
                EnsureAgreement(country);
                g.Send(country);
                Log(other);
                g.Send({|CMAA004:other|});
                EnsureAgreement(other.Substring(1));
                g.Send({|CMAA004:other|});
                if (ready)
                {
                    EnsureAgreement(other);
                }

                g.Send({|CMAA004:other|});
            }

            void EarlyExit(Gateway g, string country)
            {
                if (!CmaaAgreements.HasAgreement(country))
                {
                    return;
                }

                g.Send(country);
            }

            void Combined(Gateway g, string country, bool ready)
            {
                if (ready && CmaaAgreements.HasAgreement(country))
                {
                    g.Send(country);
                }

                if (CmaaAgreements.HasAgreement(country) || CmaaAgreements.IsOwner(country))
                {
                    g.Send(country);
                }

                if (CmaaAgreements.HasAgreement(country) || ready)
                {
                    g.Send({|CMAA004:country|});
                }
            }

            void Typed(Gateway g, CmaaCountry country, int number)
            {
                g.SendAny(country);
                g.Send(CmaaAgreements.GetAlpha2(country));
                g.Send(country.ToString());

                g.SendCountry(country);

                // A number cast to the enum can be any value.
                g.SendCountry((CmaaCountry){|CMAA004:number|});
            }

            void Delegated(Gateway g, string country)
            {
                System.Action<string> send = g.Send;
                send({|CMAA004:country|});
                if (CmaaAgreements.HasAgreement(country))
                {
                    send(country);
                }
            }

            void Iterated(Gateway g, string[] countries)
            {
                foreach (var country in countries)
                {
                    g.Send({|CMAA004:country|});
                    if (CmaaAgreements.HasAgreement(country))
                    {
                        g.Send(country);
                    }
                }

                // Every element is known, and has an agreement.
                foreach (var known in new[] { "DE", "FR" })
                {
                    g.Send(known);
                }
            }

            // A parameter that is a context is checked at its callers: passing it on, or the same country in another
            // case, reports nothing more.
            void Forward(Gateway g, [CustomsDataExchange] string country, string other)
            {
                g.Send(country);
                g.Send(country.ToUpperInvariant());
                g.Send({|CMAA004:other|});
            }

            // A check holds until the value is written again, unless with the same country.
            void Rewritten(Gateway g, string country, string other, string[] more)
            {
                if (!CmaaAgreements.HasAgreement(country))
                {
                    return;
                }

                g.Send(country);
                country = country.ToUpperInvariant();
                g.Send(country);
                country = other;
                g.Send({|CMAA004:country|});

                // A value with branches is assigned through a capture of its target in the graph: still a write.
                if (!CmaaAgreements.HasAgreement(country) || !CmaaAgreements.HasAgreement(other))
                {
                    return;
                }

                country = more.Length > 0 ? more[0] : other;
                g.Send({|CMAA004:country|});
                other ??= more[0];
                other = other.Length > 2 ? other : more[1] ?? "DE";
                g.Send({|CMAA004:other|});

                if (CmaaAgreements.HasAgreement(other))
                {
                    foreach (var next in more)
                    {
                        g.Send({|CMAA004:other|});
                        other = next;
                    }
                }
            }

            // A write on one branch of a loop comes round to the top of the loop.
            void Looped(Gateway g, string country, string other, bool ready)
            {
                if (!CmaaAgreements.HasAgreement(country))
                {
                    return;
                }

                while (ready)
                {
                    g.Send({|CMAA004:country|});
                    if (ready)
                    {
                        country = other;
                    }

                    ready = !ready;
                }
            }

            // A member read is checked as a local is, until it or what it is read from is written.
            string _home = "";

            void Members(Gateway g, Request request, Request other)
            {
                g.Send({|CMAA004:request.Country|});
                if (CmaaAgreements.HasAgreement(request.Country))
                {
                    g.Send(request.Country);
                    g.Send(request.Country.ToUpperInvariant());
                    g.Send({|CMAA004:other.Country|});
                    request.Country = other.Country;
                    g.Send({|CMAA004:request.Country|});
                }

                if (!CmaaAgreements.HasAgreement(_home) || !CmaaAgreements.HasAgreement(request.Address.Country))
                {
                    return;
                }

                g.Send(_home);
                g.Send(this._home);
                g.Send(request.Address.Country);
                request = other;
                g.Send({|CMAA004:request.Address.Country|});
            }

            // With every partner in force, finding the partner is the same check.
            void Parsed(Gateway g, string input, string other)
            {
                if (!CmaaAgreements.TryGetCountry(input, out var country))
                {
                    return;
                }

                g.Send(input);
                g.SendCountry(country);
                g.Send({|CMAA004:other|});
            }

            // A value tested against a partner's code is that partner where the test holds.
            void Tested(Gateway g, string country)
            {
                if (country == "DE")
                {
                    g.Send(country);
                }

                g.Send({|CMAA004:country|});

                // Also where a local holds it, from a switch arm; a value of another arm is reported once at the use.
                var routed = country switch { "DE" or "FR" => country, _ => "NL" };
                g.Send(routed);
                var either = country.Length == 2 ? country : country.Trim();
                g.Send({|CMAA004:either|});
            }

            // A collection filtered by the check holds only partners, and so does a foreach variable over it.
            void Filtered(Gateway g, string[] countries, bool flag)
            {
                foreach (var partner in countries.Where(CmaaAgreements.HasAgreement))
                {
                    g.Send(partner);
                }

                var kept = countries.Where(c => CmaaAgreements.HasAgreement(c)).OrderBy(c => c).ToList();
                foreach (var partner in kept)
                {
                    g.Send(partner);
                }

                g.SendMany(countries.Where(CmaaAgreements.HasAgreement).ToArray());
                g.SendMany({|CMAA004:countries.Where(c => c.Length == 2)|});
                g.SendMany(countries.Where(CmaaAgreements.HasAgreement).Select(c => c.ToLowerInvariant()));
                g.SendMany({|CMAA004:countries.Where(CmaaAgreements.HasAgreement).Select(c => c.Substring(1))|});
                g.SendMany(flag ? kept : {|CMAA004:countries.ToList()|});
                foreach (var other in countries.Where(c => CmaaAgreements.HasAgreement(countries[0])))
                {
                    g.Send({|CMAA004:other|});
                }

                // FindAll filters as Where does; a filtered list that is added to after holds what was added too.
                foreach (var partner in System.Array.FindAll(countries, CmaaAgreements.HasAgreement)) g.Send(partner);
                foreach (var partner in kept.FindAll(c => CmaaAgreements.HasAgreement(c))) g.Send(partner);
                foreach (var partner in System.Array.FindAll(countries, c => c.Length == 2)) g.Send({|CMAA004:partner|});
                var grown = countries.Where(CmaaAgreements.HasAgreement).ToList();
                grown.Add(countries[0]);
                foreach (var partner in grown) g.Send({|CMAA004:partner|});
            }

            // A lambda or local function is checked within its own body.
            void Nested(Gateway g, string[] countries)
            {
                System.Array.ForEach(countries, c =>
                {
                    if (CmaaAgreements.HasAgreement(c))
                    {
                        g.Send(c);
                    }

                    g.Send({|CMAA004:c|});
                });

                void Local(string code)
                {
                    if (!CmaaAgreements.HasAgreement(code))
                    {
                        return;
                    }

                    g.Send(code);
                }

                Local("DE");
            }

            void Coalesced(Gateway g, string? requested)
            {
                var chosen = requested;
                chosen ??= "DE";
                g.Send({|CMAA004:chosen|});
                string? fallback = null;
                fallback ??= "DE";
                g.Send(fallback);
            }

            void Mixed(Gateway g, bool flag, string country)
            {
                var local = flag ? "DE" : country;
                g.Send({|CMAA004:local|});

                // Writes by deconstructions are ordered with assignments: only the last one before the use counts.
                var written = "DE";
                int count;
                (written, count) = (country, 1);
                g.Send({|CMAA004:written|});
                var (code, number) = (country, 2);
                g.Send({|CMAA004:code|});
                var settled = country;
                (settled, count) = ("DE", 3);
                g.Send(settled);
                var (declared, k) = ("DE", 4);
                if (flag)
                {
                    declared = "FR";
                }

                g.Send(declared);
            }
        }

        // ForEach with an exchange's method group, or a lambda, sends each item: unknown items are reported, checked ones
        // are not.
        class ForEachCalls
        {
            void M(Gateway g, System.Collections.Generic.List<string> codes, string[] array)
            {
                {|CMAA004:codes|}.ForEach(g.Send);
                System.Array.ForEach({|CMAA004:array|}, g.Send);
                codes.Where(CmaaAgreements.HasAgreement).ToList().ForEach(g.Send);
                var allowed = codes.Where(c => CmaaAgreements.HasAgreement(c)).ToArray();
                System.Array.ForEach(allowed, g.Send);
                codes.ForEach(c => g.Send({|CMAA004:c|}));
                allowed.ToList().ForEach(c => g.Send(c));
                System.Array.ForEach(allowed, c => g.Send(c.ToUpperInvariant()));
                _ = codes.Select(c => { g.Send({|CMAA004:c|}); return c; }).ToList();
                _ = codes.Where(CmaaAgreements.HasAgreement).Select(c => { g.Send(c); return c; }).ToList();
            }
        }

        // A method of the project that returns the check of a parameter, and nothing else, is the check of its argument;
        // one that returns it negated is its opposite. A predicate that returns another's call is that predicate's check,
        // and predicates that only call each other round check nothing.
        public class Predicates
        {
            bool IsAllowed(string country) => CmaaAgreements.HasAgreement(country);

            static bool IsPermitted(string code)
            {
                return CmaaAgreements.HasAgreement(code);
            }

            bool Second(string first, string second) => CmaaAgreements.HasAgreement(second);

            protected virtual bool Overridable(string country) => CmaaAgreements.HasAgreement(country);

            bool Negated(string country) => !CmaaAgreements.HasAgreement(country);

            bool Indirect(string country) => IsAllowed(country);

            bool Embargoed(string country) => !Indirect(country);

            bool Round(string country) => Back(country);

            bool Back(string country) => Round(country) || !Embargoed(country) && country.Length == 0;

            void M(Gateway g, string country, string other, string third, string[] list, bool flag)
            {
                if (IsAllowed(country))
                {
                    g.Send(country);
                }

                if (!IsPermitted(other))
                {
                    return;
                }

                g.Send(other);
                foreach (var item in list.Where(IsPermitted))
                {
                    g.Send(item);
                }

                bool Local(string c) => CmaaAgreements.HasAgreement(c);
                var ok = Local(third);
                if (ok)
                {
                    g.Send(third);
                }

                if (Second(country, third) && flag)
                {
                    g.Send(third);
                }
            }

            void NegatedChecks(Gateway g, string country, string other)
            {
                if (Negated(country))
                {
                    return;
                }

                g.Send(country);
                if (!Negated(other))
                {
                    g.Send(other);
                }
            }

            void NotChecks(Gateway g, string country, string other, string third)
            {
                if (Second(country, other))
                {
                    g.Send({|CMAA004:country|});
                }

                if (Overridable(third))
                {
                    g.Send({|CMAA004:third|});
                }

                if (Negated(country))
                {
                    g.Send({|CMAA004:country|});
                }

                if (Round(other))
                {
                    g.Send({|CMAA004:other|});
                }

                if (Indirect(other))
                {
                    g.Send(other);
                }

                if (!Embargoed(third))
                {
                    g.Send(third);
                }

                if (Back(country))
                {
                    g.Send({|CMAA004:country|});
                }
            }
        }
        """;

    /// <summary>
    /// A method that passes its parameter on is checked at its callers for the constants they give it, but a value known
    /// only at run time stays CMAA004's where the method passes it on, once, whatever its callers give; a mark on the
    /// parameter moves the check to them (CMAA004's mark fix).
    /// </summary>
    [Fact]
    public async Task A_method_that_passes_its_parameter_on_leaves_run_time_values_where_it_passes_them()
        => await new AnalyzerTest(Gateway + """
            class C
            {
                static void SendTo(Gateway g, string country) => g.Send({|CMAA004:country|});

                static void Relay(Gateway g, string country) => SendTo(g, country);

                static void M(Gateway g, string fromFile)
                {
                    SendTo(g, fromFile);
                    Relay(g, fromFile);
                    SendTo(g, {|CMAA001:"IR"|});
                    if (CmaaAgreements.HasAgreement(fromFile)) SendTo(g, fromFile);
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    [Fact]
    public async Task Reports_values_without_a_dominating_guard_when_turned_on()
        => await new AnalyzerTest(Gateway + Code) { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// CMAA004 is decided per file, as an .editorconfig section can: a value passed directly and one passed through a
    /// delegate are reported in the file that turns the rule on, and not in the other.
    /// </summary>
    [Fact]
    public async Task Turned_on_for_one_file_it_reports_there_only()
    {
        const string Calls = """
            (Gateway g, string code)
                {
                    g.Send(CODE);
                    System.Action<string> send = g.Send;
                    send(CODE);
                }
            }
            """;
        var test = new AnalyzerTest(string.Empty) { EnableUnchecked = true };
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add(("/0/Open.cs", Gateway + "public class Open\n{\n    public void Run" + Calls.Replace("CODE", "{|CMAA004:code|}")));
        test.TestState.Sources.Add(("/0/Closed.cs", "public class Closed\n{\n    public void Run" + Calls.Replace("CODE", "code")));
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "[*.cs]\ndotnet_diagnostic.CMAA004.severity = none\n[Open.cs]\ndotnet_diagnostic.CMAA004.severity = warning\n"));
        await test.VerifyAsync();
    }

    /// <summary>With a partner whose agreement is not in force, a CmaaCountry is no longer safe by construction.</summary>
    [Fact]
    public async Task A_CmaaCountry_needs_the_check_when_a_partner_is_not_in_force()
    {
        var test = new AnalyzerTest(Gateway + """
            class C
            {
                void Typed(Gateway g, CmaaCountry country)
                {
                    g.SendCountry({|CMAA004:country|});
                    g.Send({|CMAA004:CmaaAgreements.GetAlpha2(country)|});
                    if (CmaaAgreements.HasAgreement(country))
                    {
                        g.SendCountry(country);
                        g.Send(CmaaAgreements.GetAlpha2(country));
                        g.Send(CmaaAgreements.GetAlpha3(country).ToLowerInvariant());
                    }
                }

                // A partner found may be one whose agreement is only signed.
                void Parsed(Gateway g, string text)
                {
                    if (CmaaAgreements.TryGetCountry(text, out _))
                    {
                        g.Send({|CMAA004:text|});
                    }
                }
            }
            """)
        { EnableUnchecked = true };
        test.Lists.Add(("/0/partners.cmaa.csv", "country,status\nDE,in force\nUZ,signed\n"));
        await test.VerifyAsync();
    }

    /// <summary>
    /// A type whose constructors check the country before they store it ("parse, don't validate") holds only checked
    /// countries: reading its member is no unchecked value. Anything that could store another value, or none, or read
    /// the member before the store, keeps the read unchecked.
    /// </summary>
    [Fact]
    public async Task A_member_only_checking_constructors_store_is_checked()
        => await new AnalyzerTest(Gateway + """
            public sealed class Partner
            {
                private readonly string code;

                public Partner(string code)
                {
                    System.ArgumentNullException.ThrowIfNull(code);
                    if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code);
                    Code = code;
                    this.code = code;
                }

                public Partner(string code, int copies) : this(code) { }

                // A library's reader would need the mark (CMAA009); within the project the code is read.
                public string {|CMAA009:Code|} { get; }

                // A property that only returns a field holds what the field holds.
                public string {|CMAA009:Field|} => code;

                public string {|CMAA009:Accessor|} { get { return this.code; } }

                private readonly string? notes;

                public string? Notes => notes;

                // A constructor may read the member before the store.
                public Partner(Gateway g, string code) : this(code) => g.Send({|CMAA004:Code|});

                // The type's own methods read it from an instance that has been made, or holds null until the store.
                public void File(Gateway g, Partner other)
                {
                    g.Send(Code);
                    g.Send(this.code);
                    g.Send(other.Field);
                    g.Send({|CMAA004:notes|});
                    System.Action later = () => g.Send(Accessor);
                }
            }

            public sealed record Route
            {
                public Route(string to)
                {
                    if (!IsPermitted(to)) throw new System.ArgumentException(to);
                    To = to ?? throw new System.ArgumentNullException(nameof(to));
                }

                public string {|CMAA009:To|} { get; }

                private static bool IsPermitted(string country) => CmaaAgreements.HasAgreement(country);
            }

            // Each parameter the guards check may be stored; one they do not is not checked by them.
            public sealed class Shipment
            {
                public Shipment(string origin, string destination, string via)
                {
                    if (!CmaaAgreements.HasAgreement(origin) || !CmaaAgreements.HasAgreement(destination)) throw new System.ArgumentException(origin);
                    if (via.Length != 2) throw new System.ArgumentException(via);
                    Origin = origin;
                    Destination = destination;
                    Via = via;
                }

                public string {|CMAA009:Origin|} { get; }
                public string {|CMAA009:Destination|} { get; }
                public string Via { get; }
            }

            public class Settable
            {
                public Settable(string code) { if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code); Code = code; }
                public string Code { get; init; }
            }

            public class Unchecked
            {
                public Unchecked(string code) { if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code); Code = code; }
                public Unchecked(int number) { Code = number.ToString(); }
                public string Code { get; }
            }

            public class Implicit
            {
                public string? Code { get; }
            }

            public class Skipped
            {
                public Skipped(string code, bool quick)
                {
                    if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code);
                    if (quick) return;
                    Code = code;
                }

                public string? Code { get; }
            }

            public class Changed
            {
                public Changed(string code)
                {
                    if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code);
                    code = code.Trim();
                    Code = code;
                }

                public string Code { get; }
            }

            public class Rewritten
            {
                public Rewritten(string code) { if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code); Code = code; }
                public Rewritten(string code, string other) : this(code) { Code = other; }
                public string Code { get; }
            }

            public class Overridable
            {
                public Overridable(string code) { if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code); Code = code; }
                public virtual string Code { get; }
            }

            // default(Value) is made by no constructor.
            public struct Value
            {
                public Value() : this("DE") { }
                public Value(string code) { if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code); Code = code; }
                public string Code { get; }
            }

            class Filings
            {
                void File(Gateway g, Partner partner, Route route, Settable settable, Unchecked @unchecked, Implicit @implicit,
                    Skipped skipped, Changed changed, Rewritten rewritten, Overridable overridable, Value value, Shipment shipment)
                {
                    g.Send(shipment.Origin);
                    g.Send(shipment.Destination);
                    g.Send({|CMAA004:shipment.Via|});
                    g.Send(partner.Code);
                    g.Send(partner.Code.ToUpperInvariant());
                    g.Send(route.To);
                    g.Send((route with { }).To);
                    g.Send(partner.Field);
                    g.Send(((Partner?)partner)?.Code!);
                    g.Send(partner.Accessor);
                    g.Send({|CMAA004:partner.Notes|}!);
                    g.Send({|CMAA004:settable.Code|});
                    g.Send({|CMAA004:@unchecked.Code|});
                    g.Send({|CMAA004:@implicit.Code|}!);
                    g.Send({|CMAA004:skipped.Code|}!);
                    g.Send({|CMAA004:changed.Code|});
                    g.Send({|CMAA004:rewritten.Code|});
                    g.Send({|CMAA004:overridable.Code|});
                    g.Send({|CMAA004:value.Code|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A private constructor can be called only by its type's code, so a factory may check for it: the member it stores
    /// holds only checked countries when every <c>new</c> of it passes a value a check guards on every path to it, or a
    /// constant the lists pass, and no constructor chains to it.
    /// </summary>
    [Fact]
    public async Task A_member_only_checking_factories_create_is_checked()
        => await new AnalyzerTest(Gateway + """
            public sealed class Partner
            {
                private Partner(string code) => Code = code;

                public string {|CMAA009:Code|} { get; }

                public static Partner Create(string {|CMAA009:code|})
                {
                    if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code);
                    return new Partner(code);
                }

                public static bool TryCreate(string code, out Partner? partner)
                {
                    if (!CmaaAgreements.HasAgreement(code))
                    {
                        partner = null;
                        return false;
                    }

                    partner = new(code);
                    return true;
                }

                public static Partner? OrNull(string code) => CmaaAgreements.HasAgreement(code) ? new Partner(code) : null;
            }

            public sealed class Loose
            {
                private Loose(string code) { Code = code; }
                public string Code { get; }
                public static Loose Create(string code) => new Loose(code);
            }

            public sealed class Late
            {
                private Late(string code) => Code = code;
                public string Code { get; }

                public static Late Create(string {|CMAA009:code|})
                {
                    var made = new Late(code);
                    if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code);
                    return made;
                }
            }

            // A constant passed is judged by the lists: a partner in force, or the lists' own administration, is checked.
            public sealed class Known
            {
                public static readonly Known Germany = new("DE");
                public static readonly Known Home = new(Own);
                private const string Own = "US";
                private Known(string code) => Code = code;
                public string {|CMAA009:Code|} { get; }
            }

            public sealed class Fixed
            {
                public static readonly Fixed Germany = new("DE");
                public static readonly Fixed Iran = new("IR");
                private Fixed(string code) => Code = code;
                public string Code { get; }
            }

            // Another assembly can call a constructor that is not private.
            public sealed class Open
            {
                internal Open(string code) => Code = code;
                public string Code { get; }
                public static Open Create(string code) => CmaaAgreements.HasAgreement(code) ? new Open(code) : throw new System.ArgumentException(code);
            }

            // A chain runs before the chaining constructor's guards.
            public class Chained
            {
                private Chained(string code) => Code = code;
                public Chained(string code, int copies) : this(code)
                {
                    if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code);
                }

                public string Code { get; }
            }

            public class Based
            {
                private Based(string code) => Code = code;
                public string Code { get; }
                public static Based Create(string code) => CmaaAgreements.HasAgreement(code) ? new Based(code) : throw new System.ArgumentException(code);

                private sealed class Derived : Based
                {
                    public Derived() : base("IR") { }
                }
            }

            class Filings
            {
                void File(Gateway g, Partner partner, Loose loose, Late late, Known known, Fixed @fixed, Chained chained, Based based, Open open)
                {
                    g.Send(partner.Code);
                    g.Send({|CMAA004:loose.Code|});
                    g.Send(known.Code);
                    g.Send({|CMAA004:late.Code|});
                    g.Send({|CMAA004:@fixed.Code|});
                    g.Send({|CMAA004:chained.Code|});
                    g.Send({|CMAA004:based.Code|});
                    g.Send({|CMAA004:open.Code|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// Predicates that call predicates are followed to the end of the chain, whichever of them is asked first, so the
    /// answer is the same in every order the callbacks run.
    /// </summary>
    [Theory]
    [InlineData(0, 39)]
    [InlineData(39, 0)]
    public async Task A_chain_of_predicates_is_followed_to_its_end(int first, int second)
    {
        var chain = new System.Text.StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            chain.Append("    static bool P").Append(i).Append("(string c) => P").Append(i + 1).Append("(c);\n");
        }

        chain.Append("    static bool P40(string c) => CmaaAgreements.HasAgreement(c) && Round(c);\n");
        chain.Append("    static bool Round(string c) => P0(c);\n");
        await new AnalyzerTest(Gateway + "static class Chain\n{\n" + chain + $$"""
                static void File(Gateway g, string a, string b)
                {
                    if (P{{first}}(a)) g.Send(a);
                    if (P{{second}}(b)) g.Send(b);
                    if (Round(b)) g.Send(b);
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();
    }

    /// <summary>
    /// A member read from the items of a collection filtered by a check of that member is checked
    /// (<c>shipments.Where(s =&gt; CmaaAgreements.HasAgreement(s.Destination))</c>), as the items of one filtered by a
    /// check of the item are; the filter's lambda may state the check as a predicate's result would.
    /// </summary>
    [Fact]
    public async Task Members_of_items_filtered_by_a_check_of_that_member_are_checked()
        => await new AnalyzerTest(Gateway + """
            public class Shipment
            {
                public string Destination { get; set; } = "";
                public string Origin = "";
                public Shipment Next { get; set; } = null!;
            }

            class C
            {
                static void File(Gateway g, System.Collections.Generic.IEnumerable<Shipment> shipments, System.Collections.Generic.List<Shipment> list, System.Collections.Generic.IEnumerable<string> codes)
                {
                    foreach (var s in shipments.Where(s => CmaaAgreements.HasAgreement(s.Destination)))
                    {
                        g.Send(s.Destination);
                        g.Send({|CMAA004:s.Origin|});
                        g.Send({|CMAA004:s.Next.Destination|});
                    }

                    list.Where(s => s != null && CmaaAgreements.HasAgreement(s.Origin)).ToList().ForEach(s => g.Send(s.Origin));

                    var routed = shipments.Where(s => CmaaAgreements.HasAgreement(s.Next.Destination)).OrderBy(s => s.Origin).ToList();
                    foreach (var s in routed)
                    {
                        g.Send(s.Next.Destination);
                    }

                    foreach (var code in codes.Where(c => c is not null && CmaaAgreements.HasAgreement(c)))
                    {
                        g.Send(code);
                    }

                    foreach (var s in shipments.Where(s => !CmaaAgreements.HasAgreement(s.Destination)))
                    {
                        g.Send({|CMAA004:s.Destination|});
                    }

                    foreach (var s in shipments.Where(s => CmaaAgreements.HasAgreement(s.Destination) || s.Origin == "US"))
                    {
                        g.Send({|CMAA004:s.Destination|});
                    }

                    foreach (var next in shipments.Where(s => CmaaAgreements.HasAgreement(s.Destination)).Select(s => s.Next))
                    {
                        g.Send({|CMAA004:next.Destination|});
                    }

                    foreach (var destination in shipments.Where(s => CmaaAgreements.HasAgreement(s.Destination)).Select(s => s.Destination))
                    {
                        g.Send(destination);
                    }
                }

                // A write of the member in the body may give an item another country after the filter.
                static void Rerouted(Gateway g, System.Collections.Generic.IEnumerable<Shipment> shipments, string other)
                {
                    foreach (var s in shipments.Where(s => CmaaAgreements.HasAgreement(s.Destination)))
                    {
                        s.Destination = other;
                        g.Send({|CMAA004:s.Destination|});
                    }
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// An assertion helper of the project, which throws unless a <c>bool</c> it is given is true (or false), checks the
    /// value whose check that argument states: <c>Require(CmaaAgreements.HasAgreement(x), …)</c>, <c>Against(!…)</c>.
    /// </summary>
    /// <summary>
    /// A call binds to a partial method's declaring part, whose syntax has no body: the check is read from the
    /// implementing part, whose parameters are other symbols at the same ordinals.
    /// </summary>
    [Fact]
    public async Task A_partial_method_checks_through_its_implementing_part()
        => await new AnalyzerTest(Gateway + """
            static partial class Checks
            {
                public static partial void Ensure(string country);

                public static partial bool IsAllowed(string country);

                public static partial bool IsBlocked(string country);
            }

            static partial class Checks
            {
                public static partial void Ensure(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }

                public static partial bool IsAllowed(string country) => CmaaAgreements.HasAgreement(country);

                public static partial bool IsBlocked(string country) => country.Length != 2;
            }

            class C
            {
                static void File(Gateway g, string a, string b, string c)
                {
                    Checks.Ensure(a);
                    g.Send(a);
                    if (Checks.IsAllowed(b)) g.Send(b);
                    if (!Checks.IsBlocked(c)) g.Send({|CMAA004:c|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    [Fact]
    public async Task An_assertion_helper_given_the_check_checks_the_value()
        => await new AnalyzerTest(Gateway + """
            static class Guard
            {
                public static void Require(bool condition, string message)
                {
                    if (!condition) throw new System.InvalidOperationException(message);
                }

                public static void Against(bool condition, string message)
                {
                    if (message is null || condition is true) throw new System.ArgumentException(message);
                }

                public static void Log(bool condition, string message)
                {
                    if (!condition) System.Console.WriteLine(message);
                }

                public static async System.Threading.Tasks.Task RequireAsync(bool condition)
                {
                    if (!condition) throw new System.InvalidOperationException();
                    await System.Threading.Tasks.Task.Yield();
                }
            }

            class C
            {
                static async System.Threading.Tasks.Task File(Gateway g, string a, string b, string c, string d, string e, bool ready)
                {
                    Guard.Require(CmaaAgreements.HasAgreement(a), "No agreement.");
                    g.Send(a);

                    Guard.Against(!CmaaAgreements.HasAgreement(b), "No agreement.");
                    g.Send(b);

                    Guard.Require(!CmaaAgreements.HasAgreement(c), "Expected none.");
                    g.Send({|CMAA004:c|});
                    Guard.Against(CmaaAgreements.HasAgreement(c), "Expected none.");
                    g.Send({|CMAA004:c|});
                    Guard.Log(CmaaAgreements.HasAgreement(c), "No agreement.");
                    g.Send({|CMAA004:c|});
                    Guard.Require(ready, "Not ready.");
                    g.Send({|CMAA004:d|});

                    _ = Guard.RequireAsync(CmaaAgreements.HasAgreement(d));
                    g.Send({|CMAA004:d|});
                    await Guard.RequireAsync(CmaaAgreements.HasAgreement(e));
                    g.Send(e);
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A test written as a comparison with <c>true</c> or <c>false</c>, as some style guides ask, is the test itself or
    /// its negation: in a branch, in a throwing method's guard and in a predicate's result. Only a <c>bool</c> is: a
    /// <c>bool?</c> is also unequal to <c>true</c> where it is null.
    /// </summary>
    [Fact]
    public async Task A_check_compared_with_true_or_false_is_a_check()
        => await new AnalyzerTest(Gateway + """
            class C
            {
                static bool IsPermitted(string c) => CmaaAgreements.HasAgreement(c) == true;
                static bool IsEmbargoed(string c) => CmaaAgreements.HasAgreement(c) is false;
                static bool? Maybe(string c) => CmaaAgreements.HasAgreement(c);

                static void Ensure(string c)
                {
                    if (CmaaAgreements.HasAgreement(c) is not true) throw new System.ArgumentException(c);
                }

                static void File(Gateway g, string a, string b, string c, string d, string e)
                {
                    if (CmaaAgreements.HasAgreement(a) is false) return;
                    g.Send(a);

                    if (false == CmaaAgreements.HasAgreement(b)) return;
                    g.Send(b);

                    if (CmaaAgreements.HasAgreement(c) != true) throw new System.ArgumentException(c);
                    g.Send(c);

                    if (CmaaAgreements.HasAgreement(d) is true) g.Send(d);
                    if (CmaaAgreements.HasAgreement(d) == false) g.Send({|CMAA004:d|});
                    if (CmaaAgreements.HasAgreement(d) is not false) g.Send(d);
                    if (!(CmaaAgreements.HasAgreement(d) != false)) g.Send({|CMAA004:d|});

                    if (IsPermitted(e) is true) g.Send(e);
                    if (IsEmbargoed(e) == false) g.Send(e);
                    if (IsEmbargoed(e) != false) g.Send({|CMAA004:e|});
                    if (Maybe(e) == true) g.Send({|CMAA004:e|});
                    if (Maybe(e) != true) return;
                    g.Send({|CMAA004:e|});
                }

                static void Ensured(Gateway g, string a)
                {
                    Ensure(a);
                    g.Send(a);
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A collection handed where it can be changed (a <c>List&lt;T&gt;</c> or array parameter, another variable, a call
    /// that is not known to only read) may hold anything after, so its items are known only at run time; one handed
    /// only to read, or to the exchange itself, holds what was written and added.
    /// </summary>
    [Fact]
    public async Task A_collection_handed_where_it_can_be_changed_holds_run_time_values()
        => await new AnalyzerTest(Gateway + """
            class C
            {
                static void Fill(System.Collections.Generic.List<string> codes) { }
                static void Show(System.Collections.Generic.IEnumerable<string> codes) { }
                static void Exchange([CustomsDataExchange] System.Collections.Generic.List<string> codes) { }

                void M(Gateway g, string[] unknown, bool flag)
                {
                    var filled = new System.Collections.Generic.List<string> { "DE" };
                    Fill(filled);
                    foreach (var code in filled) g.Send({|CMAA004:code|});

                    var aliased = new[] { "DE" };
                    var alias = aliased;
                    foreach (var code in aliased) g.Send({|CMAA004:code|});

                    var spanned = new[] { "DE" };
                    var span = System.MemoryExtensions.AsSpan(spanned);
                    foreach (var code in spanned) g.Send({|CMAA004:code|});

                    var copied = new System.Collections.Generic.List<string>(unknown) { "DE" };
                    foreach (var code in copied) g.Send({|CMAA004:code|});

                    var added = new System.Collections.Generic.List<string>();
                    added.Add(unknown[0]);
                    g.SendMany({|CMAA004:added|});

                    var shown = new System.Collections.Generic.List<string> { "DE" };
                    Show(shown);
                    System.Collections.Generic.IReadOnlyList<string> view = shown;
                    var copy = new System.Collections.Generic.List<string>(shown);
                    shown.Sort();
                    shown.RemoveAt(0);
                    var known = shown.Contains("DE") && shown.IndexOf("FR") < 0;
                    foreach (var code in shown) g.Send(code);

                    var logged = new System.Collections.Generic.List<string> { "DE" };
                    System.Console.WriteLine("{0} {1}", logged, flag ? logged : null);
                    foreach (var code in logged) g.Send(code);

                    var built = new System.Collections.Generic.List<string>();
                    built.Add("DE");
                    foreach (var code in built) g.Send(code);

                    var sent = new System.Collections.Generic.List<string> { "FR" };
                    Exchange(sent);
                    Exchange(sent);
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>A value found in an allow-list of partners' constants is one of them: no check is missing.</summary>
    [Fact]
    public async Task A_value_found_in_an_allow_list_of_partners_needs_no_check()
        => await new AnalyzerTest(Gateway + """
            class C
            {
                static readonly System.Collections.Generic.HashSet<string> Allowed = new System.Collections.Generic.HashSet<string> { "DE", "FR" };
                static readonly string[] Blocked = { "IR", "KP" };
                static readonly System.Collections.Frozen.FrozenSet<string> Frozen = System.Collections.Frozen.FrozenSet.ToFrozenSet(new[] { "DE", "FR" }, System.StringComparer.OrdinalIgnoreCase);
                static readonly System.Collections.Generic.IEnumerable<string> Joined = new[] { "DE" }.Append("FR").Concat(Allowed);
                static readonly System.Collections.Generic.HashSet<string> Copied = new System.Collections.Generic.HashSet<string>(new[] { "DE", "FR" }, System.StringComparer.OrdinalIgnoreCase);
                static readonly System.Collections.Immutable.ImmutableHashSet<string> Immutable = System.Collections.Immutable.ImmutableHashSet.Create("DE", "FR");
                static readonly System.Collections.Generic.HashSet<string> Extended = new System.Collections.Generic.HashSet<string>(Allowed) { "FR" };

                void M(Gateway g, string code, string[] unknown)
                {
                    if (Allowed.Contains(code)) g.Send(code);
                    if (Frozen.Contains(code)) g.Send(code);
                    if (Joined.Contains(code)) g.Send(code);
                    if (Copied.Contains(code) || Immutable.Contains(code)) g.Send(code);
                    if (Extended.Contains(code)) g.Send(code);
                    if (Allowed.Contains(code.Trim())) g.Send(code);
                    if (code.ToUpperInvariant() == "DE") g.Send(code.Trim());
                    if (new System.Collections.Generic.HashSet<string>(unknown).Contains(code)) g.Send({|CMAA004:code|});
                    if (new[] { "DE", "FR", "DE" }.Contains(code)) g.Send(code);
                    if (Joined.Append(unknown[0]).Contains(code)) g.Send({|CMAA004:code|});
                    if (Allowed.Contains(code) || unknown.Length > 0) g.Send({|CMAA004:code|});
                    if (unknown.Contains(code)) g.Send({|CMAA004:code|});
                    if (Blocked.Contains(code)) return;
                    g.Send({|CMAA004:code|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A check of the same country in another form checks the value, in the check or at the exchange: a null-conditional
    /// read (null where there is no instance, no country), the value of <c>??</c>, trimmed text and a case change. Another
    /// member, part of the text, the fallback of <c>??</c> or text trimmed of other characters is not the value.
    /// </summary>
    [Fact]
    public async Task A_check_of_the_same_country_in_another_form_checks_the_value()
        => await new AnalyzerTest(Gateway + """
            public record Shipment(string Id, string Destination);

            public class Order
            {
                public Shipment? Shipment { get; set; }
                public string? Country { get; set; }
            }

            class C
            {
                void M(Gateway g, Shipment? s, Order o, string raw)
                {
                    if (CmaaAgreements.HasAgreement(s?.Destination)) g.Send(s!.Destination);
                    if (CmaaAgreements.HasAgreement(o.Shipment?.Destination)) g.Send(o.Shipment!.Destination);
                    if (CmaaAgreements.HasAgreement(o?.Shipment?.Destination)) g.Send(o!.Shipment!.Destination);
                    if (CmaaAgreements.HasAgreement(raw.Trim())) g.Send(raw.Trim());
                    if (CmaaAgreements.HasAgreement(raw.Trim().ToUpperInvariant())) g.Send(raw);
                    if (CmaaAgreements.HasAgreement(raw)) g.Send(raw.TrimEnd());
                    if (CmaaAgreements.HasAgreement(o.Country ?? "")) g.Send(o.Country!);
                    if (s?.Destination == "DE") g.Send(s.Destination);
                    if (o.Shipment!.Destination == "FR") g.Send(o.Shipment.Destination);

                    if (CmaaAgreements.HasAgreement(s?.Id)) g.Send({|CMAA004:s!.Destination|});
                    if (CmaaAgreements.HasAgreement(raw.Substring(1))) g.Send({|CMAA004:raw|});
                    if (CmaaAgreements.HasAgreement(o.Country ?? raw)) g.Send({|CMAA004:raw|});
                    if (CmaaAgreements.HasAgreement(raw.Trim('x'))) g.Send({|CMAA004:raw|});
                    if (CmaaAgreements.HasAgreement(s?.Destination)) { s = new Shipment("1", raw); g.Send({|CMAA004:s.Destination|}); }
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A dictionary whose keys and values are constants gives constants: a key found by <c>ContainsKey</c> or
    /// <c>TryGetValue</c>, an entry of a loop over it or picked by LINQ, its <c>Values</c>, and a
    /// <c>GetValueOrDefault</c> (whose default null names no country) need no check. One of unknown contents, or a value
    /// factory's value, gives values known only at run time.
    /// </summary>
    [Fact]
    public async Task A_dictionary_of_constants_gives_constants()
        => await new AnalyzerTest(Gateway + """
            class C
            {
                static readonly System.Collections.Generic.Dictionary<string, string> Contacts = new System.Collections.Generic.Dictionary<string, string> { ["DE"] = "Zoll", ["FR"] = "Douane" };
                static readonly System.Collections.Generic.Dictionary<string, string> PortCountry = new System.Collections.Generic.Dictionary<string, string> { ["Hamburg"] = "DE", ["Le Havre"] = "FR" };

                void M(Gateway g, string code, string port, System.Collections.Generic.IDictionary<string, string> unknown)
                {
                    if (Contacts.ContainsKey(code)) g.Send(code);
                    if (Contacts.TryGetValue(code, out var office)) g.Send(code);
                    if (!Contacts.ContainsKey(code)) g.Send({|CMAA004:code|});
                    if (unknown.ContainsKey(code)) g.Send({|CMAA004:code|});
                    foreach (var entry in Contacts) g.Send(entry.Key);
                    foreach (var (name, country) in PortCountry) g.Send(country);
                    foreach (var country in PortCountry.Values) g.Send(country);
                    g.Send(System.Collections.Generic.CollectionExtensions.GetValueOrDefault(PortCountry, port, "DE"));
                    g.Send(System.Collections.Generic.CollectionExtensions.GetValueOrDefault(PortCountry, port));
                    g.Send(PortCountry.First().Value);
                    g.Send(Contacts.Keys.Single(k => k.StartsWith("D")));
                    g.Send({|CMAA004:unknown.First().Value|});
                    var lazy = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
                    g.Send({|CMAA004:lazy.GetOrAdd(port, p => port)|});
                    foreach (var entry in unknown) g.Send({|CMAA004:entry.Value|});
                    foreach (var entry in unknown)
                    {
                        if (!CmaaAgreements.HasAgreement(entry.Value)) continue;
                        g.Send(entry.Value);
                    }
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A run-time value a predicate of the project finds one of partners' codes is one of them, as the test written in
    /// place would make it, and so is one past a guard that throws unless it is. A virtual predicate is read through
    /// every override, where no other assembly can add one; one another assembly can override, or a predicate that tests
    /// something else, tells nothing.
    /// </summary>
    [Fact]
    public async Task A_value_a_predicate_of_the_project_finds_among_constants_is_one_of_them()
        => await new AnalyzerTest(Gateway + """
            internal class Desk { public virtual bool IsPartner(string code) => code == "DE" || code == "FR"; }
            internal sealed class Counter : Desk { public override bool IsPartner(string code) => code == "FR" || code == "DE"; }

            public class Lists
            {
                public static bool IsPartner(string code) => code == "DE" || code == "FR";

                public static bool IsShort(string code) => code.Length == 2;

                public static void EnsurePartner(string code)
                {
                    if (code != "DE" && code != "FR") throw new System.ArgumentException(code);
                }

                public virtual bool Overridable(string code) => code == "DE";
            }

            class C
            {
                void M(Gateway g, Lists lists, string code)
                {
                    if (Lists.IsPartner(code)) g.Send(code);
                    if (!Lists.IsPartner(code)) return;
                    g.Send(code);
                    if (Lists.IsShort(code)) g.Send(code);
                }

                void P(Gateway g, string code)
                {
                    Lists.EnsurePartner(code);
                    g.Send(code);
                }

                void N(Gateway g, Lists lists, Desk desk, string code)
                {
                    if (desk.IsPartner(code)) g.Send(code);
                    if (Lists.IsShort(code)) g.Send({|CMAA004:code|});
                    if (lists.Overridable(code)) g.Send({|CMAA004:code|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A check made through an interface, or an abstract or virtual method, is a check where every method the call may
    /// run makes it alike: the one <c>IPolicy</c> of the project, an explicit implementation through a predicate of its
    /// own, a decorator that calls the interface it implements, an override of an abstract rule, also as a filter's method group, and a constant it keeps out is not
    /// reported. Implementations that differ, or a public interface of a library, which another assembly may implement,
    /// check nothing.
    /// </summary>
    [Fact]
    public async Task A_check_through_an_interface_every_implementation_of_which_makes_is_a_check()
        => await new AnalyzerTest(Gateway + """
            internal interface IPolicy
            {
                bool IsPartner(string country);
                void EnsurePartner(string country);
            }

            internal sealed class Policy : IPolicy
            {
                public bool IsPartner(string country) => CmaaAgreements.HasAgreement(country);
                public void EnsurePartner(string country) { if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country); }
            }

            internal sealed class CachedPolicy : IPolicy
            {
                bool IPolicy.IsPartner(string code) => IsKnown(code);
                void IPolicy.EnsurePartner(string code) { if (!IsKnown(code)) throw new System.ArgumentException(code); }
                private static bool IsKnown(string code) => CmaaAgreements.HasAgreement(code);
            }

            internal sealed class LoggedPolicy : IPolicy
            {
                private readonly IPolicy _inner;
                public LoggedPolicy(IPolicy inner) { _inner = inner; }
                public bool IsPartner(string country) => _inner.IsPartner(country);
                public void EnsurePartner(string country) { if (!_inner.IsPartner(country)) throw new System.ArgumentException(country); }
            }

            internal interface ILoose { bool IsPartner(string country); }
            internal sealed class Strict : ILoose { public bool IsPartner(string country) => CmaaAgreements.HasAgreement(country); }
            internal sealed class Lenient : ILoose { public bool IsPartner(string country) => country.Length == 2; }

            public interface IOpenPolicy { bool IsPartner(string country); }
            internal sealed class OpenPolicy : IOpenPolicy { public bool IsPartner(string country) => CmaaAgreements.HasAgreement(country); }

            internal abstract class Rule { public abstract bool Allows(string country); }
            internal sealed class AgreementRule : Rule { public override bool Allows(string country) => CmaaAgreements.HasAgreement(country); }

            class C
            {
                void M(Gateway g, IPolicy policy, ILoose loose, IOpenPolicy open, Rule rule, string a, string b, string c, string d, string e, string[] all)
                {
                    if (policy.IsPartner(a)) g.Send(a);
                    policy.EnsurePartner(b);
                    g.Send(b);
                    if (rule.Allows(c)) g.Send(c);
                    g.SendMany(all.Where(policy.IsPartner));
                    foreach (var x in new[] { "DE", "IR" })
                    {
                        if (!policy.IsPartner(x)) continue;
                        g.Send(x);
                    }

                    if (loose.IsPartner(d)) g.Send({|CMAA004:d|});
                    if (open.IsPartner(e)) g.Send({|CMAA004:e|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A guard may check through another it calls among its guards (<c>EnsurePartner(country);</c>, also awaited), through
    /// a decorator's call of the interface it implements, and in a constructor, whose type then holds only checked codes.
    /// A virtual guard checks where no override can run (through <c>base</c>, or a sealed type), not through a public
    /// base type another assembly can derive from. A guard that
    /// calls only itself, or one whose call another guard follows that checks something else, checks nothing more.
    /// </summary>
    [Fact]
    public async Task A_guard_that_calls_a_guard_checks_what_it_checks()
        => await new AnalyzerTest(Gateway + """
            static class Rules
            {
                public static void EnsurePartner(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }

                public static void EnsureExportable(string country, int copies)
                {
                    EnsurePartner(country);
                    if (copies < 1) throw new System.ArgumentException(nameof(copies));
                }

                public static void EnsureLength(string country)
                {
                    if (country.Length != 2) throw new System.ArgumentException(country);
                }

                public static void EnsureShaped(string country) { EnsureLength(country); }

                public static void Itself(string country) { Itself(country); }

                public static async System.Threading.Tasks.Task EnsurePartnerAsync(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                    await System.Threading.Tasks.Task.Yield();
                }

                public static async System.Threading.Tasks.Task EnsureRemoteAsync(string country) { await EnsurePartnerAsync(country); }
            }

            public class PolicyBase
            {
                public virtual void EnsurePartner(string country) { if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country); }
            }

            public sealed class SealedPolicy : PolicyBase
            {
                public override void EnsurePartner(string country) { if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country); }

                internal void File(Gateway g, string x)
                {
                    base.EnsurePartner(x);
                    g.Send(x);
                }
            }

            internal interface IPolicy { void EnsurePartner(string country); }
            internal sealed class Policy : IPolicy { public void EnsurePartner(string country) => Rules.EnsurePartner(country); }
            internal sealed class Strict : IPolicy { public void EnsurePartner(string country) { Rules.EnsurePartner(country); } }
            internal sealed class Logged : IPolicy
            {
                private readonly IPolicy _inner;
                public Logged(IPolicy inner) { _inner = inner; }
                public void EnsurePartner(string country) { _inner.EnsurePartner(country); System.Console.WriteLine(country); }
            }

            public sealed class Partner
            {
                public Partner(string code) { Rules.EnsurePartner(code); Code = code; }
                public string {|CMAA009:Code|} { get; }
            }

            class C
            {
                void M(Gateway g, IPolicy policy, Partner partner, string a, string b, string c, string d, string e)
                {
                    Rules.EnsureExportable(a, 1);
                    g.Send(a);
                    policy.EnsurePartner(b);
                    g.Send(b);
                    g.Send(partner.Code);
                    Rules.EnsureShaped(c);
                    g.Send({|CMAA004:c|});
                    Rules.Itself(d);
                    g.Send({|CMAA004:d|});
                }

                async System.Threading.Tasks.Task N(Gateway g, PolicyBase open, SealedPolicy sealedPolicy, string f, string h, string i)
                {
                    open.EnsurePartner(f);
                    g.Send({|CMAA004:f|});
                    sealedPolicy.EnsurePartner(h);
                    g.Send(h);
                    await Rules.EnsureRemoteAsync(i);
                    g.Send(i);
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A run-time value a flag finds one of partners' codes (<c>var listed = Partners.Contains(code);</c>, a
    /// <c>switch</c> of them to <c>true</c>) is one of them where the flag holds; a flag of "none of them" tells nothing.
    /// </summary>
    [Fact]
    public async Task A_value_a_flag_finds_among_constants_is_one_of_them()
        => await new AnalyzerTest(Gateway + """
            class C
            {
                static readonly string[] Partners = { "DE", "FR" };

                void M(Gateway g, string code)
                {
                    var listed = Partners.Contains(code);
                    if (!listed) return;
                    g.Send(code);
                }

                void N(Gateway g, string code)
                {
                    bool partner = code switch { "DE" or "FR" => true, _ => false };
                    if (partner) g.Send(code);
                    var blocked = code == "IR";
                    if (!blocked) g.Send({|CMAA004:code|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A run-time value that a guard calling another (<c>EnsureListed(code);</c> first among its statements) or a
    /// filter of partners (by a predicate of the project, or <c>Where(Known.Contains)</c>) lets through is one of the
    /// partners, and needs no check; one a filter of "none of
    /// them" lets through is still known only at run time.
    /// </summary>
    [Fact]
    public async Task A_value_a_nested_guard_or_a_filter_of_the_project_finds_among_constants_is_one_of_them()
        => await new AnalyzerTest(Gateway + """
            static class Lists
            {
                static readonly string[] Partners = { "DE", "FR" };

                public static bool IsPartner(string code) => Partners.Contains(code);

                public static bool IsBlocked(string code) => code == "IR";

                public static void EnsureListed(string code)
                {
                    if (!IsPartner(code)) throw new System.ArgumentException(code);
                }

                public static void EnsurePartner(string code)
                {
                    EnsureListed(code);
                }
            }

            class C
            {
                static readonly string[] Known = { "DE", "FR" };

                void M(Gateway g, string code, string[] incoming)
                {
                    Lists.EnsurePartner(code);
                    g.Send(code);
                    foreach (var each in incoming.Where(Lists.IsPartner))
                    {
                        g.Send(each);
                    }

                    g.Send(incoming.Where(Known.Contains).First());

                    foreach (var each in incoming.Where(c => !Lists.IsBlocked(c)))
                    {
                        g.Send({|CMAA004:each|});
                    }
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// What a filter that tests no country lets through from a table of partners needs no check; what one that tests the
    /// country lets through is known only at run time.
    /// </summary>
    [Fact]
    public async Task A_filter_of_partners_that_tests_no_country_is_checked()
        => await new AnalyzerTest(Gateway + """
            public record Party(string Country, bool Active);

            class C
            {
                static readonly Party[] All = { new("DE", true), new("FR", false) };

                void M(Gateway g)
                {
                    g.Send(All.Where(p => p.Active).First().Country);
                    g.Send({|CMAA004:All.Where(p => p.Country != "DE").First().Country|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A branch that throws gives no value (a switch expression's arm, a branch of <c>?:</c>, the right of <c>??</c>), so
    /// a method whose other arms are partners' codes needs no check. Before, the throw was a value known only at run time.
    /// </summary>
    [Fact]
    public async Task A_branch_that_throws_gives_no_value()
        => await new AnalyzerTest(Gateway + """
            enum Lane { Atlantic, Pacific, Gulf }

            static class Lanes
            {
                public static string CodeFor(Lane lane) => lane switch
                {
                    Lane.Atlantic => "DE",
                    Lane.Pacific => "JP",
                    _ => throw new System.ArgumentOutOfRangeException(nameof(lane)),
                };
            }

            class C
            {
                void M(Gateway g, Lane lane, bool known, string? configured)
                {
                    g.Send(Lanes.CodeFor(lane));
                    g.Send(known ? "FR" : throw new System.InvalidOperationException());
                    g.Send(known ? throw new System.InvalidOperationException() : {|CMAA001:"IR"|});
                    var code = configured ?? throw new System.InvalidOperationException();
                    g.Send({|CMAA004:code|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A dictionary copied from one of partners' codes needs no check, nor does one whose selectors give them; the keys
    /// of one keyed by a selector, and a copy that adds entries of its own, are known only at run time.
    /// </summary>
    [Fact]
    public async Task A_dictionary_copied_from_one_of_constants_is_checked()
        => await new AnalyzerTest(Gateway + """
            namespace Copied
            {
                using System.Collections.Frozen;
                using System.Collections.Generic;

                static class Ports
                {
                    public static readonly Dictionary<string, string> Written = new() { ["Germany"] = "DE", ["France"] = "FR" };
                    public static readonly FrozenDictionary<string, string> Frozen = Written.ToFrozenDictionary();
                    public static readonly Dictionary<string, string> Keyed = new[] { "DE", "FR" }.ToDictionary(c => c.ToLowerInvariant());
                    public static readonly Dictionary<string, string> Seeded = new(Written) { ["Sapporo"] = "JP" };
                }

                class C
                {
                    void M(Gateway g, string port)
                    {
                        g.Send(Ports.Frozen[port]);
                        g.Send(Ports.Keyed[port]);
                        foreach (var key in Ports.Frozen.Keys)
                        {
                            g.Send(key);
                        }

                        foreach (var key in Ports.Keyed.Keys)
                        {
                            g.Send({|CMAA004:key|});
                        }

                        g.Send({|CMAA004:Ports.Seeded[port]|});
                    }
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A method with parameters whose body is one expression gives its constants where it is called, and an argument it
    /// passes on, in another case or trimmed, is that argument, checked where it was checked.
    /// </summary>
    [Fact]
    public async Task A_method_with_parameters_gives_its_constants_and_a_run_time_value()
        => await new AnalyzerTest(Gateway + """
            class C
            {
                static string CodeFor(int region) => region switch { 1 => "DE", _ => "FR" };
                static string Echo(string country) => country;
                static string OrHome(string country, bool home) => home ? "DE" : country.Trim();

                void M(Gateway g, int region, string country)
                {
                    g.Send(CodeFor(region));
                    g.Send({|CMAA004:Echo(country)|});
                    g.Send({|CMAA004:OrHome(country, false)|});
                    if (CmaaAgreements.HasAgreement(country)) g.Send(Echo(country));
                    if (CmaaAgreements.HasAgreement(country)) g.Send(OrHome(country, false));
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A run-time value is checked on its way to the exchange as well as where it is read: a local given a checked value
    /// (<c>var copy = x;</c> after a check of <c>x</c>), or a collection each of whose added items was checked where it
    /// was added. Every value that reaches the exchange must be.
    /// </summary>
    [Fact]
    public async Task A_value_checked_before_it_is_copied_or_added_is_checked()
        => await new AnalyzerTest(Gateway + """
            class C
            {
                void Copied(Gateway g, string x, string y, bool flag)
                {
                    if (!CmaaAgreements.HasAgreement(x)) return;
                    var copy = x;
                    g.Send(copy);
                    var either = flag ? x : y;
                    g.Send({|CMAA004:either|});
                }

                void Added(Gateway g, string x, string y, System.Collections.Generic.IEnumerable<string> items)
                {
                    var list = new System.Collections.Generic.List<string>();
                    foreach (var item in items)
                    {
                        if (!CmaaAgreements.HasAgreement(item)) continue;
                        list.Add(item.ToUpperInvariant());
                    }

                    System.Action later = () => { if (CmaaAgreements.HasAgreement(x)) list.Add(x); };
                    g.SendMany(list);
                    foreach (var c in list) g.Send(c);

                    var mixed = new System.Collections.Generic.List<string>();
                    if (CmaaAgreements.HasAgreement(x)) mixed.Add(x);
                    mixed.Add(y);
                    g.SendMany({|CMAA004:mixed|});
                }

                // Copied before the check: a later check of the original is not taken for the copy.
                void Early(Gateway g, string y)
                {
                    var early = y;
                    if (!CmaaAgreements.HasAgreement(y)) return;
                    g.Send({|CMAA004:early|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A member of an object the code made holds what it was made with: a value checked before it went in is checked,
    /// and the member read checked where it is sent is checked too. A constructor that calls its object's methods may have
    /// set a member that code can set to anything.
    /// </summary>
    [Fact]
    public async Task A_member_of_an_object_made_from_a_checked_value_is_checked()
        => await new AnalyzerTest(Gateway + """
            public record Filing(string Reference, string Destination);

            public sealed class Order
            {
                public Order() { }
                public Order(bool load) { Load(); }
                public string Destination { get; set; } = "";
                private void Load() => Destination = System.Console.ReadLine() ?? "";
            }

            class C
            {
                void Made(Gateway g, string x, string y)
                {
                    if (!CmaaAgreements.HasAgreement(x)) return;
                    var filing = new Filing("1", x);
                    g.Send(filing.Destination);
                    var order = new Order { Destination = x };
                    g.Send(order.Destination);

                    var other = new Filing("2", y);
                    g.Send({|CMAA004:other.Destination|});
                    if (CmaaAgreements.HasAgreement(other.Destination)) g.Send(other.Destination);
                    g.Send({|CMAA004:new Order { Destination = y }.Destination|});

                    // A constructor that calls a method of its object may have set the member to anything.
                    g.Send(new Order().Destination);
                    g.Send({|CMAA004:new Order(true).Destination|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A <c>Select</c>'s items are what its lambda returns for each item: a run-time item stays one, a checked item stays
    /// checked, and an item the code keeps from the exchange by a check is not reported.
    /// </summary>
    [Fact]
    public async Task A_Select_gives_what_its_lambda_returns_for_each_item()
        => await new AnalyzerTest(Gateway + """
            public record Party(string Name, string Country);

            class C
            {
                static readonly string[] Configured = { "DE", "IR" };

                void M(Gateway g, Party[] parties, string[] codes)
                {
                    foreach (var country in parties.Select(p => p.Country))
                    {
                        g.Send({|CMAA004:country|});
                    }

                    foreach (var country in parties.Select(p => p.Country))
                    {
                        if (!CmaaAgreements.HasAgreement(country)) continue;
                        g.Send(country);
                    }

                    foreach (var code in Configured.Select(c => c.Trim()))
                    {
                        if (!CmaaAgreements.HasAgreement(code)) continue;
                        g.Send(code);
                    }

                    foreach (var code in Configured.Select(c => { var upper = c.ToUpperInvariant(); return upper; }))
                    {
                        g.Send({|CMAA001:code|});
                    }

                    g.SendMany({|CMAA004:codes.Select(c => c.Trim())|});
                    g.SendMany(codes.Where(CmaaAgreements.HasAgreement).Select(c => c.Trim()));
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A read of an abstract or virtual property, or a call of such a method, is known where every member it may run is:
    /// no other assembly can derive from the type or override the member, and each override gives constants. So is a read
    /// of an interface's property that no other assembly can implement, each implementation of the project giving
    /// constants, one through a base type's property too; a public interface of a library stays a value known only at
    /// run time. An object the code made runs its own type's.
    /// </summary>
    [Fact]
    public async Task A_read_or_call_each_override_of_which_is_known_is_checked()
        => await new AnalyzerTest(Gateway + """
            internal abstract class Office
            {
                public abstract string Country { get; }
                public abstract string Code(string given);
                public void Lodge(Gateway g) => g.Send(Country);
            }

            internal sealed class Paris : Office
            {
                public override string Country => "FR";
                public override string Code(string given) => "FR";
            }

            internal sealed class Berlin : Office
            {
                public override string Country { get; } = "DE";
                public override string Code(string given) => given.Trim();
            }

            public abstract class Party
            {
                public abstract string Country { get; }
                internal abstract string Home { get; }
            }

            public sealed class Rome : Party
            {
                public override string Country => "IT";
                internal override string Home => "IT";
            }

            internal class Desk : Party
            {
                private string _code = "DE";
                public void Move(string code) => _code = code;
                public override string Country => "DE";
                internal override string Home => _code;
            }

            public interface IOffice { string Country { get; } }
            internal sealed class Madrid : IOffice { public string Country => "ES"; }

            internal interface IDesk { string Country { get; } }
            internal sealed class Lisbon : IDesk { public string Country => "PT"; }
            internal class Counter { public string Country => "NL"; }
            internal sealed class Rotterdam : Counter, IDesk { }

            internal interface ILedger { string Country { get; } }
            internal sealed class Vienna : ILedger { public string Country => "AT"; }
            internal sealed class Inbox : ILedger { public string Country => System.Console.ReadLine() ?? ""; }

            class C
            {
                void M(Gateway g, Office office, Party party, IOffice i, Desk desk, IDesk counter, ILedger ledger)
                {
                    g.Send(counter.Country);
                    g.Send({|CMAA004:ledger.Country|});
                    g.Send(office.Country);
                    g.Send(office.Code("DE"));
                    g.Send({|CMAA004:office.Code(System.Console.ReadLine())|});
                    g.Send({|CMAA004:party.Country|});
                    g.Send({|CMAA004:party.Home|});
                    g.Send(desk.Country);
                    g.Send({|CMAA004:desk.Home|});
                    g.Send({|CMAA004:i.Country|});
                    IOffice madrid = new Madrid();
                    g.Send(madrid.Country);
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// A value passed through a method or a factory of the project that keeps what it names is checked where it was
    /// checked before the call; what the method makes of it otherwise is a value of its own.
    /// </summary>
    [Fact]
    public async Task A_checked_value_passed_through_a_call_that_keeps_it_is_checked()
        => await new AnalyzerTest(Gateway + """
            public record Party(string Name, string Country);

            static class Helpers
            {
                public static string Normalize(string code) => code.Trim().ToUpperInvariant();
                public static string Tail(string code) => code.Substring(1);
                public static Party Create(string country) => new Party("", country);
            }

            class C
            {
                void M(Gateway g, string x, string y)
                {
                    if (!CmaaAgreements.HasAgreement(x)) return;
                    g.Send(Helpers.Normalize(x));
                    g.Send(Helpers.Create(x).Country);
                    g.Send({|CMAA004:Helpers.Tail(x)|});

                    g.Send({|CMAA004:Helpers.Normalize(y)|});
                    g.Send({|CMAA004:Helpers.Create(y).Country|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    [Fact]
    public async Task Is_off_by_default()
        => await AnalyzerTest.VerifyAsync(Gateway + Regex.Replace(Code, @"\{\|CMAA004:(.*?)\|\}", "$1"));
}

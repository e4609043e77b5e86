using System.Linq;
using System.Threading.Tasks;
using CmaaGen.CodeFixes;
using CmaaGen.Diagnostics;
using CmaaGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using DiagnosticResult = Microsoft.CodeAnalysis.Testing.DiagnosticResult;

namespace CmaaGen.Tests.Analysis;

/// <summary>
/// <c>[AgreementChecked]</c>: another assembly has a library's compiled checks and not their code, so it takes a call
/// of a marked method as the check its mark states (CMAA004), and the library's own build reports a mark the code does
/// not bear out (CMAA008).
/// </summary>
public sealed class CheckMarkTests
{
    private const string Library = """
        using Cmaa;

        namespace Compliance
        {
            public static class Checks
            {
                public static void Ensure([AgreementChecked] string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }

                public static void EnsureUnmarked(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }

                public static bool IsPermitted([AgreementChecked(true)] string country) => CmaaAgreements.HasAgreement(country);

                public static bool IsEmbargoed([AgreementChecked(false)] string country) => !CmaaAgreements.HasAgreement(country);

                public static bool IsPermittedUnmarked(string country) => CmaaAgreements.HasAgreement(country);

                public static bool Second(string first, [AgreementChecked(true)] string second) => CmaaAgreements.HasAgreement(second);

                public static bool IsPartner([AgreementChecked(true)] this string country) => CmaaAgreements.HasAgreement(country);

                public static void EnsureRoute([AgreementChecked] string origin, [AgreementChecked] string destination)
                {
                    if (!CmaaAgreements.HasAgreement(origin) || !CmaaAgreements.HasAgreement(destination)) throw new System.ArgumentException(destination);
                }
            }

            public class Policy
            {
                public virtual bool Allows([AgreementChecked(true)] string country) => CmaaAgreements.HasAgreement(country);

                public virtual void Require([AgreementChecked] string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }
            }

            public static class AsyncChecks
            {
                public static async System.Threading.Tasks.Task EnsureAsync([AgreementChecked] string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                    await System.Threading.Tasks.Task.Yield();
                }

                public static async System.Threading.Tasks.Task<bool> IsPermittedAsync([AgreementChecked(true)] string country)
                {
                    await System.Threading.Tasks.Task.Yield();
                    return CmaaAgreements.HasAgreement(country);
                }
            }

            public sealed class Partner
            {
                public Partner(string code)
                {
                    if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code);
                    Code = code;
                    Unmarked = code;
                }

                [AgreementChecked] public string Code { get; }

                public string Unmarked { get; }
            }
        }
        """;

    private const string Application = """
        using System.Linq;
        using Cmaa;
        using Compliance;

        public class Gateway
        {
            public void Send([CustomsDataExchange] string country) { }
        }

        public static class Filings
        {
            public static void File(Gateway g, Policy policy, string[] list, string a, string b, string c, string d, string e, string f, string h, string i, string j, string k)
            {
                Checks.Ensure(a);
                g.Send(a);
                Checks.EnsureUnmarked(b);
                g.Send(b);
                if (Checks.IsPermitted(c)) g.Send(c);
                if (Checks.IsPermittedUnmarked(c)) g.Send(d);
                if (Checks.IsEmbargoed(e)) return;
                g.Send(e);
                if (Checks.IsEmbargoed(f)) g.Send(f);
                if (Checks.Second(a, h)) g.Send(h);
                if (policy.Allows(i)) g.Send(i);
                foreach (var item in list.Where(Checks.IsPermitted)) g.Send(item);
                foreach (var item in list.Where(Checks.IsPermittedUnmarked)) g.Send(item);
                policy.Require(j);
                g.Send(j);
                if (k.IsPartner()) g.Send(k);
            }

            // An async check throws into its task: only an awaited call checks, in the assembly or from its metadata.
            public static async System.Threading.Tasks.Task FileAsync(Gateway g, string a, string b, string c)
            {
                await AsyncChecks.EnsureAsync(a);
                g.Send(a);
        #pragma warning disable CS4014
                AsyncChecks.EnsureAsync(b);
        #pragma warning restore CS4014
                g.Send(b);
                if (await AsyncChecks.IsPermittedAsync(c)) g.Send(c);
            }

            // A check of two parameters, each marked, checks both.
            public static void FileRoute(Gateway g, string origin, string destination)
            {
                Checks.EnsureRoute(origin, destination);
                g.Send(origin);
                g.Send(destination);
            }

            // A marked member holds only countries its type's constructors checked.
            public static void FilePartner(Gateway g, Partner partner)
            {
                g.Send(partner.Code);
                g.Send(partner.Unmarked);
            }
        }
        """;

    /// <summary>
    /// The marked validation helper, predicate and negated predicate check their arguments in the application, used
    /// as the project's own are; the unmarked twins and an overridable method do not. The IDE (the library as a
    /// compilation) and CI (its assembly) agree.
    /// </summary>
    [Fact]
    public void A_librarys_marked_checks_are_checks_in_the_assemblies_that_call_them()
    {
        var library = LibraryReference.WithGenerator(Library, "Compliance");

        string[] expected = ["CMAA004 17,16", "CMAA004 19,51", "CMAA004 22,43", "CMAA004 24,38", "CMAA004 26,77", "CMAA004 28,16", "CMAA004 40,16", "CMAA004 56,16"];
        Assert.Equal(expected, Analyze(LibraryReference.Emit(library)));
        Assert.Equal(expected, Analyze(library.ToMetadataReference()));
    }

    /// <summary>
    /// The library's own build bears its marks out: the overridable methods' are the ones it reports. It suggests the
    /// marks its unmarked checks lack.
    /// </summary>
    [Fact]
    public void The_library_reports_only_the_marks_its_code_does_not_bear_out()
    {
        var own = PipelineRunner.Run([Library]);

        own.AssertNothingCrashed();
        Assert.Equal(
            [
                "CMAA009 12,50: Checks.EnsureUnmarked(string) checks 'country', which callers in other assemblies cannot see: mark the parameter [AgreementChecked] so that their calls count as checks",
                "CMAA009 21,55: Checks.IsPermittedUnmarked(string) checks 'country', which callers in other assemblies cannot see: mark the parameter [AgreementChecked(true)] so that their calls count as checks",
                "CMAA008 35,37: 'country' is marked [AgreementChecked(true)], but Allows can be overridden, and an override need not check: other assemblies would take unchecked values as checked",
                "CMAA008 37,38: 'country' is marked [AgreementChecked], but Require can be overridden, and an override need not check: other assemblies would take unchecked values as checked",
                "CMAA009 69,23: 'Unmarked' holds only countries checked before Partner stores them, which other assemblies cannot see: mark it [AgreementChecked] so that they take its value as checked",
            ],
            own.All.OrderBy(d => d.Location.SourceSpan.Start).Select(d => Position(d) + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public Task Reports_each_mark_the_code_does_not_bear_out()
        => AnalyzerTest.VerifyAsync(
            """
            using Cmaa;
            using Check = Cmaa.AgreementCheckedAttribute;

            public class Checks
            {
                public static void Ensure([AgreementChecked] string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }

                public static bool IsPermitted([AgreementChecked(true)] string country) => CmaaAgreements.HasAgreement(country);

                public static bool IsEmbargoed([AgreementChecked(returnValue: false)] string country)
                {
                    return !CmaaAgreements.HasAgreement(country);
                }

                public static bool Inverted([{|#0:AgreementChecked(true)|}] string country) => !CmaaAgreements.HasAgreement(country);

                public static bool Throws([{|#1:AgreementChecked(true)|}] string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                    return true;
                }

                public static void Logs([{|#2:AgreementChecked|}] string country) => System.Console.WriteLine(country);

                // The mark is on the wrong parameter: the one checked gets CMAA009.
                public static bool OtherParameter(string {|#11:first|}, [{|#3:AgreementChecked(true)|}] string second) => CmaaAgreements.HasAgreement(first);

                public virtual bool Overridable([{|#4:AgreementChecked(true)|}] string country) => CmaaAgreements.HasAgreement(country);

                public static int Count([{|#5:Cmaa.AgreementCheckedAttribute(true)|}] string country) => CmaaAgreements.HasAgreement(country) ? 1 : 0;

                public static void Aliased([{|#6:Check|}] string country) { }

                public System.Func<string, bool> Lambda = ([{|#7:AgreementChecked(true)|}] string country) => CmaaAgreements.HasAgreement(country);

                public static void Unrelated([System.Runtime.CompilerServices.CallerMemberName] string caller = "") { }

                public static void EnsureRoute([AgreementChecked] string origin, [AgreementChecked] string destination)
                {
                    if (!CmaaAgreements.HasAgreement(origin)) throw new System.ArgumentException(origin);
                    if (!CmaaAgreements.HasAgreement(destination)) throw new System.ArgumentException(destination);
                }

                public static void EnsureOrigin([AgreementChecked] string origin, [{|#10:AgreementChecked|}] string destination)
                {
                    if (!CmaaAgreements.HasAgreement(origin)) throw new System.ArgumentException(origin);
                }

                // A guard that calls another bears out its mark.
                public static void EnsureLeg([AgreementChecked] string origin, [{|#12:AgreementChecked|}] string destination) => EnsureOrigin(origin, destination);

                public static bool Trimmed([{|#9:AgreementChecked(true)|}] string country)
                {
                    var code = country.Trim();
                    return CmaaAgreements.HasAgreement(code);
                }
            }

            public interface IChecks
            {
                bool Allows([{|#8:AgreementChecked(true)|}] string country);
            }
            """,
            Unproven(0, "country", "AgreementChecked(true)", "Inverted does not return CmaaAgreements.HasAgreement(country)"),
            Unproven(1, "country", "AgreementChecked(true)", "Throws does not return CmaaAgreements.HasAgreement(country)"),
            Unproven(2, "country", "AgreementChecked", "Logs does not begin by throwing unless CmaaAgreements.HasAgreement(country)"),
            Unproven(3, "second", "AgreementChecked(true)", "OtherParameter does not return CmaaAgreements.HasAgreement(second)"),
            Unproven(4, "country", "AgreementChecked(true)", "Overridable can be overridden, and an override need not check"),
            Unproven(5, "country", "AgreementChecked(true)", "Count does not return CmaaAgreements.HasAgreement(country)"),
            Unproven(6, "country", "AgreementChecked", "Aliased does not begin by throwing unless CmaaAgreements.HasAgreement(country)"),
            Unproven(7, "country", "AgreementChecked(true)", "only a parameter of a method can be marked"),
            Unproven(8, "country", "AgreementChecked(true)", "Allows can be overridden, and an override need not check"),
            Unproven(9, "country", "AgreementChecked(true)", "Trimmed does not return CmaaAgreements.HasAgreement(country)"),
            Unproven(10, "destination", "AgreementChecked", "EnsureOrigin does not begin by throwing unless CmaaAgreements.HasAgreement(destination)"),
            Unproven(12, "destination", "AgreementChecked", "EnsureLeg does not begin by throwing unless CmaaAgreements.HasAgreement(destination)"),
            Unmarked(11, "Checks.OtherParameter(string, string)", "first", "AgreementChecked(true)"));

    /// <summary>
    /// A marked property or field holds only countries its type's constructors check before they store them; its mark
    /// names no return value. The fixes write the mark the code bears out, or remove it.
    /// </summary>
    [Fact]
    public async Task Reports_each_member_mark_the_constructors_do_not_bear_out()
    {
        const string Marked = """
            using Cmaa;

            public sealed class Partner
            {
                public Partner(string code)
                {
                    if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code);
                    Code = code;
                    Valued = code;
                    _code = code;
                    Settable = code;
                }

                public Partner(string code, string other) : this(code) { }

                [AgreementChecked] public string Code { get; }

                [{|#0:AgreementChecked(true)|}] public string Valued { get; }

                [{|#1:AgreementChecked|}] private readonly string _code, _other = "";

                [{|#2:AgreementChecked|}] public string Settable { get; set; }
            }

            public struct Value
            {
                public Value(string code)
                {
                    if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code);
                    Code = code;
                }

                [{|#3:AgreementChecked|}] public string Code { get; }
            }
            """;
        await AnalyzerTest.VerifyAsync(
            Marked,
            Unproven(0, "Valued", "AgreementChecked(true)", "a property or field returns nothing, so its mark names no return value"),
            Unproven(1, "_other", "AgreementChecked", "it may hold a country Partner stores unchecked"),
            Unproven(2, "Settable", "AgreementChecked", "it may hold a country Partner stores unchecked"),
            Unproven(3, "Code", "AgreementChecked", "it may hold a country Value stores unchecked"));

        var reported = Marked.Replace("#0", "CMAA008").Replace("#1", "CMAA008").Replace("#2", "CMAA008").Replace("#3", "CMAA008");
        var corrected = new CodeFixTest<CheckMarkFix>(reported, reported.Replace("[{|CMAA008:AgreementChecked(true)|}]", "[AgreementChecked]"))
        { CodeActionEquivalenceKey = CheckMarkFix.CorrectKey };
        corrected.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await corrected.VerifyAsync();

        var removed = new CodeFixTest<CheckMarkFix>(
            reported,
            Marked.Replace("public string Valued", "public string {|CMAA009:Valued|}").Replace("[{|#0:AgreementChecked(true)|}] ", "").Replace("[{|#1:AgreementChecked|}] ", "").Replace("[{|#2:AgreementChecked|}] ", "").Replace("[{|#3:AgreementChecked|}] ", ""))
        { CodeActionEquivalenceKey = CheckMarkFix.RemoveKey };
        removed.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await removed.VerifyAsync();
    }

    /// <summary>
    /// A partial property's declaring part (<c>{ get; }</c>) looks like an auto-property; what it holds is read from its
    /// implementing part, here a getter that returns a field its constructor checks.
    /// </summary>
    [Fact]
    public Task A_partial_propertys_mark_is_held_to_its_implementing_part()
        => AnalyzerTest.VerifyAsync("""
            using Cmaa;

            public partial class Partner
            {
                private readonly string _code;

                public Partner(string code)
                {
                    if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code);
                    _code = code;
                }

                [AgreementChecked] public partial string Code { get; }
            }

            public partial class Partner
            {
                public partial string Code { get => _code; }
            }
            """);

    /// <summary>
    /// Members' attributes are bound only in a file that spells the mark's name, or where a global alias may name it
    /// from another file: a mark spelled so is held to the code all the same.
    /// </summary>
    [Fact]
    public Task A_member_mark_through_a_global_alias_is_held_to_the_code()
    {
        var test = new AnalyzerTest(
            """
            public sealed class Partner
            {
                [{|#0:Trusted|}] public string Code { get; set; } = "";

                [System.ComponentModel.Description("code")] public string Other { get; set; } = "";
            }
            """,
            Unproven(0, "Code", "AgreementChecked", "it may hold a country Partner stores unchecked"));
        test.TestState.Sources.Add(("/0/GlobalUsings.cs", "global using Trusted = Cmaa.AgreementCheckedAttribute;\n"));
        return test.VerifyAsync();
    }

    [Fact]
    public Task The_fix_writes_the_mark_the_code_bears_out()
        => new CodeFixTest<CheckMarkFix>(
            """
            using Cmaa;
            using Check = Cmaa.AgreementCheckedAttribute;

            public static class Checks
            {
                public static bool Inverted([{|CMAA008:AgreementChecked(true)|}] string country) => !CmaaAgreements.HasAgreement(country);

                public static bool IsPermitted([{|CMAA008:AgreementChecked|}] string country) => CmaaAgreements.HasAgreement(country);

                public static void Ensure(int copies, [{|CMAA008:Check(returnValue: true)|}] string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }
            }
            """,
            """
            using Cmaa;
            using Check = Cmaa.AgreementCheckedAttribute;

            public static class Checks
            {
                public static bool Inverted([AgreementChecked(false)] string country) => !CmaaAgreements.HasAgreement(country);

                public static bool IsPermitted([AgreementChecked(true)] string country) => CmaaAgreements.HasAgreement(country);

                public static void Ensure(int copies, [Check] string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }
            }
            """)
        { CodeActionEquivalenceKey = CheckMarkFix.CorrectKey }.VerifyAsync();

    [Fact]
    public Task The_fix_removes_a_mark_the_code_does_not_bear_out()
        => new CodeFixTest<CheckMarkFix>(
            """
            using Cmaa;

            public class Checks
            {
                public static void Logs([{|CMAA008:AgreementChecked|}] string country) => System.Console.WriteLine(country);

                public virtual bool Allows(
                    [{|CMAA008:AgreementChecked(true)|}] string country) => CmaaAgreements.HasAgreement(country);

                public static bool Both([System.Diagnostics.CodeAnalysis.NotNull, {|CMAA008:AgreementChecked(true)|}] string? country) => country is not null;
            }
            """,
            """
            using Cmaa;

            public class Checks
            {
                public static void Logs(string country) => System.Console.WriteLine(country);

                public virtual bool Allows(
                    string country) => CmaaAgreements.HasAgreement(country);

                public static bool Both([System.Diagnostics.CodeAnalysis.NotNull] string? country) => country is not null;
            }
            """)
        { CodeActionEquivalenceKey = CheckMarkFix.RemoveKey }.VerifyAsync();

    /// <summary>The exchange the check tests guard, with the usings they share.</summary>
    private const string Gateway = """
        using System;
        using System.Threading.Tasks;
        using Cmaa;

        public class Gateway
        {
            public void Send([CustomsDataExchange] string country) { }
        }

        """;

    /// <summary>
    /// Checks as they are written: guard clauses and locals before the check, the check joined to other conditions where
    /// the result still states it, and an <c>async</c> helper, which checks only where it is awaited.
    /// </summary>
    [Fact]
    public Task Guard_clauses_and_joined_conditions_are_checks()
        => new AnalyzerTest(
            Gateway + """
            internal static class Checks
            {
                public static void Ensure(string? country)
                {
                    ArgumentNullException.ThrowIfNull(country);
                    if (country.Length == 0) throw new ArgumentException("empty");
                    if (!CmaaAgreements.HasAgreement(country) || country == "XX") { throw new ArgumentException(country); }
                }

                public static void Normalize(ref string country) => country = country.Trim();

                public static void EnsureAfterChange(string country)
                {
                    Normalize(ref country);
                    if (!CmaaAgreements.HasAgreement(country)) throw new ArgumentException(country);
                }

                public static void EnsureAfterReturn(string country)
                {
                    if (country == "DE") return;
                    if (!CmaaAgreements.HasAgreement(country)) throw new ArgumentException(country);
                }

                public static bool IsPermitted(string? country) => !string.IsNullOrEmpty(country) && CmaaAgreements.HasAgreement(country);

                public static bool IsBlocked(string country) => country.Length != 2 || !CmaaAgreements.HasAgreement(country);

                public static bool Either(string country) => country == "DE" || CmaaAgreements.HasAgreement(country);

                public static bool Neither(string country) => !(country.Length == 2 && CmaaAgreements.HasAgreement(country));

                public static void EnsureAfterLocals(string country, IServiceProvider services)
                {
                    var code = country.Trim();
                    using var scope = (IDisposable?)services.GetService(typeof(IDisposable));
                    int.TryParse(code, out var number);
                    if (!CmaaAgreements.HasAgreement(country)) throw new ArgumentException(code);
                }

                public static void EnsureAfterAssignment(string country)
                {
                    var code = country = country.Trim();
                    if (!CmaaAgreements.HasAgreement(country)) throw new ArgumentException(code);
                }

                public static void EnsureAfterOut(string country)
                {
                    var parsed = Parse(out country);
                    if (!CmaaAgreements.HasAgreement(country)) throw new ArgumentException(country);
                }

                public static void EnsureAfterLambda(string country)
                {
                    Action reset = () => country = "DE";
                    reset();
                    if (!CmaaAgreements.HasAgreement(country)) throw new ArgumentException(country);
                }

                private static bool Parse(out string country) { country = "DE"; return true; }

                public static async Task EnsureAsync(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new ArgumentException(country);
                    await Task.Yield();
                }

                // Not async: it throws before it returns a task, awaited or not.
                public static Task Validate(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new ArgumentException(country);
                    return Task.CompletedTask;
                }

                public static async Task UseAsync(Gateway g, string a, string b, string c, string d, string e)
                {
                    await EnsureAsync(a);
                    g.Send(a);
                    await EnsureAsync(b).ConfigureAwait(false);
                    g.Send(b);
            #pragma warning disable CS4014 // The point: a task not awaited throws where nobody looks.
                    EnsureAsync(c);
            #pragma warning restore CS4014
                    g.Send({|CMAA004:c|});
                    _ = EnsureAsync(d);
                    g.Send({|CMAA004:d|});
                    Validate(e);
                    g.Send(e);
                }

                public static void EnsureRoute(string origin, string destination, string via)
                {
                    if (!CmaaAgreements.HasAgreement(origin)) throw new ArgumentException(origin);
                    if (!CmaaAgreements.HasAgreement(destination)) throw new ArgumentException(destination);
                }

                public static void UseRoute(Gateway g, string a, string b, string c)
                {
                    EnsureRoute(a, b, c);
                    g.Send(a);
                    g.Send(b);
                    g.Send({|CMAA004:c|});
                }

                public static void UseLocals(Gateway g, string a, string b, string c, string d)
                {
                    EnsureAfterLocals(a, null!);
                    g.Send(a);
                    EnsureAfterAssignment(b);
                    g.Send({|CMAA004:b|});
                    EnsureAfterOut(c);
                    g.Send({|CMAA004:c|});
                    EnsureAfterLambda(d);
                    g.Send({|CMAA004:d|});
                }

                public static void Use(Gateway g, string a, string b, string c, string d, string e, string f, string h)
                {
                    Ensure(a);
                    g.Send(a);
                    EnsureAfterChange(b);
                    g.Send({|CMAA004:b|});
                    EnsureAfterReturn(c);
                    g.Send({|CMAA004:c|});
                    if (IsPermitted(d)) g.Send(d);
                    if (IsBlocked(e)) return;
                    g.Send(e);
                    if (Either(f)) g.Send({|CMAA004:f|});
                    if (!Neither(h)) g.Send(h);
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>
    /// Checks of code that awaits: an <c>async</c> predicate (<c>Task&lt;bool&gt;</c> or <c>ValueTask&lt;bool&gt;</c>) that
    /// awaits before it returns the check, tested where it is awaited or waited on; an <c>async</c> helper waited on with
    /// <c>GetAwaiter().GetResult()</c> or <c>Wait()</c>, but not with a timeout, which can return without the check, or
    /// awaited together with <c>Task.WhenAll</c>; and a
    /// guard whose condition writes the argument, which ends the guards.
    /// </summary>
    [Fact]
    public Task Awaited_predicates_and_tasks_waited_on_are_checks()
        => new AnalyzerTest(
            Gateway + """
            internal static class Checks
            {
                private static Task<string[]> LoadBlockedAsync() => Task.FromResult(new[] { "XX" });

                public static async Task<bool> IsPermittedAsync(string country)
                {
                    var blocked = await LoadBlockedAsync();
                    await Task.Yield();
                    return CmaaAgreements.HasAgreement(country) && Array.IndexOf(blocked, country) < 0;
                }

                public static async ValueTask<bool> IsEmbargoedAsync(string country)
                {
                    await Task.Yield();
                    return !await IsPermittedAsync(country).ConfigureAwait(false);
                }

                // Not async: the task of a predicate, returned unawaited, holds its check; any other task holds none.
                public static Task<bool> Forwarded(string country) => IsPermittedAsync(country);

                public static Task<bool> Cached(string country) => Task.FromResult(country.Length == 2);

                public static async Task<bool> AfterWrite(string country)
                {
                    country = await Task.FromResult(country.Trim());
                    return CmaaAgreements.HasAgreement(country);
                }

                public static async Task EnsureAsync(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new ArgumentException(country);
                    await Task.Yield();
                }

                public static bool Normalize(ref string country) { country = country.Trim(); return true; }

                public static void EnsureThenNormalize(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new ArgumentException(country);
                    if (!Normalize(ref country)) throw new ArgumentException(country);
                }

                public static void NormalizeThenEnsure(string country)
                {
                    if (!Normalize(ref country)) throw new ArgumentException(country);
                    if (!CmaaAgreements.HasAgreement(country)) throw new ArgumentException(country);
                }

                public static async Task UseAsync(Gateway g, string a, string b, string c, string d, string e, string f)
                {
                    if (await IsPermittedAsync(a)) g.Send(a);
                    if (!await IsPermittedAsync(b).ConfigureAwait(false)) return;
                    g.Send(b);
                    if (await IsEmbargoedAsync(c)) return;
                    g.Send(c);
                    var ok = await IsPermittedAsync(d);
                    if (ok) g.Send(d);
                    if (await Cached(e)) g.Send({|CMAA004:e|});
                    if (await Forwarded(e)) g.Send(e);
                    if (await AfterWrite(f)) g.Send({|CMAA004:f|});
                }

                // Task.WhenAll throws what any of its tasks threw, once awaited.
                public static async Task UseWhenAll(Gateway g, string a, string b, string c, string d)
                {
                    await Task.WhenAll(EnsureAsync(a), EnsureAsync(b));
                    g.Send(a);
                    g.Send(b);
                    await Task.WhenAll(new[] { EnsureAsync(c) }).ConfigureAwait(false);
                    g.Send(c);
                    _ = Task.WhenAll(EnsureAsync(d));
                    g.Send({|CMAA004:d|});
                }

                public static void UseBlocking(Gateway g, string a, string b, string c, string d, string e, string f)
                {
                    if (IsPermittedAsync(a).Result) g.Send(a);
                    if (IsPermittedAsync(b).GetAwaiter().GetResult()) g.Send(b);
                    EnsureAsync(c).GetAwaiter().GetResult();
                    g.Send(c);
                    EnsureAsync(d).Wait();
                    g.Send(d);
                    EnsureAsync(e).Wait(TimeSpan.FromSeconds(1));
                    g.Send({|CMAA004:e|});
                    EnsureAsync(f).ConfigureAwait(false).GetAwaiter().GetResult();
                    g.Send(f);
                }

                public static void UseGuards(Gateway g, string a, string b)
                {
                    EnsureThenNormalize(a);
                    g.Send(a);
                    NormalizeThenEnsure(b);
                    g.Send({|CMAA004:b|});
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>A project's own code is read, not its marks: a mark its code does not bear out is no check there either.</summary>
    [Fact]
    public Task Within_the_project_the_code_decides_not_the_mark()
        => new AnalyzerTest(
            """
            using Cmaa;

            public class Gateway
            {
                public void Send([CustomsDataExchange] string country) { }
            }

            public static class Checks
            {
                public static bool Inverted([{|CMAA008:AgreementChecked(true)|}] string country) => !CmaaAgreements.HasAgreement(country);

                internal static bool IsPermitted(string country) => CmaaAgreements.HasAgreement(country);

                public static void File(Gateway g, Policy policy, string a, string b, string c)
                {
                    if (Inverted(a)) g.Send({|CMAA004:a|});
                    if (IsPermitted(b)) g.Send(b);
                    policy.Require(c);
                    g.Send({|CMAA004:c|});
                }
            }

            public class Policy
            {
                // An override need not check: an overridable validation method is no check, marked or not.
                public virtual void Require(string country)
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }
            }
            """)
        { EnableUnchecked = true }.VerifyAsync();

    /// <summary>CMAA009: a check of the library that other assemblies can call, without the mark they need.</summary>
    [Fact]
    public Task Reports_a_check_other_assemblies_can_call_without_a_mark()
        => AnalyzerTest.VerifyAsync(
            """
            using Cmaa;

            public static class Checks
            {
                public static void Ensure(string {|#0:country|})
                {
                    if (!CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                }

                public static bool IsPermitted(string {|#1:country|}) => CmaaAgreements.HasAgreement(country);

                public static bool IsEmbargoed(int copies, string {|#2:country|})
                {
                    return !(CmaaAgreements.HasAgreement(country));
                }

                public static bool IsOwn(string {|#3:country|}) => CmaaAgreements.IsOwner(country);

                public static bool Marked([AgreementChecked(true)] string country) => CmaaAgreements.HasAgreement(country);

                public static bool NotACheck(string country) => country.Length == 2;

                public static bool Both(string {|#6:country|}) => CmaaAgreements.HasAgreement(country) && country.Length == 2;

                public static bool Either(string country) => CmaaAgreements.HasAgreement(country) || country.Length == 2;

                internal static bool Internal(string country) => CmaaAgreements.HasAgreement(country);

                private static bool Private(string country) => CmaaAgreements.HasAgreement(country);

                public static bool CanShip(string {|#7:country|}) => !Blocked(country);

                public static void EnsureShippable(string {|#8:country|}, string reference)
                {
                    var trimmed = reference.Trim();
                    if (!CanShip(country)) throw new System.ArgumentException(trimmed);
                }

                private static bool Blocked(string country) => !Internal(country);

                // Each parameter a check throws for needs its own mark; a marked one is not reported again.
                public static void EnsureRoute(string {|#9:origin|}, string {|#10:destination|})
                {
                    if (!CmaaAgreements.HasAgreement(origin) || !CmaaAgreements.HasAgreement(destination)) throw new System.ArgumentException(destination);
                }

                public static void EnsureHalfMarked([AgreementChecked] string origin, string {|#11:destination|})
                {
                    if (!CmaaAgreements.HasAgreement(origin)) throw new System.ArgumentException(origin);
                    if (!CmaaAgreements.HasAgreement(destination)) throw new System.ArgumentException(destination);
                }
            }

            internal static class Hidden
            {
                public static bool IsPermitted(string country) => CmaaAgreements.HasAgreement(country);
            }

            public class Policy
            {
                public virtual bool Allows(string country) => CmaaAgreements.HasAgreement(country);

                protected bool Protected(string {|#4:country|}) => CmaaAgreements.HasAgreement(country);

                public sealed class Nested
                {
                    public bool Inner(string {|#5:code|}) => CmaaAgreements.HasAgreement(code);
                }
            }

            namespace Compliance.Rules
            {
                public record Rule
                {
                    public bool Admits(string {|#12:country|}) => CmaaAgreements.HasAgreement(country);
                }
            }
            """,
            Unmarked(0, "Checks.Ensure(string)", "country", "AgreementChecked"),
            Unmarked(1, "Checks.IsPermitted(string)", "country", "AgreementChecked(true)"),
            Unmarked(2, "Checks.IsEmbargoed(int, string)", "country", "AgreementChecked(false)"),
            Unmarked(3, "Checks.IsOwn(string)", "country", "AgreementChecked(true)"),
            Unmarked(4, "Policy.Protected(string)", "country", "AgreementChecked(true)"),
            Unmarked(5, "Policy.Nested.Inner(string)", "code", "AgreementChecked(true)"),
            Unmarked(6, "Checks.Both(string)", "country", "AgreementChecked(true)"),
            Unmarked(7, "Checks.CanShip(string)", "country", "AgreementChecked(true)"),
            Unmarked(8, "Checks.EnsureShippable(string, string)", "country", "AgreementChecked"),
            Unmarked(9, "Checks.EnsureRoute(string, string)", "origin", "AgreementChecked"),
            Unmarked(10, "Checks.EnsureRoute(string, string)", "destination", "AgreementChecked"),
            Unmarked(11, "Checks.EnsureHalfMarked(string, string)", "destination", "AgreementChecked"),
            Unmarked(12, "Rule.Admits(string)", "country", "AgreementChecked(true)"));

    /// <summary>
    /// A library of checks may hold no exchange: the constants its type's factories pass are judged by its lists all the
    /// same, so a member of a type of known partners gets its mark suggested, though its file names no check, and one
    /// holding a country without an agreement does not.
    /// </summary>
    [Fact]
    public Task A_library_without_exchanges_judges_the_constants_its_factories_pass()
        => AnalyzerTest.VerifyAsync(
            """
            using Cmaa;

            public sealed class Partner
            {
                public static readonly Partner Germany = new("DE");
                public static readonly Partner France = new("FR");
                private Partner(string code) => Code = code;
                public string {|CMAA009:Code|} { get; }
            }

            public sealed record Port
            {
                public static readonly Port Rotterdam = new("NL");
                private Port(string country) => Country = country;
                public string {|CMAA009:Country|} { get; }
            }

            public sealed class Anyone
            {
                public static readonly Anyone Germany = new("DE");
                public static readonly Anyone Iran = new("IR");
                private Anyone(string code) => Code = code;
                public string Code { get; }
            }
            """);

    /// <summary>
    /// CMAA009 for a member other assemblies can read that holds only checked countries: the fix writes the mark on it,
    /// and a member that is marked, hidden, or not only checked is not reported.
    /// </summary>
    [Fact]
    public Task Reports_a_checked_member_other_assemblies_read_without_its_mark()
    {
        const string Partner = """
        using Cmaa;

        public class Partner
        {
            public Partner(string code)
            {
                if (!CmaaAgreements.HasAgreement(code)) throw new System.ArgumentException(code);
                Code = code;
                _code = code;
                Hidden = code;
                Marked = code;
            }

            /// <summary>The partner's code.</summary>
            public string {|CMAA009:Code|} { get; }

            protected readonly string {|CMAA009:_code|};

            internal string Hidden { get; }

            [AgreementChecked] public string Marked { get; }

            public string {|CMAA009:Returned|} => _code;
        }

        public class Unchecked
        {
            public Unchecked(string code) { Code = code; }

            public string Code { get; }
        }
        """;

        // The formatter puts a member's attribute on a line of its own.
        return new CodeFixTest<ParameterMarkFix>(
            Partner,
            Partner.Replace("public string {|CMAA009:Code|}", "[AgreementChecked]\n    public string Code")
                .Replace("protected readonly string {|CMAA009:_code|}", "[AgreementChecked]\n    protected readonly string _code")
                .Replace("public string {|CMAA009:Returned|}", "[AgreementChecked]\n    public string Returned"))
        { CodeActionEquivalenceKey = ParameterMarkFix.MarkKey("CMAA009") }.VerifyAsync();
    }

    [Fact]
    public async Task An_applications_checks_and_a_librarys_internal_ones_are_not_called_from_other_assemblies()
    {
        const string Checks = """
            public static class Checks
            {
                public static bool IsPermitted(string country) => Cmaa.CmaaAgreements.HasAgreement(country);

                internal static bool IsAllowed(string {|CMAA009:country|}) => Cmaa.CmaaAgreements.HasAgreement(country);
            }
            """;
        var application = new AnalyzerTest(Checks.Replace("{|CMAA009:", "").Replace("|}", "") + "static class Program { static void Main() { } }");
        application.TestState.OutputKind = OutputKind.ConsoleApplication;
        await application.VerifyAsync();

        // A friend assembly calls the internal one too; the library's tests do not count as one.
        await AnalyzerTest.VerifyAsync(
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Compliance.Filing\")]\n" + Checks.Replace("string country) => Cmaa", "string {|CMAA009:country|}) => Cmaa"));
        await AnalyzerTest.VerifyAsync(
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Compliance.Tests\")]\n"
            + Checks.Replace("{|CMAA009:country|}", "country").Replace("bool IsPermitted(string country)", "bool IsPermitted(string {|CMAA009:country|})"));
    }

    [Fact]
    public Task The_fix_writes_the_mark_that_states_the_check()
        => new CodeFixTest<ParameterMarkFix>(
            """
            namespace Compliance
            {
                public static class Checks
                {
                    public static void Ensure(string {|CMAA009:country|})
                    {
                        if (!Cmaa.CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                    }

                    public static bool IsPermitted(string {|CMAA009:country|}) => Cmaa.CmaaAgreements.HasAgreement(country);

                    public static bool IsEmbargoed(
                        string {|CMAA009:country|}) => !Cmaa.CmaaAgreements.HasAgreement(country);
                }
            }
            """,
            """
            using Cmaa;

            namespace Compliance
            {
                public static class Checks
                {
                    public static void Ensure([AgreementChecked] string country)
                    {
                        if (!Cmaa.CmaaAgreements.HasAgreement(country)) throw new System.ArgumentException(country);
                    }

                    public static bool IsPermitted([AgreementChecked(true)] string country) => Cmaa.CmaaAgreements.HasAgreement(country);

                    public static bool IsEmbargoed(
                        [AgreementChecked(false)] string country) => !Cmaa.CmaaAgreements.HasAgreement(country);
                }
            }
            """).VerifyAsync();

    private static DiagnosticResult Unmarked(int location, string method, string parameter, string mark)
        => new DiagnosticResult(Rules.UnmarkedCheck).WithLocation(location).WithArguments(method, parameter, mark);

    private static DiagnosticResult Unproven(int location, string parameter, string mark, string reason)
        => new DiagnosticResult(Rules.UnprovenCheckMark).WithLocation(location).WithArguments(parameter, mark, reason);

    private static string[] Analyze(MetadataReference library)
    {
        var result = PipelineRunner.Run([Application], enableUnchecked: true, references: [library]);
        result.AssertNothingCrashed();
        return result.All.OrderBy(d => d.Location.SourceSpan.Start).Select(Position).ToArray();
    }

    private static string Position(Diagnostic diagnostic)
    {
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return diagnostic.Id + " " + (start.Line + 1) + "," + (start.Character + 1);
    }
}

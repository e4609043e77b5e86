using System;
using System.Linq;
using System.Text;
using CmaaGen.Tests.Infrastructure;

namespace CmaaGen.Tests.Robustness;

/// <summary>
/// Code nested or chained far deeper than anyone writes never takes the build down: the analysis follows it to its end,
/// or stops where the thread's stack would run out and says so (CMAA900), and the compiler goes on.
/// </summary>
public class DeepCodeTests
{
    private const string Gateway = "using Cmaa; public static class G { public static void Send([CustomsDataExchange] string c) { } }";

    /// <summary>
    /// Each predicate of the chain is decided while the one that calls it waits, a few frames a link. A chain of a few
    /// hundred is followed to its end; one of tens of thousands stops at the stack guard with CMAA900 at the check.
    /// </summary>
    [Theory]
    [InlineData(300, false)]
    [InlineData(50_000, true)]
    public void A_chain_of_predicates_is_followed_or_stopped_by_the_stack_guard(int links, bool stopped)
    {
        var code = new StringBuilder("using Cmaa;\npublic static class Chain\n{\n");
        for (var i = 0; i < links; i++)
        {
            code.Append("    static bool P").Append(i).Append("(string c) => P").Append(i + 1).Append("(c);\n");
        }

        code.Append("    static bool P").Append(links).Append("(string c) => CmaaAgreements.HasAgreement(c);\n");
        code.Append("    static void M(string c) { if (P0(c)) G.Send(c); }\n}\n");

        var result = PipelineRunner.Run([Gateway, code.ToString()], enableUnchecked: true);

        result.AssertNothingCrashed(internalErrorsExpected: stopped);
        var reported = result.AnalyzerDiagnostics.Select(d => d.Id).ToList();
        if (stopped)
        {
            Assert.Contains("CMAA900", reported);
        }
        else
        {
            Assert.Empty(reported);
        }
    }

    /// <summary>
    /// A member of an object is followed through the constructors that call one another first (<c>: this(…)</c>), up to
    /// eight of them; a longer chain, or a cycle, which the compiler rejects (CS0768), leaves the value known only at run
    /// time.
    /// </summary>
    [Theory]
    [InlineData(5, "CMAA001")]
    [InlineData(40, null)]
    [InlineData(-1, null)]
    public void Constructors_calling_one_another_are_followed_so_far(int links, string? reported)
    {
        var code = new StringBuilder("public sealed class Chained\n{\n    public string Country { get; } = \"IR\";\n");
        code.Append("    public Chained() : this(0) { }\n");
        if (links < 0)
        {
            code.Append("    public Chained(int a0) : this() { }\n");
        }

        for (var i = 0; i < links; i++)
        {
            var parameters = string.Join(", ", Enumerable.Range(0, i + 1).Select(n => "int a" + n));
            var passed = string.Join(", ", Enumerable.Range(0, i + 2).Select(n => n <= i ? "a" + n : "0"));
            code.Append("    public Chained(").Append(parameters).Append(i + 1 < links ? ") : this(" + passed + ") { }\n" : ") { }\n");
        }

        code.Append("    static void M() => G.Send(new Chained().Country);\n}\n");

        var result = PipelineRunner.Run([Gateway, code.ToString()]);

        result.AssertNothingCrashed();
        Assert.Equal(reported, result.AnalyzerDiagnostics.SingleOrDefault()?.Id);
    }

    /// <summary>
    /// A parameter passed on from method to method is followed eight methods deep to the exchange, breadth first and
    /// without recursion, so a chain of tens of thousands costs no stack; a longer chain tells nothing, and a circle of
    /// methods passing it round ends.
    /// </summary>
    [Theory]
    [InlineData(5, "CMAA001")]
    [InlineData(8, "CMAA001")]
    [InlineData(9, null)]
    [InlineData(50_000, null)]
    [InlineData(-3, null)]
    public void A_chain_of_methods_passing_a_parameter_on_is_followed_so_far(int links, string? reported)
    {
        var code = new StringBuilder("static class Chain\n{\n    static void M() => F0(\"IR\");\n");
        var length = Math.Abs(links);
        for (var i = 0; i < length; i++)
        {
            var next = i + 1 < length ? "F" + (i + 1) + "(c)" : links < 0 ? "F0(c)" : "G.Send(c)";
            code.Append("    static void F").Append(i).Append("(string c) => ").Append(next).Append(";\n");
        }

        code.Append("}\n");

        var result = PipelineRunner.Run([Gateway, code.ToString()]);

        result.AssertNothingCrashed();
        Assert.Equal(reported, result.AnalyzerDiagnostics.SingleOrDefault()?.Id);
    }

    /// <summary>
    /// A read of an overridden property gives what each override gives, and an override that reads another overridden
    /// property multiplies them: here forty levels of types whose overrides read each other, whose readings would grow
    /// as forty to the eighth power. Past a budget of overrides the rest is a value known only at run time, and
    /// <c>base.Country</c>, which runs the base type's property alone, is followed to the base's constant.
    /// </summary>
    [Fact]
    public void Overrides_reading_each_other_stop_at_a_budget()
    {
        const int Levels = 40;
        var code = new StringBuilder("public class L0 { public virtual string A => \"IR\"; public virtual string B => A; public virtual string Country => \"KP\"; }\n");
        for (var i = 1; i <= Levels; i++)
        {
            code.Append("public class L").Append(i).Append(" : L").Append(i - 1)
                .Append(" { public override string A => B; public override string B => A; public override string Country => base.Country; }\n");
        }

        code.Append("public static class Reads { static void M(L0 l) { G.Send(l.A); G.Send(l.Country); } }\n");

        var result = PipelineRunner.Run([Gateway, code.ToString()], enableUnchecked: true);

        result.AssertNothingCrashed();
        Assert.Equal(
            ["CMAA001 'IR' is Iran (IR)", "CMAA001 'KP' is North Korea (KP)", "CMAA004 A country value that is not a constant flows into 'parameter 'c' of G"],
            result.AnalyzerDiagnostics.Select(d => d.Id + " " + d.GetMessage().Split(',')[0].Split('.')[0]).Distinct().OrderBy(m => m, System.StringComparer.Ordinal));
    }

    /// <summary>
    /// Values are followed through each branch of <c>?:</c> and <c>??</c> without a limit of their own.
    /// </summary>
    [Fact]
    public void Conditionals_and_coalesces_nested_thousands_deep()
    {
        const int Depth = 2_000;
        var conditional = string.Concat(Enumerable.Repeat("f ? \"DE\" : ", Depth)) + "\"IR\"";
        var coalesce = string.Concat(Enumerable.Repeat("s ?? ", Depth)) + "\"KP\"";
        var code = "public static class Nested { static void M(bool f, string? s) { G.Send(" + conditional + "); G.Send(" + coalesce + "); } }";

        var result = PipelineRunner.Run([Gateway, code], enableUnchecked: true);

        // Iran and North Korea at the end of each, and each read of s, a value known only at run time.
        result.AssertNothingCrashed();
        Assert.Equal(2, result.AnalyzerDiagnostics.Count(d => d.Id == "CMAA001"));
        Assert.Equal(Depth, result.AnalyzerDiagnostics.Count(d => d.Id == "CMAA004"));
        Assert.Equal(Depth + 2, result.AnalyzerDiagnostics.Length);
    }

    /// <summary>
    /// An else-if chain written as <c>?:</c> costs no stack per branch, so one longer than nested calls could follow is
    /// followed to its end. Nesting of another shape (here in each first branch) that outgrows the thread's stack stops
    /// at the guard with CMAA900 at the exchange, where a host with a larger stack may follow it to its end; the
    /// compiler goes on either way.
    /// </summary>
    [Theory]
    [InlineData(true, 4_000)]
    [InlineData(false, 2_500)]
    public void A_chain_of_conditionals_is_followed_and_deeper_nesting_stopped(bool chain, int depth)
    {
        var conditional = chain
            ? string.Concat(Enumerable.Repeat("f ? \"DE\" : ", depth)) + "\"IR\""
            : string.Concat(Enumerable.Repeat("f ? (", depth)) + "\"IR\"" + string.Concat(Enumerable.Repeat(") : \"DE\"", depth));
        var code = "public static class Nested { static void M(bool f) { G.Send(" + conditional + "); } }";

        var result = PipelineRunner.Run([Gateway, code]);

        result.AssertNothingCrashed(internalErrorsExpected: !chain);
        var reported = Assert.Single(result.AnalyzerDiagnostics).Id;
        Assert.Contains(reported, chain ? new[] { "CMAA001" } : new[] { "CMAA001", "CMAA900" });
    }

    /// <summary>
    /// A call through a delegate gives what its lambda returns, found by walking the lambda's body: an else-if chain of
    /// 4,000 <c>?:</c> in that body, written to a local the lambda returns, is walked and followed to its end.
    /// </summary>
    [Fact]
    public void A_lambda_whose_body_holds_a_long_chain_is_followed()
    {
        var chain = string.Concat(Enumerable.Repeat("f ? \"DE\" : ", 4_000)) + "\"IR\"";
        var code = "public static class Nested { static void M(bool f) { System.Func<string> pick = () => { var code = " + chain + "; return code; }; G.Send(pick()); } }";

        var result = PipelineRunner.Run([Gateway, code]);

        result.AssertNothingCrashed();
        Assert.Equal("CMAA001", Assert.Single(result.AnalyzerDiagnostics).Id);
    }

    /// <summary>
    /// A value tested against thousands of constants before the exchange: the narrowing's flow solution grows with the
    /// blocks, and each constant of a loop's list is ruled out or kept on its own.
    /// </summary>
    [Fact]
    public void Thousands_of_tests_before_an_exchange()
    {
        const int Tests = 3_000;
        var code = new StringBuilder("public static class Tested\n{\n    static void M(string c, string[] more)\n    {\n");
        for (var i = 0; i < Tests; i++)
        {
            code.Append("        if (c == \"X").Append(i).Append("\") return;\n");
        }

        code.Append("        if (c == \"IR\") G.Send(c);\n");
        code.Append("        foreach (var k in new[] { \"DE\", \"KP\", \"CU\" }) { if (k == \"KP\") continue;\n");
        for (var i = 0; i < Tests; i++)
        {
            code.Append("            if (k == \"Y").Append(i).Append("\") continue;\n");
        }

        code.Append("            G.Send(k); }\n    }\n}\n");

        var result = PipelineRunner.Run([Gateway, code.ToString()], enableUnchecked: true);

        result.AssertNothingCrashed();
        Assert.Equal(["'CU' is Cuba (CU)", "'IR' is Iran (IR)"], result.AnalyzerDiagnostics.Select(d => d.GetMessage().Split(',')[0]).OrderBy(m => m));
    }
}

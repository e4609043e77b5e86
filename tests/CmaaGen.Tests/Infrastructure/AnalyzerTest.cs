using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CmaaGen.Analysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CmaaGen.Tests.Infrastructure;

/// <summary>
/// An analyzer test of <see cref="CountryAnalyzer"/> with the generated attribute, enum and lookup in the
/// compilation (from the default list unless <see cref="Lists"/> are given), on .NET 8 reference assemblies.
/// </summary>
internal sealed class AnalyzerTest : CSharpAnalyzerTest<CountryAnalyzer, DefaultVerifier>
{
    public AnalyzerTest(string source, params DiagnosticResult[] expected)
    {
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;

        // CMAA009 has a wording for parameters and one for members; markup names the rule, not the wording.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
        TestCode = source;
        ExpectedDiagnostics.AddRange(expected);
    }

    /// <summary>Agreement lists (<c>*.cmaa.csv</c>) of the project; none means the default list.</summary>
    public List<(string Path, string Text)> Lists { get; } = [];

    /// <summary>Turns CMAA004 (off by default) on.</summary>
    public bool EnableUnchecked { get; init; }

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => new AnalyzerTest(source, expected).VerifyAsync();

    /// <summary>Adds the generated sources, lists and settings, then runs the test.</summary>
    public Task VerifyAsync(CancellationToken cancellationToken = default)
    {
        TestSetup.Apply(TestState, null, DisabledDiagnostics, Lists, EnableUnchecked);
        return RunAsync(cancellationToken);
    }
}

/// <summary>A code fix test with the same compilation as <see cref="AnalyzerTest"/>.</summary>
internal sealed class CodeFixTest<TFix> : CSharpCodeFixTest<CountryAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public CodeFixTest(string source, string fixedSource)
    {
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
        TestCode = source;
        FixedCode = fixedSource;
    }

    public List<(string Path, string Text)> Lists { get; } = [];

    /// <summary>Turns CMAA004 (off by default) on, for its fixes.</summary>
    public bool EnableUnchecked { get; init; }

    public Task VerifyAsync(CancellationToken cancellationToken = default)
    {
        TestSetup.Apply(TestState, FixedState, DisabledDiagnostics, Lists, EnableUnchecked);
        return RunAsync(cancellationToken);
    }
}

internal static class TestSetup
{
    public static void Apply(SolutionState state, SolutionState? fixedState, List<string> disabled, List<(string Path, string Text)> lists, bool enableUnchecked)
    {
        foreach (var (path, text) in GeneratedSources.For(lists.Count == 0 ? null : lists))
        {
            state.Sources.Add((path, text));
            fixedState?.Sources.Add((path, text));
        }

        foreach (var list in lists)
        {
            state.AdditionalFiles.Add((list.Path, list.Text));
        }

        // The testing library turns rules that are off by default on; CMAA004 stays as users get it.
        if (enableUnchecked)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.CMAA004.severity = warning\n"));
        }
        else
        {
            disabled.Add("CMAA004");
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmaaGen.Tests.Infrastructure;

/// <summary>Global analyzer options, such as the <c>build_property.*</c> values MSBuild passes.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> globals) : AnalyzerConfigOptionsProvider
{
    public static readonly TestOptionsProvider Empty = new(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globals);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.None;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options None = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

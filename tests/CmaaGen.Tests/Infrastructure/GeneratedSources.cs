using System;
using System.Collections.Generic;
using System.Linq;
using CmaaGen.Generation;

namespace CmaaGen.Tests.Infrastructure;

/// <summary>
/// The generator's output for a list, for analyzer tests (Microsoft.CodeAnalysis.Testing runs analyzers
/// without generators). The paths are those the compiler gives generated files, so the analyzer
/// recognises its own output.
/// </summary>
internal static class GeneratedSources
{
    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> DefaultList = new(() => Generate([]));

    public static IReadOnlyList<(string Path, string Text)> For(IEnumerable<(string Path, string Text)>? lists = null)
        => lists is null ? DefaultList.Value : Generate(lists);

    private static IReadOnlyList<(string Path, string Text)> Generate(IEnumerable<(string Path, string Text)> lists)
        => GeneratorHarness.Run(lists, embedded: false).RunResult.Results.Single().GeneratedSources
            .Select(s => ("/0/CmaaGen/" + typeof(CmaaGenerator).FullName + "/" + s.HintName, s.SourceText.ToString()))
            .ToList();
}

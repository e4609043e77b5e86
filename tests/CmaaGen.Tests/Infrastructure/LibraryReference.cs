using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmaaGen.Tests.Infrastructure;

/// <summary>A library compiled with CmaaGen's generator, referenced as metadata the way an application references a package.</summary>
internal static class LibraryReference
{
    public static MetadataReference Build(string source, string assemblyName = "Contoso.Customs")
    {
        var parseOptions = GeneratorHarness.ParseOptions();
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, parseOptions)],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorHarness.Driver(Array.Empty<(string, string)>(), parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}

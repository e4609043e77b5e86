using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmaaGen.Tests.Infrastructure;

/// <summary>Libraries referenced as metadata, the way an application references a package.</summary>
internal static class LibraryReference
{
    /// <summary>A library compiled with CmaaGen's generator, which defines the attribute in it.</summary>
    public static MetadataReference Build(string source, string assemblyName = "Contoso.Customs")
        => Emit(WithGenerator(source, assemblyName));

    /// <summary>
    /// A library's compilation after CmaaGen's generator ran: what an IDE references for a project in the same
    /// solution (<see cref="Compilation.ToMetadataReference"/>), where a command-line build references its assembly.
    /// </summary>
    public static Compilation WithGenerator(string source, string assemblyName = "Contoso.Customs")
    {
        var parseOptions = GeneratorHarness.ParseOptions();
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, parseOptions, path: "/" + assemblyName + "/Library.cs")],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorHarness.Driver(Array.Empty<(string, string)>(), parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return output;
    }

    /// <summary>The compilation's assembly, as a command-line build references it.</summary>
    public static MetadataReference Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>An assembly or module compiled without the generator, against the given references.</summary>
    public static MetadataReference Compile(string name, OutputKind kind, string source, params MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            [.. Basic.Reference.Assemblies.Net80.References.All, .. references],
            new CSharpCompilationOptions(kind));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return kind == OutputKind.NetModule
            ? ModuleMetadata.CreateFromImage(stream.ToArray()).GetReference(display: name)
            : MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>
    /// Contoso.Gateway, built against Contoso.Rates and never naming the attribute: a project that references the
    /// gateway alone cannot resolve an assembly the gateway references.
    /// </summary>
    public static (MetadataReference Gateway, MetadataReference Rates) GatewayBuiltAgainstRates()
    {
        var rates = Compile("Contoso.Rates", OutputKind.DynamicallyLinkedLibrary, "namespace Contoso { public class Rates { } }");
        var gateway = Compile(
            "Contoso.Gateway",
            OutputKind.DynamicallyLinkedLibrary,
            "namespace Contoso { public class Gateway { public Rates Rates; public void Send(string c) { } } }",
            rates);
        return (gateway, rates);
    }
}

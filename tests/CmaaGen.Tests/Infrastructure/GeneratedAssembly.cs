using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CmaaGen.Tests.Infrastructure;

/// <summary>
/// Compiles the generator's output with extra source and loads it, so tests call the generated code for real. It is
/// compiled with overflow checking, as in a project that sets CheckForOverflowUnderflow: generated code runs under the
/// project's setting, so its hashing and range tests must not depend on it, and where nothing throws the answers are
/// those of an unchecked build.
/// </summary>
internal sealed class GeneratedAssembly
{
    private readonly Assembly _assembly;

    private GeneratedAssembly(Assembly assembly) => _assembly = assembly;

    /// <param name="spans">Whether the target has spans; without them the generated code takes its string-only branch.</param>
    public static GeneratedAssembly Build(string extraSource, IEnumerable<(string Path, string Text)>? lists = null, bool spans = true)
    {
        var parseOptions = GeneratorHarness.ParseOptions(preprocessorSymbols: spans ? null : []);
        var compilation = CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(extraSource, parseOptions)],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, checkOverflow: true));
        GeneratorHarness.Driver(lists ?? [], parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        return new GeneratedAssembly(new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(stream));
    }

    public object? Call(string type, string method, params object?[] arguments)
    {
        var target = _assembly.GetType(type, throwOnError: true)!;
        var candidates = target.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(m => m.Name == method && m.GetParameters().Length == arguments.Length)
            .ToList();
        try
        {
            return Assert.Single(candidates).Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}

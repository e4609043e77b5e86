using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Which symbols' declarations the analysis reads: only those of the compilation's own source. In an IDE a project
    /// reference is the other project's compilation, whose symbols carry that project's syntax, while the command-line
    /// build sees the same project as metadata. Reading that syntax would make the IDE and CI disagree, and a semantic
    /// model of a tree outside the compilation cannot be had (<c>GetSemanticModel</c> throws).
    /// </summary>
    internal static class OwnSource
    {
        public static bool Declares(Compilation compilation, ISymbol symbol)
            => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly) && !symbol.DeclaringSyntaxReferences.IsEmpty;

        /// <summary>
        /// The part of a method or constructor whose syntax holds its body. A call binds to a partial one's declaring
        /// part (<c>public partial Declaration(string destination);</c>, C# 14's partial constructors, or a partial
        /// method), whose syntax has none; the implementing part's parameters are other symbols, at the same ordinals.
        /// </summary>
        public static IMethodSymbol Implementation(IMethodSymbol method) => method.PartialImplementationPart ?? method;

        /// <summary>
        /// The part of a property whose syntax holds its accessors' bodies: C# 13's partial properties, as
        /// <see cref="Implementation(IMethodSymbol)"/>. Roslyn 4.12 added <c>IPropertySymbol.PartialImplementationPart</c>,
        /// read through reflection here, as older hosts cannot compile a partial property.
        /// </summary>
        public static IPropertySymbol Implementation(IPropertySymbol property)
            => PropertyImplementationPart?.Invoke(property, null) as IPropertySymbol ?? property;

        /// <summary>
        /// Whether the compilation builds an application: no assembly that ships calls its methods or derives from its
        /// types, public or not. Only its tests may, whose fakes are not what the application runs.
        /// </summary>
        public static bool IsApplication(Compilation compilation)
            => compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication;

        private static readonly MethodInfo? PropertyImplementationPart = typeof(IPropertySymbol).GetProperty("PartialImplementationPart")?.GetMethod;
    }
}

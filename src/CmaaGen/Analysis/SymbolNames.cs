using Microsoft.CodeAnalysis;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Which well-known namespace or type a symbol is, by its dotted name, compared part by part from the innermost
    /// without building the symbol's full name: these tests run for calls and attributes on the analyzer's paths, where
    /// <c>ToDisplayString()</c> would allocate a string each time.
    /// </summary>
    internal static class SymbolNames
    {
        /// <summary>Whether <paramref name="ns"/> is the namespace written <paramref name="dotted"/> ("System.Linq").</summary>
        public static bool IsNamespace(INamespaceSymbol? ns, string dotted)
        {
            for (var end = dotted.Length; end > 0;)
            {
                var start = dotted.LastIndexOf('.', end - 1) + 1;
                if (ns is null || ns.IsGlobalNamespace || ns.Name.Length != end - start
                    || string.CompareOrdinal(ns.Name, 0, dotted, start, end - start) != 0)
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
                end = start - 1;
            }

            return ns is { IsGlobalNamespace: true };
        }

        /// <summary>Whether <paramref name="type"/> is the type <paramref name="name"/> of the namespace <paramref name="dotted"/>.</summary>
        public static bool IsType(ITypeSymbol? type, string dotted, string name)
            => type is not null && type.Name == name && IsNamespace(type.ContainingNamespace, dotted);
    }
}

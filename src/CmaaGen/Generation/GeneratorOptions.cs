using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmaaGen.Generation
{
    /// <summary>
    /// The MSBuild settings the generator reads. <paramref name="Problem"/> explains a setting that was
    /// refused (and replaced by its default).
    /// </summary>
    /// <param name="PublicTypes">Whether CmaaCountry and CmaaAgreements are public, so a library can expose them.</param>
    internal sealed record GeneratorOptions(string Namespace, string Problem, bool PublicTypes = false)
    {
        public const string DefaultNamespace = "Cmaa";
        public const string NamespaceProperty = "build_property.CmaaNamespace";
        public const string PublicTypesProperty = "build_property.CmaaPublicTypes";

        /// <summary>The accessibility of the generated types: "public" or "internal".</summary>
        public string Visibility => PublicTypes ? "public" : "internal";

        /// <summary>Whether the generated types are marked [Embedded]: internal ones, on a compiler that defines it.</summary>
        public bool Embeds(bool embeddedAvailable) => embeddedAvailable && !PublicTypes;

        public static GeneratorOptions Read(AnalyzerConfigOptionsProvider provider)
            => FromNamespace(provider.GlobalOptions.TryGetValue(NamespaceProperty, out var value) ? value : null) with
            {
                PublicTypes = provider.GlobalOptions.TryGetValue(PublicTypesProperty, out var visibility)
                    && string.Equals(visibility.Trim(), "true", System.StringComparison.OrdinalIgnoreCase),
            };

        /// <summary>The namespace of the generated code and of the <c>[CustomsDataExchange]</c> attribute.</summary>
        public static string ReadNamespace(AnalyzerConfigOptions globalOptions)
            => FromNamespace(globalOptions.TryGetValue(NamespaceProperty, out var value) ? value : null).Namespace;

        private static GeneratorOptions FromNamespace(string? value)
        {
            value = value?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return new GeneratorOptions(DefaultNamespace, string.Empty);
            }

            return IsValidNamespace(value!)
                ? new GeneratorOptions(value!, string.Empty)
                : new GeneratorOptions(DefaultNamespace, "CmaaNamespace '" + value + "' is not a valid C# namespace; the generated code uses '" + DefaultNamespace + "'");
        }

        private static bool IsValidNamespace(string value)
        {
            foreach (var part in value.Split('.'))
            {
                if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>What the consumer's C# version allows the generated code to use.</summary>
    internal sealed record LanguageSupport(bool NullableAnnotations)
    {
        public static LanguageSupport Read(ParseOptions options)
            => new(options is CSharpParseOptions csharp && csharp.LanguageVersion >= LanguageVersion.CSharp8);
    }

    /// <summary>Everything the generator reads besides the lists: the MSBuild settings and the C# version.</summary>
    internal sealed record GeneratorSettings(GeneratorOptions Options, LanguageSupport Language);
}

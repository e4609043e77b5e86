using System.Collections.Immutable;
using System.Composition;
using CmaaGen.Analysis;
using CmaaGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CmaaGen.CodeFixes
{
    /// <summary>
    /// CMAA002: replaces text that is not a country with the closest country's alpha-2 code
    /// ("did you mean DE (Germany)?"), where the text is written as a string literal.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceUnknownCountryFix))]
    [Shared]
    public sealed class ReplaceUnknownCountryFix : StringExpressionFix
    {
        /// <summary>Creates the fix as the IDE and <c>dotnet format</c> do.</summary>
        public ReplaceUnknownCountryFix()
            : base(Rules.UnknownCountry.Id, "CMAA002.ReplaceWithSuggestedCode")
        {
        }

        private protected override bool TryCreateReplacement(ImmutableDictionary<string, string?> properties, out string title, out ExpressionSyntax replacement)
        {
            if (!properties.TryGetValue(CountryReports.ReplacementProperty, out var code) || code is null)
            {
                (title, replacement) = (string.Empty, null!);
                return false;
            }

            title = "Replace with '" + code + "'";
            replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(code));
            return true;
        }
    }
}

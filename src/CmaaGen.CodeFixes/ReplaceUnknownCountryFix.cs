using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using CmaaGen.Analysis;
using CmaaGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
    public sealed class ReplaceUnknownCountryFix : CodeFixProvider
    {
        private const string EquivalenceKey = "CMAA002.ReplaceWithSuggestedCode";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Rules.UnknownCountry.Id);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root is null
                    || !diagnostic.Properties.TryGetValue(CountryReports.ReplacementProperty, out var replacement)
                    || replacement is null
                    || FixTarget.StringExpression(root, diagnostic) is not { } target)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Replace with '" + replacement + "'",
                        cancellationToken => ReplaceAsync(context.Document, target, replacement, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax target, string replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement))
                .WithTriviaFrom(target);
            return document.WithSyntaxRoot(root!.ReplaceNode(target, literal));
        }
    }
}

using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CmaaGen.CodeFixes
{
    /// <summary>
    /// The shape every CmaaGen code fix shares: it replaces the string a diagnostic is about (see
    /// <see cref="FixTarget"/>) with an expression built from the properties the analyzer put on the diagnostic.
    /// </summary>
    public abstract class StringExpressionFix : CodeFixProvider
    {
        private readonly ImmutableArray<string> _fixableIds;
        private readonly string _equivalenceKey;

        /// <summary>Creates a fix for one rule; <paramref name="equivalenceKey"/> groups its actions for Fix All.</summary>
        private protected StringExpressionFix(string diagnosticId, string equivalenceKey)
        {
            _fixableIds = ImmutableArray.Create(diagnosticId);
            _equivalenceKey = equivalenceKey;
        }

        /// <inheritdoc />
        public sealed override ImmutableArray<string> FixableDiagnosticIds => _fixableIds;

        /// <inheritdoc />
        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (FixTarget.StringExpression(root, diagnostic) is not { } target
                    || !TryCreateReplacement(diagnostic.Properties, out var title, out var replacement))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => ReplaceAsync(context.Document, target, replacement, cancellationToken), _equivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>
        /// The action's title and the expression that replaces the string, from the diagnostic's properties; false
        /// when the analyzer gave no replacement (the diagnostic then gets no fix).
        /// </summary>
        private protected abstract bool TryCreateReplacement(ImmutableDictionary<string, string?> properties, out string title, out ExpressionSyntax replacement);

        private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax target, ExpressionSyntax replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return document.WithSyntaxRoot(root!.ReplaceNode(target, replacement.WithTriviaFrom(target)));
        }
    }
}

using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CmaaGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CmaaGen.CodeFixes
{
    /// <summary>
    /// CMAA004's two fixes: a guard before the exchange (<see cref="GuardInsertion"/>), and a mark on the parameter the
    /// value comes from, so that its callers are checked instead (<see cref="ParameterMark"/>). The guard is offered
    /// first, and is what <c>dotnet format</c> applies, since it changes no signature; a team whose wrappers should pass
    /// the check to their callers sets <c>cmaa_unchecked_value_fix = mark</c> in <c>.editorconfig</c>, and the mark comes
    /// first where it can be written; <c>dotnet format</c> applies the first action's equivalence key.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UncheckedValueFix))]
    [Shared]
    public sealed class UncheckedValueFix : CodeFixProvider
    {
        /// <summary>Groups the guard actions for Fix All.</summary>
        public const string GuardKey = "CMAA004.CheckAgreement";

        /// <summary>Groups the mark actions for Fix All.</summary>
        public const string MarkKey = "CMAA004.MarkParameter";

        /// <summary>The <c>.editorconfig</c> key that names the fix offered first: <c>guard</c> (the default) or <c>mark</c>.</summary>
        public const string PreferenceKey = "cmaa_unchecked_value_fix";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.UncheckedValue.Id);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create(async (context, document, diagnostics) => context.CodeActionEquivalenceKey == MarkKey
                ? await ParameterMark.ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false)
                : await GuardInsertion.ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            var markFirst = PreferredKey(context.Document, root.SyntaxTree) == MarkKey;
            foreach (var diagnostic in context.Diagnostics)
            {
                var only = ImmutableArray.Create(diagnostic);
                var mark = ParameterMark.Find(root, diagnostic) is { } parameter ? ParameterMark.Action(context.Document, diagnostic, parameter, MarkKey) : null;
                if (markFirst && mark is not null)
                {
                    context.RegisterCodeFix(mark, diagnostic);
                }

                if (GuardInsertion.Plan(root, model, diagnostic, context.CancellationToken) is { } guard)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Check '" + guard.Value + "' with CmaaAgreements.HasAgreement before the exchange",
                            cancellationToken => GuardInsertion.ApplyAsync(context.Document, only, cancellationToken),
                            GuardKey),
                        diagnostic);
                }

                if (!markFirst && mark is not null)
                {
                    context.RegisterCodeFix(mark, diagnostic);
                }
            }
        }

        /// <summary>The equivalence key of the fix the document's <c>.editorconfig</c> prefers (<see cref="PreferenceKey"/>).</summary>
        private static string PreferredKey(Document document, SyntaxTree tree)
            => document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(PreferenceKey, out var preferred)
                && string.Equals(preferred.Trim(), "mark", System.StringComparison.OrdinalIgnoreCase)
                    ? MarkKey
                    : GuardKey;
    }
}

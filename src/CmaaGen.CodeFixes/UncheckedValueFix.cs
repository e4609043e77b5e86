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
    /// CMAA004's two fixes: a guard before the exchange (<see cref="GuardInsertion"/>), offered first since it changes
    /// no signature and is what <c>dotnet format</c> applies, and a mark on the parameter the value comes from, so that
    /// its callers are checked instead (<see cref="ParameterMark"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UncheckedValueFix))]
    [Shared]
    public sealed class UncheckedValueFix : CodeFixProvider
    {
        /// <summary>Groups the guard actions for Fix All.</summary>
        public const string GuardKey = "CMAA004.CheckAgreement";

        /// <summary>Groups the mark actions for Fix All.</summary>
        public const string MarkKey = "CMAA004.MarkParameter";

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

            foreach (var diagnostic in context.Diagnostics)
            {
                var only = ImmutableArray.Create(diagnostic);
                if (GuardInsertion.Plan(root, model, diagnostic, context.CancellationToken) is { } guard)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Check '" + guard.Value + "' with CmaaAgreements.HasAgreement before the exchange",
                            cancellationToken => GuardInsertion.ApplyAsync(context.Document, only, cancellationToken),
                            GuardKey),
                        diagnostic);
                }

                if (ParameterMark.Find(root, diagnostic) is { } parameter)
                {
                    context.RegisterCodeFix(ParameterMark.Action(context.Document, diagnostic, parameter, MarkKey), diagnostic);
                }
            }
        }
    }
}

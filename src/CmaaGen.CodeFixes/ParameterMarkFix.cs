using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CmaaGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CmaaGen.CodeFixes
{
    /// <summary>
    /// The fix of what a library's code tells only its own project (<see cref="ParameterMark"/>), so that other
    /// assemblies see it too: CMAA007's <c>[CustomsDataExchange]</c> on a constructor parameter its code makes an
    /// exchange, and CMAA009's <c>[AgreementChecked]</c> on the parameter a method checks.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ParameterMarkFix))]
    [Shared]
    public sealed class ParameterMarkFix : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.UnmarkedConstructorParameter.Id, Rules.UnmarkedCheck.Id);

        /// <summary>Groups the actions for Fix All: one group per rule, since each writes its own mark.</summary>
        public static string MarkKey(string ruleId) => ruleId + ".MarkParameter";

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create(async (context, document, diagnostics)
                => await ParameterMark.ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (ParameterMark.Find(root, diagnostic) is { } parameter)
                {
                    context.RegisterCodeFix(ParameterMark.Action(context.Document, diagnostic, parameter, MarkKey(diagnostic.Id)), diagnostic);
                }
            }
        }
    }
}

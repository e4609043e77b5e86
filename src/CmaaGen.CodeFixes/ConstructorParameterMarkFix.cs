using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CmaaGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CmaaGen.CodeFixes
{
    /// <summary>
    /// CMAA007's fix: the mark on a library's constructor parameter that the library's own code makes an exchange, so
    /// that other assemblies see it too (<see cref="ParameterMark"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConstructorParameterMarkFix))]
    [Shared]
    public sealed class ConstructorParameterMarkFix : CodeFixProvider
    {
        /// <summary>Groups the actions for Fix All.</summary>
        public const string MarkKey = "CMAA007.MarkParameter";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.UnmarkedConstructorParameter.Id);

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
                    context.RegisterCodeFix(ParameterMark.Action(context.Document, diagnostic, parameter, MarkKey), diagnostic);
                }
            }
        }
    }
}

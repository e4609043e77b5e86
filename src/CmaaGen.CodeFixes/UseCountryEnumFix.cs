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
using Microsoft.CodeAnalysis.Simplification;

namespace CmaaGen.CodeFixes
{
    /// <summary>CMAA006: replaces a partner's string with its <c>CmaaCountry</c> member, so an overload taking the enum is called.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCountryEnumFix))]
    [Shared]
    public sealed class UseCountryEnumFix : CodeFixProvider
    {
        private const string EquivalenceKey = "CMAA006.UseCountryEnum";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Rules.PreferEnum.Id);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root is null
                    || !diagnostic.Properties.TryGetValue(CountryReports.MemberProperty, out var member)
                    || !diagnostic.Properties.TryGetValue(CountryReports.EnumTypeProperty, out var enumType)
                    || member is null
                    || enumType is null
                    || FixTarget.StringExpression(root, diagnostic) is not { } target)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use CmaaCountry." + member,
                        cancellationToken => ReplaceAsync(context.Document, target, enumType + "." + member, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax target, string qualifiedMember, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var replacement = SyntaxFactory.ParseExpression(qualifiedMember)
                .WithTriviaFrom(target)
                .WithAdditionalAnnotations(Simplifier.Annotation);
            return document.WithSyntaxRoot(root!.ReplaceNode(target, replacement));
        }
    }
}

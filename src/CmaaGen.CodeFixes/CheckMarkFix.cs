using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
    /// CMAA008's fixes for an <c>[AgreementChecked]</c> mark the method's code does not bear out: the mark that states the
    /// check the code does make of the same parameter (<c>(false)</c> for a method that returns the check negated), or
    /// no mark at all, so that other assemblies stop taking the call as a check.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CheckMarkFix))]
    [Shared]
    public sealed class CheckMarkFix : CodeFixProvider
    {
        /// <summary>Groups the actions that write the mark the code bears out, for Fix All.</summary>
        public const string CorrectKey = "CMAA008.CorrectMark";

        /// <summary>Groups the actions that remove the mark, for Fix All.</summary>
        public const string RemoveKey = "CMAA008.RemoveMark";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.UnprovenCheckMark.Id);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create(async (context, document, diagnostics) =>
            {
                var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                return root is null ? document : document.WithSyntaxRoot(Apply(root, diagnostics, context.CodeActionEquivalenceKey == RemoveKey));
            });

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
                if (MarkAt(root, diagnostic) is not { } attribute)
                {
                    continue;
                }

                if (diagnostic.Properties.TryGetValue(CheckMarks.MadeProperty, out var made) && made is not null)
                {
                    context.RegisterCodeFix(Action("Change the mark to [" + made + "], which the code bears out", context.Document, root, diagnostic, remove: false, CorrectKey), diagnostic);
                }

                context.RegisterCodeFix(Action("Remove the mark [" + attribute + "]", context.Document, root, diagnostic, remove: true, RemoveKey), diagnostic);
            }
        }

        private static CodeAction Action(string title, Document document, SyntaxNode root, Diagnostic diagnostic, bool remove, string key)
            => CodeAction.Create(title, _ => Task.FromResult(document.WithSyntaxRoot(Apply(root, ImmutableArray.Create(diagnostic), remove))), key);

        private static SyntaxNode Apply(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics, bool remove)
        {
            var marks = new Dictionary<AttributeSyntax, string?>();
            foreach (var diagnostic in diagnostics)
            {
                if (MarkAt(root, diagnostic) is { } attribute)
                {
                    marks[attribute] = diagnostic.Properties.TryGetValue(CheckMarks.MadeProperty, out var made) ? made : null;
                }
            }

            if (!remove)
            {
                var corrected = marks.Where(m => m.Value is not null).ToDictionary(m => m.Key, m => m.Value!);
                return root.ReplaceNodes(corrected.Keys, (original, current) => Corrected(current, corrected[original]));
            }

            // A list left empty goes with its brackets, keeping its indentation; another keeps its other attributes and
            // their separators.
            var lists = marks.Keys.Select(a => a.Parent).OfType<AttributeListSyntax>().Distinct().ToList();
            var tracked = root.TrackNodes(lists);
            foreach (var list in lists)
            {
                var current = tracked.GetCurrentNode(list)!;
                var remaining = current.Attributes;
                for (var i = list.Attributes.Count - 1; i >= 0; i--)
                {
                    if (marks.ContainsKey(list.Attributes[i]))
                    {
                        remaining = remaining.RemoveAt(i);
                    }
                }

                tracked = remaining.Count == 0
                    ? tracked.RemoveNode(current, SyntaxRemoveOptions.KeepLeadingTrivia)!
                    : tracked.ReplaceNode(current, current.WithAttributes(remaining));
            }

            return tracked;
        }

        /// <summary>The mark with the argument of <paramref name="made"/>, its name as written (an alias stays).</summary>
        private static AttributeSyntax Corrected(AttributeSyntax attribute, string made)
        {
            var open = made.IndexOf('(');
            return attribute.WithArgumentList(open < 0 ? null : SyntaxFactory.ParseAttributeArgumentList(made.Substring(open)));
        }

        private static AttributeSyntax? MarkAt(SyntaxNode root, Diagnostic diagnostic)
            => root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>();
    }
}

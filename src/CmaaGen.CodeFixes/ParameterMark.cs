using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CmaaGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace CmaaGen.CodeFixes
{
    /// <summary>
    /// The fix that marks a parameter with the mark its diagnostic names. <c>[CustomsDataExchange]</c> goes on the
    /// parameter an unchecked value comes from (CMAA004), or a library's constructor parameter that is an exchange only
    /// by its code (CMAA007): the method then is an exchange by its signature, so the value is checked where its
    /// callers pass it (a constant there is judged at compile time), which is how a wrapper such as
    /// <c>void SendTo(string country) =&gt; gateway.Send(country);</c> gets its callers checked, and how another
    /// assembly's <c>new Declaration("IR")</c> does. <c>[AgreementChecked]</c> goes on the parameter a library's method
    /// checks, or on the property or field its type's constructors check (CMAA009), so that other assemblies take its
    /// calls as checks and its value as checked.
    /// </summary>
    internal static class ParameterMark
    {
        /// <summary>The action, named alike for every rule that offers the same mark.</summary>
        public static CodeAction Action(Document document, Diagnostic diagnostic, SyntaxNode target, string equivalenceKey)
        {
            var mark = MarkOf(diagnostic);
            var title = target is ParameterSyntax parameter
                ? "Mark parameter '" + parameter.Identifier.ValueText + "' [" + mark + "], so that "
                    + (mark == UncheckedReports.ExchangeMark ? "its callers are checked" : "calls from other assemblies count as checks")
                : "Mark '" + diagnostic.Properties[UncheckedReports.ValueProperty] + "' [" + mark + "], so that other assemblies take its value as checked";
            return CodeAction.Create(
                title,
                cancellationToken => ApplyAsync(document, ImmutableArray.Create(diagnostic), cancellationToken),
                equivalenceKey);
        }

        public static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var marks = new Dictionary<SyntaxNode, (string Namespace, string Mark)>();
            foreach (var diagnostic in diagnostics)
            {
                if (Find(root, diagnostic) is { } parameter && diagnostic.Properties.TryGetValue(UncheckedReports.NamespaceProperty, out var ns) && ns is not null)
                {
                    marks[parameter] = (ns, MarkOf(diagnostic));
                }
            }

            var marked = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, current) => AddMark(current, marks[original].Namespace, marks[original].Mark)));
            return await ImportAdder.AddImportsAsync(marked, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The declaration of the parameter the diagnostic names, found as the compiler's scoping does: the nearest
        /// enclosing parameter list that declares the name; or the property or field declaration it is reported on. None
        /// where the analyzer found the parameter unmarkable.
        /// </summary>
        public static SyntaxNode? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.ContainsKey(UncheckedReports.MarkableProperty)
                || !diagnostic.Properties.TryGetValue(UncheckedReports.ValueProperty, out var name)
                || name is null)
            {
                return null;
            }

            if (diagnostic.Properties.ContainsKey(UncheckedReports.MemberProperty))
            {
                var member = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<MemberDeclarationSyntax>();
                return member is PropertyDeclarationSyntax or FieldDeclarationSyntax ? member : null;
            }

            foreach (var node in root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf())
            {
                var parameters = node switch
                {
                    BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
                    LocalFunctionStatementSyntax function => function.ParameterList.Parameters,
                    TypeDeclarationSyntax { ParameterList: { } primary } => primary.Parameters,
                    ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
                    SimpleLambdaExpressionSyntax lambda => SyntaxFactory.SingletonSeparatedList(lambda.Parameter),
                    AnonymousMethodExpressionSyntax { ParameterList: { } list } => list.Parameters,
                    _ => default,
                };
                if (parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } parameter)
                {
                    // A lambda's parameter of that name hides the method's, and a lambda's cannot be marked usefully.
                    return parameter.Parent?.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or TypeDeclarationSyntax ? parameter : null;
                }
            }

            return null;
        }

        private static string MarkOf(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(UncheckedReports.MarkProperty, out var mark) && mark is not null ? mark : UncheckedReports.ExchangeMark;

        // The mark is written as code writes it, maybe with its argument: AgreementChecked(true).
        private static SyntaxNode AddMark(SyntaxNode target, string generatedNamespace, string written)
        {
            // The fully qualified name always binds; the simplifier shortens it, adding the using if there is none.
            var open = written.IndexOf('(');
            var name = SyntaxFactory.ParseName("global::" + generatedNamespace + "." + (open < 0 ? written : written.Substring(0, open)))
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var attribute = open < 0
                ? SyntaxFactory.Attribute(name)
                : SyntaxFactory.Attribute(name, SyntaxFactory.ParseAttributeArgumentList(written.Substring(open)));
            var mark = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
                .WithLeadingTrivia(target.GetLeadingTrivia())
                .WithTrailingTrivia(SyntaxFactory.Space);
            return target.WithoutLeadingTrivia() switch
            {
                ParameterSyntax parameter => parameter.WithAttributeLists(parameter.AttributeLists.Insert(0, mark)),
                MemberDeclarationSyntax member => member.WithAttributeLists(member.AttributeLists.Insert(0, mark)),
                var other => other,
            };
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using CmaaGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace CmaaGen.CodeFixes
{
    /// <summary>Where a guard goes, relative to the statement, body or lambda it is anchored to.</summary>
    internal enum Placement
    {
        /// <summary>Before a statement of a block, a switch section or the top level.</summary>
        Before,

        /// <summary>In a new block, before an embedded statement (<c>if (ready) gateway.Send(country);</c>).</summary>
        Wrap,

        /// <summary>In a new block body, before what an expression body did.</summary>
        Body,
    }

    /// <summary>A guard to insert: where, for which value, and how the exception names it.</summary>
    internal sealed class PlannedGuard(SyntaxNode anchor, Placement placement, bool returnsValue, ExpressionSyntax value, ISymbol? start, string kind, string generatedNamespace)
    {
        public SyntaxNode Anchor { get; } = anchor;

        public Placement Placement { get; } = placement;

        public bool ReturnsValue { get; } = returnsValue;

        /// <summary>
        /// The value as written at the exchange: a local's or parameter's name, a member read (<c>request.Country</c>),
        /// or the expression a new local holds (<c>Lookup()</c>).
        /// </summary>
        public string Value { get; } = value.ToString();

        /// <summary>The local, parameter or member the value is read from first; null for <c>this</c> or a new local's value.</summary>
        public ISymbol? Start { get; } = start;

        /// <summary>The expression that moves into a new local, replaced by the local's name; null when none is needed.</summary>
        public ExpressionSyntax? Hoisted { get; } = kind == UncheckedReports.ExpressionKind ? value : null;

        /// <summary>The new local's name, chosen once every guard of the document is known.</summary>
        public string? Local { get; set; }

        /// <summary>
        /// Whether this guard, placed earlier, already dominates <paramref name="later"/>'s exchange: the same value,
        /// checked before a statement of a block that holds the later one, and not written in between: neither what it
        /// is read from first (by the compiler's data flow) nor, for a member read, any member on the way to it, as the
        /// analyzer's check does. A value held in a new local is the local's alone.
        /// </summary>
        public bool Covers(PlannedGuard later, SemanticModel model)
        {
            if (Hoisted is not null || later.Hoisted is not null || Value != later.Value || !SymbolEqualityComparer.Default.Equals(Start, later.Start))
            {
                return false;
            }

            if (Anchor == later.Anchor)
            {
                return true;
            }

            if (Placement != Placement.Before || Anchor is not StatementSyntax { Parent: BlockSyntax block } statement
                || block.Statements.FirstOrDefault(s => s.Span.Contains(later.Anchor.Span)) is not { } holder
                || holder.SpanStart < statement.SpanStart)
            {
                return false;
            }

            var flow = model.AnalyzeDataFlow(statement, holder);
            return flow is { Succeeded: true }
                && (Start is null || !flow.WrittenInside.Contains(Start, SymbolEqualityComparer.Default))
                && (kind != UncheckedReports.MemberKind || !WritesMember(block, statement, holder));
        }

        /// <summary>Whether the statements from <paramref name="first"/> to <paramref name="last"/> assign the member or one it is read through.</summary>
        private bool WritesMember(BlockSyntax block, StatementSyntax first, StatementSyntax last)
        {
            var written = new HashSet<string>();
            for (var end = Value.IndexOf('.'); end > 0; end = Value.IndexOf('.', end + 1))
            {
                written.Add(Value.Substring(0, end));
            }

            written.Add(Value);
            return block.Statements
                .Where(s => s.SpanStart >= first.SpanStart && s.SpanStart <= last.SpanStart)
                .SelectMany(s => s.DescendantNodes())
                .Any(node => node switch
                {
                    AssignmentExpressionSyntax assignment => written.Contains(assignment.Left.ToString()),
                    ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => written.Contains(argument.Expression.ToString()),
                    _ => false,
                });
        }

        /// <summary>The statements that go before the exchange: the new local, if any, then the guard.</summary>
        public IEnumerable<StatementSyntax> Statements()
        {
            var checkedValue = Local ?? Value;
            if (Hoisted is not null)
            {
                yield return SyntaxFactory.LocalDeclarationStatement(SyntaxFactory.VariableDeclaration(
                        SyntaxFactory.IdentifierName("var"),
                        SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(checkedValue))
                            .WithInitializer(SyntaxFactory.EqualsValueClause(Hoisted.WithoutTrivia())))))
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }

            var message = "$\"No customs mutual assistance agreement with '{" + checkedValue + "}'.\"";
            var exception = kind == UncheckedReports.ParameterKind
                ? "new global::System.ArgumentException(" + message + ", nameof(" + checkedValue + "))"
                : "new global::System.InvalidOperationException(" + message + ")";
            yield return SyntaxFactory.IfStatement(
                    Simplified("!global::" + generatedNamespace + ".CmaaAgreements.HasAgreement(" + checkedValue + ")"),
                    SyntaxFactory.Block(SyntaxFactory.ThrowStatement(Simplified(exception))))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>An expression with fully qualified names, which the simplifier shortens and for which it adds usings.</summary>
        private static ExpressionSyntax Simplified(string expression)
            => SyntaxFactory.ParseExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CmaaGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace CmaaGen.CodeFixes
{
    /// <summary>
    /// The CMAA004 fix that puts a guard before the exchange, <c>if (!CmaaAgreements.HasAgreement(country)) throw …;</c>,
    /// which every path to it passes. The guard goes before the statement that holds the exchange; an embedded statement
    /// (<c>if (ready) gateway.Send(country);</c>) becomes a block and an expression body a block body, so that the
    /// guard dominates the exchange and nothing else.
    /// </summary>
    internal static class GuardInsertion
    {
        internal enum Placement
        {
            Before,
            Wrap,
            Body,
        }

        public static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var planned = new List<PlannedGuard>();
            foreach (var guard in diagnostics
                .Select(d => Plan(root, model, d, cancellationToken))
                .OfType<PlannedGuard>()
                .OrderBy(g => g.Anchor.SpanStart))
            {
                if (!planned.Exists(earlier => earlier.Covers(guard, model)))
                {
                    planned.Add(guard);
                }
            }

            // Inner anchors first, so that an edit of an enclosing statement or body sees them already made.
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var group in planned.GroupBy(g => g.Anchor).OrderByDescending(g => g.Key.SpanStart))
            {
                var guards = group.Select(g => g.Statement()).ToList();
                var first = group.First();
                switch (first.Placement)
                {
                    case Placement.Before when group.Key is GlobalStatementSyntax:
                        editor.InsertBefore(group.Key, guards.Select(SyntaxFactory.GlobalStatement));
                        break;
                    case Placement.Before:
                        editor.InsertBefore(group.Key, guards);
                        break;
                    case Placement.Wrap:
                        editor.ReplaceNode(group.Key, (current, _) => Lines(guards.Append((StatementSyntax)current.WithoutTrivia()))
                            .WithTriviaFrom(current)
                            .WithAdditionalAnnotations(Formatter.Annotation));
                        break;
                    default:
                        editor.ReplaceNode(group.Key, (current, _) => WithBlockBody(current, guards, first.ReturnsValue));
                        break;
                }
            }

            return await ImportAdder.AddImportsAsync(editor.GetChangedDocument(), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Where a guard for the diagnostic's value goes; none where the value is not a local or parameter in scope there.</summary>
        public static PlannedGuard? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(UncheckedReports.GuardProperty, out var kind)
                || !diagnostic.Properties.TryGetValue(UncheckedReports.ValueProperty, out var name)
                || !diagnostic.Properties.TryGetValue(UncheckedReports.NamespaceProperty, out var generatedNamespace)
                || kind is null || name is null || generatedNamespace is null)
            {
                return null;
            }

            // The value as written at the exchange (country, or request.Country), and what it is read from first.
            var site = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var member = kind == UncheckedReports.MemberKind;
            if (site.DescendantNodesAndSelf().OfType<ExpressionSyntax>()
                .FirstOrDefault(e => e is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText == name : e.ToString() == name) is not { } value)
            {
                return null;
            }

            var start = value;
            while (start is MemberAccessExpressionSyntax access)
            {
                start = access.Expression;
            }

            var symbol = start is IdentifierNameSyntax ? model.GetSymbolInfo(start, cancellationToken).Symbol : null;
            if (!member && symbol is not (ILocalSymbol or IParameterSymbol))
            {
                return null;
            }

            SyntaxNode? previous = null;
            for (var node = site; node is not null; previous = node, node = node.Parent)
            {
                (SyntaxNode? anchor, Placement placement, bool? returnsValue) = node switch
                {
                    StatementSyntax { Parent: GlobalStatementSyntax global } => (global, Placement.Before, false),
                    StatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement => (statement, Placement.Before, false),
                    StatementSyntax { Parent: StatementSyntax or ElseClauseSyntax } statement => (statement, Placement.Wrap, false),
                    ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax } arrow
                        => (arrow.Parent, Placement.Body, ReturnsValue(model.GetDeclaredSymbol(arrow.Parent!, cancellationToken))),
                    LambdaExpressionSyntax lambda when previous is not null && previous == lambda.ExpressionBody
                        => (lambda, Placement.Body, ReturnsValue(model.GetSymbolInfo(lambda, cancellationToken).Symbol)),
                    _ => ((SyntaxNode?)null, Placement.Before, (bool?)false),
                };
                if (anchor is not null)
                {
                    return InScope(symbol, anchor) && returnsValue is not null
                        ? new PlannedGuard(anchor, placement, returnsValue.Value, value.ToString(), symbol, kind, generatedNamespace)
                        : null;
                }

                if (node is MemberDeclarationSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>Whether the value can be read where the guard goes: a parameter or member always, a local once declared.</summary>
        private static bool InScope(ISymbol? symbol, SyntaxNode anchor)
        {
            if (symbol is not ILocalSymbol local)
            {
                return true;
            }

            var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            return declaration is not null
                && (declaration.Span.End <= anchor.SpanStart
                    || declaration is CommonForEachStatementSyntax loop && loop.Statement.Span.Contains(anchor.Span));
        }

        /// <summary>
        /// A block of the statements, one to a line: the formatter keeps a block written on one line as it is, as it
        /// would for a lambda the user wrote that way.
        /// </summary>
        private static BlockSyntax Lines(IEnumerable<StatementSyntax> statements)
            => SyntaxFactory.Block(
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed),
                SyntaxFactory.List(statements.Select(s => s.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed))),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken));

        /// <summary>Whether an expression body's value is returned; null where the compiler could not say.</summary>
        private static bool? ReturnsValue(ISymbol? symbol)
            => symbol is IMethodSymbol method
                ? !(method.ReturnsVoid || method.IsAsync && method.ReturnType is INamedTypeSymbol { Arity: 0, Name: "Task" or "ValueTask" })
                : null;

        private static SyntaxNode WithBlockBody(SyntaxNode owner, List<StatementSyntax> guards, bool returnsValue)
        {
            BlockSyntax Block(ExpressionSyntax expression)
                => Lines(guards.Append(returnsValue
                    ? SyntaxFactory.ReturnStatement(expression.WithoutTrivia())
                    : SyntaxFactory.ExpressionStatement(expression.WithoutTrivia())));

            SyntaxNode converted = owner switch
            {
                BaseMethodDeclarationSyntax { ExpressionBody: { } arrow } method => method
                    .WithBody(Block(arrow.Expression)).WithExpressionBody(null).WithSemicolonToken(default)
                    .WithTrailingTrivia(method.SemicolonToken.TrailingTrivia),
                LocalFunctionStatementSyntax { ExpressionBody: { } arrow } function => function
                    .WithBody(Block(arrow.Expression)).WithExpressionBody(null).WithSemicolonToken(default)
                    .WithTrailingTrivia(function.SemicolonToken.TrailingTrivia),
                AccessorDeclarationSyntax { ExpressionBody: { } arrow } accessor => accessor
                    .WithBody(Block(arrow.Expression)).WithExpressionBody(null).WithSemicolonToken(default)
                    .WithTrailingTrivia(accessor.SemicolonToken.TrailingTrivia),
                LambdaExpressionSyntax { ExpressionBody: { } body } lambda => lambda.WithBlock(Block(body)).WithExpressionBody(null),
                _ => owner,
            };
            return converted.WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static ExpressionSyntax Simplified(string expression)
            => SyntaxFactory.ParseExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        /// <summary>A guard to insert: where, for which local or parameter, and how the exception names it.</summary>
        internal sealed class PlannedGuard(SyntaxNode anchor, Placement placement, bool returnsValue, string value, ISymbol? start, string kind, string generatedNamespace)
        {
            public SyntaxNode Anchor { get; } = anchor;

            public Placement Placement { get; } = placement;

            public bool ReturnsValue { get; } = returnsValue;

            /// <summary>The value as written at the exchange: a local's or parameter's name, or a member read (<c>request.Country</c>).</summary>
            public string Value { get; } = value;

            /// <summary>The local, parameter or member the value is read from first; null for <c>this</c>.</summary>
            public ISymbol? Start { get; } = start;

            /// <summary>
            /// Whether this guard, placed earlier, already dominates <paramref name="later"/>'s exchange: the same value,
            /// checked before a statement of a block that holds the later one, and not written in between: neither what it
            /// is read from first (by the compiler's data flow) nor, for a member read, any member on the way to it, as the
            /// analyzer's check does.
            /// </summary>
            public bool Covers(PlannedGuard later, SemanticModel model)
            {
                if (Value != later.Value || !SymbolEqualityComparer.Default.Equals(Start, later.Start))
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

            public StatementSyntax Statement()
            {
                var message = "$\"No customs mutual assistance agreement with '{" + Value + "}'.\"";
                var exception = kind == UncheckedReports.ParameterKind
                    ? "new global::System.ArgumentException(" + message + ", nameof(" + Value + "))"
                    : "new global::System.InvalidOperationException(" + message + ")";
                return SyntaxFactory.IfStatement(
                        Simplified("!global::" + generatedNamespace + ".CmaaAgreements.HasAgreement(" + Value + ")"),
                        SyntaxFactory.Block(SyntaxFactory.ThrowStatement(Simplified(exception))))
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }
        }
    }
}

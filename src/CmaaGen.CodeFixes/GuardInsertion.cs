using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
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

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var names = new Dictionary<SyntaxNode, HashSet<string>>();
            var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found
                ? found
                : SyntaxFactory.EndOfLine("\n");
            foreach (var guard in planned.Where(g => g.Hoisted is not null))
            {
                guard.Local = NewLocal(model, guard.Anchor, names, cancellationToken);
                editor.ReplaceNode(guard.Hoisted!, SyntaxFactory.IdentifierName(guard.Local).WithTriviaFrom(guard.Hoisted!));
            }

            // Inner anchors first, so that an edit of an enclosing statement or body sees them already made.
            foreach (var group in planned.GroupBy(g => g.Anchor).OrderByDescending(g => g.Key.SpanStart))
            {
                var guards = group.SelectMany(g => g.Statements()).ToList();
                var first = group.First();
                if (first.Placement == Placement.Before)
                {
                    // The guard's own line breaks, and a blank line after it, also where the formatter would choose
                    // others: before a comment that leads the exchange's statement, or between top-level statements.
                    for (var i = 0; i < guards.Count; i++)
                    {
                        guards[i] = i < guards.Count - 1 ? guards[i].WithTrailingTrivia(newLine) : guards[i].WithTrailingTrivia(newLine, newLine);
                    }
                }

                switch (first.Placement)
                {
                    case Placement.Before when group.Key is GlobalStatementSyntax:
                        // Top-level statements are members to the formatter, which puts a blank line between members
                        // whose trivia it chooses: the guard's lines are given theirs.
                        editor.InsertBefore(group.Key, guards.Select(guard => SyntaxFactory.GlobalStatement(guard.WithLeadingTrivia())));
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

        /// <summary>
        /// A name for a new local before <paramref name="anchor"/>: "country", or "country2" and on, unused by anything in
        /// scope there (a local would hide a field of that name) and by any name written in the member, whose later
        /// locals it must not clash with.
        /// </summary>
        private static string NewLocal(SemanticModel model, SyntaxNode anchor, Dictionary<SyntaxNode, HashSet<string>> names, CancellationToken cancellationToken)
        {
            var member = anchor.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax) ?? anchor.SyntaxTree.GetRoot(cancellationToken);
            if (!names.TryGetValue(member, out var taken))
            {
                taken = new HashSet<string>(member.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
                names.Add(member, taken);
            }

            taken.UnionWith(model.LookupSymbols(anchor.SpanStart).Select(symbol => symbol.Name));
            var name = "country";
            for (var suffix = 2; taken.Contains(name); suffix++)
            {
                name = "country" + suffix.ToString(CultureInfo.InvariantCulture);
            }

            taken.Add(name);
            return name;
        }

        /// <summary>Where a guard for the diagnostic's value goes; none where the value is not a local or parameter in scope there.</summary>
        public static PlannedGuard? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            diagnostic.Properties.TryGetValue(UncheckedReports.ValueProperty, out var name);
            if (!diagnostic.Properties.TryGetValue(UncheckedReports.GuardProperty, out var kind)
                || !diagnostic.Properties.TryGetValue(UncheckedReports.NamespaceProperty, out var generatedNamespace)
                || kind is null || generatedNamespace is null)
            {
                return null;
            }

            // The value as written at the exchange (country, or request.Country), and what it is read from first; another
            // value (a call's result) is held in a new local, where its evaluation can move before the statement.
            var site = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var hoisted = kind == UncheckedReports.ExpressionKind;
            var member = kind == UncheckedReports.MemberKind || hoisted;
            if ((hoisted ? Hoistable(root, diagnostic) : Written(site, name)) is not { } value)
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
                        ? new PlannedGuard(anchor, placement, returnsValue.Value, value, symbol, kind, generatedNamespace)
                        : null;
                }

                if (node is MemberDeclarationSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>The local's or parameter's name, or the member read, as written in the reported expression.</summary>
        private static ExpressionSyntax? Written(SyntaxNode site, string? name)
            => name is null
                ? null
                : site.DescendantNodesAndSelf().OfType<ExpressionSyntax>()
                    .FirstOrDefault(e => e is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText == name : e.ToString() == name);

        /// <summary>
        /// The value a new local is to hold, when moving its evaluation before the statement keeps what runs and in what
        /// order: it is reached from the statement only through arguments, receivers, assignments, initializers and
        /// declarations, never through a branch (<c>?:</c>, <c>&amp;&amp;</c>, <c>??</c>, <c>?.</c>), a lambda or a loop's condition.
        /// </summary>
        private static ExpressionSyntax? Hoistable(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(UncheckedReports.SpanProperty, out var text) || text?.Split(':') is not { Length: 2 } parts
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var at)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || at + count > root.FullSpan.End)
            {
                return null;
            }

            var span = new Microsoft.CodeAnalysis.Text.TextSpan(at, count);
            if (root.FindNode(span, getInnermostNodeForTie: true) is not { } found
                || (found is ArgumentSyntax argument ? argument.Expression : found) is not ExpressionSyntax value
                || value.Span != span)
            {
                return null;
            }

            for (SyntaxNode node = value; node.Parent is { } parent; node = parent)
            {
                switch (parent)
                {
                    case ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax or YieldStatementSyntax:
                    case IfStatementSyntax when node == ((IfStatementSyntax)parent).Condition:
                    case ArrowExpressionClauseSyntax:
                    case LambdaExpressionSyntax when node == ((LambdaExpressionSyntax)parent).ExpressionBody:
                        return value;
                    case ArgumentSyntax or ArgumentListSyntax or BracketedArgumentListSyntax or InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax
                        or ElementAccessExpressionSyntax or EqualsValueClauseSyntax or VariableDeclaratorSyntax or VariableDeclarationSyntax
                        or InitializerExpressionSyntax or CastExpressionSyntax or ParenthesizedExpressionSyntax:
                    case MemberAccessExpressionSyntax when node == ((MemberAccessExpressionSyntax)parent).Expression:
                    case AssignmentExpressionSyntax when node == ((AssignmentExpressionSyntax)parent).Right:
                        continue;
                    default:
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
    }
}

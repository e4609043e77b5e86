using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CmaaGen.CodeFixes
{
    /// <summary>
    /// Finds the string a fix rewrites: where the constant was written (the diagnostic's additional location), or, for a
    /// constant written at the exchange, the diagnostic's own. An exchange that reads the constant from elsewhere is not
    /// rewritten, even where it is itself a string (<c>$"{country}"</c>).
    /// </summary>
    internal static class FixTarget
    {
        public static ExpressionSyntax? StringExpression(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count == 0)
            {
                return AsString(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
            }

            foreach (var origin in diagnostic.AdditionalLocations)
            {
                if (origin.SourceTree == root.SyntaxTree && AsString(root.FindNode(origin.SourceSpan, getInnermostNodeForTie: true)) is { } atOrigin)
                {
                    return atOrigin;
                }
            }

            return null;
        }

        private static ExpressionSyntax? AsString(SyntaxNode node)
        {
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            return node switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal,
                InterpolatedStringExpressionSyntax interpolated => interpolated,
                _ => null,
            };
        }
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CmaaGen.CodeFixes
{
    /// <summary>Finds the string a fix rewrites: at the diagnostic, or where the constant was written (its additional location).</summary>
    internal static class FixTarget
    {
        public static ExpressionSyntax? StringExpression(SyntaxNode root, Diagnostic diagnostic)
        {
            if (AsString(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is { } atSite)
            {
                return atSite;
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

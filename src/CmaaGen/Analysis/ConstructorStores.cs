using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// The members of its own type a constructor stores a parameter in, unchanged: <c>Destination = destination;</c>
    /// (or <c>this.Destination = …</c>, or <c>destination ?? throw …</c>) in a constructor's body, and
    /// <c>public string Destination { get; } = destination;</c> for a primary constructor's parameter. The argument of
    /// <c>new Declaration("IR")</c> is then what the member holds, as a positional record's is. Read from the syntax, so
    /// no semantic model is built: an unqualified name in a constructor is its type's member unless a parameter or a
    /// local of the same name hides it. Only the compilation's own constructors are read (<see cref="OwnSource"/>): a
    /// referenced assembly's say nothing, so a library marks such a parameter for its callers (CMAA007).
    /// </summary>
    internal static class ConstructorStores
    {
        public static IEnumerable<ISymbol> Members(IParameterSymbol parameter, Compilation compilation, CancellationToken cancellationToken)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor
                || !OwnSource.Declares(compilation, constructor))
            {
                yield break;
            }

            var implementation = OwnSource.Implementation(constructor);
            var stored = implementation.Parameters[parameter.Ordinal];
            foreach (var reference in implementation.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                var names = syntax switch
                {
                    ConstructorDeclarationSyntax declaration => Assigned(declaration, stored),
                    TypeDeclarationSyntax type => Initialized(type, stored),
                    _ => null,
                };
                foreach (var name in names ?? [])
                {
                    foreach (var member in constructor.ContainingType.GetMembers(name))
                    {
                        if (member is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false, IsIndexer: false })
                        {
                            yield return member;
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The parameter of another constructor that this one passes the parameter to unchanged, through
        /// <c>: this(destination, …)</c>, <c>: base(destination)</c> or a primary constructor's base type
        /// (<c>class Export(string destination) : Declaration(destination)</c>); null when it passes it to none. The
        /// constructor called is bound by the compiler, as overloads of the same length are common.
        /// </summary>
        public static IParameterSymbol? ForwardedTo(IParameterSymbol parameter, Compilation compilation, CancellationToken cancellationToken)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor
                || !OwnSource.Declares(compilation, constructor))
            {
                return null;
            }

            var implementation = OwnSource.Implementation(constructor);
            var passed = implementation.Parameters[parameter.Ordinal];
            foreach (var reference in implementation.DeclaringSyntaxReferences)
            {
                var (call, arguments) = reference.GetSyntax(cancellationToken) switch
                {
                    ConstructorDeclarationSyntax { Initializer: { } initializer } => ((SyntaxNode)initializer, initializer.ArgumentList.Arguments),
                    TypeDeclarationSyntax { BaseList.Types: { Count: > 0 } types } when types[0] is PrimaryConstructorBaseTypeSyntax primary => (primary, primary.ArgumentList.Arguments),
                    _ => (null, default),
                };
                var index = IndexOf(arguments, passed);
                if (call is null || index < 0)
                {
                    continue;
                }

#pragma warning disable RS1030 // Once per constructor parameter that is passed on, and cached with the decision.
                var model = compilation.GetSemanticModel(call.SyntaxTree);
#pragma warning restore RS1030
                if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol target)
                {
                    continue;
                }

                var name = arguments[index].NameColon?.Name.Identifier.ValueText;
                var forwarded = name is null
                    ? index < target.Parameters.Length ? target.Parameters[index] : null
                    : target.Parameters.FirstOrDefault(p => p.Name == name);
                if (forwarded is { IsParams: false, RefKind: RefKind.None })
                {
                    return forwarded;
                }
            }

            return null;
        }

        /// <summary>The position of the argument that is the parameter itself; -1 when none is.</summary>
        private static int IndexOf(SeparatedSyntaxList<ArgumentSyntax> arguments, IParameterSymbol parameter)
        {
            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].RefKindKeyword.IsKind(SyntaxKind.None) && Names(arguments[i].Expression, parameter.Name))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The names a constructor's body assigns the parameter to, outside lambdas and local functions.</summary>
        private static IEnumerable<string> Assigned(ConstructorDeclarationSyntax constructor, IParameterSymbol parameter)
        {
            SyntaxNode? body = (SyntaxNode?)constructor.Body ?? constructor.ExpressionBody;
            if (body is null)
            {
                yield break;
            }

            var hidden = new HashSet<string>();
            foreach (var other in ((IMethodSymbol)parameter.ContainingSymbol).Parameters)
            {
                hidden.Add(other.Name);
            }

            foreach (var token in body.DescendantNodes().Select(Declared))
            {
                if (token.ValueText is { Length: > 0 } local)
                {
                    hidden.Add(local);
                }
            }

            foreach (var node in body.DescendantNodes(descendIntoChildren: n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                    && Names(assignment.Right, parameter.Name)
                    && Target(assignment.Left, hidden) is { } name)
                {
                    yield return name;
                }
            }
        }

        /// <summary>The name a node declares as a local, if any.</summary>
        private static SyntaxToken Declared(SyntaxNode node) => node switch
        {
            VariableDeclaratorSyntax variable => variable.Identifier,
            SingleVariableDesignationSyntax designation => designation.Identifier,
            ForEachStatementSyntax loop => loop.Identifier,
            CatchDeclarationSyntax caught => caught.Identifier,
            _ => default,
        };

        /// <summary>The members a primary constructor's parameter initializes: <c>{ get; } = destination</c>, <c>_d = destination</c>.</summary>
        private static IEnumerable<string> Initialized(TypeDeclarationSyntax type, IParameterSymbol parameter)
        {
            foreach (var member in type.Members)
            {
                switch (member)
                {
                    case PropertyDeclarationSyntax { Initializer: { } initializer } property when Names(initializer.Value, parameter.Name):
                        yield return property.Identifier.ValueText;
                        break;
                    case FieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (variable.Initializer is { } value && Names(value.Value, parameter.Name))
                            {
                                yield return variable.Identifier.ValueText;
                            }
                        }

                        break;
                }
            }
        }

        /// <summary>Whether the expression is the parameter itself, allowing for parentheses and <c>?? throw …</c>.</summary>
        public static bool Names(ExpressionSyntax expression, string parameter)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Right: ThrowExpressionSyntax } coalesce:
                        expression = coalesce.Left;
                        continue;
                    case IdentifierNameSyntax identifier:
                        return identifier.Identifier.ValueText == parameter;
                    default:
                        return false;
                }
            }
        }

        /// <summary>
        /// The member an assignment's target names: <c>this.Destination</c>, or <c>Destination</c> unless a parameter or
        /// local of that name hides the member.
        /// </summary>
        private static string? Target(ExpressionSyntax target, HashSet<string> hidden) => target switch
        {
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
            IdentifierNameSyntax name when !hidden.Contains(name.Identifier.ValueText) => name.Identifier.ValueText,
            _ => null,
        };
    }
}

using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Members that hold only checked countries by construction, the "parse, don't validate" type a compliance team
    /// writes once and passes everywhere:
    /// <code>
    /// public sealed class Partner
    /// {
    ///     public Partner(string code)
    ///     {
    ///         if (!CmaaAgreements.HasAgreement(code)) throw new ArgumentException(code);
    ///         Code = code;
    ///     }
    ///
    ///     public string Code { get; }
    /// }
    /// </code>
    /// Read from the project's own syntax, as <see cref="ConstructorStores"/> is. The member is a get-only
    /// auto-property or a <c>readonly</c> field of a class, without an initializer, so only its type's constructors
    /// store it. Every constructor either chains to another with <c>this(…)</c> or stores it once, at the top level of
    /// its body, from a parameter the guards it begins with check, which nothing writes and no <c>return</c> skips, or,
    /// when it is private, from a parameter every call of it passes checked (a factory's <c>new Partner(code)</c> after
    /// its check); nothing else in the type stores it. A struct is not one: <c>default</c> makes an instance no
    /// constructor checked.
    /// </summary>
    internal static class CheckedMembers
    {
        /// <param name="member">A property or field, as declared.</param>
        /// <param name="compilation">The compilation whose source is read.</param>
        /// <param name="checkedParameters">The parameters a constructor checks in the guards it begins with, one bit per ordinal.</param>
        /// <param name="calledChecked">Whether every call of a private constructor passes a checked country as the parameter of the ordinal.</param>
        /// <param name="cancellationToken">Cancels reading the syntax.</param>
        public static bool HoldOnlyChecked(ISymbol member, Compilation compilation, Func<IMethodSymbol, ulong> checkedParameters, Func<IMethodSymbol, int, bool> calledChecked, CancellationToken cancellationToken)
        {
            if (member.IsStatic || member.ContainingType is not { TypeKind: TypeKind.Class } type
                || !OwnSource.Declares(compilation, member) || !OnlyConstructorsStore(member, cancellationToken))
            {
                return false;
            }

            var stores = 0;
            foreach (var constructor in type.InstanceConstructors)
            {
                // A record's copy constructor copies an instance a constructor made.
                if (constructor.IsImplicitlyDeclared && type.IsRecord && constructor.Parameters.Length == 1
                    && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type))
                {
                    continue;
                }

                // An implicit or primary constructor leaves the member empty.
                var implementation = OwnSource.Implementation(constructor);
                if (implementation.DeclaringSyntaxReferences.Length != 1
                    || implementation.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax declaration)
                {
                    return false;
                }

                if (declaration.Initializer is { RawKind: (int)SyntaxKind.ThisConstructorInitializer })
                {
                    continue;
                }

                // The parameter stored is checked by the constructor's guards or, since only its type's code can call a
                // private constructor, by every caller: if (!CmaaAgreements.HasAgreement(code)) throw …; return new Partner(code);
                if (Stored(declaration, member.Name, implementation) is not { } stored
                    || !AgreementGuards.Has(checkedParameters(constructor), stored.Ordinal)
                        && !(constructor.DeclaredAccessibility == Accessibility.Private && calledChecked(constructor, stored.Ordinal)))
                {
                    return false;
                }

                stores++;
            }

            // Each of those is the only store of the member's name in its type: none in a chained constructor, an init
            // accessor or a nested type.
            var written = 0;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                written += Writes(reference.GetSyntax(cancellationToken), member.Name, qualified: true);
            }

            return stores > 0 && written == stores;
        }

        /// <summary>
        /// The declaration of a member that may hold only checked countries, by its syntax alone: a get-only
        /// auto-property, or a <c>readonly</c> field declared alone, without an initializer, neither static nor
        /// overridable. Null for any other, which is most members, answered without binding.
        /// </summary>
        public static SyntaxNode? MayHoldOnlyChecked(SyntaxNode declaration) => declaration switch
        {
            PropertyDeclarationSyntax property when (IsGetOnlyAuto(property) || ReturnedName(property) is not null) && !property.Modifiers.Any(SyntaxKind.StaticKeyword)
                && !property.Modifiers.Any(SyntaxKind.VirtualKeyword) && !property.Modifiers.Any(SyntaxKind.AbstractKeyword) && !property.Modifiers.Any(SyntaxKind.OverrideKeyword)
                => property,
            FieldDeclarationSyntax { Declaration.Variables: { Count: 1 } variables } field
                when variables[0].Initializer is null && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) && !field.Modifiers.Any(SyntaxKind.StaticKeyword)
                => variables[0],
            _ => null,
        };

        /// <summary>
        /// Whether a member's type declares a private constructor with parameters, by syntax: the one a factory or a
        /// static instance of the type (<c>new("DE")</c>) calls.
        /// </summary>
        public static bool MayBeMadeByFactories(SyntaxNode member)
        {
            if (member.Parent is not TypeDeclarationSyntax type)
            {
                return false;
            }

            foreach (var candidate in type.Members)
            {
                if (candidate is ConstructorDeclarationSyntax { ParameterList.Parameters.Count: > 0 } constructor
                    && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword) && !constructor.Modifiers.Any(SyntaxKind.PublicKeyword)
                    && !constructor.Modifiers.Any(SyntaxKind.ProtectedKeyword) && !constructor.Modifiers.Any(SyntaxKind.InternalKeyword))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The field a non-virtual property of the project only returns (<c>public string Code =&gt; _code;</c>, or a get
        /// accessor that does), so that it holds what the field holds; null for any other member.
        /// </summary>
        public static IFieldSymbol? ReturnedField(ISymbol member, CancellationToken cancellationToken)
        {
            if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, SetMethod: null, IsVirtual: false, IsAbstract: false, IsOverride: false } property
                || OwnSource.Implementation(property).DeclaringSyntaxReferences is not { Length: 1 } references
                || references[0].GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration
                || ReturnedName(declaration) is not { } name)
            {
                return null;
            }

            foreach (var candidate in property.ContainingType.GetMembers(name))
            {
                if (candidate is IFieldSymbol field)
                {
                    return field;
                }
            }

            return null;
        }

        /// <summary>The name a property's only accessor returns, bare or as <c>this.name</c>: <c>=&gt; _code</c>, <c>get =&gt; _code;</c>, <c>get { return _code; }</c>.</summary>
        private static string? ReturnedName(PropertyDeclarationSyntax property)
        {
            var returned = property.ExpressionBody?.Expression
                ?? (property.AccessorList?.Accessors is { Count: 1 } accessors && accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration)
                    ? MemberValues.Returned(accessors[0].ExpressionBody, accessors[0].Body)
                    : null);
            return returned switch
            {
                IdentifierNameSyntax name => name.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
                _ => null,
            };
        }

        private static bool IsGetOnlyAuto(PropertyDeclarationSyntax property)
            => property is { Initializer: null, ExpressionBody: null, AccessorList.Accessors: { Count: 1 } accessors }
                && accessors[0] is { Body: null, ExpressionBody: null } accessor
                && accessor.IsKind(SyntaxKind.GetAccessorDeclaration);

        /// <summary>Whether the language lets only the type's constructors store the member, and it starts empty.</summary>
        private static bool OnlyConstructorsStore(ISymbol member, CancellationToken cancellationToken)
        {
            // A partial property's declaring part, { get; }, looks like an auto-property; its implementing part has bodies.
            var references = (member is IPropertySymbol property ? OwnSource.Implementation(property) : member).DeclaringSyntaxReferences;
            if (references.Length != 1)
            {
                return false;
            }

            var syntax = references[0].GetSyntax(cancellationToken);
            return member switch
            {
                IPropertySymbol { SetMethod: null, IsVirtual: false, IsAbstract: false, IsOverride: false }
                    => syntax is PropertyDeclarationSyntax declaration && IsGetOnlyAuto(declaration),
                IFieldSymbol { IsReadOnly: true, IsConst: false } => syntax is VariableDeclaratorSyntax { Initializer: null },
                _ => false,
            };
        }

        /// <summary>The parameter a constructor stores the member from, as <see cref="Stores"/> reads it; null for none.</summary>
        private static IParameterSymbol? Stored(ConstructorDeclarationSyntax constructor, string member, IMethodSymbol symbol)
        {
            foreach (var parameter in symbol.Parameters)
            {
                if (Stores(constructor, member, parameter.Name))
                {
                    return parameter;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether a constructor stores the member once, at the top level of its body or as its expression body
        /// (<c>=&gt; Code = code;</c>), from the parameter, and nothing skips the store or changes the parameter first.
        /// </summary>
        private static bool Stores(ConstructorDeclarationSyntax constructor, string member, string parameter)
        {
            var body = (SyntaxNode?)constructor.Body ?? constructor.ExpressionBody;
            if (body is null || Writes(body, parameter, qualified: false) > 0 || Writes(body, member, qualified: true) != 1)
            {
                return false;
            }

            foreach (var node in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is ReturnStatementSyntax or GotoStatementSyntax)
                {
                    return false;
                }
            }

            if (constructor.ExpressionBody is { } arrow)
            {
                return IsStore(arrow.Expression, member, parameter);
            }

            foreach (var statement in constructor.Body!.Statements)
            {
                if (statement is ExpressionStatementSyntax { Expression: var expression } && IsStore(expression, member, parameter))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsStore(ExpressionSyntax expression, string member, string parameter)
            => expression is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } store
                && ConstructorStores.Names(store.Right, parameter)
                && store.Left switch
                {
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText == member,
                    IdentifierNameSyntax name => name.Identifier.ValueText == member && member != parameter,
                    _ => false,
                };

        /// <summary>
        /// How many places within a node may write the name: the target of an assignment (a tuple's elements included),
        /// of <c>++</c> or <c>--</c>, an argument passed by <c>ref</c> or <c>out</c>, or a <c>ref</c> taken of it; spelled
        /// bare, or also as <c>this.Name</c> when <paramref name="qualified"/>. Counted by name, so a local or a nested
        /// type's member of the same name counts too, which can only refuse a member.
        /// </summary>
        private static int Writes(SyntaxNode scope, string name, bool qualified)
        {
            var count = 0;
            foreach (var node in scope.DescendantNodes())
            {
                var target = node switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left,
                    PostfixUnaryExpressionSyntax postfix when node.IsKind(SyntaxKind.PostIncrementExpression) || node.IsKind(SyntaxKind.PostDecrementExpression) => postfix.Operand,
                    PrefixUnaryExpressionSyntax prefix when node.IsKind(SyntaxKind.PreIncrementExpression) || node.IsKind(SyntaxKind.PreDecrementExpression) => prefix.Operand,
                    ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword) => argument.Expression,
                    RefExpressionSyntax reference => reference.Expression,
                    _ => null,
                };
                if (target is not null)
                {
                    count += Named(target, name, qualified);
                }
            }

            return count;
        }

        private static int Named(ExpressionSyntax target, string name, bool qualified)
        {
            switch (target)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText == name ? 1 : 0;
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member }:
                    return qualified && member.Identifier.ValueText == name ? 1 : 0;
                case TupleExpressionSyntax tuple:
                    var count = 0;
                    foreach (var element in tuple.Arguments)
                    {
                        count += Named(element.Expression, name, qualified);
                    }

                    return count;
                case ParenthesizedExpressionSyntax parenthesized:
                    return Named(parenthesized.Expression, name, qualified);
                default:
                    return 0;
            }
        }
    }
}

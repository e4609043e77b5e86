using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// The value a field or property always holds, or a method always returns, when the compiler can tell: a
    /// <c>readonly</c> field or a get-only property initialised once (<c>= "IR"</c> or <c>=&gt; "IR"</c>) and assigned
    /// nowhere else, or a method without parameters that no override can replace and whose body is one expression or
    /// one <c>return</c>. Decided once per member and compilation.
    /// </summary>
    internal sealed class MemberValues(Compilation compilation)
    {
        private readonly ConcurrentDictionary<ISymbol, IOperation?> _values = new(SymbolEqualityComparer.Default);

        public IOperation? InitialValue(ISymbol member, IOperation use, CancellationToken cancellationToken)
            => member.DeclaringSyntaxReferences.IsEmpty
                ? null
                : _values.GetOrAdd(member.OriginalDefinition, m => Compute(m, use, cancellationToken));

        private IOperation? Compute(ISymbol member, IOperation use, CancellationToken cancellationToken)
        {
            var syntax = member switch
            {
                IFieldSymbol { IsReadOnly: true, IsConst: false } => (member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as VariableDeclaratorSyntax)?.Initializer?.Value,
                IPropertySymbol { SetMethod: null, IsAbstract: false, IsVirtual: false, IsOverride: false, IsIndexer: false } => member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
                {
                    PropertyDeclarationSyntax { ExpressionBody: { } body } => body.Expression,
                    PropertyDeclarationSyntax { Initializer: { } initializer, AccessorList: { } accessors }
                        when accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null) => initializer.Value,
                    _ => null,
                },
                IMethodSymbol { Parameters.IsEmpty: true, ReturnsVoid: false, IsAsync: false, IsAbstract: false, IsVirtual: false, IsOverride: false, IsExtern: false } => member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
                {
                    MethodDeclarationSyntax method => Returned(method.ExpressionBody, method.Body),
                    LocalFunctionStatementSyntax function => Returned(function.ExpressionBody, function.Body),
                    _ => null,
                },
                _ => null,
            };

            if (syntax is null || (member is not IMethodSymbol && AssignedInConstructor(member, cancellationToken)))
            {
                return null;
            }

            return ModelFor(syntax.SyntaxTree, use).GetOperation(syntax, cancellationToken);
        }

        /// <summary>What a body that is one expression or one <c>return</c> gives back.</summary>
        private static ExpressionSyntax? Returned(ArrowExpressionClauseSyntax? arrow, BlockSyntax? block)
            => arrow?.Expression ?? (block is { Statements.Count: 1 } && block.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null);

        /// <summary>Readonly fields and get-only auto-properties may still be assigned in a constructor of their type.</summary>
        private bool AssignedInConstructor(ISymbol member, CancellationToken cancellationToken)
        {
            var constructors = member.IsStatic ? member.ContainingType.StaticConstructors : member.ContainingType.InstanceConstructors;
            foreach (var constructor in constructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    var body = reference.GetSyntax(cancellationToken);
                    var operation = ModelFor(body.SyntaxTree, null).GetOperation(body, cancellationToken);
                    if (operation is not null && operation.DescendantsAndSelf().Any(o => Writes(o, member)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool Writes(IOperation operation, ISymbol member)
        {
            var target = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
                _ => null,
            };
            var written = target switch
            {
                IFieldReferenceOperation field => (ISymbol)field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };
            return written is not null && SymbolEqualityComparer.Default.Equals(written.OriginalDefinition, member);
        }

        private SemanticModel ModelFor(SyntaxTree tree, IOperation? use)
        {
            if (use?.SemanticModel is { } model && model.SyntaxTree == tree)
            {
                return model;
            }

#pragma warning disable RS1030 // Rare path, cached per member: the member is declared in another file than the use.
            return compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        }
    }
}

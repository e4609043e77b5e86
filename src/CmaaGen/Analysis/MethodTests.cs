using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// The tests a method of the project makes of its parameters against constants, so that a call of it tells of its
    /// argument what the test written in place would (<see cref="EqualityNarrowing"/>): a predicate whose body returns one
    /// (<c>static bool IsEmbargoed(string code) =&gt; Embargoed.Contains(code);</c>, then
    /// <c>if (IsEmbargoed(c)) continue;</c>), and the guards it begins with, which throw where theirs holds
    /// (<c>if (Embargoed.Contains(code)) throw …;</c>, then <c>EnsureAllowed(c);</c>). Found once per method; none for a
    /// method another assembly declares or that can be overridden.
    /// </summary>
    /// <param name="compilation">The compilation whose source declares the methods.</param>
    /// <param name="test">The test a condition makes of a value (<see cref="EqualityNarrowing"/>), calls not followed.</param>
    internal sealed class MethodTests(Compilation compilation, Func<IOperation, ValuePath, CancellationToken, ConstantTest?> test)
    {
        private static readonly Found None = new(ImmutableArray<(int, ConstantTest)>.Empty, ImmutableArray<(int, ConstantTest)>.Empty);

        private readonly ConcurrentDictionary<IMethodSymbol, Found> _found = new(SymbolEqualityComparer.Default);

        /// <summary>The test a call of the method returns the result of, for the argument at the ordinal; null for none.</summary>
        public ConstantTest? Returned(IMethodSymbol method, int ordinal, CancellationToken cancellationToken)
        {
            foreach (var found in Of(method, cancellationToken).Returned)
            {
                if (found.Ordinal == ordinal)
                {
                    return found.Test;
                }
            }

            return null;
        }

        /// <summary>
        /// The tests a call of the method throws on, for the argument at the ordinal: where it returns, each is false.
        /// </summary>
        public ImmutableArray<ConstantTest> ThrownOn(IMethodSymbol method, int ordinal, CancellationToken cancellationToken)
            => Of(method, cancellationToken).ThrownOn.Where(found => found.Ordinal == ordinal).Select(found => found.Test).ToImmutableArray();

        private Found Of(IMethodSymbol method, CancellationToken cancellationToken)
            => _found.GetOrAdd(method.OriginalDefinition, m => Find(m, cancellationToken));

        private Found Find(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.MethodKind != MethodKind.Ordinary || !OwnSource.Declares(compilation, method))
            {
                return None;
            }

            var body = OwnSource.Implementation(method);
            if (body.DeclaringSyntaxReferences.Length != 1 || body.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
            {
                return None;
            }

#pragma warning disable RS1030 // Once per method called in a test of a value that reaches an exchange.
            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
            var returned = ImmutableArray.CreateBuilder<(int, ConstantTest)>();
            if (method.ReturnType.SpecialType == SpecialType.System_Boolean
                && AgreementGuards.Returned(declaration.ExpressionBody, declaration.Body) is { } expression
                && model.GetOperation(expression, cancellationToken) is { } predicate)
            {
                AddTests(predicate, body, returned, cancellationToken);
            }

            var thrownOn = ImmutableArray.CreateBuilder<(int, ConstantTest)>();
            foreach (var guard in AgreementGuards.Guards(declaration))
            {
                if (model.GetOperation(guard, cancellationToken) is IConditionalOperation { Condition: var condition })
                {
                    // if (a || b) throw: each of them is false past it.
                    foreach (var each in Either(condition))
                    {
                        AddTests(each, body, thrownOn, cancellationToken);
                    }
                }
            }

            return new Found(returned.ToImmutable(), thrownOn.ToImmutable());
        }

        private void AddTests(IOperation condition, IMethodSymbol method, ImmutableArray<(int, ConstantTest)>.Builder tests, CancellationToken cancellationToken)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind == RefKind.None && test(condition, ValuePath.Of(parameter), cancellationToken) is { } found)
                {
                    tests.Add((parameter.Ordinal, found));
                }
            }
        }

        private static ImmutableArray<IOperation> Either(IOperation condition)
            => condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either
                ? Either(either.LeftOperand).AddRange(Either(either.RightOperand))
                : ImmutableArray.Create(condition);

        /// <summary>A method's tests, each with the ordinal of the parameter it tests.</summary>
        private sealed record Found(ImmutableArray<(int Ordinal, ConstantTest Test)> Returned, ImmutableArray<(int Ordinal, ConstantTest Test)> ThrownOn);
    }

    /// <summary>A test of a value against constants: the constants, and whether the value is one of them when the test is true (else it is none of them).</summary>
    internal readonly record struct ConstantTest(ImmutableArray<IOperation> Constants, bool OneOfWhenTrue);
}

using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// The tests a method of the project makes of its parameters against constants, so that a call of it tells of its
    /// argument what the test written in place would (<see cref="EqualityNarrowing"/>): a predicate whose body returns one
    /// (<c>static bool IsEmbargoed(string code) =&gt; Embargoed.Contains(code);</c>, then
    /// <c>if (IsEmbargoed(c)) continue;</c>), and the guards it begins with, which throw where theirs holds
    /// (<c>if (Embargoed.Contains(code)) throw …;</c>, then <c>EnsureAllowed(c);</c>). A predicate or guard may call
    /// others for its test (<c>IsAllowed(code) =&gt; !IsEmbargoed(code)</c>, <c>EnsureNotEmbargoed(code);</c> among the
    /// guards), followed <see cref="MaxCalls"/> calls deep. Local functions count too. Found once per method; none for a
    /// method another assembly declares or that can be overridden.
    /// </summary>
    /// <param name="compilation">The compilation whose source declares the methods.</param>
    /// <param name="members">The values of the project's members, which a tested collection's items are read from.</param>
    internal sealed class MethodTests(Compilation compilation, MemberValues members)
    {
        /// <summary>
        /// How many calls deep a predicate's or guard's own calls of others are followed. A method's tests are found once
        /// for each depth, so the answer for a method never depends on which call asked first, also through recursion.
        /// </summary>
        private const int MaxCalls = 3;

        private static readonly Found None = new(ImmutableArray<(int, ConstantTest)>.Empty, ImmutableArray<(int, ConstantTest)>.Empty);

        private readonly ConcurrentDictionary<IMethodSymbol, Found>[] _found =
            Enumerable.Range(0, MaxCalls + 1).Select(_ => new ConcurrentDictionary<IMethodSymbol, Found>(SymbolEqualityComparer.Default)).ToArray();

        /// <summary>The test a call of the method returns the result of, for the argument at the ordinal; null for none.</summary>
        public ConstantTest? Returned(IMethodSymbol method, int ordinal, CancellationToken cancellationToken)
            => ReturnedWithin(method, ordinal, MaxCalls, cancellationToken);

        /// <summary>
        /// What a call of a predicate of the project tests of the value it is given; <paramref name="cfg"/> is the graph
        /// the call is in, if any, whose captures are read through.
        /// </summary>
        public Func<IInvocationOperation, ValuePath, ConstantTest?> Called(ControlFlowGraph? cfg, CancellationToken cancellationToken)
            => CalledWithin(cfg, MaxCalls, cancellationToken);

        /// <summary>
        /// What a call of a guard of the project throws on for the value it is given: where the call returns, each of these
        /// tests is false.
        /// </summary>
        public Func<IInvocationOperation, ValuePath, ImmutableArray<ConstantTest>> Thrown(ControlFlowGraph? cfg, CancellationToken cancellationToken)
            => ThrownWithin(cfg, MaxCalls, cancellationToken);

        private Func<IInvocationOperation, ValuePath, ConstantTest?> CalledWithin(ControlFlowGraph? cfg, int depth, CancellationToken cancellationToken)
            => (call, path) => EqualityNarrowing.Argument(cfg, call, path) is { } ordinal ? ReturnedWithin(call.TargetMethod, ordinal, depth, cancellationToken) : null;

        private Func<IInvocationOperation, ValuePath, ImmutableArray<ConstantTest>> ThrownWithin(ControlFlowGraph? cfg, int depth, CancellationToken cancellationToken)
            => (call, path) => EqualityNarrowing.Argument(cfg, call, path) is { } ordinal
                ? Of(call.TargetMethod, depth, cancellationToken).ThrownOn.Where(found => found.Ordinal == ordinal).Select(found => found.Test).ToImmutableArray()
                : ImmutableArray<ConstantTest>.Empty;

        private ConstantTest? ReturnedWithin(IMethodSymbol method, int ordinal, int depth, CancellationToken cancellationToken)
        {
            foreach (var found in Of(method, depth, cancellationToken).Returned)
            {
                if (found.Ordinal == ordinal)
                {
                    return found.Test;
                }
            }

            return null;
        }

        private Found Of(IMethodSymbol method, int depth, CancellationToken cancellationToken)
            => _found[depth].GetOrAdd(method.OriginalDefinition, m => Find(m, depth, cancellationToken));

        private Found Find(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
                || !OwnSource.Declares(compilation, method))
            {
                return None;
            }

            var body = OwnSource.Implementation(method);
            if (body.DeclaringSyntaxReferences.Length != 1)
            {
                return None;
            }

            var (arrow, block) = body.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
            {
                MethodDeclarationSyntax declaration => (declaration.ExpressionBody, declaration.Body),
                LocalFunctionStatementSyntax function => (function.ExpressionBody, function.Body),
                _ => (null, null),
            };
            if (arrow is null && block is null)
            {
                return None;
            }

#pragma warning disable RS1030 // Once per method and depth, for a method called in a test of a value that reaches an exchange.
            var model = compilation.GetSemanticModel(((SyntaxNode?)arrow ?? block)!.SyntaxTree);
#pragma warning restore RS1030
            var called = depth == 0 ? null : CalledWithin(null, depth - 1, cancellationToken);
            var returned = ImmutableArray.CreateBuilder<(int, ConstantTest)>();
            if (method.ReturnType.SpecialType == SpecialType.System_Boolean
                && AgreementGuards.Returned(arrow, block) is { } expression
                && model.GetOperation(expression, cancellationToken) is { } predicate)
            {
                AddTests(predicate, body, called, returned, cancellationToken);
            }

            var thrownOn = ImmutableArray.CreateBuilder<(int, ConstantTest)>();
            foreach (var statement in AgreementGuards.Leading(block))
            {
                switch (model.GetOperation(statement, cancellationToken))
                {
                    case IConditionalOperation { Condition: var condition }:
                        // if (a || b) throw: each of them is false past it.
                        foreach (var each in Either(condition))
                        {
                            AddTests(each, body, called, thrownOn, cancellationToken);
                        }

                        break;
                    case IExpressionStatementOperation { Operation: IInvocationOperation call } when depth > 0:
                        // EnsureNotEmbargoed(code); among the guards: what it throws on, this method throws on.
                        var thrown = ThrownWithin(null, depth - 1, cancellationToken);
                        foreach (var parameter in body.Parameters)
                        {
                            if (parameter.RefKind == RefKind.None)
                            {
                                thrownOn.AddRange(thrown(call, ValuePath.Of(parameter)).Select(test => (parameter.Ordinal, test)));
                            }
                        }

                        break;
                }
            }

            return new Found(returned.ToImmutable(), thrownOn.ToImmutable());
        }

        private void AddTests(
            IOperation condition,
            IMethodSymbol method,
            Func<IInvocationOperation, ValuePath, ConstantTest?>? called,
            ImmutableArray<(int, ConstantTest)>.Builder tests,
            CancellationToken cancellationToken)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind == RefKind.None
                    && EqualityNarrowing.Combined(condition, ValuePath.Of(parameter), ItemsOf(cancellationToken), called) is { } found)
                {
                    tests.Add((parameter.Ordinal, found));
                }
            }
        }

        private Func<IOperation, ImmutableArray<IOperation>> ItemsOf(CancellationToken cancellationToken)
            => new CountryValueCollector(members, this, null, () => null, cancellationToken).ConstantItems;

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

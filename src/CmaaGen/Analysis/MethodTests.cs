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
    /// method another assembly declares. A call of an interface's, abstract or virtual method tests what every method it
    /// may run tests alike (<see cref="Overrides.Implementations"/>): <c>_screening.IsBlocked(c)</c>, where the one
    /// <c>IScreening</c> of the project tests <c>Blocked.Contains(country)</c>, tests that; none where another assembly
    /// may add one.
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

        /// <summary>
        /// The test a call of the method through the receiver, if any, returns the result of, for the argument at the
        /// ordinal; null for none.
        /// </summary>
        public ConstantTest? Returned(IMethodSymbol method, IOperation? receiver, int ordinal, CancellationToken cancellationToken)
            => ReturnedWithin(method, receiver, null, ordinal, MaxCalls, cancellationToken);

        /// <summary>
        /// What a call of a predicate of the project tests of the value it is given; <paramref name="cfg"/> is the graph
        /// the call is in, if any, whose captures are read through.
        /// </summary>
        public Func<IInvocationOperation, ValuePath, ConstantTest?> Called(ControlFlowGraph? cfg, CancellationToken cancellationToken)
            => CalledWithin(cfg, null, MaxCalls, cancellationToken);

        /// <summary>
        /// What a call of a guard of the project throws on for the value it is given: where the call returns, each of these
        /// tests is false.
        /// </summary>
        public Func<IInvocationOperation, ValuePath, ImmutableArray<ConstantTest>> Thrown(ControlFlowGraph? cfg, CancellationToken cancellationToken)
            => ThrownWithin(cfg, null, MaxCalls, cancellationToken);

        // within: the method whose body holds the calls, if any (Targets).
        private Func<IInvocationOperation, ValuePath, ConstantTest?> CalledWithin(ControlFlowGraph? cfg, IMethodSymbol? within, int depth, CancellationToken cancellationToken)
            => (call, path) => EqualityNarrowing.Argument(cfg, call, path) is { } ordinal ? ReturnedWithin(call.TargetMethod, call.Instance, within, ordinal, depth, cancellationToken) : null;

        private Func<IInvocationOperation, ValuePath, ImmutableArray<ConstantTest>> ThrownWithin(ControlFlowGraph? cfg, IMethodSymbol? within, int depth, CancellationToken cancellationToken)
            => (call, path) =>
            {
                if (EqualityNarrowing.Argument(cfg, call, path) is not { } ordinal)
                {
                    return ImmutableArray<ConstantTest>.Empty;
                }

                // Past the call, what every method it may run throws on is false.
                var common = default(ImmutableArray<ConstantTest>);
                foreach (var target in Targets(call.TargetMethod, call.Instance, within, cancellationToken))
                {
                    var thrown = Of(target, depth, cancellationToken).ThrownOn.Where(found => found.Ordinal == ordinal).Select(found => found.Test).ToImmutableArray();
                    common = common.IsDefault ? thrown : Shared(common, thrown);
                }

                return common.IsDefault ? ImmutableArray<ConstantTest>.Empty : common;
            };

        /// <summary>
        /// What two guards' throws on leave false alike: the constants both rule out, however each splits its tests
        /// (<c>Blocked.Contains(c)</c> and <c>c == "IR" || c == "KP"</c>), and a test of "one of them" both make.
        /// </summary>
        private static ImmutableArray<ConstantTest> Shared(ImmutableArray<ConstantTest> thrown, ImmutableArray<ConstantTest> other)
        {
            var ruledOut = other.Where(test => test.OneOfWhenTrue).SelectMany(test => test.Constants).Select(constant => constant.ConstantValue.Value).ToList();
            var shared = ImmutableArray.CreateBuilder<ConstantTest>();
            foreach (var test in thrown)
            {
                if (!test.OneOfWhenTrue)
                {
                    if (other.Any(each => Alike(test, each)))
                    {
                        shared.Add(test);
                    }
                }
                else if (test.Constants.Where(constant => ruledOut.Contains(constant.ConstantValue.Value)).ToImmutableArray() is { IsEmpty: false } both)
                {
                    shared.Add(test with { Constants = both });
                }
            }

            return shared.ToImmutable();
        }

        private ConstantTest? ReturnedWithin(IMethodSymbol method, IOperation? receiver, IMethodSymbol? within, int ordinal, int depth, CancellationToken cancellationToken)
        {
            ConstantTest? common = null;
            foreach (var target in Targets(method, receiver, within, cancellationToken))
            {
                var test = Of(target, depth, cancellationToken).Returned.FirstOrDefault(found => found.Ordinal == ordinal).Test;
                if (test.Constants.IsDefault || common is { } other && !Alike(test, other))
                {
                    return null;
                }

                common = test;
            }

            return common;
        }

        /// <summary>
        /// The methods a call of the method through the receiver may run; none where another assembly may add one. A call in
        /// the body of one of them, <paramref name="within"/>, does not stand for that one: a decorator's call of the
        /// interface it implements (<c>IsBlocked(string code) =&gt; _inner.IsBlocked(code);</c>) ends in one of the others,
        /// where it ends at all, so its test is theirs.
        /// </summary>
        private ImmutableArray<IMethodSymbol> Targets(IMethodSymbol method, IOperation? receiver, IMethodSymbol? within, CancellationToken cancellationToken)
        {
            var implementations = members.Overrides.Implementations(method, receiver, cancellationToken);
            if (implementations.IsDefault)
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            return within is null ? implementations : implementations.RemoveAll(implementation => SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, within.OriginalDefinition));
        }

        /// <summary>Whether two tests are of the same constants, by value, and hold alike.</summary>
        private static bool Alike(ConstantTest a, ConstantTest b)
            => a.OneOfWhenTrue == b.OneOfWhenTrue
                && a.Constants.Length == b.Constants.Length
                && a.Constants.All(constant => b.Constants.Any(other => Equals(constant.ConstantValue.Value, other.ConstantValue.Value)));

        private Found Of(IMethodSymbol method, int depth, CancellationToken cancellationToken)
            => _found[depth].GetOrAdd(method.OriginalDefinition, m => Find(m, depth, cancellationToken));

        private Found Find(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            if (method.IsAbstract || method.MethodKind is not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation or MethodKind.LocalFunction)
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
            var called = depth == 0 ? null : CalledWithin(null, method, depth - 1, cancellationToken);
            var returned = ImmutableArray.CreateBuilder<(int, ConstantTest)>();
            if (method.ReturnType.SpecialType == SpecialType.System_Boolean
                && AgreementGuards.Returned(arrow, block) is { } expression
                && model.GetOperation(expression, cancellationToken) is { } predicate)
            {
                AddTests(predicate, body, called, returned, cancellationToken);
            }

            var thrownOn = ImmutableArray.CreateBuilder<(int, ConstantTest)>();
            // An async method's guards throw into its task, not where it is called.
            foreach (var statement in method.IsAsync ? [] : AgreementGuards.Leading(arrow, block, method.ReturnsVoid))
            {
                var operation = model.GetOperation(statement, cancellationToken);
                if (operation is IConditionalOperation { Condition: var condition })
                {
                    // if (a || b) throw: each of them is false past it.
                    foreach (var each in Either(condition))
                    {
                        AddTests(each, body, called, thrownOn, cancellationToken);
                    }
                }
                else if (depth > 0 && AgreementGuards.GuardCall(operation, out var awaited) is { } call && !awaited)
                {
                    // EnsureNotEmbargoed(code); among the guards: what it throws on, this method throws on.
                    var thrown = ThrownWithin(null, method, depth - 1, cancellationToken);
                    foreach (var parameter in body.Parameters)
                    {
                        if (parameter.RefKind == RefKind.None)
                        {
                            thrownOn.AddRange(thrown(call, ValuePath.Of(parameter)).Select(test => (parameter.Ordinal, test)));
                        }
                    }
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

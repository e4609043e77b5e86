using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// A call through a delegate passes its arguments to the delegate type's <c>Invoke</c>, whose parameters carry no
    /// mark. Where the delegate is a local, what the call reaches is known: the lambdas and methods the local may hold
    /// at the call (<c>Action&lt;string&gt; send = gateway.Send; send("IR");</c>).
    /// </summary>
    internal static class DelegateCalls
    {
        /// <summary>
        /// The local an argument's call invokes, when the call is through a local delegate; null for every other argument,
        /// which is nearly every argument, so the test allocates nothing.
        /// </summary>
        public static ILocalReferenceOperation? InvokedLocal(IArgumentOperation argument)
            => argument.Parameter is { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.DelegateInvoke } }
                && argument.Parent is IInvocationOperation { Instance: ILocalReferenceOperation local }
                ? local
                : null;

        /// <summary>
        /// The parameter at <paramref name="ordinal"/> of each lambda or method the local may hold at the call; none when
        /// what it holds cannot be known.
        /// </summary>
        public static IEnumerable<IParameterSymbol> ReachedParameters(ILocalReferenceOperation local, int ordinal, Func<ControlFlowGraph?> graph)
            => LocalFlow.ReachingValues(local, graph)
                .SelectMany(Targets)
                .Where(target => ordinal + target.Skipped < target.Method.Parameters.Length)
                .Select(target => target.Method.Parameters[ordinal + target.Skipped]);

        // An extension method taken with its receiver (gateway.SendTo) gets the receiver as its first parameter, which
        // the delegate's parameters skip.
        private static IEnumerable<(IMethodSymbol Method, int Skipped)> Targets(IOperation? value) => value switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation function } => new[] { (function.Symbol, 0) },
            IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { IsExtensionMethod: true } method, Instance: not null } } => new[] { (method, 1) },
            IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => new[] { (reference.Method, 0) },
            IConversionOperation conversion => Targets(conversion.Operand),
            IConditionalOperation { WhenFalse: { } whenFalse } conditional => Targets(conditional.WhenTrue).Concat(Targets(whenFalse)),
            _ => Enumerable.Empty<(IMethodSymbol, int)>(),
        };
    }
}

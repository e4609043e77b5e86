using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// A call of a method or constructor of the project whose body a value is read from, inside the calls it was reached
    /// through (<see cref="Outer"/>). There a parameter of the method stands for the call's argument: <c>Normalize("ir")</c>,
    /// where <c>static string Normalize(string code) =&gt; code.Trim().ToUpperInvariant();</c>, gives Iran, and
    /// <c>Party.Create("KP").Country</c> North Korea, where <c>static Party Create(string country) =&gt; new("", country);</c>.
    /// </summary>
    internal sealed class CallFrame
    {
        private CallFrame(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, CallFrame? outer)
        {
            Method = method;
            Arguments = arguments;
            Outer = outer;
        }

        /// <summary>The method or constructor called.</summary>
        public IMethodSymbol Method { get; }

        /// <summary>The call's arguments, each with the parameter it is given to.</summary>
        public ImmutableArray<IArgumentOperation> Arguments { get; }

        /// <summary>The call the value was read through before this one; null for the body the analysis started in.</summary>
        public CallFrame? Outer { get; }

        /// <summary>The frames inside a call: a new one where its method has parameters to stand for.</summary>
        public static CallFrame? Enter(CallFrame? frames, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
            => method.Parameters.IsEmpty ? frames : new CallFrame(method, arguments, frames);

        /// <summary>
        /// The innermost frame whose method declares the parameter; null where none does, as for a parameter of the body the
        /// analysis started in, or of a lambda.
        /// </summary>
        public static CallFrame? Binding(CallFrame? frames, IParameterSymbol parameter)
        {
            if (parameter.RefKind != RefKind.None)
            {
                return null;
            }

            for (var frame = frames; frame is not null; frame = frame.Outer)
            {
                if (SymbolEqualityComparer.Default.Equals(OwnSource.Implementation(frame.Method.OriginalDefinition), parameter.ContainingSymbol.OriginalDefinition))
                {
                    return frame;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether a body decides by the parameter's value what it does (<c>HasAgreement(code) ? code : "DE"</c>,
        /// <c>if (code == "IR")</c>, <c>Ensure(code);</c>): then the argument may never reach what the body gives, so the
        /// parameter is not read as its argument, and stays a value known only at run time. Any test counts, a length's
        /// too, and any call as a statement, which may be a guard, but the constructor called first (<c>: this(code)</c>),
        /// whose own tests its parameters answer, and the <c>System</c> namespace's argument guards
        /// (<c>ArgumentNullException.ThrowIfNull(code);</c>), which let every country pass.
        /// </summary>
        public static bool IsTested(IParameterSymbol parameter, IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is not IParameterReferenceOperation { Parameter: var referenced }
                    || !SymbolEqualityComparer.Default.Equals(referenced.OriginalDefinition, parameter.OriginalDefinition))
                {
                    continue;
                }

                for (var child = operation; child != root && child.Parent is { } parent; child = parent)
                {
                    if (Decides(parent, child))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool Decides(IOperation parent, IOperation child) => parent switch
        {
            IConditionalOperation conditional => conditional.Condition == child,
            IWhileLoopOperation loop => loop.Condition == child,
            ISwitchOperation switchStatement => switchStatement.Value == child,
            ISwitchExpressionOperation switchExpression => switchExpression.Value == child,
            IIsPatternOperation or IIsTypeOperation or IBinaryOperation => true,
            IInvocationOperation call => call.Type?.SpecialType == SpecialType.System_Boolean
                || call.Parent is IExpressionStatementOperation && call.TargetMethod.MethodKind != MethodKind.Constructor
                    && !SymbolNames.IsNamespace(call.TargetMethod.ContainingType.ContainingNamespace, "System"),
            _ => false,
        };
    }
}

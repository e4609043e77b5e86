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
    }
}

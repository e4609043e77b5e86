using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// C# 14's extension blocks (<c>extension([CustomsDataExchange] string country) { public void Transmit() { … } }</c>),
    /// read through the API of Roslyn 4.8, which predates them. A call of a block's instance member passes the receiver as
    /// the call's instance, not as an argument (<c>"IR".Transmit()</c>), and the receiver is the block's parameter, which
    /// the member's own parameters do not hold. The checks count it after them: a block member's receiver is its
    /// parameter at ordinal <c>Parameters.Length</c>.
    /// </summary>
    internal static class ExtensionBlocks
    {
        /// <summary><c>TypeKind.Extension</c>, which Roslyn 5 added.</summary>
        private const TypeKind Extension = (TypeKind)14;

        /// <summary>
        /// <c>INamedTypeSymbol.ExtensionParameter</c> of Roslyn 5; null on an older host, which cannot compile a block.
        /// Read through reflection only for a block's members, which are few.
        /// </summary>
        private static readonly MethodInfo? ExtensionParameter = typeof(INamedTypeSymbol).GetProperty("ExtensionParameter")?.GetMethod;

        /// <summary>The receiver of an instance member of an extension block; null for any other member.</summary>
        public static IParameterSymbol? Receiver(ISymbol? member)
            => member is { IsStatic: false, ContainingType: { TypeKind: Extension } block } ? ParameterOf(block) : null;

        /// <summary>A method's parameters, by ordinal, and an extension block member's receiver after them.</summary>
        public static IEnumerable<IParameterSymbol> WithReceiver(IMethodSymbol method)
            => Receiver(method) is { } receiver ? method.Parameters.Add(receiver) : method.Parameters;

        /// <summary>Whether a parameter is an extension block's receiver rather than a method's own.</summary>
        public static bool IsReceiver(IParameterSymbol parameter) => parameter.ContainingSymbol is INamedTypeSymbol { TypeKind: Extension };

        /// <summary>The value a call passes as the parameter at an ordinal: its argument, or its instance for a block member's receiver.</summary>
        public static IOperation? Passed(IInvocationOperation call, int ordinal)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return ordinal == call.TargetMethod.Parameters.Length && Receiver(call.TargetMethod) is not null ? call.Instance : null;
        }

        /// <summary>The ordinal the checks give a parameter of a method: its own, or <c>Parameters.Length</c> for the receiver.</summary>
        public static int OrdinalIn(IMethodSymbol method, IParameterSymbol parameter) => IsReceiver(parameter) ? method.Parameters.Length : parameter.Ordinal;

        private static IParameterSymbol? ParameterOf(INamedTypeSymbol block) => ExtensionParameter?.Invoke(block, null) as IParameterSymbol;
    }
}

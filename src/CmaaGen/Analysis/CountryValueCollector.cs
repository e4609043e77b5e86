using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Finds the country values an operation can produce: constants (literals, const fields and locals,
    /// constant concatenation and interpolation), each constant branch of <c>?:</c>, <c>switch</c> and
    /// <c>??</c>, the elements of arrays, collection initializers and collection expressions, the values that
    /// reach a local, and the constant initial value of a <c>static readonly</c> field or get-only property.
    /// Anything else is a value known only at run time.
    /// </summary>
    internal sealed class CountryValueCollector
    {
        /// <summary>How far values are followed through locals and members before giving up.</summary>
        private const int MaxDepth = 8;

        private readonly MemberValues _members;
        private readonly Func<ControlFlowGraph?> _graph;
        private readonly CancellationToken _cancellationToken;
        private readonly List<FlowingValue> _values = [];

        public CountryValueCollector(MemberValues members, Func<ControlFlowGraph?> graph, CancellationToken cancellationToken)
        {
            _members = members;
            _graph = graph;
            _cancellationToken = cancellationToken;
        }

        public List<FlowingValue> Collect(IOperation value)
        {
            Collect(value, site: null, depth: 0);
            return _values;
        }

        private void Collect(IOperation? value, IOperation? site, int depth)
        {
            if (value is null)
            {
                return;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            value = Unwrap(value);
            if (depth > MaxDepth)
            {
                _values.Add(new FlowingValue(null, site ?? value, null));
                return;
            }

            if (value.ConstantValue.HasValue)
            {
                if (CountryText(value) is { } text)
                {
                    _values.Add(new FlowingValue(text, site ?? value, site is null ? null : value));
                }

                return;
            }

            switch (value)
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    Collect(conditional.WhenTrue, site, depth);
                    Collect(whenFalse, site, depth);
                    return;

                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        Collect(arm.Value, site, depth);
                    }

                    return;

                case ICoalesceOperation coalesce:
                    Collect(coalesce.Value, site, depth);
                    Collect(coalesce.WhenNull, site, depth);
                    return;

                case IArrayCreationOperation array:
                    foreach (var element in array.Initializer?.ElementValues ?? System.Collections.Immutable.ImmutableArray<IOperation>.Empty)
                    {
                        Collect(element, site, depth);
                    }

                    return;

                case IObjectCreationOperation { Initializer: { } initializer } when initializer.Initializers.All(i => i is IInvocationOperation):
                    // A collection initializer: each element is an Add call.
                    foreach (var add in initializer.Initializers.Cast<IInvocationOperation>())
                    {
                        foreach (var argument in add.Arguments)
                        {
                            Collect(argument.Value, site, depth);
                        }
                    }

                    return;

                case ILocalReferenceOperation local:
                    foreach (var reaching in LocalFlow.ReachingValues(local, _graph))
                    {
                        if (reaching is null)
                        {
                            _values.Add(new FlowingValue(null, site ?? local, null));
                        }
                        else
                        {
                            Collect(reaching, site ?? local, depth + 1);
                        }
                    }

                    return;

                case IFieldReferenceOperation or IPropertyReferenceOperation when _members.InitialValue((ISymbol?)(value as IFieldReferenceOperation)?.Field ?? ((IPropertyReferenceOperation)value).Property, value, _cancellationToken) is { } initial:
                    Collect(initial, site ?? value, depth + 1);
                    return;
            }

            if (IsCollectionExpression(value))
            {
                foreach (var element in value.ChildOperations)
                {
                    // A spread element (..items) contributes the elements of its operand.
                    Collect(element.Kind == SpreadKind ? element.ChildOperations.FirstOrDefault() : element, site, depth);
                }

                return;
            }

            _values.Add(new FlowingValue(null, site ?? value, null));
        }

        /// <summary>Conversions (to object, to a span, user-defined) keep the value they convert.</summary>
        internal static IOperation Unwrap(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }

        /// <summary>
        /// The text of a constant: a string, or an integer read as an ISO numeric code ("364"). Enum constants,
        /// such as a CmaaCountry member, null and the empty string (a placeholder, not a country) are not country text.
        /// </summary>
        private static string? CountryText(IOperation value)
        {
            switch (value.ConstantValue.Value)
            {
                case string text:
                    return text.Length > 0 ? text : null;
                case int or long or short or uint or ushort or ulong when value.Type?.TypeKind != TypeKind.Enum:
                    var number = Convert.ToInt64(value.ConstantValue.Value, CultureInfo.InvariantCulture);
                    return number is >= 0 and <= 999 ? number.ToString("D3", CultureInfo.InvariantCulture) : number.ToString(CultureInfo.InvariantCulture);
                default:
                    return null;
            }
        }

        // Collection expressions (C# 12) and their spreads have no operation kind in the Roslyn 4.8 this assembly
        // compiles against; the compiler that runs it may define them. Resolved once: naming a kind costs an allocation.
        private static readonly OperationKind? CollectionExpressionKind = KindNamed("CollectionExpression");
        private static readonly OperationKind? SpreadKind = KindNamed("Spread");

        private static OperationKind? KindNamed(string name) => Enum.TryParse<OperationKind>(name, out var kind) ? kind : null;

        private static bool IsCollectionExpression(IOperation value) => value.Kind == CollectionExpressionKind;
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// What a check is about: a local or parameter, or a field or property read from one, from <c>this</c> or from a
    /// type (<c>request.Country</c>, <c>_home</c>, <c>Settings.Partner</c>), as the symbols of the chain from its root.
    /// As in the compiler's nullable analysis, a check on a member holds until the member, or one it is read through,
    /// is written; calls in between are not taken to change it.
    /// </summary>
    internal sealed class ValuePath : IEquatable<ValuePath>
    {
        private readonly int _hash;

        private ValuePath(ImmutableArray<ISymbol> symbols)
        {
            Symbols = symbols;
            foreach (var symbol in symbols)
            {
                _hash = unchecked((_hash * 31) + SymbolEqualityComparer.Default.GetHashCode(symbol));
            }
        }

        /// <summary>The chain from its root: the local, parameter or first member, then each member read from it.</summary>
        public ImmutableArray<ISymbol> Symbols { get; }

        /// <summary>Whether the value is a local or parameter, rather than a member read.</summary>
        public bool IsVariable => Symbols.Length == 1 && Symbols[0].Kind is SymbolKind.Local or SymbolKind.Parameter;

        public static ValuePath Of(ISymbol variable) => new(ImmutableArray.Create(variable));

        /// <summary>The path of <paramref name="members"/> read, in turn, from this value.</summary>
        public ValuePath With(ImmutableArray<ISymbol> members) => members.IsEmpty ? this : new(Symbols.AddRange(members));

        /// <summary>
        /// The path a value reads, through conversions and what names the same country: a case change or trimmed text
        /// (<c>code.Trim()</c>), a null-conditional read (<c>shipment?.Destination</c>, null where there is no shipment),
        /// and the value of <c>??</c> (<c>code ?? ""</c>, whose fallback is taken only where the value is null, no
        /// country). Null for any other value (a call, an indexer, a literal).
        /// </summary>
        public static ValuePath? Read(IOperation value)
            => Chain(value, conditionalInstance: null) is { } chain ? new ValuePath(chain.ToImmutableArray()) : null;

        /// <summary>
        /// The symbols a value reads, from its root; <paramref name="conditionalInstance"/> is what the innermost
        /// null-conditional access reads, which its <c>?.</c> stands for.
        /// </summary>
        private static List<ISymbol>? Chain(IOperation value, List<ISymbol>? conditionalInstance)
        {
            switch (SameCountry(value))
            {
                case ILocalReferenceOperation local:
                    return [local.Local];
                case IParameterReferenceOperation parameter:
                    return [parameter.Parameter];
                case IConditionalAccessInstanceOperation:
                    return conditionalInstance is null ? null : [.. conditionalInstance];
                case IConditionalAccessOperation access:
                    return Chain(access.Operation, conditionalInstance) is { } instance ? Chain(access.WhenNotNull, instance) : null;
                case IFieldReferenceOperation field:
                    return Member(field.Field, field.Instance, conditionalInstance);
                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                    return Member(property.Property, property.Instance, conditionalInstance);
                default:
                    return null;
            }
        }

        private static List<ISymbol>? Member(ISymbol member, IOperation? instance, List<ISymbol>? conditionalInstance)
        {
            if (instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            {
                return [member];
            }

            var chain = Chain(instance, conditionalInstance);
            chain?.Add(member);
            return chain;
        }

        /// <summary>
        /// The value whose country a value names, for a check: through conversions, a case change or trimmed text, the
        /// value of <c>??</c>, and a graph's capture of a null-conditional read or <c>??</c>, which the graph splits
        /// into branches (<see cref="GraphPositions.Original"/>).
        /// </summary>
        private static IOperation SameCountry(IOperation value)
        {
            while (true)
            {
                value = CountryValueCollector.Unwrap(value);
                switch (value)
                {
                    case IInvocationOperation call when (CountryValueCollector.SameText(call) ?? Trimmed(call)) is { } source:
                        value = source;
                        continue;
                    case ICoalesceOperation coalesce:
                        value = coalesce.Value;
                        continue;
                    case IFlowCaptureReferenceOperation capture when GraphPositions.Original(capture) is { } original:
                        value = original;
                        continue;
                    default:
                        return value;
                }
            }
        }

        /// <summary>The text a call trims (<c>code.Trim()</c>), which names the same country; null for any other call.</summary>
        internal static IOperation? Trimmed(IInvocationOperation call)
            => call is { TargetMethod.Name: "Trim" or "TrimStart" or "TrimEnd", Arguments.IsEmpty: true, Instance: { Type.SpecialType: SpecialType.System_String } instance }
                ? instance
                : null;

        public bool Equals(ValuePath? other)
        {
            if (other is null || other._hash != _hash || other.Symbols.Length != Symbols.Length)
            {
                return false;
            }

            for (var i = 0; i < Symbols.Length; i++)
            {
                if (!SymbolEqualityComparer.Default.Equals(Symbols[i], other.Symbols[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as ValuePath);

        public override int GetHashCode() => _hash;
    }
}

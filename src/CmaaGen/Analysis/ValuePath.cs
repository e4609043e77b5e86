using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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

        /// <summary>The path a value reads, through conversions; null for any other value (a call, an indexer, a literal).</summary>
        public static ValuePath? Read(IOperation value)
        {
            var chain = ImmutableArray.CreateBuilder<ISymbol>();
            for (var current = CountryValueCollector.Unwrap(value); ;)
            {
                IOperation? instance;
                switch (current)
                {
                    case ILocalReferenceOperation local:
                        chain.Add(local.Local);
                        return Reversed(chain);
                    case IParameterReferenceOperation parameter:
                        chain.Add(parameter.Parameter);
                        return Reversed(chain);
                    case IFieldReferenceOperation field:
                        chain.Add(field.Field);
                        instance = field.Instance;
                        break;
                    case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                        chain.Add(property.Property);
                        instance = property.Instance;
                        break;
                    default:
                        return null;
                }

                if (instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
                {
                    return Reversed(chain);
                }

                current = CountryValueCollector.Unwrap(instance);
            }
        }

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

        private static ValuePath Reversed(ImmutableArray<ISymbol>.Builder chain)
        {
            chain.Reverse();
            return new ValuePath(chain.ToImmutable());
        }
    }
}

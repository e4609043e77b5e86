using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// The properties or methods a read of an abstract, virtual or interface property, or a call of such a method, may
    /// run, by the types its object may be: an object the code made (<c>new Tehran()</c>) runs its type's, and any other
    /// the one of its static type or of a type of the project derived from it. <c>party.Country</c>, where
    /// <c>Party.Country</c> is abstract, runs each override the project declares, so that a class per country
    /// (<c>override string Country =&gt; "IR";</c>) is read as a method returning each of them is. A null entry stands
    /// for members that cannot be known: those of another assembly's types, which may derive from a type they can see and
    /// override a member they can see (<see cref="ExchangeContexts.VisibleOutside"/>), and for an interface, those of
    /// types that implement it through a base type's member, which the project's members of its name do not show.
    /// </summary>
    /// <param name="compilation">The compilation whose source declares the overrides.</param>
    /// <param name="visibleOutside">Whether another assembly can see a member or type.</param>
    internal sealed class Overrides(Compilation compilation, Func<ISymbol, bool> visibleOutside)
    {
        // The members of the project's source that override or implement a member, by the member: found by name in the
        // compilation's declarations, once per member.
        private readonly ConcurrentDictionary<ISymbol, ImmutableArray<ISymbol>> _declared = new(SymbolEqualityComparer.Default);

        // What a read or call runs for an object of a static type, by type and then member.
        private readonly ConcurrentDictionary<ITypeSymbol, ConcurrentDictionary<ISymbol, ImmutableArray<(ISymbol? Member, ITypeSymbol? Self)>>> _run = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// Whether a read of the property, or a call of the method, may run another member: an interface's instance
        /// member, or an abstract, virtual or override one that neither it nor its type seals; not an indexer, and no
        /// generic method, whose overrides' type parameters are other symbols.
        /// </summary>
        public static bool Dispatches(ISymbol member)
            => member is { IsStatic: false, IsSealed: false } and (IPropertySymbol { IsIndexer: false } or IMethodSymbol { MethodKind: MethodKind.Ordinary, IsGenericMethod: false })
                && (member.ContainingType.TypeKind == TypeKind.Interface
                    || (member.IsAbstract || member.IsVirtual || member.IsOverride) && !member.ContainingType.IsSealed);

        /// <summary>
        /// The members a read or call of <paramref name="member"/> through <paramref name="receiver"/> may run, one for
        /// each type the object may be, <paramref name="objects"/> (exactly, or it or a type below it), each with the type
        /// of that object where it is known exactly, which <c>this</c> is in the member's body; a null member where not all
        /// can be known. <c>base.Country</c> runs the base type's member on the same object, <paramref name="self"/>.
        /// </summary>
        public ImmutableArray<(ISymbol? Member, ITypeSymbol? Self)> Run(ISymbol member, IOperation receiver, ITypeSymbol? self, IReadOnlyList<(ITypeSymbol? Type, bool Exact)> objects, CancellationToken cancellationToken)
        {
            if (receiver is IInstanceReferenceOperation && receiver.Syntax.IsKind(SyntaxKind.BaseExpression))
            {
                return ImmutableArray.Create(((ISymbol?)(member.IsAbstract ? null : member), self));
            }

            if (objects.Count == 1 && objects[0] is ({ } only, false) && ForType(only, member, cancellationToken) is { IsEmpty: false } kept)
            {
                // The common case, a parameter's or a loop's object: the answer kept for its type as it is.
                return kept;
            }

            var run = new List<(ISymbol? Member, ITypeSymbol? Self)>();
            foreach (var (type, exact) in objects)
            {
                var found = exact ? ImmutableArray.Create((Member: Implementation(type!, member), Self: type))
                    : type is null ? Unknown
                    : ForType(type, member, cancellationToken);
                foreach (var entry in found)
                {
                    if (!run.Any(known => SymbolEqualityComparer.Default.Equals(known.Member, entry.Member) && SymbolEqualityComparer.Default.Equals(known.Self, entry.Self)))
                    {
                        run.Add(entry);
                    }
                }
            }

            // An abstract member no type of the project overrides runs nothing known.
            return run.Count == 0 ? Unknown : run.ToImmutableArray();
        }

        private static readonly ImmutableArray<(ISymbol? Member, ITypeSymbol? Self)> Unknown = ImmutableArray.Create(((ISymbol?)null, (ITypeSymbol?)null));

        /// <summary>
        /// What a read or call runs for an object of the type or of a type derived from it: the member the type has,
        /// unless it is abstract, and each override or implementation of the project below it, and null where other
        /// assemblies may add more.
        /// </summary>
        private ImmutableArray<(ISymbol? Member, ITypeSymbol? Self)> ForType(ITypeSymbol type, ISymbol member, CancellationToken cancellationToken)
            => _run.GetOrAdd(type, _ => new ConcurrentDictionary<ISymbol, ImmutableArray<(ISymbol? Member, ITypeSymbol? Self)>>(SymbolEqualityComparer.Default))
                .GetOrAdd(member, _ =>
                {
                    if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface })
                    {
                        return Unknown;
                    }

                    var run = ImmutableArray.CreateBuilder<(ISymbol? Member, ITypeSymbol? Self)>();
                    var own = type.TypeKind == TypeKind.Interface ? null : Implementation(type, member);
                    if (own is not null)
                    {
                        run.Add((own, null));
                    }

                    foreach (var declared in Declared(member, cancellationToken))
                    {
                        if (!declared.IsAbstract && Below(declared.ContainingType, type) && !Same(declared, own))
                        {
                            run.Add((declared, null));
                        }
                    }

                    var open = member.ContainingType.TypeKind == TypeKind.Interface
                        || !type.IsSealed && !type.IsValueType && visibleOutside(type) && visibleOutside(member);
                    if (open)
                    {
                        run.Add((null, null));
                    }

                    return run.ToImmutable();
                });

        /// <summary>
        /// The member an object of exactly the type runs: the first override of the member up its base types, or for an
        /// interface's, the member that implements it; null where that is abstract or there is none.
        /// </summary>
        private static ISymbol? Implementation(ITypeSymbol type, ISymbol member)
        {
            if (member.ContainingType.TypeKind == TypeKind.Interface)
            {
                return type.FindImplementationForInterfaceMember(member) is { IsAbstract: false } implementing ? implementing : null;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var candidate in current.GetMembers(member.Name))
                {
                    if (candidate.Kind == member.Kind && (Same(candidate, member) || Replaces(candidate, member)))
                    {
                        return candidate.IsAbstract ? null : candidate;
                    }
                }
            }

            return null;
        }

        private ImmutableArray<ISymbol> Declared(ISymbol member, CancellationToken cancellationToken)
            => _declared.GetOrAdd(member.OriginalDefinition, original =>
            {
                // An explicit implementation is named after its interface too (IParty.Country).
                var name = original.Name;
                var named = original.ContainingType.TypeKind == TypeKind.Interface
                    ? compilation.GetSymbolsWithName(declared => declared == name || declared.EndsWith("." + name, StringComparison.Ordinal), SymbolFilter.Member, cancellationToken)
                    : compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken);
                return named.Where(candidate => candidate.Kind == original.Kind && Replaces(candidate, original)).ToImmutableArray();
            });

        /// <summary>Whether a member overrides the other, or an override of it, or implements the interface's.</summary>
        private static bool Replaces(ISymbol candidate, ISymbol member)
        {
            if (member.ContainingType.TypeKind != TypeKind.Interface)
            {
                for (var overridden = Overridden(candidate); overridden is not null; overridden = Overridden(overridden))
                {
                    if (Same(overridden, member))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var implemented in candidate.ContainingType.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, member.ContainingType.OriginalDefinition)
                    && implemented.GetMembers(member.Name).Any(declared => Same(declared, member)
                        && Same(candidate.ContainingType.FindImplementationForInterfaceMember(declared), candidate)))
                {
                    return true;
                }
            }

            return false;
        }

        private static ISymbol? Overridden(ISymbol member) => member switch
        {
            IPropertySymbol property => property.OverriddenProperty,
            IMethodSymbol method => method.OverriddenMethod,
            _ => null,
        };

        private static bool Same(ISymbol? a, ISymbol? b)
            => a is not null && b is not null && SymbolEqualityComparer.Default.Equals(a.OriginalDefinition, b.OriginalDefinition);

        /// <summary>
        /// Whether a type is the other, derives from it, or implements it: <c>Desk&lt;int&gt;</c> exactly, where both
        /// generic types' arguments are known, and any of its kind where either is generic code's (<c>Desk&lt;T&gt;</c>,
        /// also the base of <c>Sub&lt;T&gt; : Desk&lt;T&gt;</c>, which may be a <c>Desk&lt;int&gt;</c>).
        /// </summary>
        private static bool Below(ITypeSymbol type, ITypeSymbol ancestor)
        {
            if (ancestor.TypeKind == TypeKind.Interface)
            {
                return type.AllInterfaces.Any(implemented => Is(implemented, ancestor));
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Is(current, ancestor))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(ITypeSymbol type, ITypeSymbol ancestor)
            => SymbolEqualityComparer.Default.Equals(type, ancestor)
                || (Open(type) || Open(ancestor)) && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, ancestor.OriginalDefinition);

        private static bool Open(ITypeSymbol type)
            => type is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Any(argument => argument.TypeKind == TypeKind.TypeParameter);
    }
}

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
    /// override a member they can see (<see cref="ExchangeContexts.VisibleOutside"/>) or implement an interface they can
    /// see. An application's types are taken as the only ones (<see cref="OwnSource.IsApplication"/>).
    /// </summary>
    /// <param name="compilation">The compilation whose source declares the overrides.</param>
    /// <param name="visibleOutside">Whether another assembly can see a member or type.</param>
    internal sealed class Overrides(Compilation compilation, Func<ISymbol, bool> visibleOutside)
    {
        // No assembly that ships derives from an application's types; its tests' fakes do not ship.
        private readonly bool _application = OwnSource.IsApplication(compilation);

        // The classes and structs of the project's source, found once, the first time an interface's implementations are asked.
        private ImmutableArray<INamedTypeSymbol> _sourceTypes;

        // The classes and structs of the project's source that implement an interface, by the interface.
        private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<INamedTypeSymbol>> _implementers = new(SymbolEqualityComparer.Default);

        // The members of the project's source that override a class's member, by the member: found by name in the
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
            if (IsBase(receiver))
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
        /// Every method a call of the method through the receiver may run, by the receiver's type: the method itself where
        /// it does not dispatch (<see cref="Dispatches"/>) or is called through <c>base</c>; default where another assembly
        /// may add one, or none is known.
        /// </summary>
        public ImmutableArray<IMethodSymbol> Implementations(IMethodSymbol method, IOperation? receiver, CancellationToken cancellationToken)
        {
            if (!Dispatches(method) || IsBase(receiver))
            {
                return ImmutableArray.Create(method);
            }

            var run = receiver?.Type is { } type ? ForType(type, method, cancellationToken) : Unknown;
            return run.IsEmpty || run.Any(entry => entry.Member is not IMethodSymbol) ? default : run.Select(entry => (IMethodSymbol)entry.Member!).ToImmutableArray();
        }

        private static bool IsBase(IOperation? receiver) => receiver is IInstanceReferenceOperation && receiver.Syntax.IsKind(SyntaxKind.BaseExpression);

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

                    if (member.ContainingType.TypeKind == TypeKind.Interface)
                    {
                        return ForInterface(type, member, cancellationToken);
                    }

                    var run = ImmutableArray.CreateBuilder<(ISymbol? Member, ITypeSymbol? Self)>();
                    var own = Implementation(type, member);
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

                    if (DerivedOutside(type, member))
                    {
                        run.Add((null, null));
                    }

                    return run.ToImmutable();
                });

        /// <summary>
        /// What a read or call of an interface's member runs for an object of the type: the implementation of each class
        /// or struct of the project that is the type or below it, and null where another assembly may implement the
        /// interface or override an implementation, where the interface's member has a body of its own, which a type
        /// without one runs, or where an implementation cannot be found (a generic interface's member, met by code of
        /// another type argument).
        /// </summary>
        private ImmutableArray<(ISymbol? Member, ITypeSymbol? Self)> ForInterface(ITypeSymbol type, ISymbol member, CancellationToken cancellationToken)
        {
            var run = ImmutableArray.CreateBuilder<(ISymbol? Member, ITypeSymbol? Self)>();
            var open = !member.IsAbstract || Outside(member.ContainingType) && Outside(member);
            foreach (var implementer in Implementers(member.ContainingType, cancellationToken))
            {
                if (!Below(implementer, type))
                {
                    continue;
                }

                var implementation = Implementing(implementer, member);
                open |= implementation is null
                    || (implementation.IsAbstract || implementation.IsVirtual || implementation.IsOverride) && !implementation.IsSealed && DerivedOutside(implementer, implementation);
                if (implementation is { IsAbstract: false } && !run.Any(known => Same(known.Member, implementation)))
                {
                    run.Add((implementation, null));
                }
            }

            if (open)
            {
                run.Add((null, null));
            }

            return run.ToImmutable();
        }

        /// <summary>
        /// The classes and structs of the project's source that implement the interface, generic ones by any type
        /// arguments; found once per interface from one list of the project's types, which only a read of an interface's
        /// member in a value's flow asks for.
        /// </summary>
        private ImmutableArray<INamedTypeSymbol> Implementers(INamedTypeSymbol contract, CancellationToken cancellationToken)
            => _implementers.GetOrAdd(contract.OriginalDefinition, original =>
            {
                if (_sourceTypes.IsDefault)
                {
                    ImmutableInterlocked.InterlockedInitialize(
                        ref _sourceTypes,
                        compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type, cancellationToken)
                            .OfType<INamedTypeSymbol>()
                            .Where(type => type.TypeKind is TypeKind.Class or TypeKind.Struct)
                            .ToImmutableArray());
                }

                return _sourceTypes.Where(type => type.AllInterfaces.Any(implemented => SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, original))).ToImmutableArray();
            });

        /// <summary>Whether another assembly may derive from the type and override the member: it sees both, and the type is no sealed class or struct.</summary>
        private bool DerivedOutside(ITypeSymbol type, ISymbol member)
            => !type.IsSealed && !type.IsValueType && Outside(type) && Outside(member);

        /// <summary>
        /// Whether another assembly may see the symbol to derive from, override or implement it: one of another assembly
        /// always, and one of an application never.
        /// </summary>
        private bool Outside(ISymbol symbol)
            => !SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly) || !_application && visibleOutside(symbol);

        /// <summary>
        /// The member an object of exactly the type runs: the first override of the member up its base types, or for an
        /// interface's, the member that implements it; null where that is abstract or there is none.
        /// </summary>
        private static ISymbol? Implementation(ITypeSymbol type, ISymbol member)
        {
            if (member.ContainingType.TypeKind == TypeKind.Interface)
            {
                return type.TypeKind != TypeKind.Interface && Implementing(type, member) is { IsAbstract: false } implementing ? implementing : null;
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

        /// <summary>
        /// The member of the type that implements the interface's, abstract or not, through whichever of its interfaces of
        /// the member's kind it is found (<c>IDesk&lt;int&gt;</c> for code of <c>IDesk&lt;T&gt;</c>); null where none is.
        /// </summary>
        private static ISymbol? Implementing(ITypeSymbol type, ISymbol member)
            => type.AllInterfaces
                .Where(implemented => Is(implemented, member.ContainingType))
                .SelectMany(implemented => implemented.GetMembers(member.Name).Where(declared => Same(declared, member)))
                .Select(type.FindImplementationForInterfaceMember)
                .FirstOrDefault(found => found is not null);

        /// <summary>The overrides of a class's member the project's source declares, found by name once per member.</summary>
        private ImmutableArray<ISymbol> Declared(ISymbol member, CancellationToken cancellationToken)
            => _declared.GetOrAdd(member.OriginalDefinition, original => compilation.GetSymbolsWithName(original.Name, SymbolFilter.Member, cancellationToken)
                .Where(candidate => candidate.Kind == original.Kind && Replaces(candidate, original))
                .ToImmutableArray());

        /// <summary>Whether a member overrides the other, or an override of it.</summary>
        private static bool Replaces(ISymbol candidate, ISymbol member)
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

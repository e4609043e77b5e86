using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// The properties a read of an abstract, virtual or interface property may run, by the types its object may be: an
    /// object the code made (<c>new Tehran()</c>) runs its type's, and any other the one of its static type or of a type
    /// of the project derived from it. <c>party.Country</c>, where <c>Party.Country</c> is abstract, runs each override
    /// the project declares, so that a class per country (<c>override string Country =&gt; "IR";</c>) is read as a
    /// method returning each of them is. A null entry stands for properties that cannot be known: those of another
    /// assembly's types, which may derive from a type they can see and override a member they can see
    /// (<see cref="ExchangeContexts.VisibleOutside"/>), and for an interface, those of types that implement it through a
    /// base type's member, which the project's members of its name do not show.
    /// </summary>
    /// <param name="compilation">The compilation whose source declares the overrides.</param>
    /// <param name="visibleOutside">Whether another assembly can see a member or type.</param>
    internal sealed class Overrides(Compilation compilation, Func<ISymbol, bool> visibleOutside)
    {
        // The properties of the project's source that override or implement a property, by the property: found by name in
        // the compilation's declarations, once per property.
        private readonly ConcurrentDictionary<IPropertySymbol, ImmutableArray<IPropertySymbol>> _declared = new(SymbolEqualityComparer.Default);

        // What a read runs for an object of a static type, by type and then property.
        private readonly ConcurrentDictionary<ITypeSymbol, ConcurrentDictionary<IPropertySymbol, ImmutableArray<IPropertySymbol?>>> _run = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// Whether a read of the property may run another property's accessor: an interface's instance property, or an
        /// abstract, virtual or override one that neither it nor its type seals; not an indexer.
        /// </summary>
        public static bool Dispatches(IPropertySymbol property)
            => property is { IsStatic: false, IsIndexer: false, IsSealed: false }
                && (property.ContainingType.TypeKind == TypeKind.Interface
                    || (property.IsAbstract || property.IsVirtual || property.IsOverride) && !property.ContainingType.IsSealed);

        /// <summary>
        /// The properties a read of <paramref name="property"/> through <paramref name="receiver"/> may run, one for each
        /// object it may be (<see cref="CountryValueCollector.Sources(IOperation?, Func{ControlFlowGraph?})"/>), with a null entry where not all can be known.
        /// </summary>
        public ImmutableArray<IPropertySymbol?> Run(IPropertySymbol property, IOperation receiver, Func<ControlFlowGraph?> graph, CancellationToken cancellationToken)
        {
            if (receiver is IInstanceReferenceOperation && receiver.Syntax.IsKind(SyntaxKind.BaseExpression))
            {
                // base.Country runs the base type's property, whatever overrides it.
                return ImmutableArray.Create(property.IsAbstract ? null : property);
            }

            var run = new List<IPropertySymbol?>();
            foreach (var source in CountryValueCollector.Sources(receiver, graph))
            {
                var found = source switch
                {
                    IObjectCreationOperation { Type: { } made } => ImmutableArray.Create<IPropertySymbol?>(Implementation(made, property)),
                    { Type: { } type } => ForType(type, property, cancellationToken),
                    _ => receiver.Type is { } type ? ForType(type, property, cancellationToken) : ImmutableArray.Create((IPropertySymbol?)null),
                };
                foreach (var implementation in found)
                {
                    if (!run.Contains(implementation, SymbolEqualityComparer.Default))
                    {
                        run.Add(implementation);
                    }
                }
            }

            return run.ToImmutableArray();
        }

        /// <summary>
        /// What a read runs for an object of the type or of a type derived from it: the property the type has, unless it
        /// is abstract, and each override or implementation of the project below it, and null where other assemblies may
        /// add more.
        /// </summary>
        private ImmutableArray<IPropertySymbol?> ForType(ITypeSymbol type, IPropertySymbol property, CancellationToken cancellationToken)
            => _run.GetOrAdd(type, _ => new ConcurrentDictionary<IPropertySymbol, ImmutableArray<IPropertySymbol?>>(SymbolEqualityComparer.Default))
                .GetOrAdd(property, _ =>
                {
                    if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface })
                    {
                        return ImmutableArray.Create((IPropertySymbol?)null);
                    }

                    var run = ImmutableArray.CreateBuilder<IPropertySymbol?>();
                    if (type.TypeKind != TypeKind.Interface && Implementation(type, property) is { } own)
                    {
                        run.Add(own);
                    }

                    run.AddRange(Declared(property, cancellationToken).Where(declared => !declared.IsAbstract && Below(declared.ContainingType, type)));
                    var open = property.ContainingType.TypeKind == TypeKind.Interface
                        || !type.IsSealed && !type.IsValueType && visibleOutside(type) && visibleOutside(property);
                    if (open)
                    {
                        run.Add(null);
                    }

                    return run.ToImmutable();
                });

        /// <summary>
        /// The property an object of exactly the type runs: the first override of the property up its base types, or for
        /// an interface's, the member that implements it; null where that is abstract or there is none.
        /// </summary>
        private static IPropertySymbol? Implementation(ITypeSymbol type, IPropertySymbol property)
        {
            if (property.ContainingType.TypeKind == TypeKind.Interface)
            {
                return type.FindImplementationForInterfaceMember(property) as IPropertySymbol is { IsAbstract: false } implementing ? implementing : null;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(property.Name))
                {
                    if (member is IPropertySymbol candidate && (Same(candidate, property) || Replaces(candidate, property)))
                    {
                        return candidate.IsAbstract ? null : candidate;
                    }
                }
            }

            return null;
        }

        private ImmutableArray<IPropertySymbol> Declared(IPropertySymbol property, CancellationToken cancellationToken)
            => _declared.GetOrAdd(property.OriginalDefinition, original =>
            {
                // An explicit implementation is named after its interface too (IParty.Country).
                var name = original.Name;
                var named = original.ContainingType.TypeKind == TypeKind.Interface
                    ? compilation.GetSymbolsWithName(member => member == name || member.EndsWith("." + name, StringComparison.Ordinal), SymbolFilter.Member, cancellationToken)
                    : compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken);
                return named.OfType<IPropertySymbol>().Where(candidate => Replaces(candidate, original)).ToImmutableArray();
            });

        /// <summary>Whether a property overrides the other, or an override of it, or implements the interface's.</summary>
        private static bool Replaces(IPropertySymbol candidate, IPropertySymbol property)
        {
            if (property.ContainingType.TypeKind != TypeKind.Interface)
            {
                for (var overridden = candidate.OverriddenProperty; overridden is not null; overridden = overridden.OverriddenProperty)
                {
                    if (Same(overridden, property))
                    {
                        return true;
                    }
                }

                return false;
            }

            foreach (var implemented in candidate.ContainingType.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, property.ContainingType.OriginalDefinition)
                    && implemented.GetMembers(property.Name).OfType<IPropertySymbol>().Any(member => Same(member, property)
                        && Same(candidate.ContainingType.FindImplementationForInterfaceMember(member) as IPropertySymbol, candidate)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Same(IPropertySymbol? a, IPropertySymbol? b)
            => a is not null && b is not null && SymbolEqualityComparer.Default.Equals(a.OriginalDefinition, b.OriginalDefinition);

        /// <summary>
        /// Whether a type is the other, derives from it, or implements it: <c>Desk&lt;int&gt;</c> exactly, where a
        /// generic type's arguments are known, and any of its kind in generic code (<c>Desk&lt;T&gt;</c>).
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
                || ancestor is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Any(argument => argument.TypeKind == TypeKind.TypeParameter)
                    && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, ancestor.OriginalDefinition);
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CmaaGen.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Decides which parameters, properties and fields are customs data exchange contexts: those marked
    /// <c>[CustomsDataExchange]</c> (in source or in a referenced assembly, matched by full name, so a library's
    /// own copy of the attribute counts), those named in an API list, overrides and implementations of
    /// either, constructor parameters stored unchanged in one of their type's contexts or passed on to a
    /// constructor's parameter that is a context. Each type is decided once per compilation, and each member of a type
    /// that may hold a context. Apart from them, a parameter a private method or local function passes on unchanged to a
    /// context is checked for constants at the calls of its own file (<see cref="ForwardedContext"/>).
    /// </summary>
    internal sealed class ExchangeContexts
    {
        private readonly Compilation _compilation;
        private readonly string _namespace;
        private readonly ImmutableHashSet<ISymbol> _declared;
        private readonly ImmutableHashSet<ISymbol> _declaringTypes;
        private readonly bool _declaredInFramework;
        private readonly Lazy<bool> _aliasedGlobally;
        // Most arguments go to members of types that cannot hold a context at all (the framework's, and the
        // application's own types that neither mention the attribute nor derive from a type that may): one
        // answer per type spares the per-member cache, whose lookups were most of the analyzer's time.
        private readonly AnswerTable _types = new();
        // Every argument of every call asks about its parameter, so each member is decided once. The cache is keyed
        // by the original definition's object, of which a compilation has one per member: a lookup costs no
        // structural hashing, and a read takes no lock.
        private readonly ConcurrentDictionary<ISymbol, bool> _decided = new(ReferenceComparer.Instance);
        private readonly Func<ISymbol, bool> _decide;
        // Whether a referenced library's own members can carry the mark, and whether an assembly defines the
        // attribute (or forwards it, or is missing, so that its definition cannot be ruled out).
        private readonly ConcurrentDictionary<ISymbol, bool> _libraries = new(ReferenceComparer.Instance);
        private readonly Func<ISymbol, bool> _decideLibrary;
        private readonly ConcurrentDictionary<ISymbol, bool> _defining = new(ReferenceComparer.Instance);
        private readonly Func<ISymbol, bool> _decideDefining;
        private readonly Func<IAssemblySymbol, bool> _mayDefine;
        private readonly string _attributeName;
        private readonly Lazy<HashSet<IAssemblySymbol>> _resolved;
        private readonly Lazy<bool> _friends;
        private readonly ForwardedParameters _forwards;
        private readonly ConcurrentDictionary<ForwardedParameters.Key, bool> _forwarded = new();

        public ExchangeContexts(Compilation compilation, string attributeNamespace, ImmutableHashSet<ISymbol> declared)
        {
            _compilation = compilation;
            _namespace = attributeNamespace;
            _declared = declared;
            _declaringTypes = declared.Where(s => s.ContainingType is not null)
                .Select(s => (ISymbol)s.ContainingType.OriginalDefinition)
                .ToImmutableHashSet(SymbolEqualityComparer.Default);
            _declaredInFramework = declared.Any(s => s.ContainingAssembly is { } assembly && AttributeUsage.IsFramework(assembly));
            _aliasedGlobally = new Lazy<bool>(() => AttributeUsage.AliasedGlobally(compilation));
            _decide = Decide;
            _decideLibrary = MayCarryMarks;
            _decideDefining = MayDefineAttribute;
            _mayDefine = assembly => _defining.GetOrAdd(assembly, _decideDefining);
            _attributeName = AttributeUsage.FullName(attributeNamespace);
            _resolved = new Lazy<HashSet<IAssemblySymbol>>(() => AttributeUsage.Resolved(compilation));
            _friends = new Lazy<bool>(() => HasFriends(compilation));
            _forwards = new ForwardedParameters(compilation);
        }

        /// <summary>Whether a global using alias may name the attribute or <c>[AgreementChecked]</c> (<see cref="AttributeUsage.AliasedGlobally"/>).</summary>
        public bool AliasedGlobally => _aliasedGlobally.Value;

        /// <summary>Whether any context can exist: an API list names members, or the attribute may be used.</summary>
        public static bool AnyPossible(Compilation compilation, string attributeNamespace, ImmutableHashSet<ISymbol> declared)
            => !declared.IsEmpty || AttributeUsage.MayUse(compilation, attributeNamespace);

        /// <summary>
        /// Decides a symbol by its original definition: the compiler makes a new member symbol for each place that
        /// spells a constructed type (every <c>Dictionary&lt;string, decimal&gt;</c> field has its own indexer), so
        /// keying by the symbol as it appears would decide the same member once per file. Most symbols are their own
        /// original definition, found by the first lookup without reading it. A member of a type that cannot hold a
        /// context is answered by its type alone.
        /// </summary>
        public bool IsContext(ISymbol symbol)
            => MayHold(symbol.ContainingType)
                && (_decided.TryGetValue(symbol, out var known) ? known : _decided.GetOrAdd(symbol.OriginalDefinition, _decide));

        /// <summary>Says how a message names a context: "parameter 'country' of Gateway.Send".</summary>
        public static string Describe(ISymbol symbol) => symbol switch
        {
            IParameterSymbol p => "parameter '" + p.Name + "' of " + p.ContainingSymbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            IPropertySymbol p => "property " + p.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            _ => "field " + symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
        };

        /// <summary>
        /// Whether a member of the type can be a context, so that a member of a type that cannot is answered without
        /// reading it; a function pointer's parameters have no type and are decided alone.
        /// </summary>
        public bool MayHold(INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return true;
            }

            if (_types.TryGet(type, out var known))
            {
                return known;
            }

            // A constructed type takes its definition's answer, and keeps it under its own object: each field that
            // spells List<string> has a type object of its own, asked again at each of its calls.
            var definition = type.OriginalDefinition;
            if (!_types.TryGet(definition, out known))
            {
                known = _types.Add(definition, MayHoldContexts(definition));
            }

            return ReferenceEquals(definition, type) ? known : _types.Add(type, known);
        }

        /// <summary>
        /// A type can hold a context when one of its members may carry the mark (a file that declares it mentions the
        /// attribute, or an alias could rename it anywhere; for a library's type, the library can name the attribute),
        /// an API list names one of its members, or it derives from or implements a type that can, whose marks its
        /// overrides and implementations inherit. The framework never carries CmaaGen's attribute.
        /// </summary>
        private bool MayHoldContexts(INamedTypeSymbol type)
        {
            if (type.ContainingAssembly is not { } assembly || type.TypeKind == TypeKind.Error)
            {
                return true;
            }

            if (AttributeUsage.IsFramework(assembly))
            {
                return _declaredInFramework;
            }

            if (_declaringTypes.Contains(type))
            {
                return true;
            }

            if (SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly))
            {
                // A type of this assembly without a declaration to search (one from an added module) is left to the
                // per-member decision.
                if (type.DeclaringSyntaxReferences.IsEmpty || _aliasedGlobally.Value)
                {
                    return true;
                }

                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (AttributeUsage.Mentions(reference.SyntaxTree))
                    {
                        return true;
                    }
                }
            }
            else if (_libraries.GetOrAdd(assembly, _decideLibrary))
            {
                return true;
            }

            if (type.BaseType is { } baseType && MayHold(baseType))
            {
                return true;
            }

            foreach (var @interface in type.Interfaces)
            {
                if (MayHold(@interface))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A library's members can carry the mark only if the library can name the attribute's type
        /// (<see cref="AttributeUsage.CanName"/>), each assembly decided once. Its types can still inherit marks from the
        /// types they derive from, which <see cref="MayHoldContexts"/> follows.
        /// </summary>
        private bool MayCarryMarks(ISymbol symbol)
            => AttributeUsage.CanName((IAssemblySymbol)symbol, _mayDefine);

        /// <summary><see cref="AttributeUsage.MayDefine"/>, decided once per assembly.</summary>
        private bool MayDefineAttribute(ISymbol symbol)
            => AttributeUsage.MayDefine((IAssemblySymbol)symbol, _resolved.Value, _attributeName);

        private bool Decide(ISymbol symbol)
            => DecideByMarks(symbol) || (symbol is IParameterSymbol parameter && InferredContext(parameter) is not null);

        /// <summary>
        /// Whether a call of the method may pass its arguments on to a context unmarked (<see cref="ForwardedContext"/>): a
        /// local function or lambda, or a private method with a body of its own, which only its type's code calls. Asked of every
        /// call with arguments, so it reads the method's own flags alone: asking whether
        /// an internal method's type is the compilation's cost the 1,000-file project a sixth more callback time, in two
        /// lookups a call that the compiler's binding keeps pushing out of the processor's cache.
        /// </summary>
        public static bool MayForward(IMethodSymbol method)
            => method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction
                || method is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private, IsExtern: false };

        /// <summary>
        /// The context a parameter of a method that may forward (<see cref="MayForward"/>) reaches unchanged, unmarked: its
        /// body passes it to a context (<c>void SendTo(string country) =&gt; gateway.Send(country);</c>), or to a
        /// parameter of another such method that does, up to <see cref="ForwardingDepth"/> methods deep, through
        /// <paramref name="passes"/>'s forwards; null when it reaches none. Only methods declared in the file of
        /// <paramref name="model"/>, the call's, are read (<see cref="ForwardedParameters.Of"/>). The methods are walked
        /// here, breadth first with a visited set, as code can call itself and chains can be long; nothing found on the
        /// way is kept, so an answer does not depend on which call asked first.
        /// </summary>
        public ISymbol? ForwardedContext(IParameterSymbol parameter, SemanticModel model, Func<ForwardedParameters.Forward, bool> passes)
        {
            var visited = new HashSet<ForwardedParameters.Key>();
            var level = new List<IParameterSymbol> { parameter };
            for (var depth = 0; depth < ForwardingDepth && level.Count > 0; depth++)
            {
                var next = new List<IParameterSymbol>();
                foreach (var forwarding in level)
                {
                    if (forwarding.ContainingSymbol is not IMethodSymbol method || !MayForward(method)
                        || ForwardedParameters.KeyOf(forwarding) is not { } key || !visited.Add(key))
                    {
                        continue;
                    }

                    foreach (var forward in _forwards.Of(forwarding, model))
                    {
                        if (!passes(forward))
                        {
                            continue;
                        }

                        if (IsContext(forward.Receiver))
                        {
                            return forward.Receiver;
                        }

                        if (forward.Receiver is IParameterSymbol { ContainingSymbol: IMethodSymbol callee } receiver && MayForward(callee))
                        {
                            next.Add(receiver);
                        }
                    }
                }

                level = next;
            }

            return null;
        }

        /// <summary>
        /// Whether the parameter reaches a context through any of its forwards (<see cref="ForwardedContext"/>), decided
        /// once per parameter: each call of the method asks.
        /// </summary>
        public bool IsForwarded(IParameterSymbol parameter, SemanticModel model)
        {
            if (ForwardedParameters.KeyOf(parameter) is not { } key || !key.IsIn(model.SyntaxTree))
            {
                return false;
            }

            if (!_forwarded.TryGetValue(key, out var forwarded))
            {
                forwarded = _forwarded.GetOrAdd(key, ForwardedContext(parameter, model, AnyForward) is not null);
            }

            return forwarded;
        }

        private static readonly Func<ForwardedParameters.Forward, bool> AnyForward = _ => true;

        /// <summary>How many methods deep a parameter passed on is followed, as constructors calling one another are.</summary>
        private const int ForwardingDepth = 8;

        /// <summary>
        /// The context a constructor's parameter reaches unmarked, read from the constructors' code: the member of its
        /// type it is stored in, or what the parameter it is passed on to unchanged through a chain of constructors is
        /// (a marked parameter, or the member it is stored in); null when it reaches none. The chain is walked here
        /// rather than by asking about each constructor's parameter in turn: code being typed can chain constructors in
        /// a circle, which the visited set ends.
        /// </summary>
        private ISymbol? InferredContext(IParameterSymbol parameter)
        {
            if (StoredInContext(parameter) is { } stored)
            {
                return stored;
            }

            var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { parameter.ContainingSymbol.OriginalDefinition };
            for (var next = ConstructorStores.ForwardedTo(parameter, _compilation, CancellationToken.None);
                next is not null && visited.Add(next.ContainingSymbol.OriginalDefinition);
                next = ConstructorStores.ForwardedTo(next, _compilation, CancellationToken.None))
            {
                if (DecideByMarks(next.OriginalDefinition))
                {
                    return next;
                }

                if (StoredInContext(next) is { } forwarded)
                {
                    return forwarded;
                }
            }

            return null;
        }

        /// <summary>
        /// The context a parameter of a constructor other assemblies can call reaches without a mark they could see
        /// (<see cref="InferredContext"/>); null for any other parameter. Their calls pass it unchecked (CMAA007).
        /// </summary>
        public ISymbol? UnseenOutside(IParameterSymbol parameter)
            => parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } && IsContext(parameter) && !IsCheckedWhereCalled(parameter)
                ? InferredContext(parameter)
                : null;

        /// <summary>
        /// Whether a parameter's callers are checked wherever they are: it is a context by a mark (its own, inherited,
        /// or its record property's), which a referencing assembly sees too, or only callers in this compilation can
        /// reach it. A parameter that is a context only because a constructor stores it is invisible as one to other
        /// assemblies, which have no syntax to read.
        /// </summary>
        public bool IsCheckedWhereCalled(IParameterSymbol parameter)
            => IsContext(parameter) && (DecideByMarks(parameter.OriginalDefinition) || !VisibleOutside(parameter.ContainingSymbol));

        /// <summary>
        /// The context of its type a constructor's parameter is stored in unchanged, which is where that context's value
        /// comes from. Deciding the member asks at most about a primary constructor's parameter, whose only stores are
        /// member initializers that no positional property has, so the decision does not come round to this parameter.
        /// </summary>
        private ISymbol? StoredInContext(IParameterSymbol parameter)
            => ConstructorStores.Members(parameter, _compilation, CancellationToken.None).FirstOrDefault(IsContext);

        private bool DecideByMarks(ISymbol symbol)
        {
            if (symbol.Kind is not (SymbolKind.Parameter or SymbolKind.Property or SymbolKind.Field))
            {
                return false;
            }

            if (IsMarked(symbol) || (!_declared.IsEmpty && _declared.Contains(symbol)))
            {
                return true;
            }

            // Only an override or an interface implementation can inherit a mark; a positional record property and its
            // parameter share theirs, whichever of the two the attribute targets.
            if (!MayInherit(symbol is IParameterSymbol parameterSymbol ? parameterSymbol.ContainingSymbol : symbol))
            {
                return false;
            }

            return symbol switch
            {
                IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter => Inherited(method).Any(m => m.Parameters.Length > parameter.Ordinal && IsContext(m.Parameters[parameter.Ordinal]))
                    || PositionalProperty(parameter) is { } p && IsMarked(p),
                IPropertySymbol property => Inherited(property).Any(IsContext) || PositionalParameter(property) is { } p && IsContext(p),
                _ => false,
            };
        }

        /// <summary>
        /// Whether another assembly can call the member: it and every type around it are public or protected, or, where
        /// the assembly gives its internals to a friend that ships (<c>[assembly: InternalsVisibleTo(…)]</c>, see
        /// <see cref="IsTestOrProxy"/>), anything but private.
        /// </summary>
        public bool VisibleOutside(ISymbol member)
        {
            for (var symbol = member; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                switch (symbol.DeclaredAccessibility)
                {
                    case Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal:
                        continue;
                    case Accessibility.Internal or Accessibility.ProtectedAndInternal when _friends.Value:
                        continue;
                    default:
                        return false;
                }
            }

            return true;
        }

        /// <summary>Whether the compilation's assembly gives its internals to an assembly that is not a test's or a mock's.</summary>
        private static bool HasFriends(Compilation compilation)
            => compilation.Assembly.GetAttributes().Any(attribute => SymbolNames.IsType(attribute.AttributeClass, "System.Runtime.CompilerServices", "InternalsVisibleToAttribute")
                && !(attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string friend && IsTestOrProxy(friend)));

        /// <summary>
        /// Whether a friend, by its name (<c>"Contoso.Filing.Tests, PublicKey=…"</c>), is a test project or the assembly
        /// mocking libraries emit their proxies into. Nearly every library gives its internals to its tests, and a test
        /// passes whatever it needs to exercise a rejection; counting such a friend would report every internal
        /// constructor (CMAA007) and check (CMAA009), and making the member internal, which the rules' pages advise,
        /// would not help. Names are compared as spelled, so <c>Contoso.Latest</c> or <c>Contoso.Contest</c> still count.
        /// </summary>
        internal static bool IsTestOrProxy(string friend)
        {
            var comma = friend.IndexOf(',');
            var name = (comma < 0 ? friend : friend.Substring(0, comma)).Trim();
            if (name == "DynamicProxyGenAssembly2")
            {
                // Castle DynamicProxy's assembly, which Moq, NSubstitute and FakeItEasy generate their fakes into.
                return true;
            }

            var segment = name.Substring(name.LastIndexOf('.') + 1);
            foreach (var suffix in TestSuffixes)
            {
                if (segment.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>How test projects' names end: <c>.Tests</c>, <c>.UnitTests</c>, <c>.Test</c>, <c>.Specs</c>, <c>.Benchmarks</c>.</summary>
        private static readonly string[] TestSuffixes = ["Tests", "Test", "Specs", "Benchmarks"];

        private static bool MayInherit(ISymbol member) => member switch
        {
            IMethodSymbol method => method.IsOverride || !method.ExplicitInterfaceImplementations.IsEmpty || ImplementsInterfaces(method)
                || method is { MethodKind: MethodKind.Constructor, ContainingType.IsRecord: true },
            IPropertySymbol property => property.IsOverride || !property.ExplicitInterfaceImplementations.IsEmpty || ImplementsInterfaces(property)
                || property.ContainingType is { IsRecord: true },
            _ => false,
        };

        private static bool ImplementsInterfaces(ISymbol member) => !member.IsStatic && member.ContainingType is { AllInterfaces.IsEmpty: false };

        private bool IsMarked(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (SymbolNames.IsType(attribute.AttributeClass, _namespace, AttributeEmitter.AttributeName))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The members a method or property overrides or implements.</summary>
        private static IEnumerable<T> Inherited<T>(T member)
            where T : class, ISymbol
        {
            var overridden = member switch
            {
                IMethodSymbol m => m.OverriddenMethod as T,
                IPropertySymbol p => p.OverriddenProperty as T,
                _ => null,
            };
            if (overridden is not null)
            {
                yield return overridden;
            }

            var explicitImplementations = member switch
            {
                IMethodSymbol m => m.ExplicitInterfaceImplementations.Cast<T>(),
                IPropertySymbol p => p.ExplicitInterfaceImplementations.Cast<T>(),
                _ => Enumerable.Empty<T>(),
            };
            foreach (var implemented in explicitImplementations)
            {
                yield return implemented;
            }

            if (member.ContainingType is not { } type || member.IsStatic)
            {
                yield break;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var candidate in @interface.GetMembers(member.Name).OfType<T>())
                {
                    if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member))
                    {
                        yield return candidate;
                    }
                }
            }
        }

        /// <summary>
        /// The positional record property a primary constructor parameter declares: <c>[property: CustomsDataExchange]</c>
        /// marks the property alone, yet the constructor's argument is what flows into it. Only the property's own mark
        /// counts here, as <see cref="PositionalParameter"/> goes the other way.
        /// </summary>
        private static IPropertySymbol? PositionalProperty(IParameterSymbol parameter)
        {
            if (parameter.ContainingType is not { IsRecord: true } record)
            {
                return null;
            }

            foreach (var member in record.GetMembers(parameter.Name))
            {
                if (member is IPropertySymbol property
                    && (parameter.DeclaringSyntaxReferences.IsEmpty
                        ? IsCompiledPositional(property, parameter)
                        : PositionalParameter(property) is { } declared && SymbolEqualityComparer.Default.Equals(declared, parameter)))
                {
                    return property;
                }
            }

            return null;
        }

        /// <summary>The primary constructor parameter a positional record property comes from, whose attributes it shares.</summary>
        private static IParameterSymbol? PositionalParameter(IPropertySymbol property)
        {
            if (property.ContainingType is not { IsRecord: true } record)
            {
                return null;
            }

            if (property.DeclaringSyntaxReferences.IsEmpty)
            {
                return record.InstanceConstructors
                    .SelectMany(c => c.Parameters)
                    .FirstOrDefault(p => IsCompiledPositional(property, p));
            }

            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is ParameterSyntax syntax)
                {
                    return record.InstanceConstructors
                        .SelectMany(c => c.Parameters)
                        .FirstOrDefault(p => p.DeclaringSyntaxReferences.Any(r => r.GetSyntax() == syntax));
                }
            }

            return null;
        }

        /// <summary>
        /// A compiled record keeps no trace of which constructor was the primary one; its positional properties are the
        /// instance properties named and typed as a constructor's parameter, which the compiler generates that way.
        /// </summary>
        private static bool IsCompiledPositional(IPropertySymbol property, IParameterSymbol parameter)
            => !property.IsStatic
                && property.Name == parameter.Name
                && SymbolEqualityComparer.Default.Equals(property.Type, parameter.Type);

        private sealed class ReferenceComparer : IEqualityComparer<ISymbol>
        {
            public static readonly ReferenceComparer Instance = new();

            public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

            public int GetHashCode(ISymbol symbol) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(symbol);
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Whether a run-time value is checked before it reaches an exchange: every path from the start of the
    /// body to the use passes the true branch of <c>CmaaAgreements.HasAgreement(x)</c> or
    /// <c>CmaaAgreements.IsOwner(x)</c> on the same local, parameter or member read (<see cref="ValuePath"/>), as in
    /// <c>if (CmaaAgreements.HasAgreement(x)) Send(x);</c> or <c>if (!CmaaAgreements.HasAgreement(x)) return; Send(x);</c>,
    /// or passes a call to a method of the project that throws unless the check holds (<c>EnsureAgreement(x);</c>). A
    /// method of the project that returns the check of its parameter (<c>IsAllowed(x)</c>) is the check of its argument,
    /// and one that returns it negated (<c>IsEmbargoed(x)</c>) its opposite. A method of another assembly is either
    /// when its <c>[AgreementChecked]</c> mark says so (<see cref="CheckMarks"/>).
    /// When every partner of the lists is in force, <c>CmaaAgreements.TryGetCountry(x, out …)</c> is the same check:
    /// it finds partners only.
    /// </summary>
    /// <param name="allPartnersInForce">Whether every partner of the project's lists is in force.</param>
    /// <param name="hasAgreement">Whether a constant country text passes <c>CmaaAgreements.HasAgreement</c> with the project's lists.</param>
    /// <param name="overrides">The methods a call of an interface's, abstract or virtual method may run.</param>
    internal sealed class AgreementGuards(string generatedNamespace, Compilation compilation, bool allPartnersInForce, Func<string, bool> hasAgreement, Overrides overrides)
    {
        private const string TryGetCountry = "TryGetCountry";

        private static readonly string[] GuardMethods = ["HasAgreement", "IsOwner"];

        // Every name a check is called by: the guards, and TryGetCountry while every partner is in force.
        internal static readonly string[] CheckNames = [.. GuardMethods, TryGetCountry];

        // LINQ calls whose items are items of their source, so a filter before them still holds after them: those that
        // copy every item, and those that leave some out.
        private static readonly HashSet<string> KeepsItems =
        [
            .. CountryValueCollector.CopiesItems, .. CountryValueCollector.KeepsSomeItems, .. CountryValueCollector.Filters,
        ];

        // Which parameters each called method checks before anything else, one bit per ordinal; decided once per method.
        private readonly ConcurrentDictionary<IMethodSymbol, LeadingGuards> _leadingGuards = new(SymbolEqualityComparer.Default);

        // Which parameter, if any, each called method returns the check of; decided once per method.
        private readonly ConcurrentDictionary<IMethodSymbol, Predicate> _predicates = new(SymbolEqualityComparer.Default);

        // Which members hold only checked countries, by their type's constructors; decided once per member.
        private readonly ConcurrentDictionary<ISymbol, bool> _checkedMembers = new(SymbolEqualityComparer.Default);

        // Which blocks of a graph each value enters checked; kept as long as the graph lives.
        private readonly ConditionalWeakTable<ControlFlowGraph, ConcurrentDictionary<ValuePath, bool[]>> _checkedOnEntry = new();

        /// <param name="value">The local, parameter or member read at the exchange.</param>
        /// <param name="cfg">The graph of the body that holds the exchange.</param>
        /// <param name="sameCountry">
        /// The value whose country a value names (<c>country</c> for <c>country.ToUpperInvariant()</c>): a write of
        /// the same country, such as <c>country = country.ToUpperInvariant();</c>, keeps a check made before it.
        /// </param>
        public bool IsGuarded(IOperation value, ControlFlowGraph? cfg, Func<IOperation, IOperation> sameCountry)
        {
            // A use inside a lambda or local function is guarded within that function's own graph.
            var guarded = ValuePath.Read(value);
            cfg = cfg is null ? null : GraphPositions.Holding(cfg, value.Syntax);
            if (guarded is null || cfg is null || !GraphPositions.TryFind(cfg, value.Syntax, out var useBlock, out var useIndex))
            {
                return false;
            }

            // A write of the member or of any value it is read through undoes a check.
            var writes = guarded.Symbols.Select(symbol => GraphPositions.WritesOf(cfg, symbol)).ToArray();
            return LastEvent(useBlock, useIndex, guarded, writes, sameCountry)
                ?? _checkedOnEntry.GetValue(cfg, _ => new ConcurrentDictionary<ValuePath, bool[]>())
                    .GetOrAdd(guarded, path => CheckedOnEntry(cfg, path, writes, sameCountry))[useBlock.Ordinal];
        }

        /// <summary>
        /// Whether a value is read from a member that holds only checked countries: <c>partner.Code</c>, where the
        /// project's own code shows it (<see cref="CheckedMembers"/>), or another assembly's member is marked
        /// <c>[AgreementChecked]</c>. The type's own methods read it too (<c>gateway.Send(_code)</c>): an instance that
        /// exists has been made, and one still being made holds null, no country, until the store. A read in a
        /// constructor of the type is not one, since it may come before the store.
        /// </summary>
        public bool IsCheckedByConstruction(IOperation value)
        {
            var read = CountryValueCollector.Unwrap(value);

            // partner?.Code reads the member where there is an instance, and gives null, no country, where there is none.
            if (read is IConditionalAccessOperation { WhenNotNull: var whenNotNull })
            {
                read = CountryValueCollector.Unwrap(whenNotNull);
            }

            var member = read switch
            {
                IPropertyReferenceOperation { Instance: not null, Property: var property } => (ISymbol)property.OriginalDefinition,
                IFieldReferenceOperation { Instance: not null, Field: var field } => field.OriginalDefinition,
                _ => null,
            };
            if (member is null || !HoldsOnlyChecked(member))
            {
                return false;
            }

            var constructor = value.Syntax.FirstAncestorOrSelf<ConstructorDeclarationSyntax>();
            if (constructor?.Parent is not { } declaring)
            {
                return true;
            }

            foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == declaring.SyntaxTree && reference.Span == declaring.Span)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether a member, as declared, holds only checked countries: by the project's own code
        /// (<see cref="CheckedMembers"/>), or, for another assembly's, by its <c>[AgreementChecked]</c> mark without a
        /// return value. Decided once per member for CMAA004, CMAA008 and CMAA009 alike.
        /// </summary>
        public bool HoldsOnlyChecked(ISymbol member)
            => _checkedMembers.TryGetValue(member, out var holds) ? holds : _checkedMembers.GetOrAdd(member, DecideMember(member));

        private bool DecideMember(ISymbol member)
        {
            if (!OwnSource.Declares(compilation, member))
            {
                return CheckMarks.IsMarked(member, generatedNamespace, out var returnValue) && returnValue is null;
            }

            // A property that returns a field holds what the field holds.
            return CheckedMembers.ReturnedField(member, CancellationToken.None) is { } field
                ? HoldsOnlyChecked(field)
                : CheckedMembers.HoldOnlyChecked(member, compilation, CheckedParameters, CalledChecked, CancellationToken.None);
        }

        /// <summary>
        /// Whether every call of a private constructor passes a checked country as the parameter. Only its type's code can
        /// call it, so each <c>new</c> of it there must pass a local, parameter or member that a check guards on every path
        /// to it, as CMAA004 takes a guard (<c>if (!CmaaAgreements.HasAgreement(code)) throw …; return new Partner(code);</c>),
        /// or a constant that passes the check (<c>public static readonly Partner Germany = new("DE");</c>); and no
        /// constructor may chain to it, since a chain runs before any guard of the chaining constructor's body.
        /// </summary>
        private bool CalledChecked(IMethodSymbol constructor, int ordinal)
        {
            // A factory's creations usually share a body, and a graph's checks are solved once per graph.
            var graphs = new Dictionary<IOperation, ControlFlowGraph?>();
            foreach (var reference in constructor.ContainingType.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax();
                SemanticModel? model = null;
                foreach (var node in declaration.DescendantNodes())
                {
                    if (node is not (ConstructorInitializerSyntax or BaseObjectCreationExpressionSyntax))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Once per type whose member is asked, where CMAA004 is on.
                    model ??= compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
                    if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(node).Symbol?.OriginalDefinition, constructor))
                    {
                        continue;
                    }

                    // A chain (: this(…), : base(…)) is no creation: it runs before any guard of the chaining constructor's body.
                    if (model.GetOperation(node) is not IObjectCreationOperation creation || !IsCheckedArgument(creation, ordinal, graphs))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private bool IsCheckedArgument(IObjectCreationOperation creation, int ordinal, Dictionary<IOperation, ControlFlowGraph?> graphs)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    var value = CountryValueCollector.Unwrap(argument.Value);
                    return value.ConstantValue is { HasValue: true, Value: string text }
                        ? hasAgreement(text)
                        : IsGuarded(value, GraphOf(LocalFlow.Root(creation), graphs), static same => same);
                }
            }

            return false;
        }

        /// <summary>The control flow graph of a body, initializer or member's root operation, built once; null where it has none.</summary>
        private static ControlFlowGraph? GraphOf(IOperation root, Dictionary<IOperation, ControlFlowGraph?> graphs)
        {
            if (!graphs.TryGetValue(root, out var graph))
            {
                graph = root switch
                {
                    IMethodBodyOperation body => ControlFlowGraph.Create(body),
                    IConstructorBodyOperation body => ControlFlowGraph.Create(body),
                    IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer),
                    IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer),
                    IBlockOperation block => ControlFlowGraph.Create(block),
                    _ => null,
                };
                graphs.Add(root, graph);
            }

            return graph;
        }

        /// <summary>
        /// Why a property or field's <c>[AgreementChecked]</c> mark is not borne out by the code (CMAA008), or null when it
        /// is; <paramref name="holds"/> says whether the member holds only checked countries, so that the mark without a
        /// return value would be.
        /// </summary>
        public string? UnprovenMember(ISymbol member, bool? returnValue, out bool holds)
        {
            holds = HoldsOnlyChecked(member);
            if (returnValue is not null)
            {
                return "a property or field returns nothing, so its mark names no return value";
            }

            return holds ? null : "it may hold a country " + member.ContainingType.Name + " stores unchecked";
        }

        /// <summary>
        /// Whether a value is a collection filtered by the check, or a <c>foreach</c> variable (or ForEach lambda's
        /// parameter) over one:
        /// <c>countries.Where(CmaaAgreements.HasAgreement)</c> or <c>.Where(c =&gt; CmaaAgreements.HasAgreement(c))</c>,
        /// then maybe LINQ calls that keep only items of their source (<c>ToList()</c>, <c>OrderBy(…)</c>), reached
        /// through locals and conditionals. A member read from such a variable (<c>shipment.Destination</c>) is one
        /// where the filter checks that member of each item (<c>.Where(s =&gt; CmaaAgreements.HasAgreement(s.Destination))</c>)
        /// and the body around it writes no member of that name.
        /// </summary>
        public bool IsFiltered(IOperation value, Func<ControlFlowGraph?> graph)
        {
            // The members read from the item, outermost last; most values are no member read and cost no list.
            List<ISymbol>? members = null;
            var read = CountryValueCollector.Unwrap(value);
            while (true)
            {
                switch (read)
                {
                    case IPropertyReferenceOperation { Arguments.IsEmpty: true, Instance: { } instance } property:
                        (members ??= []).Insert(0, property.Property);
                        read = CountryValueCollector.Unwrap(instance);
                        continue;
                    case IFieldReferenceOperation { Instance: { } instance } field:
                        (members ??= []).Insert(0, field.Field);
                        read = CountryValueCollector.Unwrap(instance);
                        continue;
                }

                return members is null
                    ? IsFiltered(read, ImmutableArray<ISymbol>.Empty, graph, 0)
                    : !WritesAny(members, value, graph) && IsFiltered(read, members.ToImmutableArray(), graph, 0);
            }
        }

        /// <summary>Whether the body that holds the value writes any of the members, of whatever instance.</summary>
        private static bool WritesAny(List<ISymbol> members, IOperation value, Func<ControlFlowGraph?> graph)
            => graph() is not { } body
                || GraphPositions.Holding(body, value.Syntax) is not { } cfg
                || members.Exists(member => GraphPositions.WritesOf(cfg, member).Count > 0);

        /// <param name="value">The collection, or a variable that takes its items.</param>
        /// <param name="members">The member of each item the filter must check (<c>Destination</c>); none for the item itself.</param>
        /// <param name="graph">The graph of the body that holds the value.</param>
        /// <param name="depth">How far values have been followed to get here.</param>
        private bool IsFiltered(IOperation value, ImmutableArray<ISymbol> members, Func<ControlFlowGraph?> graph, int depth)
        {
            // A local rewritten from itself (list = list.ToList(); in a loop) would send the search round: it stops where
            // the collector stops following values.
            if (depth > CountryValueCollector.MaxDepth)
            {
                return false;
            }

            value = CountryValueCollector.Unwrap(value);
            if (value is ILocalReferenceOperation local && LocalFlow.IteratedCollection(local, out var path) is { } collection && path.IsEmpty)
            {
                value = collection;
            }
            else if (value is IParameterReferenceOperation parameter && DelegateCalls.IteratedBy(parameter) is { } iterated)
            {
                value = iterated;
            }

            // A filtered list that code adds to after (allowed.Add(other)) holds what was added too.
            if (CountryValueCollector.Unwrap(value) is ILocalReferenceOperation holder && CollectionAdditions.IsMutable(holder.Type) && CollectionAdditions.OfLocal(holder).AddsAny(holder))
            {
                return false;
            }

            var any = false;
            foreach (var source in CountryValueCollector.Sources(value, graph))
            {
                if (!IsFilteredCollection(source, members, graph, depth))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        private bool IsFilteredCollection(IOperation? value, ImmutableArray<ISymbol> members, Func<ControlFlowGraph?> graph, int depth)
        {
            // list.FindAll(check) and Array.FindAll(codes, check) make a filtered copy, as Where does.
            if (value is IInvocationOperation { TargetMethod.Name: "FindAll", Arguments.Length: > 0 } findAll
                && (SymbolNames.IsType(findAll.TargetMethod.ContainingType, "System.Collections.Generic", "List")
                    || SymbolNames.IsType(findAll.TargetMethod.ContainingType, "System", "Array"))
                && IsCheck(CountryValueCollector.Unwrap(findAll.Arguments[findAll.Arguments.Length - 1].Value), members))
            {
                return true;
            }

            var kept = false;
            while (value is IInvocationOperation { TargetMethod: { IsExtensionMethod: true } method } call
                && SymbolNames.IsType(method.ContainingType, "System.Linq", "Enumerable")
                && call.Arguments.Length > 0)
            {
                if (method.Name == "Where" && call.Arguments.Length == 2 && IsCheck(CountryValueCollector.Unwrap(call.Arguments[1].Value), members))
                {
                    return true;
                }

                if (!KeepsItems.Contains(method.Name))
                {
                    return false;
                }

                value = CountryValueCollector.Unwrap(call.Arguments[0].Value);
                kept = true;
            }

            // The source of calls that keep its items may be a filtered collection held in a local (allowed.ToList()).
            return kept && value is not null && IsFiltered(value, members, graph, depth + 1);
        }

        /// <summary>
        /// A predicate that is the check of each item, or of its <paramref name="members"/>: the check method itself or a
        /// predicate (of the item alone), or a lambda whose result states the check, as a predicate's would
        /// (<c>s =&gt; s != null &amp;&amp; CmaaAgreements.HasAgreement(s.Destination)</c>).
        /// </summary>
        private bool IsCheck(IOperation predicate, ImmutableArray<ISymbol> members) => predicate switch
        {
            IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var method } reference } => members.IsEmpty
                && (IsCheckMethod(method) || method.Parameters.Length == 1 && Dispatched(method, reference.Instance, PredicateOf) is { Ordinal: 0, Negated: false }),
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters.Length: 1, Body.Operations.Length: 1 } lambda }
                => lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
                    && Stated(returned, [ValuePath.Of(lambda.Symbol.Parameters[0]).With(members)], Polarity) is { Ordinal: 0, Negated: false },
            _ => false,
        };

        /// <summary>
        /// Whether each block of the graph is entered with the value checked on every path from the start of the body:
        /// every edge into it is the true edge of a guard or leaves a block that ends checked, by a check (or a call that
        /// checks) after its last write of the value, or by being entered checked and not writing it. Solved once per
        /// graph and value; walking back from each use instead made a long method of many exchanges of one value cost
        /// the square of its length.
        /// </summary>
        private bool[] CheckedOnEntry(ControlFlowGraph cfg, ValuePath guarded, Dictionary<int, List<GraphPositions.Write>>[] writes, Func<IOperation, IOperation> sameCountry)
            => FlowFacts.HoldsOnEntry(
                cfg,
                block => LastEvent(block, block.Operations.Length + 1, guarded, writes, sameCountry),
                branch => IsGuardTrueEdge(branch, guarded, cfg));

        /// <summary>
        /// What a block does to the value before <paramref name="end"/>, last: true for a call that checks it, false for a
        /// write of anything but the same country, null for neither.
        /// </summary>
        private bool? LastEvent(BasicBlock block, int end, ValuePath guarded, Dictionary<int, List<GraphPositions.Write>>[] writes, Func<IOperation, IOperation> sameCountry)
        {
            var check = LastCheck(block, end, guarded);
            var write = -1;
            foreach (var ofSymbol in writes)
            {
                if (!ofSymbol.TryGetValue(block.Ordinal, out var inBlock))
                {
                    continue;
                }

                foreach (var candidate in inBlock)
                {
                    if (candidate.Index < end && candidate.Index > write
                        && !(candidate.Value is { } written && guarded.Equals(ValuePath.Read(sameCountry(written)))))
                    {
                        write = candidate.Index;
                    }
                }
            }

            return check < 0 && write < 0 ? null : check > write;
        }

        private bool IsGuardTrueEdge(ControlFlowBranch branch, ValuePath guarded, ControlFlowGraph cfg)
            => FlowFacts.Branch(branch.Source) is var (test, conditionalWhenTrue)
                && (Polarity(test, guarded) ?? (test is ILocalReferenceOperation flag ? Held(OnlyValue(cfg, flag.Local), guarded) : null)) is { } polarity
                && branch.IsConditionalSuccessor == (conditionalWhenTrue == polarity);

        /// <summary>
        /// What a local's one value says of the check where a branch tests the local: true where the local is true
        /// (<c>var ok = CmaaAgreements.HasAgreement(x) &amp;&amp; x.Length == 2;</c>), false where it is false.
        /// </summary>
        private bool? Held(IOperation? value, ValuePath guarded) => Stated(value, [guarded], Polarity) is { Ordinal: 0 } stated ? !stated.Negated : null;

        /// <summary>
        /// Whether a condition checks the value: true when it holds exactly where the check does (a <c>CmaaAgreements</c>
        /// check method, or a predicate that returns the check), false when it holds exactly where the check fails (a
        /// predicate that returns the check negated), null when it is no check of the value.
        /// </summary>
        private bool? Polarity(IOperation? condition, ValuePath guarded) => Polarity(condition, guarded, PredicateOf);

        private bool? Polarity(IOperation? condition, ValuePath guarded, Func<IMethodSymbol, Predicate> predicateOf)
        {
            var waited = Waited(condition, out _);
            if (waited is IPropertyReferenceOperation { Arguments.IsEmpty: true, Property: { GetMethod: { } getter } property, Instance: { } instance }
                && ExtensionBlocks.Receiver(property) is not null)
            {
                // code.IsPermitted of an extension block: its getter, whose only parameter is the receiver.
                return predicateOf(getter) is { Ordinal: 0 } read && guarded.Equals(ValuePath.Read(instance)) ? !read.Negated : null;
            }

            if (waited is not IInvocationOperation invocation)
            {
                return null;
            }

            if (IsCheckMethod(invocation.TargetMethod))
            {
                return DirectCheck(invocation, guarded);
            }

            var predicate = Dispatched(invocation.TargetMethod, invocation.Instance, predicateOf);
            return predicate.Ordinal >= 0
                && ExtensionBlocks.Passed(invocation, predicate.Ordinal) is { } passed
                && guarded.Equals(ValuePath.Read(passed))
                    ? !predicate.Negated
                    : null;
        }

        /// <summary>
        /// The check a call of the method through the receiver returns: the one every method it may run returns alike
        /// (<c>_policy.IsPartner(c)</c>, where the one <c>IPolicy</c> of the project returns
        /// <c>CmaaAgreements.HasAgreement(country)</c>), or none where another assembly may add one
        /// (<see cref="Overrides.Implementations"/>). The method being decided, <see cref="Predicate.Itself"/>, stands for
        /// none of them: a decorator's call of the interface it implements ends in one of the others.
        /// </summary>
        private Predicate Dispatched(IMethodSymbol method, IOperation? receiver, Func<IMethodSymbol, Predicate> predicateOf)
        {
            var common = (Predicate?)null;
            var implementations = overrides.Implementations(method, receiver, CancellationToken.None);
            foreach (var implementation in implementations.IsDefault ? ImmutableArray<IMethodSymbol>.Empty : implementations)
            {
                var each = predicateOf(implementation);
                if (each == Predicate.Itself)
                {
                    continue;
                }

                if (each.Ordinal < 0 || common is { } other && each != other)
                {
                    return Predicate.None;
                }

                common = each;
            }

            return common ?? Predicate.None;
        }

        /// <summary>
        /// The parameter a method or local function of the project returns the check of:
        /// <c>bool IsAllowed(string country) =&gt; CmaaAgreements.HasAgreement(country);</c>, or one <c>return</c> of it,
        /// maybe joined to other conditions by <c>&amp;&amp;</c> (true only where the check holds), or the check negated
        /// (<c>IsEmbargoed(country) =&gt; !CmaaAgreements.HasAgreement(country)</c>), maybe joined by <c>||</c>; the call of
        /// another predicate stands for its check (<c>CanShip(country) =&gt; IsAllowed(country);</c>). For a method of another
        /// assembly, the parameter its <c>[AgreementChecked(bool)]</c> mark names. <see cref="Predicate.None"/> for any
        /// other method. A method that can be overridden is decided by its own body; a call of it, by what every override
        /// returns (<see cref="Dispatched"/>).
        /// </summary>
        private Predicate PredicateOf(IMethodSymbol method)
            => Decide(
                _predicates,
                method.OriginalDefinition,
                [],
                Predicate.None,
                Predicate.Itself,
                (m, predicateOf) => DecidePredicate(m, (condition, guarded) => Polarity(condition, guarded, predicateOf)),
                out _);

        /// <summary>
        /// Decides something of a method (its predicate, its guards) while the ones that call it are being decided
        /// (<paramref name="deciding"/>, outermost first), <paramref name="decide"/> asking the same of the methods it
        /// calls. A call back into one of them gives <paramref name="unknown"/> there, which can only miss a check; a call of
        /// the method itself, <paramref name="itself"/> (<see cref="Dispatched"/>). The chain is followed to its end, so that
        /// the answer does not depend on which method was asked first. What is decided while leaning on a call back is for
        /// this search alone, so it is not kept (<paramref name="leansOn"/>, the depth of the outermost one leaned on); the
        /// rest is kept, so every decision is the one made from that method outward, whichever thread or call site asks
        /// first. A chain deep enough to exhaust the compiler's stack fails this callback (CMAA900), not the compiler.
        /// </summary>
        private static T Decide<T>(
            ConcurrentDictionary<IMethodSymbol, T> decided,
            IMethodSymbol m,
            List<IMethodSymbol> deciding,
            T unknown,
            T itself,
            Func<IMethodSymbol, Func<IMethodSymbol, T>, T> decide,
            out int leansOn)
        {
            leansOn = int.MaxValue;
            if (decided.TryGetValue(m, out var known))
            {
                return known;
            }

            var at = deciding.FindIndex(each => SymbolEqualityComparer.Default.Equals(each, m));
            if (at >= 0)
            {
                leansOn = at;
                return unknown;
            }

            RuntimeHelpers.EnsureSufficientExecutionStack();
            var own = deciding.Count;
            var leaned = int.MaxValue;
            deciding.Add(m);
            var result = decide(m, callee =>
            {
                if (SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, m))
                {
                    return itself;
                }

                var called = Decide(decided, callee.OriginalDefinition, deciding, unknown, itself, decide, out var calledLeansOn);
                leaned = Math.Min(leaned, calledLeansOn);
                return called;
            });
            deciding.RemoveAt(own);

            if (leaned < own)
            {
                leansOn = leaned;
                return result;
            }

            return decided.GetOrAdd(m, result);
        }

        /// <summary>
        /// Decides one method, with <paramref name="leaf"/> deciding the calls its result is made of. A method returning
        /// <c>Task&lt;bool&gt;</c> or <c>ValueTask&lt;bool&gt;</c> is decided by its task's result: what an <c>async</c> one
        /// returns, or the task of a predicate another returns unawaited, since no other task's result can state a check.
        /// </summary>
        private Predicate DecidePredicate(IMethodSymbol m, Func<IOperation, ValuePath, bool?> leaf)
        {
            if (m.ReturnType.SpecialType != SpecialType.System_Boolean && !IsTaskOfBoolean(m.ReturnType) || m.IsAbstract || m.IsExtern)
            {
                return Predicate.None;
            }

            // An extension block's property is a predicate in its own project only: a mark on the block's receiver is
            // borne out by its methods (CMAA008), not its properties.
            if (!OwnSource.Declares(compilation, m))
            {
                return m.MethodKind != MethodKind.PropertyGet && CheckMarks.Read(m, generatedNamespace) is { Ordinal: >= 0, Returns: bool returns } mark
                    ? new Predicate(mark.Ordinal, !returns)
                    : Predicate.None;
            }

            var body = OwnSource.Implementation(m);
            if (body.DeclaringSyntaxReferences.Length != 1)
            {
                return Predicate.None;
            }

            var returned = body.DeclaringSyntaxReferences[0].GetSyntax() switch
            {
                MethodDeclarationSyntax declaration => Returned(declaration.ExpressionBody, declaration.Body),
                LocalFunctionStatementSyntax function => Returned(function.ExpressionBody, function.Body),
                ArrowExpressionClauseSyntax getter => Returned(getter, null),
                AccessorDeclarationSyntax getter => Returned(getter.ExpressionBody, getter.Body),
                _ => null,
            };
            if (returned is null || !MayStateCheck(returned))
            {
                return Predicate.None;
            }

#pragma warning disable RS1030 // Once per method whose result a branch tests, where CMAA004 is on.
            var operation = compilation.GetSemanticModel(returned.SyntaxTree).GetOperation(returned);
#pragma warning restore RS1030
            return Stated(operation, Parameters(body), leaf);
        }

        /// <summary>
        /// The value whose check a condition states, by its index in <paramref name="values"/> (a method's parameters, by
        /// ordinal), and whether it states it by being false: <c>Check(p)</c> by being true, <c>!Check(p)</c> by being
        /// false, <c>x &amp;&amp; Check(p)</c> by being true and <c>!Check(p) || x</c> by being false, nested alike.
        /// <paramref name="leaf"/> says what a condition that is none of these says about a value: true when it holds
        /// exactly where the check does, false where the check fails.
        /// </summary>
        private static Predicate Stated(IOperation? condition, IReadOnlyList<ValuePath> values, Func<IOperation, ValuePath, bool?> leaf)
        {
            switch (condition)
            {
                case IUnaryOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } or IIsPatternOperation
                    when FlowFacts.Unnegated(condition, out var negatedTest) is var test && test != condition:
                    return Stated(test, values, leaf) is { Ordinal: >= 0 } inner ? inner with { Negated = inner.Negated != negatedTest } : Predicate.None;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } binary:
                    // Where the whole is true, each side of && is; where it is false, each side of || is.
                    var negated = binary.OperatorKind == BinaryOperatorKind.ConditionalOr;
                    var left = Stated(binary.LeftOperand, values, leaf);
                    return left.Ordinal >= 0 && left.Negated == negated ? left
                        : Stated(binary.RightOperand, values, leaf) is { Ordinal: >= 0 } right && right.Negated == negated ? right
                        : Predicate.None;
                case null:
                    return Predicate.None;
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (leaf(condition, values[i]) is bool polarity)
                {
                    return new Predicate(i, !polarity);
                }
            }

            return Predicate.None;
        }

        /// <summary>The paths of a method's parameters, by ordinal (an extension block member's receiver last), for <see cref="Stated"/>.</summary>
        private static ValuePath[] Parameters(IMethodSymbol method) => ExtensionBlocks.WithReceiver(method).Select(ValuePath.Of).ToArray();

        /// <summary>A call of a <c>CmaaAgreements</c> check on the value.</summary>
        private bool? DirectCheck(IOperation condition, ValuePath guarded)
            => condition is IInvocationOperation call && IsCheckMethod(call.TargetMethod) && guarded.Equals(ValuePath.Read(call.Arguments[0].Value)) ? true : null;

        /// <summary>
        /// Whether a method is written as a check could be, by its syntax alone, asked of a file that names a check
        /// (<see cref="NamesChecks"/>): it begins with guards that throw under an <c>if</c> or calls among them, or it
        /// returns a call (<see cref="MayStateCheck"/>).
        /// </summary>
        public static bool MayCheck(MethodDeclarationSyntax method)
            => method.ParameterList.Parameters.Count > 0
                && (Leading(method.Body).Any(statement => statement is not LocalDeclarationStatementSyntax)
                    || Returned(method.ExpressionBody, method.Body) is { } returned && MayStateCheck(returned));

        /// <summary>
        /// Whether a file spells the name of a <c>CmaaAgreements</c> check, searched once per file. Most files name none,
        /// and their methods are then answered without reading a body: every method of every project is asked, and the
        /// time spent in the callbacks is where the compiler's collections land. A validation method of such a file that
        /// checks only through a predicate of another file is not found here; it is still a check in its project.
        /// </summary>
        internal static bool NamesChecks(SyntaxTree tree) => FileWords.Spells(tree, FileWords.Word.Check);

        /// <summary>
        /// Whether a check of the value could come before its use, by the syntax of the member around it: a call other
        /// than the ones the use is passed to names the value's variable among its arguments or in its receiver
        /// (<c>CmaaAgreements.HasAgreement(country)</c>, <c>Ensure(country)</c>, <c>Require(CmaaAgreements.HasAgreement(country))</c>,
        /// <c>country.EnsureAgreement()</c> of an extension block).
        /// Asked before a graph is built to find the check; a method that only sends a local it was given checks nothing.
        /// </summary>
        public static bool MayBeChecked(IOperation value)
        {
            if (ValuePath.Read(value) is not { } path)
            {
                return false;
            }

            var name = path.Symbols[0].Name;
            var member = EqualityNarrowing.MemberAround(value.Syntax);
            if (!CallsNaming.GetValue(member, NamedInCalls).TryGetValue(name, out var calls))
            {
                return false;
            }

            // The calls the use itself is passed to name it too.
            foreach (var ancestor in value.Syntax.Ancestors())
            {
                if (ancestor is InvocationExpressionSyntax call
                    && (call.ArgumentList.Span.Contains(value.Syntax.Span) || Receiver(call)?.Span.Contains(value.Syntax.Span) == true))
                {
                    calls--;
                }

                if (ancestor == member)
                {
                    break;
                }
            }

            return calls > 0;
        }

        private static readonly ConditionalWeakTable<SyntaxNode, Dictionary<string, int>> CallsNaming = new();

        /// <summary>
        /// How many calls of a member name each identifier among their arguments or in their receiver, each call counted
        /// once a name; a property read in a condition counts as a call of its receiver (<c>if (country.IsPermitted)</c>
        /// of an extension block).
        /// </summary>
        private static Dictionary<string, int> NamedInCalls(SyntaxNode member)
        {
            var calls = new Dictionary<string, int>(StringComparer.Ordinal);
            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in member.DescendantNodes())
            {
                var passed = node switch
                {
                    InvocationExpressionSyntax call => Receiver(call) is { } receiver ? call.ArgumentList.DescendantNodes().Concat(receiver.DescendantNodesAndSelf()) : call.ArgumentList.DescendantNodes(),
                    MemberAccessExpressionSyntax read when IsTested(read) => read.Expression.DescendantNodesAndSelf(),
                    _ => null,
                };
                if (passed is null)
                {
                    continue;
                }

                named.Clear();
                foreach (var identifier in passed.OfType<IdentifierNameSyntax>())
                {
                    if (named.Add(identifier.Identifier.ValueText))
                    {
                        calls[identifier.Identifier.ValueText] = calls.TryGetValue(identifier.Identifier.ValueText, out var count) ? count + 1 : 1;
                    }
                }
            }

            return calls;
        }

        /// <summary>
        /// Whether an expression is what a condition tests, maybe negated: an <c>if</c>'s, a loop's or a <c>?:</c>'s
        /// condition, a side of <c>&amp;&amp;</c> or <c>||</c>, or a local's value (<c>var ok = country.IsPermitted;</c>).
        /// </summary>
        private static bool IsTested(ExpressionSyntax expression)
        {
            var parent = expression.Parent;
            while (parent is ParenthesizedExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression })
            {
                expression = (ExpressionSyntax)parent;
                parent = parent.Parent;
            }

            return parent switch
            {
                IfStatementSyntax statement => statement.Condition == expression,
                WhileStatementSyntax loop => loop.Condition == expression,
                ConditionalExpressionSyntax choice => choice.Condition == expression,
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression } => true,
                EqualsValueClauseSyntax => true,
                _ => false,
            };
        }

        /// <summary>What a call is made on: <c>country</c> in <c>country.EnsureAgreement()</c>; null for a call by a bare name.</summary>
        private static ExpressionSyntax? Receiver(InvocationExpressionSyntax call) => (call.Expression as MemberAccessExpressionSyntax)?.Expression;

        /// <summary>
        /// The statements a body begins with that may lead (<see cref="Leads"/>): its guards, <c>if</c> statements that
        /// only throw, and the calls among them. None of these can return from the method, so a check among them holds
        /// wherever the method returns.
        /// </summary>
        internal static IEnumerable<StatementSyntax> Leading(BlockSyntax? body)
            => body is null ? Enumerable.Empty<StatementSyntax>() : body.Statements.TakeWhile(Leads);

        /// <summary>
        /// The guards and guard calls a method's body begins with (<see cref="Leads"/>), without its
        /// declarations; a <c>void</c> method's arrow body (<c>=&gt; Rules.EnsurePartner(country)</c>) is one call.
        /// </summary>
        internal static IEnumerable<SyntaxNode> Leading(ArrowExpressionClauseSyntax? arrow, BlockSyntax? body, bool returnsVoid)
            => arrow is not null
                ? returnsVoid ? [arrow.Expression] : []
                : Leading(body).Where(statement => statement is not LocalDeclarationStatementSyntax);

        /// <summary>
        /// The call a leading statement (<see cref="Leading(ArrowExpressionClauseSyntax?, BlockSyntax?, bool)"/>) makes,
        /// awaited or not: <c>EnsurePartner(country);</c>, <c>await EnsurePartnerAsync(country);</c>; null for any other.
        /// </summary>
        internal static IInvocationOperation? GuardCall(IOperation? operation, out bool awaited)
        {
            var called = operation is IExpressionStatementOperation statement ? statement.Operation : operation;
            awaited = called is IAwaitOperation;
            return (called is IAwaitOperation waited ? waited.Operation : called) as IInvocationOperation;
        }

        /// <summary>
        /// The expression a predicate returns: its expression body, or the <c>return</c> its block ends with after statements
        /// that may lead (<see cref="Leads"/>), such as <c>var blocked = await LoadAsync();</c>.
        /// </summary>
        internal static ExpressionSyntax? Returned(ArrowExpressionClauseSyntax? arrow, BlockSyntax? block)
        {
            if (arrow is not null)
            {
                return arrow.Expression;
            }

            if (block is not { Statements: { Count: > 0 } statements } || statements[statements.Count - 1] is not ReturnStatementSyntax { Expression: { } returned })
            {
                return null;
            }

            for (var i = 0; i < statements.Count - 1; i++)
            {
                if (!Leads(statements[i]))
                {
                    return null;
                }
            }

            return returned;
        }

        /// <summary>
        /// Whether a statement may come before a method's check without changing what the check holds for: an <c>if</c>
        /// that only throws, a call such as <c>ArgumentNullException.ThrowIfNull(country);</c> or <c>await LoadAsync();</c>,
        /// or a declaration of locals (<c>var code = country.Trim();</c>, <c>using var scope = …;</c>), none of which could
        /// change an argument (<see cref="MayWrite"/>).
        /// </summary>
        private static bool Leads(StatementSyntax statement)
            => statement is IfStatementSyntax { Else: null } guard
                ? Throws(guard.Statement) && !MayWrite(guard.Condition)
                : statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax or AwaitExpressionSyntax } or LocalDeclarationStatementSyntax
                    && !MayWrite(statement);

        /// <summary>
        /// Whether a statement may write a variable it does not declare: it assigns, increments, passes a variable by
        /// reference or to an <c>out</c> parameter, or takes a reference (<c>ref var alias = ref country;</c>), anywhere
        /// within it, a lambda's body included.
        /// </summary>
        private static bool MayWrite(SyntaxNode statement)
        {
            foreach (var node in statement.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax or RefExpressionSyntax or RefTypeSyntax:
                    case PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax
                        when node.IsKind(SyntaxKind.PostIncrementExpression) || node.IsKind(SyntaxKind.PostDecrementExpression)
                            || node.IsKind(SyntaxKind.PreIncrementExpression) || node.IsKind(SyntaxKind.PreDecrementExpression):
                    case ArgumentSyntax argument when argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword)
                        || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) && argument.Expression is not DeclarationExpressionSyntax:
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a returned expression can state a check, by its syntax: a call, of a check or of a predicate, maybe
        /// awaited, negated or joined to others by <c>&amp;&amp;</c> or <c>||</c>. Most methods are answered here without binding.
        /// </summary>
        private static bool MayStateCheck(ExpressionSyntax returned)
        {
            while (returned is ParenthesizedExpressionSyntax or PrefixUnaryExpressionSyntax or BinaryExpressionSyntax or AwaitExpressionSyntax or MemberAccessExpressionSyntax or IsPatternExpressionSyntax)
            {
                if (returned is IsPatternExpressionSyntax isPattern)
                {
                    // x is false, x is not true: the test tested.
                    var pattern = isPattern.Pattern is UnaryPatternSyntax { Pattern: var negated } ? negated : isPattern.Pattern;
                    if (pattern is not ConstantPatternSyntax { Expression: var constant } || !IsBooleanLiteral(constant))
                    {
                        return false;
                    }

                    returned = isPattern.Expression;
                    continue;
                }

                if (returned is AwaitExpressionSyntax awaited)
                {
                    returned = awaited.Expression;
                    continue;
                }

                if (returned is MemberAccessExpressionSyntax access)
                {
                    if (access.Name.Identifier.ValueText != "Result")
                    {
                        return false;
                    }

                    returned = access.Expression;
                    continue;
                }

                if (returned is BinaryExpressionSyntax binary)
                {
                    if (binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression))
                    {
                        // x == true, false != x: the test on the other side.
                        returned = IsBooleanLiteral(binary.Right) ? binary.Left : IsBooleanLiteral(binary.Left) ? binary.Right : binary;
                        if (returned == binary)
                        {
                            return false;
                        }

                        continue;
                    }

                    if (!binary.IsKind(SyntaxKind.LogicalAndExpression) && !binary.IsKind(SyntaxKind.LogicalOrExpression))
                    {
                        return false;
                    }

                    if (MayStateCheck(binary.Left))
                    {
                        return true;
                    }

                    returned = binary.Right;
                    continue;
                }

                returned = returned is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((PrefixUnaryExpressionSyntax)returned).Operand;
            }

            return returned is InvocationExpressionSyntax;
        }

        private static bool IsBooleanLiteral(ExpressionSyntax expression)
            => expression.IsKind(SyntaxKind.TrueLiteralExpression) || expression.IsKind(SyntaxKind.FalseLiteralExpression);

        /// <summary>The parameter a predicate returns the check of, and whether it returns it negated; ordinal -1 for none.</summary>
        private readonly record struct Predicate(int Ordinal, bool Negated)
        {
            public static readonly Predicate None = new(-1, false);

            /// <summary>The method being decided, met again in a call of its own body (<see cref="Dispatched"/>).</summary>
            public static readonly Predicate Itself = new(-2, false);
        }

        /// <summary>
        /// A method of the generated <c>CmaaAgreements</c> that checks its first argument: <c>HasAgreement</c>,
        /// <c>IsOwner</c>, and <c>TryGetCountry</c> while every partner is in force.
        /// </summary>
        private bool IsCheckMethod(IMethodSymbol method)
            => (GuardMethods.Contains(method.Name) && method.Parameters.Length == 1
                    || allPartnersInForce && method.Name == TryGetCountry && method.Parameters.Length == 2)
                && SymbolNames.IsType(method.ContainingType, generatedNamespace, "CmaaAgreements");

        /// <summary>
        /// The one value a local is ever given (<c>var ok = CmaaAgreements.HasAgreement(x);</c>), which a branch on the
        /// local tests; null when it is written more than once or in any other way.
        /// </summary>
        private static IOperation? OnlyValue(ControlFlowGraph cfg, ILocalSymbol local)
            => LocalWrites.Of(cfg.OriginalOperation)[local] is { Unknown: false } found && found.Writes.Count == 1 && found.Writes[0].Path.IsEmpty
                ? found.Writes[0].Source
                : null;

        /// <summary>The index of the last of the block's first <paramref name="end"/> statements that calls a method that checks the value; -1 for none.</summary>
        private int LastCheck(BasicBlock block, int end, ValuePath guarded)
        {
            for (var i = Math.Min(end, block.Operations.Length) - 1; i >= 0; i--)
            {
                if (CheckingCall(block.Operations[i], out var awaited) is not { } call)
                {
                    continue;
                }

                // await Task.WhenAll(EnsureAsync(origin), EnsureAsync(destination)); throws what any of its tasks threw.
                if (awaited && call.TargetMethod.Name == "WhenAll" && IsTask(call.TargetMethod.ContainingType))
                {
                    foreach (var argument in call.Arguments)
                    {
                        var tasks = CountryValueCollector.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer }
                            ? initializer.ElementValues
                            : ImmutableArray.Create(argument.Value);
                        foreach (var task in tasks)
                        {
                            if (CountryValueCollector.Unwrap(task) is IInvocationOperation each && Checks(each, awaited: true, guarded))
                            {
                                return i;
                            }
                        }
                    }
                }
                else if (Checks(call, awaited, guarded))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Whether a call checks the value: it passes it as a parameter the method checks, and is awaited if the method is <c>async</c>.</summary>
        private bool Checks(IInvocationOperation call, bool awaited, ValuePath guarded) => Checks(call, awaited, guarded, DispatchedGuards(call, GuardsOf));

        private bool Checks(IInvocationOperation call, bool awaited, ValuePath guarded, LeadingGuards guards)
        {
            if ((guards.Checked | guards.AssertedTrue | guards.AssertedFalse) == 0 || !awaited && IsAsync(call.TargetMethod))
            {
                return false;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is not { } parameter)
                {
                    continue;
                }

                if (Has(guards.Checked, parameter.Ordinal) && guarded.Equals(ValuePath.Read(argument.Value)))
                {
                    return true;
                }

                // Require(CmaaAgreements.HasAgreement(x), …) returns only where its argument is true; Against(!…) where false.
                if ((Has(guards.AssertedTrue, parameter.Ordinal) || Has(guards.AssertedFalse, parameter.Ordinal))
                    && Stated(argument.Value, [guarded], Polarity) is { Ordinal: 0 } stated
                    && Has(stated.Negated ? guards.AssertedFalse : guards.AssertedTrue, parameter.Ordinal))
                {
                    return true;
                }
            }

            // code.EnsureAgreement(); of an extension block whose member checks its receiver.
            var receiver = call.TargetMethod.Parameters.Length;
            return Has(guards.Checked, receiver) && ExtensionBlocks.Passed(call, receiver) is { } passed && guarded.Equals(ValuePath.Read(passed));
        }

        /// <summary>Whether a set of parameters, one bit per ordinal, holds the ordinal; a method's 65th parameter and later are never in one.</summary>
        internal static bool Has(ulong ordinals, int ordinal) => ordinal < 64 && (ordinals & (1UL << ordinal)) != 0;

        private static ulong Only(int ordinal) => ordinal is >= 0 and < 64 ? 1UL << ordinal : 0;

        /// <summary>
        /// The call a statement makes that can check: <c>Ensure(x);</c>, or <c>await EnsureAsync(x);</c>, maybe through
        /// <c>ConfigureAwait</c>. An <c>async</c> method throws into the task it returns, so only an awaited call of one
        /// checks: the exchange after a call not awaited runs whether or not the task fails.
        /// </summary>
        private static IInvocationOperation? CheckingCall(IOperation statement, out bool awaited)
            => Waited((statement as IExpressionStatementOperation)?.Operation, out awaited) as IInvocationOperation;

        /// <summary>
        /// What an expression waits for the task of, and whether it waits: <c>x</c> in <c>await x</c>,
        /// <c>x.GetAwaiter().GetResult()</c>, <c>x.Wait()</c> and <c>x.Result</c>, each maybe through
        /// <c>ConfigureAwait</c>; the expression itself, not waited, otherwise. Each of these throws what the task threw.
        /// <c>Wait</c> with a timeout is not one: it returns false when the time runs out.
        /// </summary>
        private static IOperation? Waited(IOperation? operation, out bool waited)
        {
            var task = operation switch
            {
                IAwaitOperation awaiting => awaiting.Operation,
                IInvocationOperation { TargetMethod.Name: "GetResult", Arguments.Length: 0, Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter", Arguments.Length: 0, Instance: { } awaitable } } => awaitable,
                IInvocationOperation { TargetMethod.Name: "Wait", Arguments.Length: 0, Instance: { } waitedOn } when IsTask(waitedOn.Type) => waitedOn,
                IPropertyReferenceOperation { Property.Name: "Result", Instance: { } resultOf } when IsTask(resultOf.Type) => resultOf,
                _ => null,
            };
            waited = task is not null;
            return task is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured } ? configured : task ?? operation;
        }

        private static bool IsTask(ITypeSymbol? type)
            => type is INamedTypeSymbol { Name: "Task" or "ValueTask" } named && SymbolNames.IsNamespace(named.ContainingNamespace, "System.Threading.Tasks");

        /// <summary>Whether a method returning the type returns a <c>bool</c> through a task: <c>Task&lt;bool&gt;</c> or <c>ValueTask&lt;bool&gt;</c>.</summary>
        private static bool IsTaskOfBoolean(ITypeSymbol type)
            => IsTask(type) && type is INamedTypeSymbol { TypeArguments: { Length: 1 } arguments } && arguments[0].SpecialType == SpecialType.System_Boolean;

        /// <summary>
        /// Whether a method is <c>async</c>: as written, or, compiled in another assembly, by the state machine the
        /// compiler marks it with.
        /// </summary>
        private static bool IsAsync(IMethodSymbol method)
            => method.IsAsync
                || method.GetAttributes().Any(attribute => SymbolNames.IsType(attribute.AttributeClass, "System.Runtime.CompilerServices", "AsyncStateMachineAttribute"));

        /// <summary>
        /// The parameters a method or constructor (<see cref="CheckedMembers"/>) of the project checks before anything else, throwing unless they pass,
        /// one bit per ordinal: <c>if (!CmaaAgreements.HasAgreement(country)) throw …;</c> among the guards it begins with (<see cref="Leading(BlockSyntax?)"/>),
        /// each condition maybe joined to others by <c>||</c> (<c>if (!CmaaAgreements.HasAgreement(origin) || !CmaaAgreements.HasAgreement(destination))</c>
        /// checks both), or a predicate of the project's in the check's place, or a call of another such method; for a method of another assembly, the
        /// parameters its <c>[AgreementChecked]</c> marks without a return value name. None for any other method, and for
        /// one that can be overridden.
        /// </summary>
        private ulong CheckedParameters(IMethodSymbol method) => CanBeReplaced(method) ? 0 : GuardsOf(method).Checked;

        /// <summary>
        /// What the guards of every method a call may run hold alike (<see cref="Overrides.Implementations"/>); the method
        /// being decided, <see cref="LeadingGuards.Itself"/>, stands for none of them, as in <see cref="Dispatched"/>.
        /// </summary>
        private LeadingGuards DispatchedGuards(IInvocationOperation call, Func<IMethodSymbol, LeadingGuards> guardsOf)
        {
            var implementations = overrides.Implementations(call.TargetMethod, call.Instance, CancellationToken.None);
            LeadingGuards? common = null;
            foreach (var implementation in implementations.IsDefault ? ImmutableArray<IMethodSymbol>.Empty : implementations)
            {
                if (guardsOf(implementation) is var each && each != LeadingGuards.Itself)
                {
                    common = common is { } other ? new LeadingGuards(other.Checked & each.Checked, other.AssertedTrue & each.AssertedTrue, other.AssertedFalse & each.AssertedFalse) : each;
                }
            }

            return common ?? default;
        }

        /// <summary>
        /// What the guards a method begins with hold, once per method: the parameters they check, and the <c>bool</c>
        /// parameters they throw unless true (<c>Require(bool condition)</c>: <c>if (!condition) throw …;</c>) or unless
        /// false (<c>Against(bool condition)</c>: <c>if (condition) throw …;</c>). A guard may check through another
        /// (<c>EnsurePartner(country);</c> among them), decided as a predicate that calls another is
        /// (<see cref="Decide"/>).
        /// </summary>
        private LeadingGuards GuardsOf(IMethodSymbol method)
            => Decide(_leadingGuards, method.OriginalDefinition, [], default, LeadingGuards.Itself, (m, guardsOf) => DecideGuards(m, call => DispatchedGuards(call, guardsOf)), out _);

        /// <summary>Decides one method's guards, with <paramref name="guardsOf"/> deciding those of the guards it calls.</summary>
        private LeadingGuards DecideGuards(IMethodSymbol m, Func<IInvocationOperation, LeadingGuards> guardsOf)
        {
            if (m.IsAbstract)
            {
                return default;
            }

            var ordinals = 0UL;
            if (!OwnSource.Declares(compilation, m))
            {
                foreach (var parameter in ExtensionBlocks.WithReceiver(m))
                {
                    if (CheckMarks.Of(parameter, generatedNamespace) is { Returns: null })
                    {
                        ordinals |= Only(ExtensionBlocks.OrdinalIn(m, parameter));
                    }
                }

                return new LeadingGuards(ordinals, 0, 0);
            }

            var body = OwnSource.Implementation(m);
            if (body.DeclaringSyntaxReferences.Length != 1 || body.DeclaringSyntaxReferences[0].GetSyntax() is not BaseMethodDeclarationSyntax { RawKind: (int)SyntaxKind.MethodDeclaration or (int)SyntaxKind.ConstructorDeclaration } declaration)
            {
                return default;
            }

            var parameters = Parameters(body);
            var assertedTrue = 0UL;
            var assertedFalse = 0UL;
            foreach (var guard in Leading(declaration.ExpressionBody, declaration.Body, m.ReturnsVoid))
            {
#pragma warning disable RS1030 // Once per method called before an exchange, where CMAA004 is on.
                var operation = compilation.GetSemanticModel(guard.SyntaxTree).GetOperation(guard);
#pragma warning restore RS1030
                if (operation is IConditionalOperation { Condition: var condition })
                {
                    ordinals |= ThrownUnless(condition, parameters);
                    Asserted(condition, body, ref assertedTrue, ref assertedFalse);
                    continue;
                }

                // EnsurePartner(country); among the guards: what it checks, this method checks.
                if (GuardCall(operation, out var awaited) is { } call)
                {
                    var guards = guardsOf(call);
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        if (Checks(call, awaited, parameters[i], guards))
                        {
                            ordinals |= Only(i);
                        }
                    }
                }
            }

            return new LeadingGuards(ordinals, assertedTrue, assertedFalse);
        }

        /// <summary>
        /// The <c>bool</c> parameters a guard's condition throws on, on either side of <c>||</c>: past <c>if (!ok) throw</c>
        /// <c>ok</c> is true, past <c>if (bad) throw</c> <c>bad</c> is false.
        /// </summary>
        private static void Asserted(IOperation condition, IMethodSymbol method, ref ulong assertedTrue, ref ulong assertedFalse)
        {
            if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either)
            {
                Asserted(either.LeftOperand, method, ref assertedTrue, ref assertedFalse);
                Asserted(either.RightOperand, method, ref assertedTrue, ref assertedFalse);
            }
            else if (FlowFacts.Unnegated(condition, out var negated) is IParameterReferenceOperation { Parameter: { Type.SpecialType: SpecialType.System_Boolean, RefKind: RefKind.None } parameter })
            {
                if (negated)
                {
                    assertedTrue |= Only(ExtensionBlocks.OrdinalIn(method, parameter));
                }
                else
                {
                    assertedFalse |= Only(ExtensionBlocks.OrdinalIn(method, parameter));
                }
            }
        }

        /// <summary>What a method's leading guards hold (<see cref="GuardsOf"/>), one bit per ordinal each.</summary>
        private readonly record struct LeadingGuards(ulong Checked, ulong AssertedTrue, ulong AssertedFalse)
        {
            /// <summary>
            /// The method being decided, met again in a call of its own body (<see cref="DispatchedGuards"/>): every bit,
            /// which no method's guards hold, since no guard both throws unless a parameter is true and unless it is false.
            /// </summary>
            public static readonly LeadingGuards Itself = new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);
        }

        /// <summary>
        /// The parameters a guard's condition checks: the method goes on past the guard where the condition is false, so
        /// it checks each parameter whose check false states, on either side of <c>||</c>.
        /// </summary>
        private ulong ThrownUnless(IOperation condition, ValuePath[] parameters)
            => condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either
                ? ThrownUnless(either.LeftOperand, parameters) | ThrownUnless(either.RightOperand, parameters)
                : Stated(condition, parameters, Polarity) is { Ordinal: >= 0, Negated: true } stated ? Only(stated.Ordinal) : 0;

        /// <summary>
        /// The check a method makes of one parameter, as the mark that would state it: it checks it before anything else,
        /// throwing unless it passes, or returns its check (true) or the check's negation (false);
        /// <see cref="CheckMark.None"/> when it makes none.
        /// </summary>
        public CheckMark CheckMade(IMethodSymbol method, int ordinal)
        {
            // Other assemblies' calls may run an override, which need not check.
            if (CanBeReplaced(method))
            {
                return CheckMark.None;
            }

            if (Has(CheckedParameters(method), ordinal))
            {
                return new CheckMark(ordinal, null);
            }

            return PredicateOf(method) is { Ordinal: >= 0 } predicate && predicate.Ordinal == ordinal ? new CheckMark(ordinal, !predicate.Negated) : CheckMark.None;
        }

        /// <summary>
        /// Why a method's code does not make the check its <c>[AgreementChecked]</c> mark states (CMAA008), or null when
        /// it does: the mark must state no more than this project itself takes from the code, since other assemblies
        /// take the mark on trust.
        /// </summary>
        public string? Unproven(IMethodSymbol method, CheckMark mark)
        {
            var check = "CmaaAgreements.HasAgreement(" + ExtensionBlocks.WithReceiver(method).ElementAt(mark.Ordinal).Name + ")";
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction))
            {
                return "only a parameter of a method can be marked";
            }

            if (CanBeReplaced(method))
            {
                return method.Name + " can be overridden, and an override need not check";
            }

            if (CheckMade(method, mark.Ordinal) == mark)
            {
                return null;
            }

            return mark.Returns is bool returns
                ? method.Name + " does not return " + (returns ? check : "!" + check)
                : method.Name + " does not begin by throwing unless " + check;
        }

        private static bool CanBeReplaced(IMethodSymbol method) => method.IsVirtual || method.IsAbstract || method.IsOverride;

        private static bool Throws(StatementSyntax statement)
            => statement is ThrowStatementSyntax || statement is BlockSyntax { Statements.Count: 1 } block && block.Statements[0] is ThrowStatementSyntax;
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Finds the country values an operation can produce: constants (literals, const fields and locals,
    /// constant concatenation and interpolation), each constant branch of <c>?:</c>, <c>switch</c> and
    /// <c>??</c>, the elements of arrays, collection initializers and collection expressions with what code adds to
    /// them after (<see cref="CollectionAdditions"/>), the values that
    /// reach a local, the elements a <c>foreach</c> variable iterates (a dictionary's keys and values by its entries), an
    /// item a call picks (<c>First()</c>, <c>Dequeue()</c>), the constant initial value of a <c>readonly</c>
    /// field or get-only property, what each return of a method gives (its parameters standing for the call's arguments,
    /// <see cref="CallFrame"/>), what each override a read of an abstract, virtual or interface property, or a call of
    /// such a method, may run gives (<see cref="Overrides"/>), a <c>Select</c>'s items as what its lambda returns,
    /// a tuple literal's element read by
    /// name or deconstructed, a member of an object the code made (<see cref="CreatedObjects"/>), and text through a call that keeps its country (a case change, a trim, <c>$"{code}"</c>,
    /// <c>AsSpan()</c>, an enum value's <c>ToString()</c>).
    /// A constant of the generated CmaaCountry is the country its value stands for: a member whose agreement is not
    /// in force, or a number cast to the enum, is no safer than the same code as text, and neither is a code or name
    /// read from it. A constant of one of the project's own enums is judged by its member's name (IR, NorthKorea).
    /// Anything else is a value known only at run time.
    /// </summary>
    internal sealed class CountryValueCollector
    {
        /// <summary>How far values are followed through locals and members before giving up.</summary>
        internal const int MaxDepth = 8;

        /// <summary>
        /// Calls whose items are every item of the collection they are called on, in another order or another kind of
        /// collection: LINQ's copies and orderings, and the immutable and frozen copies.
        /// </summary>
        internal static readonly HashSet<string> CopiesItems =
        [
            "AsEnumerable", "ToList", "ToArray", "ToHashSet", "Distinct", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending",
            "Order", "OrderDescending", "Reverse", "ToImmutableArray", "ToImmutableList", "ToImmutableHashSet", "ToImmutableSortedSet",
            "ToFrozenSet",
        ];

        /// <summary>
        /// Calls whose items are some items of the collection they are called on, left out by position or as a duplicate,
        /// never by what they name, so each item may be among them.
        /// </summary>
        internal static readonly HashSet<string> KeepsSomeItems = ["Skip", "SkipLast", "Take", "TakeLast", "DistinctBy"];

        /// <summary>Calls whose items are those of the collection they are called on that their predicate lets through.</summary>
        internal static readonly HashSet<string> Filters = ["Where", "SkipWhile", "TakeWhile"];

        /// <summary>
        /// Extension methods that make a dictionary from a collection: LINQ's, the frozen and immutable collections', and
        /// a dictionary's read-only view.
        /// </summary>
        private static readonly HashSet<string> MakesDictionary =
            ["ToDictionary", "ToFrozenDictionary", "ToImmutableDictionary", "ToImmutableSortedDictionary", "AsReadOnly"];

        private readonly MemberValues _members;
        private readonly MethodTests _methods;
        private readonly ITypeSymbol? _countryEnum;
        private readonly Func<ControlFlowGraph?> _graph;
        private readonly CancellationToken _cancellationToken;
        private readonly List<FlowingValue> _values = [];

        // The calls of the project's methods whose bodies the value is being read from, where their parameters stand for
        // the arguments.
        private CallFrame? _calls;

        // How many overrides the value was read from: overrides that read other overridden properties multiply at each
        // level (a type per country, each Country => Code and Code => Country), so past a budget an override is a value
        // known only at run time.
        private int _overridesRead;
        private const int MaxOverridesRead = 256;

        // The object whose body the value is being read from (SelfType): a read through this there runs the members of its
        // type where that is known exactly (Jurisdiction.Germany.Describe(), where Describe() => Iso2). Null in the body the
        // analysis started in, and in any body reached by going back out to a call's argument.
        private Self? _self;

        public CountryValueCollector(MemberValues members, MethodTests methods, ITypeSymbol? countryEnum, Func<ControlFlowGraph?> graph, CancellationToken cancellationToken)
        {
            _members = members;
            _methods = methods;
            _countryEnum = countryEnum;
            _graph = graph;
            _cancellationToken = cancellationToken;
        }

        public List<FlowingValue> Collect(IOperation value)
        {
            Collect(value, site: null, depth: 0);
            return _values;
        }

        /// <summary>
        /// The values of each of <paramref name="values"/>, reported at <paramref name="site"/>: the constants a run-time
        /// value is known to be one of there (<see cref="EqualityNarrowing"/>) are judged where the value is used, pointing
        /// at each constant.
        /// </summary>
        public List<FlowingValue> CollectAt(IEnumerable<IOperation> values, IOperation site)
        {
            foreach (var value in values)
            {
                Collect(value, site, depth: 0);
            }

            return _values;
        }

        /// <summary>
        /// The values of the element at <paramref name="path"/> of a tuple, for a deconstruction
        /// (<c>(gateway.Country, count) = t</c>); they are reported at the tuple.
        /// </summary>
        public List<FlowingValue> CollectElement(IOperation tuple, ImmutableArray<int> path)
        {
            CollectElement(tuple, path, tuple, depth: 0);
            return _values;
        }

        private void Collect(IOperation? value, IOperation? site, int depth)
        {
            if (value is null)
            {
                return;
            }

            _cancellationToken.ThrowIfCancellationRequested();

            // Code nested deeper than the thread's stack can follow fails this callback (CMAA900), not the compiler.
            RuntimeHelpers.EnsureSufficientExecutionStack();
            value = Unwrap(value);
            if (depth > MaxDepth)
            {
                _values.Add(new FlowingValue(null, site ?? value, null));
                return;
            }

            // A chain of ?: or ?? (an else-if written as an expression) is followed to its last branch in this frame,
            // so that only other nesting costs stack.
            while (!value.ConstantValue.HasValue && CollectAllButLast(value, site, depth) is { } last)
            {
                value = Unwrap(last);
            }

            if (value.ConstantValue.HasValue)
            {
                if (CountryText(value) is { } text)
                {
                    var kind = IsCountryEnum(value.Type) ? ConstantKind.CountryEnum : ConstantKind.Text;
                    _values.Add(new FlowingValue(text, site ?? value, site is null ? null : value, kind));
                }
                else if (EnumMemberName(value) is { } member)
                {
                    _values.Add(new FlowingValue(member, site ?? value, site is null ? null : value, ConstantKind.EnumMemberName));
                }

                return;
            }

            switch (value)
            {
                case IThrowOperation:
                    // A throw gives no value: a switch expression's arm, a branch of ?: or the right of ?? that throws
                    // (lane switch { Lane.Gulf => "AE", _ => throw … }) lets only the others reach the exchange.
                    return;

                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        Collect(arm.Value, site, depth);
                    }

                    return;

                case ILocalReferenceOperation local when LocalFlow.IteratedCollection(local, out var path) is { } collection:
                    // A foreach variable holds each element of its collection in turn, which is what the collection
                    // itself gives to a context: the elements of each array or collection it may be. A deconstructing
                    // loop's variable holds its position in each of them.
                    if (path.IsEmpty)
                    {
                        Collect(collection, site ?? local, depth + 1);
                        return;
                    }

                    CollectItemsElement(collection, path, site ?? local, depth);
                    return;

                case IParameterReferenceOperation parameter when DelegateCalls.IteratedBy(parameter) is { } iterated:
                    // A ForEach lambda's parameter holds each element of the collection, as a foreach variable does.
                    Collect(iterated, site ?? parameter, depth + 1);
                    return;

                case ILocalReferenceOperation local:
                    foreach (var reaching in LocalFlow.ReachingValues(local, _graph, depth))
                    {
                        if (reaching is null)
                        {
                            _values.Add(new FlowingValue(null, site ?? local, null));
                        }
                        else
                        {
                            CollectVia(reaching, site ?? local, depth + 1);
                        }
                    }

                    CollectAdded(local, site ?? local, depth);
                    return;

                case IInvocationOperation invocation when SameCountryAs(invocation, _countryEnum) is { } source:
                    // The call's text names the country its source names: the diagnostic goes on the call, pointing at
                    // the source.
                    Collect(source, site ?? value, depth);
                    return;

                case IFieldReferenceOperation { Field: { ContainingType.IsTupleType: true } element, Instance: { } tuple }:
                    // t.Country, where t = (Country: "IR", Count: 1), or where t takes each tuple of a collection in turn
                    // (foreach (var t in ports)), as a deconstructing loop's variable does.
                    var position = ImmutableArray.Create(TuplePosition(element));
                    if (Unwrap(tuple) is ILocalReferenceOperation item && LocalFlow.IteratedCollection(item, out var itemPath) is { } iteratedTuples)
                    {
                        CollectItemsElement(iteratedTuples, itemPath.AddRange(position), site ?? value, depth);
                    }
                    else
                    {
                        CollectElement(tuple, position, site ?? value, depth);
                    }

                    return;

                case IInvocationOperation { TargetMethod.IsAsync: false } call when _members.Values(call.TargetMethod, value, _cancellationToken) is { IsEmpty: false } returned:
                    CollectReturned(call, returned, awaited: false, site ?? value, depth);
                    return;

                case IAwaitOperation awaited:
                    CollectAwaited(awaited.Operation, site ?? value, depth);
                    return;

                case IArgumentOperation { Parameter.RefKind: RefKind.Out, Parent: IInvocationOperation { Instance: { Type: { ContainingNamespace: { } ns } type } collection } }
                    when IsDictionary(type) || InCollectionNamespace(ns, linq: false):
                    // The out argument a local was written through (LocalFlow.ItemOut): one of a dictionary's values, or
                    // one of the collection's items.
                    CollectElementRead(IsDictionary(type) ? DictionaryValues(collection, depth + 1) : Items(collection, depth + 1), site ?? value, depth);
                    return;

                case IInvocationOperation or IObjectCreationOperation when ItemSources(value) is { IsDefault: false } sources:
                    // Configured.ToList(), Allowed.ToFrozenSet(), Partners.Append("CU"), new HashSet<string>(codes):
                    // the items of the collections copied, and the items added.
                    foreach (var (source, _) in sources)
                    {
                        Collect(source, site ?? value, depth + 1);
                    }

                    return;

                case IInvocationOperation when Filtered(value) is var (filtered, test):
                    // foreach (var c in Codes.Where(c => c != "IR")): the items the filter's test lets through.
                    CollectElementRead(Passing(filtered, test, depth + 1), site ?? value, depth);
                    return;

                case IArrayElementReferenceOperation { ArrayReference: var array }:
                    CollectElementRead(Items(array, depth + 1), site ?? value, depth);
                    return;

                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { Type: var type } instance }
                    when IsDictionary(type) || CollectionAdditions.IsMutable(type):
                    // codes[i] is one of the items; ports[name] one of a dictionary's values.
                    CollectElementRead(IsDictionary(type) ? DictionaryValues(instance, depth + 1) : Items(instance, depth + 1), site ?? value, depth);
                    return;

                case IPropertyReferenceOperation { Property: { Name: "Key" or "Value" } part, Instance: { } pair }
                    when IsEntry(part.ContainingType)
                        && Unwrap(pair) is ILocalReferenceOperation entry
                        && LocalFlow.IteratedCollection(entry, out var entryPath) is { } entries:
                    // kv.Value, where kv takes each entry of a dictionary in turn (foreach (var kv in ports)), as a
                    // deconstructing loop's variable does (foreach (var (port, country) in ports)).
                    CollectItemsElement(entries, entryPath.Add(part.Name == "Key" ? 0 : 1), site ?? value, depth);
                    return;

                case IPropertyReferenceOperation { Property.Name: "Keys" or "Values" } view when DictionaryViewed(view) is not null:
                    // ports.Values holds the dictionary's values, ports.Keys its keys.
                    CollectElementRead(Items(view, depth + 1), site ?? value, depth);
                    return;

                case IInvocationOperation call when LookedUpIn(call, out var fallback) is { } dictionary:
                    // ports.GetValueOrDefault(name, "DE"): one of the dictionary's values, or the fallback.
                    CollectElementRead(DictionaryValues(dictionary, depth + 1), site ?? value, depth);
                    Collect(fallback, site ?? value, depth + 1);
                    return;

                case IInvocationOperation or IPropertyReferenceOperation or IFieldReferenceOperation or IInterpolatedStringOperation or IConditionalAccessOperation
                    or IParameterReferenceOperation when TryCollectThrough(value, site ?? value, depth):
                    return;

                case IFieldReferenceOperation or IPropertyReferenceOperation when ValuesOf(value) is { IsEmpty: false } held:
                    CollectHeld((IMemberReferenceOperation)value, held, site ?? value, depth);
                    CollectAdded(value, site ?? value, depth);
                    return;
            }

            if (ItemsInPlace(value) is { } items)
            {
                foreach (var item in items)
                {
                    // A spread element (..items) contributes the elements of its operand.
                    Collect(item.Kind == SpreadKind ? item.ChildOperations.FirstOrDefault() : item, site, depth);
                }

                return;
            }

            _values.Add(new FlowingValue(null, site ?? value, site is null ? null : value));
        }

        /// <summary>
        /// The items a collection is known to hold when each is a constant, in place or added after
        /// (<c>new HashSet&lt;string&gt; { "DE", "FR" }</c>, through locals and members), and a dictionary's keys, which its
        /// membership tests find; default when any item is not.
        /// </summary>
        public ImmutableArray<IOperation> ConstantItems(IOperation collection)
        {
            var constants = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var item in IsDictionary(Unwrap(collection).Type) ? Entries(collection, keys: true, 0) : Items(collection, 0))
            {
                if (item is null || !Unwrap(item).ConstantValue.HasValue)
                {
                    return default;
                }

                constants.Add(Unwrap(item));
            }

            return constants.ToImmutable();
        }

        /// <summary>The values of an operation the value passes on its way to the site, which each run-time one records (<see cref="FlowingValue.Via"/>).</summary>
        private void CollectVia(IOperation passed, IOperation site, int depth)
        {
            var first = _values.Count;
            Collect(passed, site, depth);
            for (var i = first; i < _values.Count; i++)
            {
                if (_values[i].Text is null)
                {
                    _values[i] = _values[i] with { Via = _values[i].Via.Add(passed) };
                }
            }
        }

        /// <summary>
        /// What a call of a method of the project, or through a delegate (<see cref="DelegateCalls.Returned"/>), gives,
        /// from what its body returns: each value, or with
        /// <paramref name="awaited"/> what awaiting each gives, where the method is not <c>async</c> and returns a task.
        /// For a method with parameters, its parameters stand for the call's arguments (<see cref="CallFrame"/>):
        /// <c>Normalize(" ir ")</c> gives Iran, and <c>Normalize(x)</c> the value of <c>x</c>, as a trim would; what else
        /// it can give is each constant, pointing at it (<c>CodeFor(region)</c>, where
        /// <c>CodeFor(Region r) =&gt; r switch { Region.Gulf =&gt; "IR", _ =&gt; "DE" }</c>), and for anything else, one
        /// value known only at run time at the call. <paramref name="ran"/> is the override the call runs, whose
        /// parameters stand for the arguments, where it is not the method called, and <paramref name="self"/> the type
        /// of its object where known exactly; for any other call, that of the call's receiver (<see cref="ExactType"/>).
        /// </summary>
        private void CollectReturned(IInvocationOperation call, ImmutableArray<IOperation> returned, bool awaited, IOperation site, int depth, IMethodSymbol? ran = null, ITypeSymbol? self = null)
        {
            var first = _values.Count;
            var outer = _calls;
            var outerSelf = _self;
            _calls = CallFrame.Enter(outer, ran ?? call.TargetMethod, call.Arguments);
            _self = ran is not null ? Self.Of(self)
                : call is { Instance: { } instance, TargetMethod.MethodKind: not MethodKind.DelegateInvoke } ? new Self(instance, outerSelf, depth)
                : null;
            foreach (var result in returned)
            {
                if (awaited && !(ran ?? call.TargetMethod).IsAsync)
                {
                    CollectAwaited(result, site, depth + 1);
                }
                else
                {
                    Collect(result, site, depth + 1);
                }
            }

            _calls = outer;
            _self = outerSelf;

            if (call.TargetMethod.Parameters.IsEmpty)
            {
                return;
            }

            var runTime = _values.FindIndex(first, flowing => flowing.Text is null && !IsPassed(flowing, call));
            if (runTime < 0)
            {
                return;
            }

            var known = _values.GetRange(first, _values.Count - first).FindAll(flowing => flowing.Text is not null || IsPassed(flowing, call));
            _values.RemoveRange(first, _values.Count - first);
            _values.AddRange(known);
            _values.Add(new FlowingValue(null, site, null));
        }

        /// <summary>Whether a run-time value is an argument of the call, passed on unchanged in what it names.</summary>
        private static bool IsPassed(FlowingValue flowing, IInvocationOperation call)
            => flowing.Via.Any(passed => call.Arguments.Any(argument => argument.Value == passed));

        /// <summary>
        /// What awaiting a task gives: the value of <c>Task.FromResult(x)</c>, or what a method of the project returns,
        /// an <c>async</c> one's values or another's tasks awaited in turn, also through <c>ConfigureAwait</c>; anything
        /// else is known only at run time.
        /// </summary>
        private void CollectAwaited(IOperation task, IOperation site, int depth)
        {
            task = Unwrap(task);
            if (task is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured })
            {
                task = Unwrap(configured);
            }

            switch (task)
            {
                case IInvocationOperation { TargetMethod: { Name: "FromResult", IsStatic: true } fromResult, Arguments.Length: 1 } call
                    when SymbolNames.IsType(fromResult.ContainingType, "System.Threading.Tasks", "Task"):
                    Collect(call.Arguments[0].Value, site, depth + 1);
                    return;

                case IInvocationOperation call when depth <= MaxDepth && _members.Values(call.TargetMethod, task, _cancellationToken) is { IsEmpty: false } returned:
                    CollectReturned(call, returned, awaited: true, site, depth);
                    return;

                case IInvocationOperation { TargetMethod: var method, Instance: { } receiver } call when depth <= MaxDepth && Overrides.Dispatches(method):
                    // await provider.CountryAsync(), where ICountryProvider.CountryAsync() is an interface's: what awaiting
                    // what each implementation returns gives.
                    CollectOverridden(call, method, receiver, site, depth, awaited: true);
                    return;

                case ILocalReferenceOperation local when depth <= MaxDepth:
                    // var lookup = LookupAsync(); … await lookup: each task that reaches the await.
                    foreach (var started in Sources(local, _graph, depth + 1))
                    {
                        if (started is null)
                        {
                            _values.Add(new FlowingValue(null, site, null));
                        }
                        else
                        {
                            CollectAwaited(started, site, depth + 1);
                        }
                    }

                    return;

                default:
                    _values.Add(new FlowingValue(null, site, null));
                    return;
            }
        }

        /// <summary>
        /// Collects each branch of a <c>?:</c> but the last (<c>WhenFalse</c>), or the value of a <c>??</c>, and gives
        /// the branch left, its fallback; null for any other value.
        /// </summary>
        private IOperation? CollectAllButLast(IOperation value, IOperation? site, int depth)
        {
            switch (value)
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    Collect(conditional.WhenTrue, site, depth);
                    return whenFalse;
                case ICoalesceOperation coalesce:
                    Collect(coalesce.Value, site, depth);
                    return coalesce.WhenNull;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Collects a value that one or more other values give, by a call or read that keeps what they name: a trim, a
        /// null-conditional read, an interpolation of one text alone, a task waited on, a call through a delegate, an item
        /// or entry a call picks, a member of an object the code made (<see cref="CreatedObjects"/>), a parameter of a
        /// call whose body is read (<see cref="CallFrame"/>), a read that may run an override (<see cref="Overrides"/>).
        /// False for any other value. Kept apart from <see cref="Collect(IOperation?, IOperation?, int)"/>, whose frame
        /// each level of nested code pays again.
        /// </summary>
        private bool TryCollectThrough(IOperation value, IOperation site, int depth)
        {
            switch (value)
            {
                case IInvocationOperation call when ValuePath.Trimmed(call) is { } untrimmed:
                    CollectTrimmed(call.TargetMethod.Name, untrimmed, site, depth);
                    return true;

                case IConditionalAccessOperation access:
                    // order?.Destination: what the read gives where there is an order; where there is none, null, no country.
                    Collect(access.WhenNotNull, site, depth);
                    return true;

                case IInterpolatedStringOperation { Parts.Length: 1 } interpolated
                    when interpolated.Parts[0] is IInterpolationOperation { Alignment: null, FormatString: null, Expression: { Type.SpecialType: SpecialType.System_String } text }:
                    // $"{code}" is code's text.
                    Collect(text, site, depth);
                    return true;

                case IPropertyReferenceOperation { Property: { Name: "Result", ContainingType: var taskType }, Instance: { } task } when IsTask(taskType):
                    // LookupAsync().Result waits for what awaiting the task gives.
                    CollectAwaited(task, site, depth);
                    return true;

                case IInvocationOperation { TargetMethod.Name: "GetResult", Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } task } }
                    when IsTask(task.Type):
                    CollectAwaited(task, site, depth);
                    return true;

                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } holder } call
                    when holder is ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                        && DelegateCalls.Returned(holder, _graph, _members, _cancellationToken) is { IsDefaultOrEmpty: false } given:
                    CollectReturned(call, given, awaited: false, site, depth);
                    return true;

                case IInvocationOperation call when SplitConstant(call) is { } parts:
                    // foreach (var code in "DE,IR".Split(',')): each part of the constant, pointing at it.
                    foreach (var part in parts)
                    {
                        if (part.Length > 0)
                        {
                            _values.Add(new FlowingValue(part, site, call.Instance));
                        }
                    }

                    return true;

                case IInvocationOperation call when PickedFrom(call, out var pickDefault) is { } picked:
                    // Partners.First(), codes.Single(c => …), codes.ElementAt(2): one of the items, or the default named.
                    CollectElementRead(Items(picked, depth + 1), site, depth);
                    Collect(pickDefault, site, depth + 1);
                    return true;

                case IPropertyReferenceOperation { Property: { Name: "Key" or "Value" } part, Instance: { } pair } when IsEntry(part.ContainingType):
                    // ports.First().Value, or first.Value where first = ports.First(): the value of one of the entries.
                    return CollectPickedEntries(pair, part.Name == "Key" ? 0 : 1, site, depth);

                case IParameterReferenceOperation { Parameter: var parameter } when CallFrame.Binding(_calls, parameter) is { } frame && !_members.Tests(parameter, value):
                    // code in the body of Normalize("ir"): the argument, read where the call is.
                    CollectCalled(CreatedObjects.Argument(frame.Arguments, parameter), frame.Outer, site, depth);
                    return true;

                case IPropertyReferenceOperation or IFieldReferenceOperation
                    when new CreatedObjects(this, _members, _graph, _cancellationToken).MemberValues(value, _calls, depth) is { IsDefault: false } given:
                    // shipment.Destination, where shipment = new Shipment("1", "CN", "KP"): what the object was made with.
                    foreach (var (made, calls) in given)
                    {
                        CollectCalled(made, calls, site, depth);
                    }

                    return true;

                case IPropertyReferenceOperation { Property: var property, Instance: { } receiver }
                    when Overrides.Dispatches(property) && CreatedObjects.HoldsOneValue(property.Type):
                    // party.Country, where Party's Country is abstract: what the override each object it may be runs gives.
                    CollectOverridden(value, property, receiver, site, depth);
                    return true;

                case IInvocationOperation { TargetMethod: var method, Instance: { } receiver }
                    when Overrides.Dispatches(method) && CreatedObjects.HoldsOneValue(method.ReturnType):
                    CollectOverridden(value, method, receiver, site, depth);
                    return true;

                default:
                    return false;
            }
        }

        /// <summary>
        /// The values a member holds or its getter gives (<see cref="MemberValues.Values"/>), read where <c>this</c> is
        /// the read's object, whose type may be known (<see cref="ExactType"/>).
        /// </summary>
        private void CollectHeld(IMemberReferenceOperation read, ImmutableArray<IOperation> held, IOperation site, int depth)
        {
            var outer = _self;
            _self = read.Instance is { } instance ? new Self(instance, outer, depth) : null;
            foreach (var initial in held)
            {
                Collect(initial, site, depth + 1);
            }

            _self = outer;
        }

        /// <summary>
        /// The type of each object a receiver may be (<see cref="Sources(IOperation?, Func{ControlFlowGraph?})"/>, or for
        /// a loop's variable, the items of its collection): exactly where the code made it (<c>new Tehran()</c>, also held
        /// by a <c>readonly</c> field or get-only property, <c>Jurisdiction.Cuba</c> where
        /// <c>static readonly Jurisdiction Cuba = new CubanJurisdiction();</c>) or where it is <c>this</c> in the body of
        /// an object whose type is known (<see cref="SelfType"/>); else its static type, or the receiver's where it has none.
        /// </summary>
        private List<(ITypeSymbol? Type, bool Exact)> ObjectTypes(IOperation receiver, int depth)
        {
            var types = new List<(ITypeSymbol? Type, bool Exact)>();
            var sources = Unwrap(receiver) is ILocalReferenceOperation local && LocalFlow.IteratedCollection(local, out var path) is { } collection
                ? path.IsEmpty && depth <= MaxDepth ? Items(collection, depth + 1) : [null]
                : Sources(receiver, _graph);
            foreach (var source in sources)
            {
                switch (source is null ? null : Unwrap(source))
                {
                    case IObjectCreationOperation { Type: var made }:
                        types.Add((made, true));
                        break;
                    case IInstanceReferenceOperation when SelfType() is { } self:
                        types.Add((self, true));
                        break;
                    case IFieldReferenceOperation or IPropertyReferenceOperation when ValuesOf(source!) is { IsEmpty: false } held
                        && held.All(value => Unwrap(value) is IObjectCreationOperation):
                        types.AddRange(held.Select(value => (Unwrap(value).Type, true)));
                        break;
                    case { Type: var type }:
                        types.Add((type, false));
                        break;
                    default:
                        types.Add((receiver.Type, false));
                        break;
                }
            }

            if (types.Count == 0)
            {
                types.Add((receiver.Type, false));
            }

            return types;
        }

        /// <summary>
        /// The type of the object whose body the value is being read from, where it is known exactly: worked out from the
        /// receiver the body was reached through (<see cref="ExactType"/>) only when a read through <c>this</c> asks, which
        /// most bodies never do, and then kept.
        /// </summary>
        private ITypeSymbol? SelfType()
        {
            if (_self is not { } self)
            {
                return null;
            }

            if (self.Receiver is { } receiver)
            {
                // The receiver is read in the body the object was reached from, where the outer object is this.
                _self = self.Outer;
                self.Known(ExactType(receiver, self.Depth));
                _self = self;
            }

            return self.Type;
        }

        /// <summary>The object whose body a value is read from: its type, or until asked, the receiver to work it out from.</summary>
        private sealed class Self
        {
            public Self(IOperation receiver, Self? outer, int depth) => (Receiver, Outer, Depth) = (receiver, outer, depth);

            private Self(ITypeSymbol type) => Type = type;

            public IOperation? Receiver { get; private set; }

            public Self? Outer { get; private set; }

            public int Depth { get; }

            public ITypeSymbol? Type { get; private set; }

            /// <summary>An object of a type known exactly; none where it is not known.</summary>
            public static Self? Of(ITypeSymbol? type) => type is null ? null : new Self(type);

            public void Known(ITypeSymbol? type) => (Type, Receiver, Outer) = (type, null, null);
        }

        /// <summary>The one type an object a receiver may be has, where it is known exactly (<see cref="ObjectTypes"/>); null otherwise.</summary>
        private ITypeSymbol? ExactType(IOperation receiver, int depth)
        {
            ITypeSymbol? exact = null;
            foreach (var (type, known) in ObjectTypes(receiver, depth))
            {
                if (!known || exact is not null && !SymbolEqualityComparer.Default.Equals(exact, type))
                {
                    return null;
                }

                exact = type;
            }

            return exact;
        }

        /// <summary>
        /// What a read of an abstract, virtual or interface property, or a call of such a method, gives: what each member
        /// it may run gives (<see cref="Overrides"/>), or with <paramref name="awaited"/> what awaiting it gives, an
        /// override's parameters standing for the call's arguments.
        /// </summary>
        private void CollectOverridden(IOperation use, ISymbol member, IOperation receiver, IOperation site, int depth, bool awaited = false)
        {
            foreach (var (implementation, self) in _members.Overrides.Run(member, receiver, SelfType(), ObjectTypes(receiver, depth), _cancellationToken))
            {
                var given = implementation is null || ++_overridesRead > MaxOverridesRead
                    ? ImmutableArray<IOperation>.Empty
                    : _members.OwnValues(implementation, use, _cancellationToken);
                if (given.IsEmpty)
                {
                    _values.Add(new FlowingValue(null, site, null));
                }
                else if (use is IInvocationOperation call)
                {
                    CollectReturned(call, given, awaited, site, depth, (IMethodSymbol)implementation!, self);
                }
                else
                {
                    var outer = _self;
                    _self = Self.Of(self);
                    foreach (var overridden in given)
                    {
                        Collect(overridden, site, depth + 1);
                    }

                    _self = outer;
                }
            }
        }

        /// <summary>
        /// Collects a value on its way to the site (<see cref="CollectVia"/>) where the parameters of <paramref name="calls"/>
        /// stand for their arguments; one known only at run time where there is none.
        /// </summary>
        private void CollectCalled(IOperation? passed, CallFrame? calls, IOperation site, int depth)
        {
            if (passed is null)
            {
                _values.Add(new FlowingValue(null, site, null));
                return;
            }

            var (current, self) = (_calls, _self);
            (_calls, _self) = (calls, null);
            CollectVia(passed, site, depth + 1);
            (_calls, _self) = (current, self);
        }

        /// <summary>
        /// The parts of a constant that <c>string.Split</c> cuts by constant separators (<c>"DE,IR".Split(',')</c>,
        /// <c>Split(", ", StringSplitOptions.TrimEntries)</c>), trimmed where the options say so; null for any other
        /// call, and for a split by white space or into at most a count of parts.
        /// </summary>
        private static string[]? SplitConstant(IInvocationOperation call)
        {
            if (call is not { TargetMethod.Name: "Split", Instance: { ConstantValue: { HasValue: true, Value: string text } } })
            {
                return null;
            }

            var separators = new List<string>();
            var options = 0;
            foreach (var argument in call.Arguments)
            {
                var given = Unwrap(argument.Value);
                switch (given.ConstantValue.Value)
                {
                    case char separator:
                        separators.Add(separator.ToString());
                        continue;
                    case string separator:
                        separators.Add(separator);
                        continue;
                    case int flags when argument.Parameter?.Type.TypeKind == TypeKind.Enum:
                        options = flags;
                        continue;
                }

                if (given is not IArrayCreationOperation { Initializer: { } initializer }
                    || initializer.ElementValues.Any(element => element.ConstantValue.Value is not (char or string)))
                {
                    return null;
                }

                separators.AddRange(initializer.ElementValues.Select(element => Convert.ToString(element.ConstantValue.Value, CultureInfo.InvariantCulture)!));
            }

            if (separators.Count == 0 || separators.Exists(separator => separator.Length == 0))
            {
                return null;
            }

            // StringSplitOptions.TrimEntries (.NET 5) is 2; netstandard2.0 does not name it.
            var parts = text.Split(separators.ToArray(), StringSplitOptions.None);
            return (options & 2) == 0 ? parts : Array.ConvertAll(parts, part => part.Trim());
        }

        private static bool IsTask(ITypeSymbol? type)
            => SymbolNames.IsType(type, "System.Threading.Tasks", "Task") || SymbolNames.IsType(type, "System.Threading.Tasks", "ValueTask");

        /// <summary>
        /// The text a trimming call gives (<c>code.Trim()</c>): each constant the value may be, trimmed as the call trims
        /// it (<c>" IR ".Trim()</c> is IR), on the call; text that trims to nothing is the empty placeholder, no country.
        /// </summary>
        private void CollectTrimmed(string trim, IOperation untrimmed, IOperation site, int depth)
        {
            var first = _values.Count;
            Collect(untrimmed, site, depth);
            for (var i = _values.Count - 1; i >= first; i--)
            {
                if (_values[i] is { Text: { } text, Kind: ConstantKind.Text } flowing)
                {
                    var trimmed = trim switch
                    {
                        "TrimStart" => text.TrimStart(),
                        "TrimEnd" => text.TrimEnd(),
                        _ => text.Trim(),
                    };

                    if (trimmed.Length == 0)
                    {
                        _values.RemoveAt(i);
                    }
                    else
                    {
                        _values[i] = flowing with { Text = trimmed };
                    }
                }
            }
        }

        /// <summary>
        /// The key (<paramref name="position"/> 0) or value (1) of the entries a pair may be: of each entry a call picks
        /// from a dictionary or a sequence of its entries (<see cref="PickedFrom"/>); a pair known only at run time gives
        /// such a value. False, collecting nothing, when no entry the pair may be is a picked one.
        /// </summary>
        private bool CollectPickedEntries(IOperation pair, int position, IOperation site, int depth)
        {
            var picks = Sources(pair, _graph, depth)
                .Select(source => source is IInvocationOperation call && PickedFrom(call, out var pickDefault) is { } picked && HoldsEntries(picked) ? (Collection: picked, Default: pickDefault) : default)
                .ToList();
            if (!picks.Exists(pick => pick.Collection is not null))
            {
                return false;
            }

            foreach (var (collection, pickDefault) in picks)
            {
                if (collection is not null)
                {
                    CollectItemsElement(collection, ImmutableArray.Create(position), site, depth);
                }

                if (collection is null || pickDefault is not null)
                {
                    // A pair known only at run time, or a default the code names, whose parts are not read.
                    _values.Add(new FlowingValue(null, site, null));
                }
            }

            return true;
        }

        private ImmutableArray<IOperation> ValuesOf(IOperation reference) => _members.ValuesRead(reference, _cancellationToken);

        /// <summary>
        /// What code adds to the collection a local or member holds, after it is made: a collection built item by item
        /// (<c>partners.Add("KP")</c>) holds those items too, and one handed where it can be changed may hold anything.
        /// </summary>
        private CollectionAdditions AddedTo(IOperation holder) => holder switch
        {
            _ when !CollectionAdditions.IsMutable(holder.Type) => CollectionAdditions.None,
            ILocalReferenceOperation local => CollectionAdditions.OfLocal(local),
            IFieldReferenceOperation field => _members.Additions(field.Field, holder, _cancellationToken),
            IPropertyReferenceOperation property => _members.Additions(property.Property, holder, _cancellationToken),
            _ => CollectionAdditions.None,
        };

        private void CollectAdded(IOperation holder, IOperation site, int depth)
        {
            var added = AddedTo(holder);
            foreach (var item in added.Items)
            {
                CollectVia(item, site, depth + 1);
            }

            foreach (var range in added.Ranges)
            {
                // A collection's values are its items.
                Collect(range, site, depth + 1);
            }

            if (added.MayChangeElsewhere(holder))
            {
                _values.Add(new FlowingValue(null, site, null));
            }
        }

        /// <summary>
        /// The items written in place of an array or collection: an array's initializer (also a field's without
        /// <c>new</c>, <c>= { "DE", "IR" }</c>, whose operation is the initializer's), a collection expression's elements,
        /// where a spread element stands for its operand's items, each argument of a collection initializer's
        /// <c>Add</c> calls, and none for a new empty collection (<c>new List&lt;string&gt;()</c>); null for any other
        /// value, also a collection made from another one (<c>new List&lt;string&gt;(codes) { "DE" }</c>).
        /// </summary>
        private static IEnumerable<IOperation>? ItemsInPlace(IOperation value) => value switch
        {
            IArrayCreationOperation array => array.Initializer?.ElementValues ?? ImmutableArray<IOperation>.Empty,
            IArrayInitializerOperation initializer => initializer.ElementValues,
            IObjectCreationOperation creation when creation.Arguments.Any(argument => IsSequence(argument.Value.Type)) => null,
            IObjectCreationOperation { Initializer: { } initializer } when initializer.Initializers.All(i => i is IInvocationOperation)
                => initializer.Initializers.Cast<IInvocationOperation>().SelectMany(add => add.Arguments.Select(argument => argument.Value)),
            IObjectCreationOperation { Initializer: null } creation when CollectionAdditions.IsMutable(creation.Type) => ImmutableArray<IOperation>.Empty,
            _ when IsCollectionExpression(value) => value.ChildOperations,
            _ => null,
        };

        /// <summary>
        /// Where the items of a collection a call or <c>new</c> makes come from, each marked whether it is a collection
        /// whose items they are or one item; default for anything else:
        /// <list type="bullet">
        /// <item>an extension method of <c>System.Linq</c>, <c>System.Collections.Immutable</c> or
        /// <c>System.Collections.Frozen</c> with the collection first: every item of the collection it copies
        /// (<see cref="CopiesItems"/>, at most a comparer after it), or keeps some of (<see cref="KeepsSomeItems"/>, and a
        /// filter whose predicate tests nothing that may be a country, <c>Where(p =&gt; p.Active)</c>), of the two it
        /// joins (<c>Concat</c>, <c>Union</c>), or
        /// of the collection and the one item it adds (<c>Append</c>, <c>Prepend</c>), or what a <c>Select</c>'s lambda
        /// returns, its parameter each item of the collection in turn (<c>Parties.Select(p =&gt; p.Country)</c>);</item>
        /// <item>a factory of the immutable collections (<c>ImmutableHashSet.Create(comparer, "IR", "KP")</c>,
        /// <c>CreateRange</c>) and a read-only view (<c>AsReadOnly()</c>): its items and collections;</item>
        /// <item>a collection of <c>System.Collections</c> made from others (<c>new HashSet&lt;string&gt;(codes,
        /// comparer)</c>): their items, and the items of its initializer.</item>
        /// </list>
        /// </summary>
        private static ImmutableArray<(IOperation Value, bool IsCollection)> ItemSources(IOperation value)
        {
            switch (value)
            {
                case IInvocationOperation { TargetMethod: { IsExtensionMethod: true } method, Instance: null, Arguments: { Length: > 0 and <= 3 } arguments }
                    when InCollectionNamespace(method.ContainingType.ContainingNamespace, linq: true):
                    return method.Name switch
                    {
                        _ when CopiesItems.Contains(method.Name) && arguments.Length <= 2 => ImmutableArray.Create((arguments[0].Value, true)),
                        _ when KeepsSomeItems.Contains(method.Name) && arguments.Length >= 2 => ImmutableArray.Create((arguments[0].Value, true)),
                        _ when Filters.Contains(method.Name) && arguments.Length == 2 && DelegateCalls.TestsNoCountry(arguments[1].Value)
                            => ImmutableArray.Create((arguments[0].Value, true)),
                        "Concat" or "Union" when arguments.Length >= 2 => ImmutableArray.Create((arguments[0].Value, true), (arguments[1].Value, true)),
                        "Append" or "Prepend" when arguments.Length == 2 => ImmutableArray.Create((arguments[0].Value, true), (arguments[1].Value, false)),
                        "Select" when arguments.Length == 2 && DelegateCalls.ReturnedPerItem(arguments[1].Value) is { IsDefault: false } returned
                            => returned.Select(item => (item, false)).ToImmutableArray(),
                        _ => default,
                    };

                case IInvocationOperation { TargetMethod: { Name: "Create" or "CreateRange", IsStatic: true } factory } call
                    when SymbolNames.IsNamespace(factory.ContainingType.ContainingNamespace, "System.Collections.Immutable"):
                    return Given(call.Arguments);

                case IInvocationOperation { TargetMethod.Name: "AsReadOnly" } call
                    when call.Instance is { } viewed ? CollectionAdditions.IsMutable(viewed.Type) : call.Arguments.Length == 1 && SymbolNames.IsType(call.TargetMethod.ContainingType, "System", "Array"):
                    return ImmutableArray.Create((call.Instance ?? call.Arguments[0].Value, true));

                case IObjectCreationOperation { Type: INamedTypeSymbol type } creation
                    when InCollectionNamespace(type.ContainingNamespace, linq: false) && creation.Arguments.Any(argument => IsSequence(argument.Parameter?.Type)):
                    // An initializer of anything but one-item Adds (a dictionary's entries) leaves the items unknown.
                    if (creation.Initializer is { Initializers: var initializers } && initializers.Any(i => i is not IInvocationOperation { Arguments.Length: 1 }))
                    {
                        return default;
                    }

                    return Given(creation.Arguments).AddRange(
                        (creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty).Select(add => (((IInvocationOperation)add).Arguments[0].Value, false)));

                default:
                    return default;
            }
        }

        /// <summary>
        /// The collection a filter of items that are the values themselves takes them from, and the test its predicate
        /// returns of each against constants (<c>codes.Where(c =&gt; !Embargoed.Contains(c))</c>, <c>TakeWhile(c =&gt; c != "IR")</c>,
        /// <see cref="EqualityNarrowing.Combined"/>), also by a predicate of the project (<c>Where(c =&gt; !IsEmbargoed(c))</c>,
        /// <c>Where(IsAllowed)</c>, <see cref="MethodTests"/>), or by a collection's <c>Contains</c>
        /// (<c>Where(Partners.Contains)</c>); <c>Except</c> and <c>Intersect</c> with a collection of constants are filters
        /// of membership in it (<c>Configured.Except(Embargoed)</c>). Null for any other value. <c>SkipWhile</c> lets items
        /// that fail its test through after the first that passes, so it is not one.
        /// </summary>
        private (IOperation Source, ConstantTest Test)? Filtered(IOperation value)
        {
            if (value is not IInvocationOperation { TargetMethod: { Name: "Where" or "TakeWhile" or "Except" or "Intersect", IsExtensionMethod: true } method, Instance: null, Arguments.Length: 2 or 3 } call
                || !SymbolNames.IsType(method.ContainingType, "System.Linq", "Enumerable"))
            {
                return null;
            }

            if (method.Name is "Except" or "Intersect")
            {
                // An Except with a comparer that ignores case leaves out more than the exact items: a test of the exact
                // items keeps more, the safe side.
                return EqualityNarrowing.OneOfItems(ConstantItems(call.Arguments[1].Value)) is { } listed
                    ? (call.Arguments[0].Value, listed with { OneOfWhenTrue = method.Name == "Intersect" })
                    : null;
            }

            if (call.Arguments.Length != 2)
            {
                return null;
            }

            var test = call.Arguments[1].Value switch
            {
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters.Length: 1, Body.Operations: { Length: 1 } body } lambda }
                    when body[0] is IReturnOperation { ReturnedValue: { } returned }
                    => EqualityNarrowing.Combined(returned, ValuePath.Of(lambda.Symbol.Parameters[0]), ConstantItems, _methods.Called(null, _cancellationToken)),
                IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { Name: "Contains" or "ContainsKey" } contains, Instance: { } collection } }
                    when contains.Parameters.Length == (contains.IsExtensionMethod && contains.ReducedFrom is null ? 2 : 1)
                    => EqualityNarrowing.OneOfItems(ConstantItems(collection)),
                IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { MethodKind: not MethodKind.ReducedExtension, Parameters.Length: 1 } predicate } reference }
                    => _methods.Returned(predicate, reference.Instance, 0, _cancellationToken),
                _ => null,
            };
            return test is { } found ? (call.Arguments[0].Value, found) : null;
        }

        /// <summary>
        /// The items of a filter's collection its test lets through (<c>codes.Where(c =&gt; !Embargoed.Contains(c))</c>,
        /// <see cref="Filtered"/>): the constants that pass. An item that is no constant passes a test of "one of them" as
        /// one of them (<c>incoming.Where(Partners.Contains)</c>), and is not known to pass one of "none of them" or not.
        /// </summary>
        private IEnumerable<IOperation?> Passing(IOperation filtered, ConstantTest test, int depth)
        {
            var passed = new List<object>();
            var runTime = false;
            foreach (var item in Contents(filtered, Part.Items, depth))
            {
                if (item is null || Unwrap(item).ConstantValue is not { HasValue: true, Value: { } constant })
                {
                    runTime = true;
                }
                else if (!EqualityNarrowing.RulesOut(test with { OneOfWhenTrue = !test.OneOfWhenTrue }, constant))
                {
                    passed.Add(constant);
                    yield return item;
                }
            }

            if (runTime && !test.OneOfWhenTrue)
            {
                yield return null;
            }
            else if (runTime)
            {
                foreach (var one in test.Constants.Where(c => !passed.Exists(p => EqualityNarrowing.Matches(p, c.ConstantValue.Value!))))
                {
                    yield return one;
                }
            }
        }

        /// <summary>
        /// The arguments that give a collection its items, by their parameters: a collection (an array, a sequence or a
        /// span, also of <c>params</c>) or one item (of the element type, a type parameter); not a comparer or a capacity.
        /// </summary>
        private static ImmutableArray<(IOperation Value, bool IsCollection)> Given(ImmutableArray<IArgumentOperation> arguments)
            => arguments
                .Where(argument => argument.Parameter?.OriginalDefinition.Type is { } type
                    && (type is ITypeParameterSymbol || IsSequence(type)
                        || SymbolNames.IsType(type, "System", "ReadOnlySpan") || SymbolNames.IsType(type, "System", "Span")))
                .Select(argument => (argument.Value, argument.Parameter!.OriginalDefinition.Type is not ITypeParameterSymbol))
                .ToImmutableArray();

        /// <summary>Whether a namespace holds the framework's collections, or with <paramref name="linq"/> is <c>System.Linq</c> too.</summary>
        internal static bool InCollectionNamespace(INamespaceSymbol ns, bool linq)
            => linq && SymbolNames.IsNamespace(ns, "System.Linq")
                || SymbolNames.IsNamespace(ns, "System.Collections.Immutable")
                || SymbolNames.IsNamespace(ns, "System.Collections.Frozen")
                || !linq && (SymbolNames.IsNamespace(ns, "System.Collections.Generic") || SymbolNames.IsNamespace(ns, "System.Collections.ObjectModel")
                    || SymbolNames.IsNamespace(ns, "System.Collections.Concurrent"));

        /// <summary>An element read is each element it may be; one known only at run time makes it such a value.</summary>
        private void CollectElementRead(IEnumerable<IOperation?> elements, IOperation site, int depth)
        {
            foreach (var element in elements)
            {
                if (element is null)
                {
                    _values.Add(new FlowingValue(null, site, null));
                }
                else
                {
                    Collect(element, site, depth + 1);
                }
            }
        }

        /// <summary>Whether the type is a dictionary, whose indexer reads its values: one of the framework's, by the interfaces of its definition.</summary>
        internal static bool IsDictionary(ITypeSymbol? type)
            => type is INamedTypeSymbol { OriginalDefinition: var definition }
                && (IsDictionaryInterface(definition) || definition.AllInterfaces.Any(IsDictionaryInterface));

        private static bool IsDictionaryInterface(INamedTypeSymbol type)
            => type.Arity == 2
                && type.Name is "IDictionary" or "IReadOnlyDictionary"
                && SymbolNames.IsNamespace(type.ContainingNamespace, "System.Collections.Generic");

        /// <summary>The dictionary whose <c>Keys</c> or <c>Values</c> a property reads; null for any other property.</summary>
        private static IOperation? DictionaryViewed(IPropertyReferenceOperation view)
            => view.Property.Name is "Keys" or "Values" && view.Instance is { } instance && IsDictionary(instance.Type) ? instance : null;

        /// <summary>
        /// The dictionary a <c>GetValueOrDefault</c> call reads a value of, as an instance or extension method, and its
        /// <paramref name="fallback"/> value if it names one, or a <c>GetOrAdd</c> call, whose value is among the
        /// dictionary's (<see cref="CollectionAdditions"/>); null for any other call.
        /// </summary>
        private static IOperation? LookedUpIn(IInvocationOperation call, out IOperation? fallback)
        {
            fallback = null;
            if (call.TargetMethod.Name == "GetOrAdd")
            {
                return call.Instance is { } instance && IsDictionary(instance.Type) ? instance : null;
            }

            if (call.TargetMethod.Name != "GetValueOrDefault")
            {
                return null;
            }

            var dictionary = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
            if (dictionary is null || !IsDictionary(Unwrap(dictionary).Type))
            {
                return null;
            }

            fallback = call.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "defaultValue")?.Value;
            return dictionary;
        }

        /// <summary>LINQ's methods that give one item of the sequence they are called on.</summary>
        private static readonly HashSet<string> PicksItem =
        [
            "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "ElementAt", "ElementAtOrDefault",
            "MinBy", "MaxBy", "Min", "Max",
        ];

        // Methods of the framework's collections that give one of their items, or Array's of the array it is given.
        private static readonly HashSet<string> TakesItem = ["Peek", "Pop", "Dequeue", "Find", "FindLast"];

        /// <summary>
        /// The collection a call picks one item of, and the <paramref name="pickDefault"/> value an <c>OrDefault</c> call
        /// names; null for any other call:
        /// <list type="bullet">
        /// <item>a LINQ method (<c>Partners.First()</c>, <c>codes.Single(c =&gt; …)</c>, <c>ElementAt(2)</c>,
        /// <c>MaxBy(…)</c>, and <c>Min()</c> and <c>Max()</c> without a selector, whose result is the selector's);</item>
        /// <item>a collection's own (<c>pending.Dequeue()</c>, <c>Peek()</c>, <c>Pop()</c>, <c>list.Find(…)</c>) and
        /// <c>Array.Find(codes, …)</c>.</item>
        /// </list>
        /// An <c>OrDefault</c> call without a default, or a <c>Find</c> that finds nothing, gives null, which is no
        /// country.
        /// </summary>
        internal static IOperation? PickedFrom(IInvocationOperation call, out IOperation? pickDefault)
        {
            pickDefault = null;
            var method = call.TargetMethod;
            if (call.Instance is { Type: { ContainingNamespace: { } ns } } collection)
            {
                return TakesItem.Contains(method.Name) && InCollectionNamespace(ns, linq: false) ? collection : null;
            }

            if (call.Arguments.IsEmpty)
            {
                return null;
            }

            if (method is { IsExtensionMethod: true } && PicksItem.Contains(method.Name) && SymbolNames.IsNamespace(method.ContainingType.ContainingNamespace, "System.Linq"))
            {
                if (method.Name is "Min" or "Max" && call.Arguments.Any(argument => argument.Value.Type?.TypeKind == TypeKind.Delegate))
                {
                    return null;
                }

                pickDefault = call.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == "defaultValue")?.Value;
                return call.Arguments[0].Value;
            }

            return method.Name is "Find" or "FindLast" && SymbolNames.IsType(method.ContainingType, "System", "Array") ? call.Arguments[0].Value : null;
        }

        /// <summary>
        /// Whether a collection's items are a dictionary's entries: a dictionary, or an array or sequence of
        /// <c>KeyValuePair</c>s, such as a dictionary's copy or ordering.
        /// </summary>
        private static bool HoldsEntries(IOperation collection)
            => Unwrap(collection).Type switch
            {
                var type when IsDictionary(type) => true,
                IArrayTypeSymbol array => IsEntry(array.ElementType),
                INamedTypeSymbol { TypeArguments.Length: 1 } sequence => IsEntry(sequence.TypeArguments[0]),
                _ => false,
            };

        private static bool IsEntry(ITypeSymbol type) => SymbolNames.IsType(type, "System.Collections.Generic", "KeyValuePair");

        /// <summary>
        /// The keys or the values a dictionary may hold (<see cref="Contents"/>). A key is found from its value, where the
        /// code writes the two together (<c>["Hamburg"] = "DE"</c>, <c>Add("Hamburg", "DE")</c>); a null entry for any
        /// other.
        /// </summary>
        private IEnumerable<IOperation?> Entries(IOperation dictionary, bool keys, int depth)
            => Contents(dictionary, keys ? Part.Keys : Part.Values, depth);

        /// <summary>The key a dictionary's value is written under, by an indexer or a two-argument <c>Add</c>; null for any other value.</summary>
        private static IOperation? KeyOf(IOperation? value) => value?.Parent switch
        {
            IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" or "GetOrAdd", Arguments.Length: 2 } add } => add.Arguments[0].Value,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } element } assignment
                when assignment.Value == value => element.Arguments[0].Value,
            _ => null,
        };

        /// <summary>Whether a value of the type is a sequence of items, which a collection made from it copies.</summary>
        private static bool IsSequence(ITypeSymbol? type)
            => type is not null && (type.SpecialType == SpecialType.System_Collections_IEnumerable || type.OriginalDefinition.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable));

        /// <summary>
        /// The element at a path of each item of a collection; an item known only at run time gives such a value. The
        /// items of a dictionary, or of a sequence of its entries (<c>ports.OrderBy(…)</c>), are its entries, whose
        /// first element is the key and second the value.
        /// </summary>
        private void CollectItemsElement(IOperation collection, ImmutableArray<int> path, IOperation site, int depth)
        {
            var ofEntries = path[0] is 0 or 1 && HoldsEntries(collection);
            var items = ofEntries ? Entries(collection, keys: path[0] == 0, depth + 1) : Items(collection, depth + 1);
            path = ofEntries ? path.RemoveAt(0) : path;
            foreach (var item in items)
            {
                if (item is null)
                {
                    _values.Add(new FlowingValue(null, site, null));
                }
                else
                {
                    CollectElement(item, path, site, depth + 1);
                }
            }
        }

        /// <summary>The element at a path of each tuple literal a tuple may be; anything else is known only at run time.</summary>
        private void CollectElement(IOperation tuple, ImmutableArray<int> path, IOperation site, int depth)
        {
            foreach (var element in Elements(tuple, path, _graph, depth))
            {
                if (element is null)
                {
                    _values.Add(new FlowingValue(null, site, null));
                }
                else
                {
                    Collect(element, site, depth + 1);
                }
            }
        }

        /// <summary>The items a collection may hold (<see cref="Contents"/>).</summary>
        internal IEnumerable<IOperation?> Items(IOperation? collection, int depth) => Contents(collection, Part.Items, depth);

        /// <summary>The values a dictionary may hold (<see cref="Contents"/>).</summary>
        private IEnumerable<IOperation?> DictionaryValues(IOperation? dictionary, int depth) => Contents(dictionary, Part.Values, depth);

        /// <summary>What <see cref="Contents"/> gives of a collection: its items, or a dictionary's values or keys.</summary>
        private enum Part
        {
            Items,
            Values,
            Keys,
        }

        /// <summary>
        /// What a collection may hold: the items of each array or collection written in place that it may be, or the
        /// values of each dictionary's initializers (<c>{ ["Hamburg"] = "DE" }</c>, <c>{ { "Hamburg", "DE" } }</c>) or the
        /// keys written with them, through locals, conditionals, members whose values are known and copies
        /// (<c>ToList()</c>, <c>ToFrozenDictionary()</c>), and what code adds to it after (<c>partners.Add("KP")</c>,
        /// <c>ports["Bandar Abbas"] = "IR"</c>). A null entry for a collection or element known only at run time, for an
        /// item that is an <c>Add</c> call's argument among several (a dictionary's key or value), and for a key not written
        /// with its value (<see cref="KeyOf"/>).
        /// </summary>
        private IEnumerable<IOperation?> Contents(IOperation? collection, Part part, int depth)
        {
            var dictionaryValues = part != Part.Items;
            foreach (var source in Sources(collection, _graph, depth))
            {
                if (source is not null && (dictionaryValues ? DictionaryValuesInPlace(source) : ItemsInPlace(source)) is { } written)
                {
                    foreach (var item in written)
                    {
                        if (item is not null && item.Kind == SpreadKind)
                        {
                            foreach (var spread in Contents(item.ChildOperations.FirstOrDefault(), part, depth + 1))
                            {
                                yield return spread;
                            }
                        }
                        else
                        {
                            yield return part switch
                            {
                                Part.Items => item?.Parent is IArgumentOperation { Parent: IInvocationOperation { Arguments.Length: > 1 } } ? null : item,
                                Part.Keys => KeyOf(item),
                                _ => item,
                            };
                        }
                    }
                }
                else if (depth <= MaxDepth && dictionaryValues && source is not null && DictionarySources(source) is { IsDefault: false } copied)
                {
                    // A dictionary keyed by a selector holds the items as its values, under keys the selector computes.
                    foreach (var item in copied.SelectMany(from => !from.ItsItems ? Contents(from.Collection, part, depth + 1)
                        : part == Part.Keys ? [null] : Contents(from.Collection, Part.Items, depth + 1)))
                    {
                        yield return item;
                    }
                }
                else if (depth <= MaxDepth && !dictionaryValues && source is IPropertyReferenceOperation view && DictionaryViewed(view) is { } viewed)
                {
                    foreach (var item in Entries(viewed, keys: view.Property.Name == "Keys", depth + 1))
                    {
                        yield return item;
                    }
                }
                else if (depth <= MaxDepth && source is not null && ValuesOf(source) is { IsEmpty: false } held)
                {
                    foreach (var item in held.SelectMany(initial => Contents(initial, part, depth + 1)))
                    {
                        yield return item;
                    }
                }
                else if (depth <= MaxDepth && source is not null && ItemSources(source) is { IsDefault: false } sources)
                {
                    foreach (var (from, isCollection) in sources)
                    {
                        if (!isCollection)
                        {
                            // An item appended to a dictionary's entries is an entry, not a value.
                            yield return dictionaryValues ? null : from;
                            continue;
                        }

                        foreach (var item in Contents(from, part, depth + 1))
                        {
                            yield return item;
                        }
                    }
                }
                else if (depth <= MaxDepth && part == Part.Items && source is not null && Filtered(source) is var (filtered, test))
                {
                    foreach (var item in Passing(filtered, test, depth + 1))
                    {
                        yield return item;
                    }
                }
                else
                {
                    yield return null;
                }
            }

            if (collection is null || depth > MaxDepth)
            {
                yield break;
            }

            var holder = Unwrap(collection);
            var added = AddedTo(holder);
            foreach (var item in added.Items)
            {
                yield return part == Part.Keys ? KeyOf(item) : item;
            }

            foreach (var item in added.Ranges.SelectMany(range => Contents(range, part, depth + 1)))
            {
                yield return item;
            }

            if (added.MayChangeElsewhere(holder))
            {
                yield return null;
            }
        }

        /// <summary>
        /// The values of a dictionary's initializers, written in place (<c>["Hamburg"] = "DE"</c>,
        /// <c>{ "Hamburg", "DE" }</c>), a null entry for any other initializer, or what the value selector of LINQ's
        /// <c>ToDictionary</c> returns for each item (<c>Parties.ToDictionary(p =&gt; p.Name, p =&gt; p.Country)</c>,
        /// <see cref="DelegateCalls.ReturnedPerItem"/>); null for any other value, also a dictionary made from another one.
        /// </summary>
        private static IEnumerable<IOperation?>? DictionaryValuesInPlace(IOperation value)
            => value switch
            {
                IObjectCreationOperation creation when !creation.Arguments.Any(argument => IsSequence(argument.Value.Type))
                    => (creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty).Select(entry => entry switch
                    {
                        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } } indexed => indexed.Value,
                        IInvocationOperation { Arguments.Length: 2 } add => add.Arguments[1].Value,
                        _ => null,
                    }),
                IInvocationOperation call when Selectors(call) is { Length: 2 } selectors
                    && DelegateCalls.ReturnedPerItem(selectors[1].Value) is { IsDefault: false } returned
                    => returned,
                _ => null,
            };

        /// <summary>
        /// The collections a dictionary made from others takes its values from, each with whether its items are the
        /// values: a dictionary or a sequence of entries copied gives its values (<c>ports.ToFrozenDictionary(comparer)</c>,
        /// <c>new Dictionary&lt;string, string&gt;(ports)</c>, <c>ports.AsReadOnly()</c>), and a collection keyed by a
        /// selector alone its items (<c>codes.ToDictionary(c =&gt; c.ToLowerInvariant())</c>). Default for any other value,
        /// also for a copy with an initializer of its own, and for one made from tuples.
        /// </summary>
        private static ImmutableArray<(IOperation Collection, bool ItsItems)> DictionarySources(IOperation value)
        {
            switch (value)
            {
                case IInvocationOperation { Instance: null, Arguments.Length: > 0 } call when Selectors(call) is { } selectors:
                    var source = call.Arguments[0].Value;
                    return selectors.Length switch
                    {
                        0 when HoldsEntries(source) => ImmutableArray.Create((source, false)),
                        1 => ImmutableArray.Create((source, true)),
                        _ => default,
                    };

                case IObjectCreationOperation { Type: INamedTypeSymbol type, Initializer: null } creation
                    when IsDictionary(type) && InCollectionNamespace(type.ContainingNamespace, linq: false):
                    var copied = creation.Arguments
                        .Where(argument => IsSequence(argument.Value.Type))
                        .Select(argument => (argument.Value, false))
                        .ToImmutableArray();
                    return copied.IsEmpty ? default : copied;

                default:
                    return default;
            }
        }

        /// <summary>
        /// The delegate arguments of a call that makes a dictionary from a collection (<see cref="MakesDictionary"/>): none
        /// for a copy, a key selector, or a key and a value selector; null for any other call.
        /// </summary>
        private static IArgumentOperation[]? Selectors(IInvocationOperation call)
            => call.TargetMethod is { IsExtensionMethod: true } method
                && MakesDictionary.Contains(method.Name)
                && (InCollectionNamespace(method.ContainingType.ContainingNamespace, linq: true) || InCollectionNamespace(method.ContainingType.ContainingNamespace, linq: false))
                && IsDictionary(call.Type)
                    ? call.Arguments.Where(argument => argument.Parameter?.Type.TypeKind == TypeKind.Delegate).ToArray()
                    : null;

        /// <summary>
        /// The operations the element at <paramref name="path"/> of a tuple may be, a position for each level of nesting
        /// (<c>[1, 0]</c> is <c>"KP"</c> in <c>("CU", ("KP", 1))</c>): the element of each tuple literal the tuple and its
        /// nested tuples may be, through locals and conditionals; a null entry for a tuple known only at run time, such as
        /// a call's result. <paramref name="depth"/> is how far values have been followed to get here: a local can be
        /// deconstructed from a value that converts from the local itself, so only the depth ends the search.
        /// </summary>
        internal static IEnumerable<IOperation?> Elements(IOperation? tuple, ImmutableArray<int> path, Func<ControlFlowGraph?> graph, int depth)
            => Elements(tuple, path, 0, graph, depth);

        private static IEnumerable<IOperation?> Elements(IOperation? tuple, ImmutableArray<int> path, int level, Func<ControlFlowGraph?> graph, int depth)
        {
            if (level == path.Length)
            {
                return new[] { tuple };
            }

            return Sources(tuple, graph, depth).SelectMany(source =>
                source is ITupleOperation literal && path[level] >= 0 && path[level] < literal.Elements.Length
                    ? Elements(literal.Elements[path[level]], path, level + 1, graph, depth + 1)
                    : new IOperation?[] { null });
        }

        /// <summary>
        /// The position of a tuple element, read by its name (Country) or by its default name (Item1). Names, which a tuple
        /// keeps unique and an ItemN name only at position N, say it in every compiler; comparing the elements' default
        /// fields did not in the SDK's compiler, for named elements.
        /// </summary>
        private static int TuplePosition(IFieldSymbol element)
        {
            var elements = element.ContainingType.TupleElements;
            for (var i = 0; i < elements.Length; i++)
            {
                if (elements[i].Name == element.Name || elements[i].CorrespondingTupleField?.Name == element.Name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// The operations a value may be, for a caller that needs the operation itself (a tuple literal, a lambda) rather
        /// than the constants it carries: the value without its conversions, each branch of a conditional, each value
        /// that reaches a local; a null entry for one that cannot be known, as <see cref="LocalFlow.ReachingValues"/> gives.
        /// </summary>
        internal static IEnumerable<IOperation?> Sources(IOperation? value, Func<ControlFlowGraph?> graph) => Sources(value, graph, 0);

        private static IEnumerable<IOperation?> Sources(IOperation? value, Func<ControlFlowGraph?> graph, int depth)
        {
            switch (depth > MaxDepth || value is null ? null : Unwrap(value))
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Sources(conditional.WhenTrue, graph, depth + 1).Concat(Sources(whenFalse, graph, depth + 1));
                case ILocalReferenceOperation local:
                    return LocalFlow.ReachingValues(local, graph, depth + 1).SelectMany(reaching => Sources(reaching, graph, depth + 1));
                case var operation:
                    return new[] { operation };
            }
        }

        /// <summary>
        /// Conversions (to object, to a span, user-defined) keep the value they convert, except a constant converted to
        /// an enum: <c>(Iso)364</c> is a member of that enum, judged as the enum's constants are, not as a number. A query
        /// (<c>from p in All where p.Active select p.Country</c>) is the calls it is written for.
        /// </summary>
        internal static IOperation Unwrap(IOperation value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation conversion when !(conversion.ConstantValue.HasValue && conversion.Type?.TypeKind == TypeKind.Enum):
                        value = conversion.Operand;
                        continue;
                    case ITranslatedQueryOperation query:
                        value = query.Operation;
                        continue;
                    default:
                        return value;
                }
            }
        }

        /// <summary>
        /// The text of a constant: a string, an integer read as an ISO numeric code ("364"), or the code a CmaaCountry
        /// constant stands for. Other enums' constants (see <see cref="EnumMemberName"/>), null, the empty string and
        /// default(CmaaCountry) (placeholders, not countries) are not country text.
        /// </summary>
        private string? CountryText(IOperation value)
        {
            switch (value.ConstantValue.Value)
            {
                case string text:
                    return text.Length > 0 ? text : null;
                case int member when IsCountryEnum(value.Type):
                    // default(CmaaCountry) names no country: a placeholder, as the empty string is.
                    return member == 0 ? null : Generation.SpecBuilder.CodeOfEnumValue(member);
                case int or long or short or uint or ushort or ulong when value.Type?.TypeKind != TypeKind.Enum:
                    var number = Convert.ToInt64(value.ConstantValue.Value, CultureInfo.InvariantCulture);
                    return number is >= 0 and <= 999 ? number.ToString("D3", CultureInfo.InvariantCulture) : number.ToString(CultureInfo.InvariantCulture);
                default:
                    return null;
            }
        }

        private bool IsCountryEnum(ITypeSymbol? type) => IsCountryEnum(type, _countryEnum);

        /// <summary>The name of the member a constant of another enum is: a country enum of the project's own names its members by code or name.</summary>
        private string? EnumMemberName(IOperation value)
        {
            if (value.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } type || IsCountryEnum(type))
            {
                return null;
            }

            if (value is IFieldReferenceOperation { Field: { ContainingType: var declaring } field } && SymbolEqualityComparer.Default.Equals(declaring, type))
            {
                return field.Name;
            }

            // A const of the enum type, or a cast: the member of that value, if there is one.
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } candidate && Equals(candidate.ConstantValue, value.ConstantValue.Value))
                {
                    return candidate.Name;
                }
            }

            return null;
        }

        /// <summary>
        /// The value whose country a call's text names: an enum value's name (<c>ToString()</c>, of a CmaaCountry or of
        /// the project's own enum), the code or name a <c>CmaaAgreements</c> getter reads from a CmaaCountry, text in
        /// another case (<c>ToUpperInvariant()</c> and the like, as codes and names are recognised in any case), or
        /// text as a span (<c>"IR".AsSpan()</c>).
        /// </summary>
        internal static IOperation? SameCountryAs(IInvocationOperation invocation, ITypeSymbol? countryEnum)
        {
            if (SameText(invocation) is { } text)
            {
                return text;
            }

            var method = invocation.TargetMethod;
            if (invocation.Instance is { Type: { } instanceType } instance)
            {
                return UnderlyingType(instanceType).TypeKind == TypeKind.Enum && method.Name == nameof(ToString) && method.Parameters.Length == 0 ? instance : null;
            }

            return method.Parameters.Length == 1
                && invocation.Arguments.Length == 1
                && method.ReturnType.SpecialType == SpecialType.System_String
                && method.ContainingType is { Name: "CmaaAgreements" } type
                && SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, countryEnum?.ContainingNamespace)
                && IsCountryEnum(method.Parameters[0].Type, countryEnum)
                    ? invocation.Arguments[0].Value
                    : null;
        }

        /// <summary>
        /// The text a call gives back in another case (<c>ToUpperInvariant()</c> and the like) or as a span
        /// (<c>AsSpan()</c>).
        /// </summary>
        internal static IOperation? SameText(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (invocation.Instance is { Type.SpecialType: SpecialType.System_String } instance && ChangesCase(method.Name))
            {
                return instance;
            }

            return method is { Name: "AsSpan", IsStatic: true, ContainingType: { Name: "MemoryExtensions", ContainingNamespace.Name: "System" } }
                && invocation.Arguments.Length == 1
                && invocation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String
                    ? invocation.Arguments[0].Value
                    : null;
        }

        /// <summary>Whether a string method of the name gives the text in another case, so naming the same country.</summary>
        internal static bool ChangesCase(string name) => name is "ToUpperInvariant" or "ToLowerInvariant" or "ToUpper" or "ToLower";

        /// <summary>Whether the type is the generated CmaaCountry, or a nullable one.</summary>
        internal static bool IsCountryEnum(ITypeSymbol? type, ITypeSymbol? countryEnum)
            => countryEnum is not null && type is not null && SymbolEqualityComparer.Default.Equals(UnderlyingType(type), countryEnum);

        /// <summary>The type a nullable value type wraps; any other type itself.</summary>
        private static ITypeSymbol UnderlyingType(ITypeSymbol type)
            => type is INamedTypeSymbol { IsGenericType: true } nullable && nullable.ConstructedFrom.SpecialType == SpecialType.System_Nullable_T
                ? nullable.TypeArguments[0]
                : type;

        // Collection expressions (C# 12) and their spreads have no operation kind in the Roslyn 4.8 this assembly
        // compiles against; the compiler that runs it may define them. Resolved once: naming a kind costs an allocation.
        private static readonly OperationKind? CollectionExpressionKind = KindNamed("CollectionExpression");
        internal static readonly OperationKind? SpreadKind = KindNamed("Spread");

        private static OperationKind? KindNamed(string name) => Enum.TryParse<OperationKind>(name, out var kind) ? kind : null;

        private static bool IsCollectionExpression(IOperation value) => value.Kind == CollectionExpressionKind;
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// A call through a delegate passes its arguments to the delegate type's <c>Invoke</c>, whose parameters carry no
    /// mark. Where the delegate is a local, or a field or property that always holds one value, what the call reaches is
    /// known: the lambdas and methods it may hold at the call (<c>Action&lt;string&gt; send = gateway.Send; send("IR");</c>).
    /// </summary>
    internal static class DelegateCalls
    {
        // LINQ methods whose delegates each take one item of the source at a time (an overload whose delegate takes more,
        // such as an index, is left out by its number of parameters).
        private static readonly HashSet<string> PerItem =
        [
            "Select", "SelectMany", "Where", "Any", "All", "Count", "LongCount", "First", "FirstOrDefault", "Last", "LastOrDefault",
            "Single", "SingleOrDefault", "SkipWhile", "TakeWhile", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending",
            "GroupBy", "ToDictionary", "ToFrozenDictionary", "ToImmutableDictionary", "ToImmutableSortedDictionary", "ToLookup", "DistinctBy", "MinBy", "MaxBy", "Sum", "Min", "Max", "Average",
        ];

        /// <summary>
        /// The local, field or property an argument's call invokes, when the call is through a delegate held there; null
        /// for every other argument, which is nearly every argument, so the test allocates nothing.
        /// </summary>
        public static IOperation? InvokedHolder(IArgumentOperation argument)
            => argument.Parameter is { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.DelegateInvoke } }
                && argument.Parent is IInvocationOperation { Instance: ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation } invocation
                ? invocation.Instance
                : null;

        /// <summary>
        /// The parameter at <paramref name="ordinal"/> of each lambda or method the holder may hold at the call: what
        /// reaches the call, for a local; the values a field or property can hold (<see cref="MemberValues"/>).
        /// None when what it holds cannot be known.
        /// </summary>
        public static IEnumerable<IParameterSymbol> ReachedParameters(IOperation holder, int ordinal, Func<ControlFlowGraph?> graph, MemberValues members, CancellationToken cancellationToken)
            => Held(holder, graph, members, cancellationToken)
                .SelectMany(Targets)
                .Where(target => ordinal + target.Skipped < target.Method.Parameters.Length)
                .Select(target => target.Method.Parameters[ordinal + target.Skipped]);

        /// <summary>
        /// What a call through the holder gives (<c>Func&lt;string&gt; home = () =&gt; "IR"; home()</c>): what each
        /// lambda it may hold returns, or each method of the project (<see cref="MemberValues"/>); default when what it
        /// holds, or what one of them returns, cannot be known, as for an <c>async</c> lambda, whose returns are its task's.
        /// </summary>
        public static ImmutableArray<IOperation> Returned(IOperation holder, Func<ControlFlowGraph?> graph, MemberValues members, CancellationToken cancellationToken)
        {
            var values = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var held in Held(holder, graph, members, cancellationToken))
            {
                switch (held is IDelegateCreationOperation creation ? creation.Target : held)
                {
                    case IAnonymousFunctionOperation { Symbol.IsAsync: false } lambda when AddReturns(lambda.Body, values):
                        break;
                    case IMethodReferenceOperation reference when members.Values(reference.Method, reference, cancellationToken) is { IsEmpty: false } given:
                        values.AddRange(given);
                        break;
                    default:
                        return default;
                }
            }

            return values.ToImmutable();
        }

        /// <summary>
        /// The lambdas and methods a local, field or property may hold where it is read, each as the operation that names
        /// it: what reaches the read, for a local; the values a field or property can hold. A null entry for one that
        /// cannot be known.
        /// </summary>
        private static IEnumerable<IOperation?> Held(IOperation holder, Func<ControlFlowGraph?> graph, MemberValues members, CancellationToken cancellationToken)
        {
            var held = holder is ILocalReferenceOperation ? ImmutableArray.Create(holder) : members.ValuesRead(holder, cancellationToken);
            return held.IsEmpty ? [null] : held.SelectMany(value => CountryValueCollector.Sources(value, graph));
        }

        /// <summary>
        /// What a lambda of one parameter gives for each item it is handed (<c>party =&gt; party.Country</c> in
        /// <c>Parties.Select(…)</c>): the value of each of its <c>return</c>s. Default for a method group, an <c>async</c>
        /// lambda, a lambda with a <c>return</c> without a value, and one that tests its parameter
        /// (<c>c =&gt; c == "IR" ? "DE" : c</c>, <see cref="CallFrame.IsTested"/>), which may keep an item out.
        /// </summary>
        public static ImmutableArray<IOperation> ReturnedPerItem(IOperation function)
        {
            if (function is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol: { IsAsync: false, Parameters.Length: 1 } } lambda }
                || CallFrame.IsTested(lambda.Symbol.Parameters[0], lambda.Body))
            {
                return default;
            }

            var values = ImmutableArray.CreateBuilder<IOperation>();
            return AddReturns(lambda.Body, values) ? values.ToImmutable() : default;
        }

        /// <summary>
        /// Whether a predicate of one item (<c>Where</c>'s) decides by nothing that may be a country: it reads only truth
        /// values and numbers of the item, as its members or its objects' members (<c>p =&gt; p.Active</c>,
        /// <c>p =&gt; p.Pieces &gt; 0</c>, <c>p =&gt; p.Consignee.Active</c>), or does not read the item, so every item may
        /// pass it as far as its country goes. One that tests the item itself, text or an enum of it, or hands it or one
        /// of its objects to a method may keep an item out for its country. False for a method group and for a predicate
        /// that also takes the index.
        /// </summary>
        public static bool TestsNoCountry(IOperation function)
        {
            if (function is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } lambda })
            {
                return false;
            }

            var item = lambda.Symbol.Parameters[0];
            foreach (var operation in lambda.Body.Descendants())
            {
                if (operation is not IParameterReferenceOperation use || !SymbolEqualityComparer.Default.Equals(use.Parameter, item))
                {
                    continue;
                }

                // What the predicate decides by: the first value read through objects (p.Consignee.Active), which must be a
                // truth value or a number. An item that is text or an enum may be a country itself (c.Length tests it), and
                // an object handed on whole may be tested for its country where it goes.
                IOperation read = use;
                while (IsObject(read.Type)
                    && read.Parent is IPropertyReferenceOperation { Property.IsIndexer: false } or IFieldReferenceOperation
                    && ((IMemberReferenceOperation)read.Parent).Instance == read)
                {
                    read = read.Parent;
                }

                if (IsObject(read.Type) || !HoldsNoCountry(read.Type))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether a value of the type is an object of members, neither text, a number, an enum nor a nullable value.</summary>
        private static bool IsObject(ITypeSymbol? type)
            => type is { SpecialType: SpecialType.None, TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface }
                && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;

        /// <summary>Whether a value of the type is a truth value or a number, also nullable, which a filter may test without testing a country.</summary>
        private static bool HoldsNoCountry(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return type?.SpecialType is SpecialType.System_Boolean or SpecialType.System_Byte or SpecialType.System_Int16
                or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt16 or SpecialType.System_UInt32
                or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal
                or SpecialType.System_DateTime;
        }

        /// <summary>Adds the value of each <c>return</c> of a lambda's body, outside the functions in it; false for a <c>return</c> without one.</summary>
        private static bool AddReturns(IOperation operation, ImmutableArray<IOperation>.Builder values)
        {
            foreach (var child in operation.ChildOperations)
            {
                switch (child)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        continue;
                    case IReturnOperation { Kind: OperationKind.Return } returned:
                        if (returned.ReturnedValue is not { } value)
                        {
                            return false;
                        }

                        values.Add(value);
                        continue;
                    default:
                        if (!AddReturns(child, values))
                        {
                            return false;
                        }

                        continue;
                }
            }

            return true;
        }

        /// <summary>
        /// <c>list.ForEach(gateway.Send)</c>, <c>Array.ForEach(array, gateway.Send)</c> and
        /// <c>Parallel.ForEach(items, gateway.Send)</c> (with or without options) call the method group with each item of
        /// the collection, as <c>foreach (var item in list) gateway.Send(item);</c> does, and so do LINQ methods with a
        /// per-item delegate (<c>codes.Select(gateway.Lookup)</c>): the collection, and the parameter of the method that
        /// gets the items. Null for any other argument; the first test is a type test, so the arguments of other calls
        /// cost no allocation.
        /// </summary>
        public static (IOperation Items, IParameterSymbol Parameter)? ItemsPassed(IArgumentOperation argument)
        {
            if (argument.Value is not IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
                || ItemsGiven(argument) is not { } items)
            {
                return null;
            }

            var skipped = Skipped(reference);
            return reference.Method.Parameters.Length != skipped + 1 ? null : (items, reference.Method.Parameters[skipped]);
        }

        /// <summary>
        /// The collection whose items a lambda's parameter takes, where the lambda is the body of one of those ForEach
        /// calls (<c>codes.ForEach(code =&gt; gateway.Send(code))</c>) or a LINQ method's per-item delegate
        /// (<c>codes.Select(code =&gt; gateway.Lookup(code))</c>), as a <c>foreach</c> variable takes its loop's; null for
        /// any other parameter, and for characters, which are no country.
        /// </summary>
        public static IOperation? IteratedBy(IParameterReferenceOperation use)
        {
            if (use.Parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.AnonymousFunction, Parameters.Length: 1 } lambda
                || use.Parameter.Type.SpecialType == SpecialType.System_Char)
            {
                return null;
            }

            for (var parent = use.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
                {
                    return function.Parent is IDelegateCreationOperation { Parent: IArgumentOperation argument } ? ItemsGiven(argument) : null;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether a call to the method may give each item of a collection to a delegate (<see cref="ItemsGiven"/>): a
        /// <c>ForEach</c>, or a LINQ extension method with a per-item delegate. The call alone tells, before any of its
        /// arguments is read.
        /// </summary>
        public static bool MayPassItems(IMethodSymbol method)
            => method.Name == "ForEach" || method.IsExtensionMethod && PerItem.Contains(method.Name);

        /// <summary>
        /// The collection a call gives its delegate argument item by item: a ForEach call's, or a LINQ method's source
        /// whose delegate takes one item at a time (<c>codes.Select(code =&gt; …)</c>, <c>.Where(…)</c>, <c>.Any(…)</c>), also a
        /// frozen or immutable dictionary's selectors (<c>codes.ToFrozenDictionary(code =&gt; …)</c>); null for any other argument.
        /// </summary>
        private static IOperation? ItemsGiven(IArgumentOperation argument)
        {
            if (argument.Parent is not IInvocationOperation { TargetMethod: var method } call || !MayPassItems(method))
            {
                return null;
            }

            var type = method.ContainingType;
            if (method.Name != "ForEach")
            {
                return method.IsExtensionMethod && PerItem.Contains(method.Name) && call.Arguments.Length > 1 && argument != call.Arguments[0]
                    && (SymbolNames.IsType(type, "System.Linq", "Enumerable") || KeysBySelectors(type))
                        ? call.Arguments[0].Value
                        : null;
            }

            if (SymbolNames.IsType(type, "System.Collections.Generic", "List"))
            {
                return call.Instance;
            }

            // Array.ForEach(array, action); Parallel.ForEach(source, action), maybe with options between them.
            return call.Arguments.Length is 2 or 3 && argument == call.Arguments[call.Arguments.Length - 1]
                && (call.Arguments.Length == 2 && SymbolNames.IsType(type, "System", "Array") || SymbolNames.IsType(type, "System.Threading.Tasks", "Parallel"))
                    ? call.Arguments[0].Value
                    : null;
        }

        /// <summary>The frozen and immutable collections' classes whose extension methods key a dictionary by selectors, as LINQ's <c>ToDictionary</c> does.</summary>
        private static bool KeysBySelectors(INamedTypeSymbol type)
            => SymbolNames.IsType(type, "System.Collections.Frozen", "FrozenDictionary")
                || SymbolNames.IsType(type, "System.Collections.Immutable", "ImmutableDictionary")
                || SymbolNames.IsType(type, "System.Collections.Immutable", "ImmutableSortedDictionary");

        // An extension method taken with its receiver (gateway.SendTo) gets the receiver as its first parameter, which
        // the delegate's parameters skip. A member's initial value is found by its syntax, which names the method group
        // or lambda rather than the delegate made from it.
        private static IEnumerable<(IMethodSymbol Method, int Skipped)> Targets(IOperation? value) => value switch
        {
            IDelegateCreationOperation creation => Targets(creation.Target),
            IAnonymousFunctionOperation function => new[] { (function.Symbol, 0) },
            IMethodReferenceOperation reference => new[] { (reference.Method, Skipped(reference)) },
            _ => Enumerable.Empty<(IMethodSymbol, int)>(),
        };

        /// <summary>How many of a method group's parameters its delegate skips: an extension method's receiver, if taken with it.</summary>
        private static int Skipped(IMethodReferenceOperation reference) => reference.Method.IsExtensionMethod && reference.Instance is not null ? 1 : 0;
    }
}

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
    /// The constants a run-time value is known to be one of where it reaches an exchange, because every path there passes
    /// a test of it against them and no write after: <c>if (country == "IR") gateway.Send(country);</c>, a <c>switch</c>
    /// case (several labels give several constants) or arm (<c>country switch { "IR" =&gt; Reroute(country), … }</c>),
    /// <c>country is "IR" or "KP"</c>, <c>string.Equals(country, "ir", …)</c>, membership of a collection whose items are
    /// all constants (<c>Allowed.Contains(country)</c>), or the false branch of <c>!=</c>, also made by a predicate of the
    /// project (<see cref="MethodTests"/>) or held by a flag (<c>var listed = Allowed.Contains(country); if (listed)</c>).
    /// The value is then judged as each of them. A guard of the project that throws where such a test holds rules its
    /// constants out after its call. Only a member whose code compares the value with something, hands it to a call it
    /// decides by (or declares a flag a condition reads as) or to two calls, builds a control flow graph for it, so code
    /// that never does pays one walk of its syntax.
    /// </summary>
    /// <param name="members">The values of the project's members, which a tested collection's items are read from.</param>
    /// <param name="methods">What the project's predicates and guards test of their parameters, so that a call of one tests its argument.</param>
    internal sealed class EqualityNarrowing(MemberValues members, MethodTests methods)
    {
        // What each member's code compares, as written: most runtime values are never compared with a constant.
        private readonly ConditionalWeakTable<SyntaxNode, HashSet<string>> _compared = new();

        // Per graph and value, the constants each block is entered with, on every path; kept as long as the graph lives.
        private readonly ConditionalWeakTable<ControlFlowGraph, ConcurrentDictionary<ValuePath, ImmutableArray<IOperation>[]>> _known = new();

        // Per graph, value and constant, the blocks entered with the value known not to be that constant.
        private readonly ConditionalWeakTable<ControlFlowGraph, ConcurrentDictionary<(ValuePath, object), bool[]>> _ruledOut = new();

        // Per graph and value, the tests of it its branches make: what is known and each constant ruled out read them.
        private readonly ConditionalWeakTable<ControlFlowGraph, ConcurrentDictionary<ValuePath, Dictionary<int, BranchTest>>> _tests = new();

        /// <summary>The constants the value is one of where it is read, in the order of the code; empty when it can be anything.</summary>
        public ImmutableArray<IOperation> KnownConstants(IOperation value, Func<ControlFlowGraph?> graph, CancellationToken cancellationToken)
        {
            if (Locate(value, graph, cancellationToken) is not { } use)
            {
                return ImmutableArray<IOperation>.Empty;
            }

            // A guard called in the value's block after its last write there tells more than what is known on entry.
            var (failed, written) = use.Failed(use.Block, use.Index);
            return Listed(failed) is { } listed ? Ordered(listed)
                : written >= 0 ? ImmutableArray<IOperation>.Empty
                : OneOf(use);
        }

        /// <summary>
        /// Whether the value, where it is read, may be <paramref name="constant"/>: false when every path there tests it
        /// and finds it one of other constants (<c>if (p == "DE")</c>), or not that one
        /// (<c>if (p == "IR") continue;</c>, <c>p is not ("IR" or "KP")</c>), with no write after. A constant reached
        /// through a local or loop, such as an item of a list the loop skips it in, is then not what the exchange gets.
        /// </summary>
        public bool MayBe(IOperation value, object constant, Func<ControlFlowGraph?> graph, CancellationToken cancellationToken)
        {
            if (Locate(value, graph, cancellationToken) is not { } use)
            {
                return true;
            }

            // A guard called in the value's block after its last write there rules the constant out; a write there after
            // anything known on entry leaves it possible.
            switch (RuledOutIn(use.Failed(use.Block, use.Index), constant))
            {
                case true:
                    return false;
                case false:
                    return true;
            }

            var known = OneOf(use);
            if (!known.IsEmpty && !known.Any(c => Matches(c.ConstantValue.Value!, constant)))
            {
                return false;
            }

            var ruledOut = _ruledOut.GetValue(use.Cfg, _ => new ConcurrentDictionary<(ValuePath, object), bool[]>())
                .GetOrAdd((use.Path, constant), _ => RuledOut(use, constant));
            return !ruledOut[use.Block.Ordinal];
        }

        /// <summary>
        /// The blocks entered with the value known not to be the constant: the edge on which a test of it fails gives
        /// that, and so does a guard of the project's that returned (<see cref="RuledOutIn"/>); a write takes it away, and
        /// every edge into a block must give it.
        /// </summary>
        private static bool[] RuledOut(Use use, object constant)
        {
            var tests = use.Tests;
            return FlowFacts.HoldsOnEntry(
                use.Cfg,
                block => RuledOutIn(use.AtBlockEnd(block), constant),
                branch => tests.TryGetValue(branch.Source.Ordinal, out var test)
                    && test.Tells(branch)
                    && branch.IsConditionalSuccessor != test.OneOfOnConditional
                    && test.Constants.Any(c => Equals(c.ConstantValue.Value, constant)));
        }

        /// <summary>
        /// What a block's operations up to a point do to "the value is not the constant" (<see cref="Use.Failed"/>): true
        /// where a call of a guard of the project after the last write rules it out (<c>EnsureAllowed(c);</c>, which throws
        /// where <c>Embargoed.Contains(c)</c>), false where a write comes last, null where there is neither.
        /// </summary>
        private static bool? RuledOutIn((List<ConstantTest> Failed, int Written) block, object constant)
            => block.Failed.Exists(test => RulesOut(test, constant)) ? true
                : block.Written >= 0 ? false
                : null;

        /// <summary>
        /// The constants the latest failed test of "none of them" leaves the value one of (<c>EnsureListed(c);</c>, which
        /// throws unless <c>Listed.Contains(c)</c>); null where there is none.
        /// </summary>
        private static Dictionary<object, IOperation>? Listed(List<ConstantTest> failed)
            => failed.FindIndex(test => !test.OneOfWhenTrue) is var latest and >= 0 ? ByValue(failed[latest].Constants) : null;

        private static ImmutableArray<IOperation> Ordered(Dictionary<object, IOperation> constants)
            => constants.Values.OrderBy(c => c.Syntax.SpanStart).ToImmutableArray();

        /// <summary>
        /// Whether a test that failed rules the constant out: it is one of the constants a test of "one of them" names, or
        /// none of those a test of "none of them" names, in any case, as a test ignoring case would let it through.
        /// </summary>
        internal static bool RulesOut(ConstantTest failed, object constant)
            => failed.OneOfWhenTrue
                ? failed.Constants.Any(c => Equals(c.ConstantValue.Value, constant))
                : !failed.Constants.Any(c => Matches(c.ConstantValue.Value!, constant));

        /// <summary>
        /// Where a value compared in its member is read: null for any other value, which no test can narrow. What is known
        /// on entry to its block holds only where nothing is written to it before in that block.
        /// </summary>
        private Use? Locate(IOperation value, Func<ControlFlowGraph?> graph, CancellationToken cancellationToken)
        {
            value = CountryValueCollector.Unwrap(value);
            if (ValuePath.Read(value) is not { } path
                || !IsCompared(value.Syntax)
                || graph() is not { } body
                || GraphPositions.Holding(body, value.Syntax) is not { } cfg
                || !GraphPositions.TryFind(cfg, value.Syntax, out var useBlock, out var useIndex))
            {
                return null;
            }

            var writes = path.Symbols.Select(symbol => GraphPositions.WritesOf(cfg, symbol)).ToArray();
            var items = new CountryValueCollector(members, methods, null, () => cfg, cancellationToken);
            return new Use(
                cfg,
                path,
                writes,
                useBlock,
                useIndex,
                items.ConstantItems,
                methods.Called(cfg, cancellationToken),
                methods.Thrown(cfg, cancellationToken),
                _tests.GetValue(cfg, _ => new ConcurrentDictionary<ValuePath, Dictionary<int, BranchTest>>()));
        }

        /// <summary>The ordinal of the parameter a call's argument that reads the value is given to; null where none reads it.</summary>
        internal static int? Argument(ControlFlowGraph? cfg, IInvocationOperation call, ValuePath path)
            => call.Arguments.FirstOrDefault(argument => Reads(cfg, argument.Value, path))?.Parameter?.Ordinal;

        private ImmutableArray<IOperation> OneOf(Use use)
            => _known.GetValue(use.Cfg, _ => new ConcurrentDictionary<ValuePath, ImmutableArray<IOperation>[]>())
                .GetOrAdd(use.Path, _ => Solve(use))[use.Block.Ordinal];

        /// <summary>
        /// Whether a constant the value is known to be one of may be the other constant: the same value, or the same text
        /// in another case, as a test ignoring case leaves it.
        /// </summary>
        internal static bool Matches(object known, object constant)
            => known is string knownText && constant is string text ? string.Equals(knownText, text, StringComparison.OrdinalIgnoreCase) : Equals(known, constant);

        /// <summary>
        /// The constants each block is entered with: an edge on which a test holds gives its constants, any other edge
        /// what its block ends with (nothing known after a write), and a block is entered with the union of its edges',
        /// or nothing known when one edge knows nothing. Solved from "not reached" up until no block changes.
        /// </summary>
        private static ImmutableArray<IOperation>[] Solve(Use use)
        {
            var blocks = use.Cfg.Blocks;
            var tests = use.Tests;

            // null: not reached yet; Anything: nothing known; otherwise the constants by value.
            var onEntry = new Dictionary<object, IOperation>?[blocks.Length];
            onEntry[0] = Anything;
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var block in blocks)
                {
                    if (block.Kind == BasicBlockKind.Entry)
                    {
                        continue;
                    }

                    Dictionary<object, IOperation>? joined = null;
                    foreach (var branch in block.Predecessors)
                    {
                        var carried = tests.TryGetValue(branch.Source.Ordinal, out var test) && test.Tells(branch) && branch.IsConditionalSuccessor == test.OneOfOnConditional
                            ? ByValue(test.Constants)
                            : AtExit(use, branch.Source) ?? onEntry[branch.Source.Ordinal];
                        joined = Join(joined, carried);
                    }

                    if (joined is not null && !Same(joined, onEntry[block.Ordinal]))
                    {
                        onEntry[block.Ordinal] = joined;
                        changed = true;
                    }
                }
            }

            return onEntry.Select(known => known is null || known == Anything ? ImmutableArray<IOperation>.Empty : Ordered(known)).ToArray();
        }

        /// <summary>
        /// What a block leaves known at its end, where it changes that: the constants a guard after the last write lists,
        /// or nothing after a write; null where it has neither.
        /// </summary>
        private static Dictionary<object, IOperation>? AtExit(Use use, BasicBlock block)
        {
            var (failed, written) = use.AtBlockEnd(block);
            return Listed(failed) ?? (written >= 0 ? Anything : null);
        }

        /// <summary>
        /// Each test of the value, by the block that branches on it: the constants, and whether the value is one of them
        /// on the block's conditional successor (else on the other edge). <paramref name="itemsOf"/> gives the constant items
        /// of a collection, default when they are not all known constants; <paramref name="called"/> what a call of a
        /// predicate of the project tests of its argument (<see cref="MethodTests"/>). A branch on a flag is a test of what
        /// the flag was declared as (<see cref="Flagged"/>).
        /// </summary>
        private static Dictionary<int, BranchTest> Tests(
            ControlFlowGraph cfg,
            ValuePath path,
            Dictionary<int, List<GraphPositions.Write>>[] writes,
            Func<IOperation, ImmutableArray<IOperation>> itemsOf,
            Func<IInvocationOperation, ValuePath, ConstantTest?> called)
        {
            var tests = new Dictionary<int, BranchTest>();
            foreach (var block in cfg.Blocks)
            {
                if (FlowFacts.Branch(block) is not var (condition, conditionalWhenTrue))
                {
                    continue;
                }

                if ((Flagged(cfg, block, condition, writes) is { } flagged ? Combined(flagged, path, itemsOf, called) : Test(cfg, condition, path, itemsOf, called)) is var (constants, oneOfWhenTrue))
                {
                    tests.Add(block.Ordinal, new BranchTest(constants, conditionalWhenTrue == oneOfWhenTrue));
                }
                else if (WhereHolds(cfg, condition, path) is var (held, oneOfWhereHeld))
                {
                    tests.Add(block.Ordinal, new BranchTest(held, conditionalWhenTrue == oneOfWhereHeld, conditionalWhenTrue));
                }
            }

            return tests;
        }

        /// <summary>
        /// What a flag a branch tests was declared as, in the body's own operations: <c>var embargoed = IsEmbargoed(c);</c>
        /// then <c>if (embargoed) continue;</c>. Only a flag written once, by its declaration, in the branch's block or one
        /// that leads straight to it (the graph splits a declaration of <c>a || b</c> or a <c>switch</c>), with no write of
        /// the value after it on the way, so that it still tells of the value; null for any other condition.
        /// </summary>
        private static IOperation? Flagged(ControlFlowGraph cfg, BasicBlock block, IOperation condition, Dictionary<int, List<GraphPositions.Write>>[] writes)
        {
            if (condition is not ILocalReferenceOperation { Local: { Type.SpecialType: SpecialType.System_Boolean } flag }
                || GraphPositions.WritesOf(cfg, flag) is not { Count: 1 } flagWrites
                || flagWrites.First() is not { Value: { Count: 1 } written, Key: var writtenIn }
                || flag.DeclaringSyntaxReferences.Length != 1
                || flag.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var initializer })
            {
                return null;
            }

            // A few blocks at most lie between; unreachable code can chain blocks round in a cycle.
            var steps = 0;
            for (var on = block; LastWrite(writes, on, on.Operations.Length + 1) <= (on.Ordinal == writtenIn ? written[0].Index : -1); on = on.Predecessors[0].Source)
            {
                if (on.Ordinal == writtenIn)
                {
                    return OwnOperation(cfg, initializer);
                }

                if (on.Predecessors.Length != 1 || on.Predecessors[0].Source is { ConditionKind: not ControlFlowConditionKind.None } || ++steps > 8)
                {
                    break;
                }
            }

            return null;
        }

        private static readonly Dictionary<object, IOperation> Anything = [];

        private static Dictionary<object, IOperation>? Join(Dictionary<object, IOperation>? left, Dictionary<object, IOperation>? right)
        {
            if (left is null || right is null)
            {
                return left ?? right;
            }

            if (left == Anything || right == Anything)
            {
                return Anything;
            }

            var union = new Dictionary<object, IOperation>(left);
            foreach (var pair in right)
            {
                if (!union.ContainsKey(pair.Key))
                {
                    union.Add(pair.Key, pair.Value);
                }
            }

            return union;
        }

        private static bool Same(Dictionary<object, IOperation> joined, Dictionary<object, IOperation>? known)
            => known is not null && (joined == Anything ? known == Anything : known != Anything && joined.Count == known.Count && joined.Keys.All(known.ContainsKey));

        /// <summary>
        /// The test a predicate's returned condition makes of its parameter, through <c>!</c>s and joined by <c>||</c> (one of
        /// several constants: <c>code == "IR" || code == "KP"</c>) or <c>&amp;&amp;</c> (none of them); null where the parts
        /// do not test it alike. <paramref name="called"/> gives what a call of a predicate of the project in it tests
        /// (<see cref="MethodTests.Called"/>); null follows none.
        /// </summary>
        internal static ConstantTest? Combined(
            IOperation condition,
            ValuePath path,
            Func<IOperation, ImmutableArray<IOperation>> itemsOf,
            Func<IInvocationOperation, ValuePath, ConstantTest?>? called)
        {
            var test = FlowFacts.Unnegated(condition, out var negated);
            var found = test is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.ConditionalAnd } joined
                ? Joined(joined, path, itemsOf, called)
                : Test(null, test, path, itemsOf, called);
            return found is { } tested ? tested with { OneOfWhenTrue = tested.OneOfWhenTrue != negated } : null;
        }

        private static ConstantTest? Joined(IBinaryOperation joined, ValuePath path, Func<IOperation, ImmutableArray<IOperation>> itemsOf, Func<IInvocationOperation, ValuePath, ConstantTest?>? called)
        {
            var oneOf = joined.OperatorKind == BinaryOperatorKind.ConditionalOr;
            return Combined(joined.LeftOperand, path, itemsOf, called) is { } left && left.OneOfWhenTrue == oneOf
                && Combined(joined.RightOperand, path, itemsOf, called) is { } right && right.OneOfWhenTrue == oneOf
                    ? new ConstantTest(left.Constants.AddRange(right.Constants), oneOf)
                    : null;
        }

        /// <summary>
        /// A test of the value against constants: the constants, and whether the value is one of them when the test is true.
        /// <paramref name="cfg"/> is null for a condition outside a graph, and <paramref name="called"/> gives what a call of
        /// the project's predicates tests.
        /// </summary>
        private static ConstantTest? Test(ControlFlowGraph? cfg, IOperation condition, ValuePath path, Func<IOperation, ImmutableArray<IOperation>> itemsOf, Func<IInvocationOperation, ValuePath, ConstantTest?>? called)
        {
            switch (condition)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                    var equal = binary.OperatorKind == BinaryOperatorKind.Equals;
                    return Constant(binary.RightOperand) is { } right && Reads(cfg, binary.LeftOperand, path) ? new ConstantTest(ImmutableArray.Create(right), equal)
                        : Constant(binary.LeftOperand) is { } left && Reads(cfg, binary.RightOperand, path) ? new ConstantTest(ImmutableArray.Create(left), equal)
                        : null;
                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: var negated } } pattern when Reads(cfg, pattern.Value, path):
                    return Constants(negated) is { IsDefault: false } untested ? new ConstantTest(untested, false) : null;
                case IIsPatternOperation pattern when Reads(cfg, pattern.Value, path):
                    return Constants(pattern.Pattern) is { IsDefault: false } tested ? new ConstantTest(tested, true) : null;
                case IInvocationOperation { TargetMethod: { Name: nameof(string.Equals), ContainingType.SpecialType: SpecialType.System_String } } call:
                    var operands = call.Instance is null ? call.Arguments.Take(2).Select(a => a.Value).ToArray() : [call.Instance, call.Arguments[0].Value];
                    return operands.Length != 2 ? null
                        : Constant(operands[1]) is { } second && Reads(cfg, operands[0], path) ? new ConstantTest(ImmutableArray.Create(second), true)
                        : Constant(operands[0]) is { } first && Reads(cfg, operands[1], path) ? new ConstantTest(ImmutableArray.Create(first), true)
                        : null;
                case IInvocationOperation { TargetMethod.Name: "Contains" or "ContainsKey" or "TryGetValue" } contains when Membership(contains) is var (collection, item) && Reads(cfg, item, path):
                    return OneOfItems(itemsOf(InBody(cfg, collection)));
                case IInvocationOperation { TargetMethod: { Name: "Any" or "All", IsExtensionMethod: true }, Arguments.Length: 2 } quantified when Compares(cfg, quantified.Arguments[1].Value, path) is { } sought
                    && sought == (quantified.TargetMethod.Name == "Any"):
                    return OneOfItems(itemsOf(InBody(cfg, quantified.Arguments[0].Value))) is { } listed ? listed with { OneOfWhenTrue = sought } : null;
                case ISwitchExpressionOperation { Value: var decidedValue } decided when Reads(cfg, decidedValue, path):
                    return Decided(decided);
                case IInvocationOperation call when called is not null:
                    // IsEmbargoed(c), where IsEmbargoed(string code) => Embargoed.Contains(code).
                    return called(call, path);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The body's own operation for a local the graph reads, which the local's writes and uses are found from: the
        /// graph holds copies. Any other operation as it is.
        /// </summary>
        private static IOperation InBody(ControlFlowGraph? cfg, IOperation operation)
        {
            operation = CountryValueCollector.Unwrap(operation);
            if (cfg is null)
            {
                return operation;
            }

            if (operation is IFlowCaptureReferenceOperation capture && GraphPositions.CapturedValue(cfg, capture) is { } captured)
            {
                operation = CountryValueCollector.Unwrap(captured);
            }

            return operation is ILocalReferenceOperation
                ? OwnOperation(cfg, operation.Syntax, OperationKind.LocalReference) ?? operation
                : operation;
        }

        /// <summary>
        /// The operation of the graph's body written as the syntax, not the graph's copy of it, of the kind asked for, if
        /// any: the argument and the conversion that give a local array to LINQ's <c>blocked.Contains(c)</c> share the
        /// local's syntax. Null where none is.
        /// </summary>
        private static IOperation? OwnOperation(ControlFlowGraph cfg, SyntaxNode syntax, OperationKind? kind = null)
            => cfg.OriginalOperation.DescendantsAndSelf().FirstOrDefault(operation => operation.Syntax == syntax && (kind is null || operation.Kind == kind));

        /// <summary>
        /// What a lambda given to <c>Any</c> or <c>All</c> asks of each item: true where it returns the item <c>==</c> the
        /// value (<c>blocked.Any(b =&gt; b == c)</c>, as <c>blocked.Contains(c)</c>), false where <c>!=</c>
        /// (<c>blocked.All(b =&gt; b != c)</c>, as its negation); null for any other delegate. In a graph the lambda is a
        /// reference to it, whose own operation is read from the body.
        /// </summary>
        private static bool? Compares(ControlFlowGraph? cfg, IOperation predicate, ValuePath path)
        {
            var function = CountryValueCollector.Unwrap(predicate) switch
            {
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
                IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation flow } when cfg is not null
                    => OwnOperation(cfg, flow.Syntax, OperationKind.AnonymousFunction) as IAnonymousFunctionOperation,
                _ => null,
            };
            if (function is not { Symbol.Parameters.Length: 1, Body.Operations.Length: 1 }
                || function.Body.Operations[0] is not IReturnOperation { ReturnedValue: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } test })
            {
                return null;
            }

            var item = function.Symbol.Parameters[0];
            var (left, right) = (CountryValueCollector.Unwrap(test.LeftOperand), CountryValueCollector.Unwrap(test.RightOperand));
            var other = left is IParameterReferenceOperation { Parameter: var l } && SymbolEqualityComparer.Default.Equals(l, item) ? right
                : right is IParameterReferenceOperation { Parameter: var r } && SymbolEqualityComparer.Default.Equals(r, item) ? left
                : null;
            return other is not null && Reads(null, other, path) ? test.OperatorKind == BinaryOperatorKind.Equals : null;
        }

        /// <summary>
        /// The collection and the item of a membership test: <c>allowed.Contains(item)</c>, with or without a comparer,
        /// or an extension method's (<c>Enumerable.Contains(allowed, item)</c>), and a dictionary's key
        /// (<c>contacts.ContainsKey(item)</c>, <c>contacts.TryGetValue(item, out var contact)</c>); null for any other call.
        /// </summary>
        private static (IOperation Collection, IOperation Item)? Membership(IInvocationOperation contains)
            => contains switch
            {
                { TargetMethod.Name: "ContainsKey" or "TryGetValue", Instance: { } dictionary } when CountryValueCollector.IsDictionary(dictionary.Type)
                    => (dictionary, contains.Arguments[0].Value),
                { TargetMethod.Name: "ContainsKey" or "TryGetValue" } => null,
                { Instance: { } instance, Arguments.Length: 1 or 2 } => (instance, contains.Arguments[0].Value),
                { Instance: null, TargetMethod.IsExtensionMethod: true, Arguments.Length: 2 or 3 } => (contains.Arguments[0].Value, contains.Arguments[1].Value),
                _ => null,
            };

        /// <summary>
        /// The test a <c>switch</c> expression that decides a value by constants makes of it:
        /// <c>code switch { "IR" or "KP" =&gt; false, _ =&gt; true }</c> is true for none of them, and with the arms' values
        /// the other way round for one of them. Null where an arm has a guard, tests anything but constants, or gives
        /// anything but the other truth value than the last arm, which matches anything.
        /// </summary>
        private static ConstantTest? Decided(ISwitchExpressionOperation decided)
        {
            var arms = decided.Arms;
            if (arms.Length < 2 || arms[arms.Length - 1] is not { Pattern: IDiscardPatternOperation, Guard: null, Value.ConstantValue: { HasValue: true, Value: bool otherwise } })
            {
                return null;
            }

            var constants = ImmutableArray.CreateBuilder<IOperation>();
            for (var i = 0; i < arms.Length - 1; i++)
            {
                if (arms[i] is not { Guard: null, Value.ConstantValue: { HasValue: true, Value: bool decides } } arm || decides == otherwise
                    || Constants(arm.Pattern) is not { IsDefault: false } named)
                {
                    return null;
                }

                constants.AddRange(named);
            }

            return new ConstantTest(constants.ToImmutable(), !otherwise);
        }

        /// <summary>
        /// The test that a value is one of a collection's items (<c>Allowed.Contains(code)</c>); null for a collection of
        /// no items, or of any item not a constant that can name a country, which tells nothing of the value.
        /// </summary>
        internal static ConstantTest? OneOfItems(ImmutableArray<IOperation> items)
            => !items.IsDefaultOrEmpty && items.All(item => Constant(item) is not null) ? new ConstantTest(items, true) : null;

        /// <summary>
        /// What a pattern of parts joined by <c>and</c> tells of the value where it holds: the constants a part names, the
        /// value one of them (<c>c is { Length: 2 } and ("DE" or "FR")</c>) or none of them
        /// (<c>c is { Length: 2 } and not ("IR" or "KP")</c>). Where it fails, any part may have failed, so that edge tells
        /// nothing (<see cref="BranchTest.HoldsOnConditional"/>). Null for any other condition.
        /// </summary>
        private static ConstantTest? WhereHolds(ControlFlowGraph cfg, IOperation condition, ValuePath path)
        {
            if (condition is not IIsPatternOperation { Pattern: IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } joined } tested
                || !Reads(cfg, tested.Value, path))
            {
                return null;
            }

            var noneOf = ImmutableArray.CreateBuilder<IOperation>();
            var parts = new Stack<IPatternOperation>();
            parts.Push(joined);
            while (parts.Count > 0)
            {
                switch (parts.Pop())
                {
                    case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both:
                        parts.Push(both.RightPattern);
                        parts.Push(both.LeftPattern);
                        break;
                    case INegatedPatternOperation { Pattern: var negated } when Constants(negated) is { IsDefault: false } excluded:
                        noneOf.AddRange(excluded);
                        break;
                    case var part when Constants(part) is { IsDefault: false } oneOf:
                        return new ConstantTest(oneOf, true);
                }
            }

            return noneOf.Count > 0 ? new ConstantTest(noneOf.ToImmutable(), false) : null;
        }

        /// <summary>The constants a pattern of constants joined by <c>or</c> matches (<c>"IR" or "KP"</c>); default for any other pattern.</summary>
        private static ImmutableArray<IOperation> Constants(IPatternOperation pattern) => pattern switch
        {
            IConstantPatternOperation { Value: var value } => Constant(value) is { } constant ? ImmutableArray.Create(constant) : default,
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or
                => Constants(or.LeftPattern) is { IsDefault: false } left && Constants(or.RightPattern) is { IsDefault: false } right ? left.AddRange(right) : default,
            _ => default,
        };

        /// <summary>A constant that can name a country: text, a number, or an enum member.</summary>
        private static IOperation? Constant(IOperation operation)
        {
            var value = CountryValueCollector.Unwrap(operation);
            return value.ConstantValue is { HasValue: true, Value: string { Length: > 0 } or int or long or short } ? value : null;
        }

        /// <summary>Whether an operand reads the value, also through a capture of it, as a <c>switch</c> statement tests it.</summary>
        private static bool Reads(ControlFlowGraph? cfg, IOperation operand, ValuePath path)
        {
            operand = CountryValueCollector.Unwrap(operand);
            if (cfg is not null && operand is IFlowCaptureReferenceOperation capture && GraphPositions.CapturedValue(cfg, capture) is { } captured)
            {
                operand = captured;
            }

            return path.Equals(ValuePath.Read(operand));
        }

        /// <summary>
        /// The constants a test names, by value, the first of each: an allow-list can name a country twice
        /// (<c>{ "DE", "FR", "DE" }</c>, or one item added twice).
        /// </summary>
        private static Dictionary<object, IOperation> ByValue(ImmutableArray<IOperation> constants)
        {
            var byValue = new Dictionary<object, IOperation>();
            foreach (var constant in constants)
            {
                if (!byValue.ContainsKey(constant.ConstantValue.Value!))
                {
                    byValue.Add(constant.ConstantValue.Value!, constant);
                }
            }

            return byValue;
        }

        /// <summary>The index of the last write in the block before <paramref name="end"/>; -1 where there is none.</summary>
        private static int LastWrite(Dictionary<int, List<GraphPositions.Write>>[] writes, BasicBlock block, int end)
        {
            var last = -1;
            foreach (var ofSymbol in writes)
            {
                if (ofSymbol.TryGetValue(block.Ordinal, out var inBlock))
                {
                    foreach (var write in inBlock)
                    {
                        if (write.Index < end && write.Index > last)
                        {
                            last = write.Index;
                        }
                    }
                }
            }

            return last;
        }

        /// <summary>Whether the code of the member around the value compares it with something, found once per member.</summary>
        private bool IsCompared(SyntaxNode value) => _compared.GetValue(MemberAround(value), Compared).Contains(Written(value));

        /// <summary>The member whose code holds the node, or the file for top-level statements: what a per-member syntax cache is keyed by.</summary>
        internal static SyntaxNode MemberAround(SyntaxNode node)
            => node.AncestorsAndSelf().FirstOrDefault(ancestor => ancestor is MemberDeclarationSyntax) is { } member and not GlobalStatementSyntax
                ? member
                : node.SyntaxTree.GetRoot();

        private static HashSet<string> Compared(SyntaxNode member)
        {
            var compared = new HashSet<string>(StringComparer.Ordinal);

            // A value handed to two calls may be handed to a guard of the project first (EnsureAllowed(c); Send(c);); one
            // handed to a single call is not tested by it.
            var handedOnce = new HashSet<string>(StringComparer.Ordinal);

            // A call a local is declared as tests its arguments only where the local is a flag a condition reads.
            List<(string Flag, InvocationExpressionSyntax Call)>? declaredAs = null;
            HashSet<string>? conditions = null;
            foreach (var node in member.DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax predicate when IsCondition(predicate):
                        AddArguments(predicate, compared);
                        break;
                    case IdentifierNameSyntax name when IsCondition(name):
                        (conditions ??= new HashSet<string>(StringComparer.Ordinal)).Add(name.Identifier.ValueText);
                        break;
                    case InvocationExpressionSyntax { Parent: ExpressionStatementSyntax } statement:
                        foreach (var argument in Handed(statement))
                        {
                            // Only a variable or a member read is a value a guard can test (ValuePath.Read); a literal or
                            // a sum is not worth writing out.
                            if (argument is not (LiteralExpressionSyntax or BinaryExpressionSyntax or InterpolatedStringExpressionSyntax)
                                && Written(argument) is var handed && !handedOnce.Add(handed))
                            {
                                compared.Add(handed);
                            }
                        }

                        break;
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                        compared.Add(Written(binary.Left));
                        compared.Add(Written(binary.Right));
                        break;
                    case IsPatternExpressionSyntax pattern:
                        compared.Add(Written(pattern.Expression));
                        break;
                    case SwitchStatementSyntax switchStatement:
                        compared.Add(Written(switchStatement.Expression));
                        break;
                    case SwitchExpressionSyntax switchExpression:
                        compared.Add(Written(switchExpression.GoverningExpression));
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: nameof(Equals) or "Contains" or "ContainsKey" or "TryGetValue" } access } call:
                        compared.Add(Written(access.Expression));
                        AddArguments(call, compared);
                        break;
                    case InvocationExpressionSyntax declared when Flag(declared) is { } flag:
                        (declaredAs ??= []).Add((flag, declared));
                        break;
                }
            }

            // var embargoed = c.IsEmbargoed(); if (embargoed) continue;
            foreach (var (flag, call) in declaredAs ?? [])
            {
                if (conditions?.Contains(flag) == true)
                {
                    AddArguments(call, compared);
                }
            }

            return compared;
        }

        private static void AddArguments(InvocationExpressionSyntax call, HashSet<string> compared)
        {
            foreach (var argument in Handed(call))
            {
                compared.Add(Written(argument));
            }
        }

        /// <summary>
        /// What a call is handed: its arguments, and what a call of no arguments is made on, which is an extension
        /// method's argument (<c>code.IsEmbargoed()</c>). What a call with arguments is made on is most often an object
        /// asked something (<c>key.StartsWith("A", …)</c>), and counting it would build graphs for values no test narrows.
        /// </summary>
        private static IEnumerable<ExpressionSyntax> Handed(InvocationExpressionSyntax call)
        {
            if (call.Expression is MemberAccessExpressionSyntax access && call.ArgumentList.Arguments.Count == 0)
            {
                yield return access.Expression;
            }

            foreach (var argument in call.ArgumentList.Arguments)
            {
                yield return argument.Expression;
            }
        }

        /// <summary>
        /// Whether an expression is what an <c>if</c>, a <c>?:</c> or a loop decides by, alone or under <c>!</c>,
        /// <c>&amp;&amp;</c> and <c>||</c>: a call of a predicate of the project may test its arguments
        /// (<c>if (IsEmbargoed(c)) continue;</c>), and a flag may hold such a test.
        /// </summary>
        private static bool IsCondition(ExpressionSyntax expression)
        {
            var node = Joined(expression);
            return node.Parent switch
            {
                IfStatementSyntax statement => statement.Condition == node,
                ConditionalExpressionSyntax conditional => conditional.Condition == node,
                WhileStatementSyntax loop => loop.Condition == node,
                DoStatementSyntax loop => loop.Condition == node,
                _ => false,
            };
        }

        /// <summary>
        /// The local a flag is declared with, where an expression is what it is declared as, alone or under <c>!</c>,
        /// <c>&amp;&amp;</c> and <c>||</c> (<c>var allowed = !c.IsEmbargoed();</c>, or a <c>bool</c>); null for any other.
        /// </summary>
        private static string? Flag(ExpressionSyntax expression)
            => Joined(expression).Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type: var type } } declarator }
                && (type.IsVar || type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.BoolKeyword })
                    ? declarator.Identifier.ValueText
                    : null;

        /// <summary>The expression with the parentheses, <c>!</c>, <c>&amp;&amp;</c> and <c>||</c> around it that a condition may join it by.</summary>
        private static SyntaxNode Joined(ExpressionSyntax expression)
        {
            SyntaxNode node = expression;
            while (node.Parent is ParenthesizedExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression }
                or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression })
            {
                node = node.Parent;
            }

            return node;
        }

        /// <summary>
        /// An expression as written, without the parentheses around it, a leading <c>this.</c>, the <c>?</c> and
        /// <c>!</c> of a member read, or a trailing case change or trim, so that <c>(this.country)</c> and
        /// <c>country</c> match, and so do <c>s?.Destination</c> and <c>s!.Destination</c> with <c>s.Destination</c>, and
        /// <c>code.Trim()</c> with <c>code</c>, whose country it names (<see cref="ValuePath.Read"/>).
        /// </summary>
        private static string Written(SyntaxNode expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            var text = expression.ToString();
            if (text.IndexOf("?.", StringComparison.Ordinal) >= 0 || text.IndexOf("!.", StringComparison.Ordinal) >= 0)
            {
                text = text.Replace("?.", ".").Replace("!.", ".");
            }

            while (TrailingSameCountryCall(text) is { } call)
            {
                text = text.Substring(0, text.Length - call.Length);
            }

            return text.StartsWith("this.", StringComparison.Ordinal) ? text.Substring("this.".Length) : text;
        }

        private static readonly string[] SameCountryCalls =
            [".Trim()", ".TrimStart()", ".TrimEnd()", ".ToUpperInvariant()", ".ToLowerInvariant()", ".ToUpper()", ".ToLower()"];

        private static string? TrailingSameCountryCall(string text)
        {
            if (text.EndsWith("()", StringComparison.Ordinal))
            {
                foreach (var call in SameCountryCalls)
                {
                    if (text.EndsWith(call, StringComparison.Ordinal))
                    {
                        return call;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// A branch's test of the value: the constants, and whether the value is one of them on the block's conditional
        /// successor (else on the other edge). A test that tells only where it holds
        /// (<see cref="WhereHolds"/>) names that edge: the conditional successor or not.
        /// </summary>
        internal readonly record struct BranchTest(ImmutableArray<IOperation> Constants, bool OneOfOnConditional, bool? HoldsOnConditional = null)
        {
            /// <summary>Whether the edge tells what the test found: every edge of a test of constants alone, only the edge where a joined pattern holds.</summary>
            public bool Tells(ControlFlowBranch branch) => HoldsOnConditional is not { } holds || branch.IsConditionalSuccessor == holds;
        }

        /// <summary>A read of a value in a graph: the block and index that hold it, and each write of what it is read through.</summary>
        private sealed class Use(
            ControlFlowGraph cfg,
            ValuePath path,
            Dictionary<int, List<GraphPositions.Write>>[] writes,
            BasicBlock block,
            int index,
            Func<IOperation, ImmutableArray<IOperation>> itemsOf,
            Func<IInvocationOperation, ValuePath, ConstantTest?> called,
            Func<IInvocationOperation, ValuePath, ImmutableArray<ConstantTest>> thrownOn,
            ConcurrentDictionary<ValuePath, Dictionary<int, BranchTest>> testsInGraph)
        {
            public ControlFlowGraph Cfg { get; } = cfg;

            public ValuePath Path { get; } = path;

            public Dictionary<int, List<GraphPositions.Write>>[] Writes { get; } = writes;

            public BasicBlock Block { get; } = block;

            public int Index { get; } = index;

            /// <summary>What a call of a predicate of the project tests of a value it is given (<see cref="MethodTests.Called"/>).</summary>
            public Func<IInvocationOperation, ValuePath, ConstantTest?> Called { get; } = called;

            /// <summary>What a call of a guard of the project throws on for a value it is given (<see cref="MethodTests.Thrown"/>).</summary>
            public Func<IInvocationOperation, ValuePath, ImmutableArray<ConstantTest>> ThrownOn { get; } = thrownOn;

            /// <summary>The constant items of a collection tested in the graph (<see cref="CountryValueCollector.ConstantItems"/>).</summary>
            public Func<IOperation, ImmutableArray<IOperation>> ItemsOf { get; } = itemsOf;

            /// <summary>The tests of the value the graph's branches make (<see cref="EqualityNarrowing.Tests"/>), found once per graph and value.</summary>
            public Dictionary<int, BranchTest> Tests
                => testsInGraph.GetOrAdd(Path, _ => EqualityNarrowing.Tests(Cfg, Path, Writes, ItemsOf, Called));

            // What each whole block does, found once: the narrowing asks it for every constant and for each edge it solves.
            private (List<ConstantTest> Failed, int Written)?[]? _atBlockEnd;

            /// <summary><see cref="Failed"/> for the whole block.</summary>
            public (List<ConstantTest> Failed, int Written) AtBlockEnd(BasicBlock block)
            {
                _atBlockEnd ??= new (List<ConstantTest>, int)?[Cfg.Blocks.Length];
                return _atBlockEnd[block.Ordinal] ??= Failed(block, block.Operations.Length + 1);
            }

            /// <summary>
            /// The tests each guard of the project called in the block before <paramref name="end"/>, after the value's
            /// last write there (<c>Written</c>, -1 for none), threw on, so found false where the call returned: the
            /// latest first.
            /// </summary>
            public (List<ConstantTest> Failed, int Written) Failed(BasicBlock block, int end)
            {
                var written = LastWrite(Writes, block, end);
                var failed = new List<ConstantTest>();
                for (var i = Math.Min(end, block.Operations.Length) - 1; i > written; i--)
                {
                    if (block.Operations[i] is IExpressionStatementOperation { Operation: IInvocationOperation call })
                    {
                        failed.AddRange(ThrownOn(call, Path));
                    }
                }

                return (failed, written);
            }
        }
    }
}

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
    /// all constants (<c>Allowed.Contains(country)</c>), or the false branch of <c>!=</c>. The value is then judged as each of them. Only a member whose code compares the
    /// value with something builds a control flow graph for it, so code that never does pays one walk of its syntax.
    /// </summary>
    internal sealed class EqualityNarrowing(MemberValues members)
    {
        // What each member's code compares, as written: most runtime values are never compared with a constant.
        private readonly ConditionalWeakTable<SyntaxNode, HashSet<string>> _compared = new();

        // Per graph and value, the constants each block is entered with, on every path; kept as long as the graph lives.
        private readonly ConditionalWeakTable<ControlFlowGraph, ConcurrentDictionary<ValuePath, ImmutableArray<IOperation>[]>> _known = new();

        // Per graph, value and constant, the blocks entered with the value known not to be that constant.
        private readonly ConditionalWeakTable<ControlFlowGraph, ConcurrentDictionary<(ValuePath, object), bool[]>> _ruledOut = new();

        /// <summary>The constants the value is one of where it is read, in the order of the code; empty when it can be anything.</summary>
        public ImmutableArray<IOperation> KnownConstants(IOperation value, Func<ControlFlowGraph?> graph, CancellationToken cancellationToken)
            => Locate(value, graph, cancellationToken) is { } use ? OneOf(use) : ImmutableArray<IOperation>.Empty;

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
        /// that, a write takes it away, and every edge into a block must give it.
        /// </summary>
        private static bool[] RuledOut(Use use, object constant)
        {
            var tests = Tests(use.Cfg, use.Path, use.ItemsOf);
            return FlowFacts.HoldsOnEntry(
                use.Cfg,
                block => Writes(use.Writes, block, block.Operations.Length + 1) ? false : null,
                branch => tests.TryGetValue(branch.Source.Ordinal, out var test)
                    && branch.IsConditionalSuccessor != test.OneOfOnConditional
                    && test.Constants.Any(c => Equals(c.ConstantValue.Value, constant)));
        }

        /// <summary>
        /// Where a value compared in its member is read, with nothing written to it before in that block: null for any
        /// other value, which no test can narrow.
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
            if (Writes(writes, useBlock, useIndex))
            {
                return null;
            }

            var items = new CountryValueCollector(members, null, () => cfg, cancellationToken);
            return new Use(cfg, path, writes, useBlock, items.ConstantItems);
        }

        private ImmutableArray<IOperation> OneOf(Use use)
            => _known.GetValue(use.Cfg, _ => new ConcurrentDictionary<ValuePath, ImmutableArray<IOperation>[]>())
                .GetOrAdd(use.Path, p => Solve(use.Cfg, p, use.Writes, use.ItemsOf))[use.Block.Ordinal];

        /// <summary>
        /// Whether a constant the value is known to be one of may be the other constant: the same value, or the same text
        /// in another case, as a test ignoring case leaves it.
        /// </summary>
        private static bool Matches(object known, object constant)
            => known is string knownText && constant is string text ? string.Equals(knownText, text, StringComparison.OrdinalIgnoreCase) : Equals(known, constant);

        /// <summary>
        /// The constants each block is entered with: an edge on which a test holds gives its constants, any other edge
        /// what its block ends with (nothing known after a write), and a block is entered with the union of its edges',
        /// or nothing known when one edge knows nothing. Solved from "not reached" up until no block changes.
        /// </summary>
        private static ImmutableArray<IOperation>[] Solve(ControlFlowGraph cfg, ValuePath path, Dictionary<int, List<GraphPositions.Write>>[] writes, Func<IOperation, ImmutableArray<IOperation>> itemsOf)
        {
            var blocks = cfg.Blocks;
            var tests = Tests(cfg, path, itemsOf);

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
                        var carried = tests.TryGetValue(branch.Source.Ordinal, out var test) && branch.IsConditionalSuccessor == test.OneOfOnConditional
                            ? ByValue(test.Constants)
                            : Writes(writes, branch.Source, branch.Source.Operations.Length + 1) ? Anything : onEntry[branch.Source.Ordinal];
                        joined = Join(joined, carried);
                    }

                    if (joined is not null && !Same(joined, onEntry[block.Ordinal]))
                    {
                        onEntry[block.Ordinal] = joined;
                        changed = true;
                    }
                }
            }

            return onEntry.Select(known => known is null || known == Anything
                    ? ImmutableArray<IOperation>.Empty
                    : known.Values.OrderBy(c => c.Syntax.SpanStart).ToImmutableArray())
                .ToArray();
        }

        /// <summary>
        /// Each test of the value, by the block that branches on it: the constants, and whether the value is one of them
        /// on the block's conditional successor (else on the other edge). <paramref name="itemsOf"/> gives the constant items
        /// of a collection, default when they are not all known constants.
        /// </summary>
        private static Dictionary<int, (ImmutableArray<IOperation> Constants, bool OneOfOnConditional)> Tests(ControlFlowGraph cfg, ValuePath path, Func<IOperation, ImmutableArray<IOperation>> itemsOf)
        {
            var tests = new Dictionary<int, (ImmutableArray<IOperation> Constants, bool OneOfOnConditional)>();
            foreach (var block in cfg.Blocks)
            {
                if (FlowFacts.Branch(block) is var (condition, conditionalWhenTrue) && Test(cfg, condition, path, itemsOf) is var (constants, oneOfWhenTrue))
                {
                    tests.Add(block.Ordinal, (constants, conditionalWhenTrue == oneOfWhenTrue));
                }
            }

            return tests;
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

        /// <summary>A test of the value against constants: the constants, and whether the value is one of them when the test is true.</summary>
        private static (ImmutableArray<IOperation> Constants, bool OneOfWhenTrue)? Test(ControlFlowGraph cfg, IOperation condition, ValuePath path, Func<IOperation, ImmutableArray<IOperation>> itemsOf)
        {
            switch (condition)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                    var equal = binary.OperatorKind == BinaryOperatorKind.Equals;
                    return Constant(binary.RightOperand) is { } right && Reads(cfg, binary.LeftOperand, path) ? (ImmutableArray.Create(right), equal)
                        : Constant(binary.LeftOperand) is { } left && Reads(cfg, binary.RightOperand, path) ? (ImmutableArray.Create(left), equal)
                        : null;
                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: var negated } } pattern when Reads(cfg, pattern.Value, path):
                    return Constants(negated) is { IsDefault: false } untested ? (untested, false) : null;
                case IIsPatternOperation pattern when Reads(cfg, pattern.Value, path):
                    return Constants(pattern.Pattern) is { IsDefault: false } tested ? (tested, true) : null;
                case IInvocationOperation { TargetMethod: { Name: nameof(string.Equals), ContainingType.SpecialType: SpecialType.System_String } } call:
                    var operands = call.Instance is null ? call.Arguments.Take(2).Select(a => a.Value).ToArray() : [call.Instance, call.Arguments[0].Value];
                    return operands.Length != 2 ? null
                        : Constant(operands[1]) is { } second && Reads(cfg, operands[0], path) ? (ImmutableArray.Create(second), true)
                        : Constant(operands[0]) is { } first && Reads(cfg, operands[1], path) ? (ImmutableArray.Create(first), true)
                        : null;
                case IInvocationOperation { TargetMethod.Name: "Contains" or "ContainsKey" or "TryGetValue" } contains when Membership(contains) is var (collection, item) && Reads(cfg, item, path):
                    // A collection of no items, or of any item not a constant that can name a country, tells nothing of
                    // the value.
                    return itemsOf(InBody(cfg, collection)) is { IsDefaultOrEmpty: false } members && members.All(m => Constant(m) is not null) ? (members, true) : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The body's own operation for a local the graph reads, which the local's writes and uses are found from: the
        /// graph holds copies. Any other operation as it is.
        /// </summary>
        private static IOperation InBody(ControlFlowGraph cfg, IOperation operation)
        {
            operation = CountryValueCollector.Unwrap(operation);
            if (operation is IFlowCaptureReferenceOperation capture && GraphPositions.CapturedValue(cfg, capture) is { } captured)
            {
                operation = CountryValueCollector.Unwrap(captured);
            }

            var syntax = operation.Syntax;
            return operation is ILocalReferenceOperation
                ? cfg.OriginalOperation.DescendantsAndSelf().FirstOrDefault(o => o.Syntax == syntax) ?? operation
                : operation;
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
        private static bool Reads(ControlFlowGraph cfg, IOperation operand, ValuePath path)
        {
            operand = CountryValueCollector.Unwrap(operand);
            if (operand is IFlowCaptureReferenceOperation capture && GraphPositions.CapturedValue(cfg, capture) is { } captured)
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

        private static bool Writes(Dictionary<int, List<GraphPositions.Write>>[] writes, BasicBlock block, int end)
            => writes.Any(ofSymbol => ofSymbol.TryGetValue(block.Ordinal, out var inBlock) && inBlock.Exists(write => write.Index < end));

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
            foreach (var node in member.DescendantNodes())
            {
                switch (node)
                {
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
                        foreach (var argument in call.ArgumentList.Arguments)
                        {
                            compared.Add(Written(argument.Expression));
                        }

                        break;
                }
            }

            return compared;
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

        /// <summary>A read of a value in a graph: the block that holds it, and each write of what it is read through.</summary>
        private sealed class Use(ControlFlowGraph cfg, ValuePath path, Dictionary<int, List<GraphPositions.Write>>[] writes, BasicBlock block, Func<IOperation, ImmutableArray<IOperation>> itemsOf)
        {
            public ControlFlowGraph Cfg { get; } = cfg;

            public ValuePath Path { get; } = path;

            public Dictionary<int, List<GraphPositions.Write>>[] Writes { get; } = writes;

            public BasicBlock Block { get; } = block;

            /// <summary>The constant items of a collection tested in the graph (<see cref="CountryValueCollector.ConstantItems"/>).</summary>
            public Func<IOperation, ImmutableArray<IOperation>> ItemsOf { get; } = itemsOf;
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// The constant a run-time value is known to equal where it reaches an exchange, because every path there passes a
    /// test of it against that constant and no write after: <c>if (country == "IR") gateway.Send(country);</c>, a
    /// <c>switch</c> case, <c>country is "IR"</c>, <c>string.Equals(country, "ir", …)</c>, or the false branch of
    /// <c>!=</c>. The value is then judged as that constant. Only a member whose code compares the value with something
    /// builds a control flow graph for it, so code that never does pays one walk of its syntax.
    /// </summary>
    internal sealed class EqualityNarrowing
    {
        // What each member's code compares, as written: most runtime values are never compared with a constant.
        private readonly ConditionalWeakTable<SyntaxNode, HashSet<string>> _compared = new();

        // Per graph and value, the constant each block is entered with, on every path; kept as long as the graph lives.
        private readonly ConditionalWeakTable<ControlFlowGraph, ConcurrentDictionary<ValuePath, IOperation?[]>> _known = new();

        public IOperation? KnownConstant(IOperation value, Func<ControlFlowGraph?> graph)
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
            return Writes(writes, useBlock, useIndex)
                ? null
                : _known.GetValue(cfg, _ => new ConcurrentDictionary<ValuePath, IOperation?[]>()).GetOrAdd(path, p => Solve(cfg, p, writes))[useBlock.Ordinal];
        }

        private static IOperation?[] Solve(ControlFlowGraph cfg, ValuePath path, Dictionary<int, List<GraphPositions.Write>>[] writes)
        {
            // The tests of the value in the graph, by the constant: two tests of one constant make one fact. Each test is
            // kept by its block's ordinal, with the edge on which the value equals the constant.
            var tests = new Dictionary<object, (IOperation Constant, Dictionary<int, bool> EqualOnConditional)>();
            foreach (var block in cfg.Blocks)
            {
                if (block.BranchValue is not { } condition || block.ConditionKind == ControlFlowConditionKind.None)
                {
                    continue;
                }

                // Jump when true / when false, and each '!', decide on which edge the test holds.
                var whenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
                {
                    condition = not.Operand;
                    whenTrue = !whenTrue;
                }

                if (Test(cfg, condition, path) is var (constant, equalWhenTrue))
                {
                    var key = constant.ConstantValue.Value!;
                    if (!tests.TryGetValue(key, out var test))
                    {
                        tests.Add(key, test = (constant, []));
                    }

                    test.EqualOnConditional[block.Ordinal] = whenTrue == equalWhenTrue;
                }
            }

            var known = new IOperation?[cfg.Blocks.Length];
            foreach (var (constant, equalOnConditional) in tests.Values)
            {
                var holds = FlowFacts.HoldsOnEntry(
                    cfg,
                    block => Writes(writes, block, block.Operations.Length + 1) ? false : null,
                    branch => equalOnConditional.TryGetValue(branch.Source.Ordinal, out var onConditional) && branch.IsConditionalSuccessor == onConditional);
                for (var i = 0; i < known.Length; i++)
                {
                    known[i] ??= holds[i] ? constant : null;
                }
            }

            return known;
        }

        /// <summary>A test of the value against a constant: the constant, and whether the value equals it when the test is true.</summary>
        private static (IOperation Constant, bool EqualWhenTrue)? Test(ControlFlowGraph cfg, IOperation condition, ValuePath path)
        {
            switch (condition)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                    var equal = binary.OperatorKind == BinaryOperatorKind.Equals;
                    return Constant(binary.RightOperand) is { } right && Reads(cfg, binary.LeftOperand, path) ? (right, equal)
                        : Constant(binary.LeftOperand) is { } left && Reads(cfg, binary.RightOperand, path) ? (left, equal)
                        : null;
                case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var value } } pattern when Reads(cfg, pattern.Value, path):
                    return Constant(value) is { } tested ? (tested, true) : null;
                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation { Value: var value } } } pattern when Reads(cfg, pattern.Value, path):
                    return Constant(value) is { } untested ? (untested, false) : null;
                case IInvocationOperation { TargetMethod: { Name: nameof(string.Equals), ContainingType.SpecialType: SpecialType.System_String } } call:
                    var operands = call.Instance is null ? call.Arguments.Take(2).Select(a => a.Value).ToArray() : [call.Instance, call.Arguments[0].Value];
                    return operands.Length != 2 ? null
                        : Constant(operands[1]) is { } second && Reads(cfg, operands[0], path) ? (second, true)
                        : Constant(operands[0]) is { } first && Reads(cfg, operands[1], path) ? (first, true)
                        : null;
                default:
                    return null;
            }
        }

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

        private static bool Writes(Dictionary<int, List<GraphPositions.Write>>[] writes, BasicBlock block, int end)
            => writes.Any(ofSymbol => ofSymbol.TryGetValue(block.Ordinal, out var inBlock) && inBlock.Exists(write => write.Index < end));

        /// <summary>Whether the code of the member around the value compares it with something, found once per member.</summary>
        private bool IsCompared(SyntaxNode value)
        {
            var member = value.AncestorsAndSelf().FirstOrDefault(node => node is MemberDeclarationSyntax);
            if (member is null or GlobalStatementSyntax)
            {
                member = value.SyntaxTree.GetRoot();
            }

            return _compared.GetValue(member, Compared).Contains(Written(value));
        }

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
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: nameof(Equals) } access } call:
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

        /// <summary>An expression as written, with <c>this.</c> left out, so <c>this.country</c> and <c>country</c> match.</summary>
        private static string Written(SyntaxNode expression)
        {
            var text = expression.ToString();
            return text.StartsWith("this.", StringComparison.Ordinal) ? text.Substring("this.".Length) : text;
        }
    }
}

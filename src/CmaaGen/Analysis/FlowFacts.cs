using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Which blocks of a control flow graph are entered with a fact holding on every path from the start of the body:
    /// every edge into the block establishes it, or leaves a block that ends with it holding, by an event in that block
    /// or by being entered with it and having no event. Solved from "holds" down, in the order of the code, until loops
    /// settle, so each use only has to look at its own block.
    /// </summary>
    internal static class FlowFacts
    {
        /// <summary>
        /// The test a block branches on, without its <c>!</c>s, and whether its conditional successor is taken when that
        /// test is true (jump when true or when false, each <c>!</c> swapping them); null for a block that does not branch.
        /// </summary>
        public static (IOperation Test, bool ConditionalWhenTrue)? Branch(BasicBlock block)
        {
            if (block.BranchValue is not { } condition || block.ConditionKind == ControlFlowConditionKind.None)
            {
                return null;
            }

            var test = Unnegated(condition, out var negated);
            return (test, (block.ConditionKind == ControlFlowConditionKind.WhenTrue) != negated);
        }

        /// <summary>
        /// The test a condition states, without the negations and comparisons with a constant around it, and whether they
        /// negate it: <c>!x</c>, <c>x == false</c>, <c>x != true</c>, <c>x is false</c> and <c>x is not true</c> are
        /// <c>x</c> negated, and <c>x == true</c>, <c>x is true</c> are <c>x</c>, as some style guides write a test.
        /// Only a <c>bool</c> is taken through a comparison: <c>x != true</c> of a <c>bool?</c> is also true where
        /// <c>x</c> is null.
        /// </summary>
        public static IOperation Unnegated(IOperation condition, out bool negated)
        {
            negated = false;
            while (true)
            {
                switch (condition)
                {
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                        condition = not.Operand;
                        negated = !negated;
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                        when (ComparedWith(binary.RightOperand, binary.LeftOperand) ?? ComparedWith(binary.LeftOperand, binary.RightOperand)) is { } compared:
                        condition = compared.Tested;
                        negated ^= compared.Constant != (binary.OperatorKind == BinaryOperatorKind.Equals);
                        continue;
                    case IIsPatternOperation { Value: { Type.SpecialType: SpecialType.System_Boolean } value, Pattern: var pattern } when Matched(pattern) is bool matched:
                        condition = value;
                        negated ^= !matched;
                        continue;
                    default:
                        return condition;
                }
            }
        }

        /// <summary>A <c>bool</c> operand compared with a <c>true</c> or <c>false</c> constant, and that constant.</summary>
        private static (IOperation Tested, bool Constant)? ComparedWith(IOperation constant, IOperation tested)
            => constant.ConstantValue is { HasValue: true, Value: bool value } && tested.Type?.SpecialType == SpecialType.System_Boolean
                ? (tested, value)
                : null;

        /// <summary>The value a pattern matches: <c>true</c>, <c>false</c>, <c>not true</c> (false) or <c>not false</c> (true).</summary>
        private static bool? Matched(IPatternOperation pattern) => pattern switch
        {
            IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool value } } => value,
            INegatedPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool value } } } => !value,
            _ => null,
        };

        /// <param name="atExit">What a whole block does to the fact, last: true makes it hold, false breaks it, null leaves it.</param>
        /// <param name="establishes">Whether taking an edge makes the fact hold, as the true edge of a check does.</param>
        public static bool[] HoldsOnEntry(ControlFlowGraph cfg, Func<BasicBlock, bool?> atExit, Func<ControlFlowBranch, bool> establishes)
        {
            var blocks = cfg.Blocks;
            var onEntry = new bool[blocks.Length];
            var exits = new bool?[blocks.Length];
            for (var i = 0; i < blocks.Length; i++)
            {
                onEntry[i] = blocks[i].Kind != BasicBlockKind.Entry;
                exits[i] = atExit(blocks[i]);
            }

            // Blocks are numbered in the order of the code, so one pass settles all but what loops carry back.
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var block in blocks)
                {
                    if (!onEntry[block.Ordinal])
                    {
                        continue;
                    }

                    foreach (var branch in block.Predecessors)
                    {
                        if (!(exits[branch.Source.Ordinal] ?? onEntry[branch.Source.Ordinal]) && !establishes(branch))
                        {
                            onEntry[block.Ordinal] = false;
                            changed = true;
                            break;
                        }
                    }
                }
            }

            return onEntry;
        }
    }
}

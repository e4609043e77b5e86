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

            var whenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
            while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                condition = not.Operand;
                whenTrue = !whenTrue;
            }

            return (condition, whenTrue);
        }

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

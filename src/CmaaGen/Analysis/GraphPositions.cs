using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Where each read of a local or parameter sits in a control flow graph: its block, and the index of the operation
    /// that holds it (the block's length for its branch value). Found in one walk of the graph and kept as long as the
    /// graph lives; searching the blocks for each use made a long method's analysis grow with the square of its length.
    /// </summary>
    internal static class GraphPositions
    {
        private static readonly ConditionalWeakTable<ControlFlowGraph, Dictionary<SyntaxNode, (BasicBlock Block, int Index)>> Graphs = new();

        public static bool TryFind(ControlFlowGraph cfg, SyntaxNode syntax, out BasicBlock block, out int index)
        {
            if (Graphs.GetValue(cfg, Index).TryGetValue(syntax, out var position))
            {
                (block, index) = position;
                return true;
            }

            block = null!;
            index = 0;
            return false;
        }

        private static Dictionary<SyntaxNode, (BasicBlock Block, int Index)> Index(ControlFlowGraph cfg)
        {
            // The first place in block order wins, as a search of the blocks in order would find it.
            var positions = new Dictionary<SyntaxNode, (BasicBlock Block, int Index)>();
            foreach (var block in cfg.Blocks)
            {
                for (var i = 0; i <= block.Operations.Length; i++)
                {
                    var operation = i < block.Operations.Length ? block.Operations[i] : block.BranchValue;
                    foreach (var reference in operation?.DescendantsAndSelf() ?? [])
                    {
                        if (reference is ILocalReferenceOperation or IParameterReferenceOperation && !positions.ContainsKey(reference.Syntax))
                        {
                            positions.Add(reference.Syntax, (block, i));
                        }
                    }
                }
            }

            return positions;
        }
    }
}

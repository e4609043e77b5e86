using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Where each read of a local, parameter, field or property sits in a control flow graph (its block, and the index of
    /// the operation that holds it: the block's length for its branch value), and where each of them is written. Found in
    /// one walk of the graph and kept as long as the graph lives; searching the blocks for each use made a long
    /// method's analysis grow with the square of its length.
    /// </summary>
    internal static class GraphPositions
    {
        private static readonly ConditionalWeakTable<ControlFlowGraph, Positions> Graphs = new();

        private static readonly Dictionary<int, List<Write>> None = [];

        // The null-conditional reads and ?? a graph splits into branches, by the capture of their result.
        private static readonly ConditionalWeakTable<IFlowCaptureReferenceOperation, IOperation> Lowered = new();

        public static bool TryFind(ControlFlowGraph cfg, SyntaxNode syntax, out BasicBlock block, out int index)
        {
            if (Graphs.GetValue(cfg, Index).Reads.TryGetValue(syntax, out var position))
            {
                (block, index) = position;
                return true;
            }

            block = null!;
            index = 0;
            return false;
        }

        /// <summary>
        /// The graph that holds the syntax: the body's own, or the graph of the lambda or local function around it,
        /// which the compiler builds apart; null when none does.
        /// </summary>
        public static ControlFlowGraph? Holding(ControlFlowGraph cfg, SyntaxNode syntax)
        {
            var positions = Graphs.GetValue(cfg, Index);
            if (positions.Reads.ContainsKey(syntax))
            {
                return cfg;
            }

            foreach (var function in positions.Functions)
            {
                if (Contains(function.Syntax, syntax))
                {
                    return Holding(cfg.GetAnonymousFunctionControlFlowGraph(function), syntax);
                }
            }

            foreach (var function in cfg.LocalFunctions)
            {
                foreach (var reference in function.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == syntax.SyntaxTree && reference.Span.Contains(syntax.Span))
                    {
                        return Holding(cfg.GetLocalFunctionControlFlowGraph(function), syntax);
                    }
                }
            }

            return null;
        }

        private static bool Contains(SyntaxNode outer, SyntaxNode inner) => outer.SyntaxTree == inner.SyntaxTree && outer.Span.Contains(inner.Span);

        /// <summary>
        /// The value a capture of the graph holds, as where a <c>switch</c> statement keeps the value it tests; null when
        /// the capture is given more than one value.
        /// </summary>
        public static IOperation? CapturedValue(ControlFlowGraph cfg, IFlowCaptureReferenceOperation reference)
            => Graphs.GetValue(cfg, Index).Captures.TryGetValue(reference.Id, out var value) ? value : null;

        /// <summary>
        /// The operation of the body a graph's capture of a result stands for, where the graph splits a null-conditional
        /// read (<c>shipment?.Destination</c>) or <c>??</c> into branches; null for any other capture, or one of a graph
        /// not indexed yet (every search of a graph indexes it first).
        /// </summary>
        public static IOperation? Original(IFlowCaptureReferenceOperation capture) => Lowered.TryGetValue(capture, out var original) ? original : null;

        /// <summary>The writes of a local, parameter, field or property in the graph, by the ordinal of their block.</summary>
        public static Dictionary<int, List<Write>> WritesOf(ControlFlowGraph cfg, ISymbol symbol)
            => Graphs.GetValue(cfg, Index).Writes.TryGetValue(symbol, out var writes) ? writes : None;

        private static Positions Index(ControlFlowGraph cfg)
        {
            // The first place in block order wins, as a search of the blocks in order would find it.
            var positions = new Positions();
            List<IFlowCaptureReferenceOperation>? lowered = null;
            foreach (var block in cfg.Blocks)
            {
                for (var i = 0; i <= block.Operations.Length; i++)
                {
                    var operation = i < block.Operations.Length ? block.Operations[i] : block.BranchValue;
                    foreach (var reference in operation?.DescendantsAndSelf() ?? [])
                    {
                        if (reference is IFlowAnonymousFunctionOperation function)
                        {
                            positions.Functions.Add(function);
                            continue;
                        }

                        if (reference is IFlowCaptureReferenceOperation { Syntax: ConditionalAccessExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } } result)
                        {
                            (lowered ??= []).Add(result);
                            continue;
                        }

                        if (reference is IFlowCaptureOperation capture)
                        {
                            // A capture given different values on different paths (a conditional's result) holds none of them.
                            positions.Captures[capture.Id] = positions.Captures.ContainsKey(capture.Id) ? null : capture.Value;
                            continue;
                        }

                        // Where the value assigned has branches (x = flag ? a : b), the graph captures the target first
                        // and assigns through the capture: a write of what it captured.
                        if (reference is ISimpleAssignmentOperation or ICompoundAssignmentOperation
                            && ((IAssignmentOperation)reference).Target is IFlowCaptureReferenceOperation target
                            && positions.Captures.TryGetValue(target.Id, out var captured)
                            && captured is not null
                            && Named(captured) is { } capturedSymbol)
                        {
                            positions.AddWrite(capturedSymbol, block.Ordinal, new Write(i, (reference as ISimpleAssignmentOperation)?.Value));
                            continue;
                        }

                        if (Named(reference) is not { } symbol)
                        {
                            continue;
                        }

                        if (!positions.Reads.ContainsKey(reference.Syntax))
                        {
                            positions.Reads.Add(reference.Syntax, (block, i));
                        }

                        var access = LocalFlow.Classify(reference);
                        if (access != LocalFlow.Access.Read)
                        {
                            positions.AddWrite(symbol, block.Ordinal, new Write(i, access == LocalFlow.Access.Assigned ? LocalFlow.AssignedValue(reference) : null));
                        }
                    }
                }
            }

            if (lowered is not null)
            {
                MapLowered(cfg, lowered);
            }

            return positions;
        }

        /// <summary>Records the body's operation each capture of a split result stands for, found by its syntax in one walk of the body.</summary>
        private static void MapLowered(ControlFlowGraph cfg, List<IFlowCaptureReferenceOperation> lowered)
        {
            var bySyntax = new Dictionary<SyntaxNode, IOperation>();
            foreach (var operation in cfg.OriginalOperation.DescendantsAndSelf())
            {
                if (operation is IConditionalAccessOperation or ICoalesceOperation && !bySyntax.ContainsKey(operation.Syntax))
                {
                    bySyntax.Add(operation.Syntax, operation);
                }
            }

            foreach (var result in lowered)
            {
                if (bySyntax.TryGetValue(result.Syntax, out var original))
                {
                    Lowered.GetValue(result, _ => original);
                }
            }
        }

        /// <summary>The local, parameter, field or property a reference names; null for any other operation.</summary>
        private static ISymbol? Named(IOperation reference) => reference switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

        /// <summary>A write of a local, parameter, field or property: where it sits in its block, and the value it gives when that is one value.</summary>
        internal readonly struct Write(int index, IOperation? value)
        {
            public int Index { get; } = index;

            public IOperation? Value { get; } = value;
        }

        private sealed class Positions
        {
            public Dictionary<SyntaxNode, (BasicBlock Block, int Index)> Reads { get; } = [];

            public Dictionary<ISymbol, Dictionary<int, List<Write>>> Writes { get; } = new(SymbolEqualityComparer.Default);

            public Dictionary<CaptureId, IOperation?> Captures { get; } = [];

            /// <summary>The lambdas the graph creates, whose bodies have graphs of their own.</summary>
            public List<IFlowAnonymousFunctionOperation> Functions { get; } = [];

            public void AddWrite(ISymbol symbol, int block, Write write)
            {
                if (!Writes.TryGetValue(symbol, out var byBlock))
                {
                    Writes.Add(symbol, byBlock = []);
                }

                if (!byBlock.TryGetValue(block, out var writes))
                {
                    byBlock.Add(block, writes = []);
                }

                writes.Add(write);
            }
        }
    }
}

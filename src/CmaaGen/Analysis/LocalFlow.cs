using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Which assignments of a local can reach a use of it, by Roslyn's control flow graph: in
    /// <c>var c = "IR"; c = "DE"; Send(c);</c> only "DE" reaches the call.
    /// </summary>
    internal static class LocalFlow
    {
        /// <summary>
        /// The values (operations of the original tree) the local may hold at <paramref name="use"/>; a null
        /// entry stands for a value that cannot be known, such as an <c>out</c> argument or a loop variable.
        /// </summary>
        public static ImmutableArray<IOperation?> ReachingValues(ILocalReferenceOperation use, System.Func<ControlFlowGraph?> graph)
        {
            var root = Root(use);
            var writes = new List<(IOperation Value, bool Nested)>();
            var declared = false;
            var deconstructed = false;
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, use.Local):
                        declared = true;
                        if (declarator.GetVariableInitializer() is { } initializer)
                        {
                            writes.Add((initializer.Value, InNestedFunction(declarator, root)));
                        }

                        break;

                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, use.Local):
                        if (Deconstructs(reference, out var element))
                        {
                            if (element is null)
                            {
                                return Unknown;
                            }

                            declared |= reference.IsDeclaration;
                            deconstructed = true;
                            writes.Add((element, InNestedFunction(reference, root)));
                            break;
                        }

                        switch (Classify(reference))
                        {
                            case Access.Assigned:
                                writes.Add((((ISimpleAssignmentOperation)reference.Parent!).Value, InNestedFunction(reference, root)));
                                break;
                            case Access.Unknown:
                                return Unknown;
                        }

                        break;
                }
            }

            // A pattern, foreach, catch or out-var local has no declarator whose value we could follow.
            if (!declared)
            {
                return Unknown;
            }

            if (writes.Count <= 1)
            {
                return writes.Select(w => (IOperation?)w.Value).ToImmutableArray();
            }

            // The graph's search below finds simple assignments only: a local also written by a deconstruction is not
            // ordered.
            if (deconstructed)
            {
                return Unknown;
            }

            // Writes or the read inside a lambda or local function run at times the graph cannot order:
            // every value the local is ever given may reach the read.
            if (writes.Any(w => w.Nested) || InNestedFunction(use, root) || graph() is not { } cfg)
            {
                return writes.Select(w => (IOperation?)w.Value).ToImmutableArray();
            }

            return Reaching(cfg, use, writes.Select(w => w.Value).ToList());
        }

        private static readonly ImmutableArray<IOperation?> Unknown = ImmutableArray.Create((IOperation?)null);

        private enum Access
        {
            Read,
            Assigned,
            Unknown,
        }

        private static Access Classify(ILocalReferenceOperation reference)
        {
            if (reference.IsDeclaration)
            {
                return Access.Unknown;
            }

            switch (reference.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    return Access.Assigned;
                case ICompoundAssignmentOperation compound when compound.Target == reference:
                case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
                case IIncrementOrDecrementOperation:
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                case IAddressOfOperation:
                    return Access.Unknown;
            }

            // Deconstruction targets and ref assignments write the local too.
            for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target.DescendantsAndSelf().Contains(reference))
                {
                    return Access.Unknown;
                }
            }

            return reference.Parent is ISimpleAssignmentOperation { IsRef: true } ? Access.Unknown : Access.Read;
        }

        private static ImmutableArray<IOperation?> Reaching(ControlFlowGraph cfg, ILocalReferenceOperation use, List<IOperation> values)
        {
            var bySyntax = new Dictionary<SyntaxNode, IOperation>();
            foreach (var value in values)
            {
                bySyntax[value.Syntax] = value;
            }

            if (!Find(cfg, use.Syntax, out var useBlock, out var useIndex))
            {
                return values.Select(v => (IOperation?)v).ToImmutableArray();
            }

            var reached = new List<IOperation?>();
            var scanned = new HashSet<int>();
            var work = new Stack<(BasicBlock Block, int End)>();
            work.Push((useBlock, useIndex));
            while (work.Count > 0)
            {
                var (block, end) = work.Pop();
                var write = LastWrite(block, end, use.Local);
                if (write is not null)
                {
                    reached.Add(bySyntax.TryGetValue(write.Value.Syntax, out var original) ? original : null);
                    continue;
                }

                if (block.Kind == BasicBlockKind.Entry)
                {
                    reached.Add(null);
                    continue;
                }

                foreach (var branch in block.Predecessors)
                {
                    if (scanned.Add(branch.Source.Ordinal))
                    {
                        work.Push((branch.Source, branch.Source.Operations.Length + 1));
                    }
                }
            }

            return reached.Distinct().ToImmutableArray();
        }

        /// <summary>The last assignment to the local among the block's first <paramref name="end"/> operations (the branch value counts last).</summary>
        private static ISimpleAssignmentOperation? LastWrite(BasicBlock block, int end, ILocalSymbol local)
        {
            for (var i = end - 1; i >= 0; i--)
            {
                var operation = i < block.Operations.Length ? block.Operations[i] : block.BranchValue;
                var write = operation?.DescendantsAndSelf()
                    .OfType<ISimpleAssignmentOperation>()
                    .Where(a => a.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local))
                    .LastOrDefault();
                if (write is not null)
                {
                    return write;
                }
            }

            return null;
        }

        private static bool Find(ControlFlowGraph cfg, SyntaxNode syntax, out BasicBlock block, out int index)
        {
            foreach (var candidate in cfg.Blocks)
            {
                for (var i = 0; i <= candidate.Operations.Length; i++)
                {
                    var operation = i < candidate.Operations.Length ? candidate.Operations[i] : candidate.BranchValue;
                    if (operation is not null && operation.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation && o.Syntax == syntax))
                    {
                        block = candidate;
                        index = i;
                        return true;
                    }
                }
            }

            block = null!;
            index = 0;
            return false;
        }

        /// <summary>
        /// Whether a deconstruction writes the local (<c>var (code, count) = ("IR", 1)</c>, <c>(code, count) = …</c>), and
        /// the element of the tuple written in place that it gets, by its position in the targets, nested or not; null
        /// when the value is not a tuple written in place.
        /// </summary>
        private static bool Deconstructs(ILocalReferenceOperation reference, out IOperation? element)
        {
            element = null;
            if (reference.Parent is not (ITupleOperation or IDeclarationExpressionOperation))
            {
                // A deconstruction's targets are a tuple or a declaration: most references are neither, and cost nothing.
                return false;
            }

            var positions = new Stack<int>();
            IOperation node = reference;
            for (var parent = reference.Parent; parent is ITupleOperation or IDeclarationExpressionOperation or IDeconstructionAssignmentOperation; node = parent, parent = parent.Parent)
            {
                if (parent is ITupleOperation tuple)
                {
                    positions.Push(tuple.Elements.IndexOf(node));
                }
                else if (parent is IDeconstructionAssignmentOperation deconstruction)
                {
                    element = deconstruction.Target == node ? deconstruction.Value : null;
                    while (positions.Count > 0 && element is not null)
                    {
                        var position = positions.Pop();
                        element = CountryValueCollector.Unwrap(element) is ITupleOperation literal && position >= 0 && position < literal.Elements.Length
                            ? literal.Elements[position]
                            : null;
                    }

                    return deconstruction.Target == node;
                }
            }

            return false;
        }

        internal static IOperation Root(IOperation operation)
        {
            while (operation.Parent is not null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>Whether the operation sits inside a lambda or local function of the root body.</summary>
        internal static bool InNestedFunction(IOperation operation, IOperation root)
        {
            for (var parent = operation.Parent; parent is not null && parent != root; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

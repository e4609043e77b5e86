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
        /// <paramref name="depth"/> is how far values have been followed to get here, which the elements of a
        /// deconstruction's value carry on.
        /// </summary>
        public static ImmutableArray<IOperation?> ReachingValues(ILocalReferenceOperation use, System.Func<ControlFlowGraph?> graph, int depth)
        {
            var root = Root(use);
            if (LocalWrites.Of(root)[use.Local] is not { Declared: true, Unknown: false } local)
            {
                return Unknown;
            }

            // What each write gives: the value itself, or the elements of a tuple it deconstructs.
            var values = local.Writes
                .Select(w => CountryValueCollector.Elements(w.Source, w.Path, graph, depth + 1).ToImmutableArray())
                .ToList();

            // Writes or the read inside a lambda or local function run at times the graph cannot order:
            // every value the local is ever given may reach the read.
            if (values.Count <= 1 || local.Writes.Any(w => w.Nested) || InNestedFunction(use, root) || graph() is not { } cfg)
            {
                return values.SelectMany(v => v).ToImmutableArray();
            }

            return Reaching(cfg, use, local.Writes, values);
        }

        private static readonly ImmutableArray<IOperation?> Unknown = ImmutableArray.Create((IOperation?)null);

        /// <summary>How a reference uses the local, parameter, field or property it names.</summary>
        internal enum Access
        {
            Read,

            /// <summary><c>x = value</c> or <c>x ??= value</c>; the value is <see cref="AssignedValue"/>.</summary>
            Assigned,

            /// <summary>A write whose value cannot be followed: <c>out</c>, <c>ref</c>, <c>+=</c>, <c>++</c>, a deconstruction.</summary>
            Unknown,
        }

        /// <summary>How a reference uses the local, parameter, field or property it names.</summary>
        internal static Access Classify(IOperation reference)
        {
            if (reference is ILocalReferenceOperation { IsDeclaration: true })
            {
                return Access.Unknown;
            }

            switch (reference.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
                    return Access.Assigned;
                case ICompoundAssignmentOperation compound when compound.Target == reference:
                case IIncrementOrDecrementOperation:
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                case IAddressOfOperation:
                    return Access.Unknown;
                case ITupleOperation or IDeclarationExpressionOperation when IsDeconstructed(reference):
                    return Access.Unknown;
            }

            // A ref assignment's value is aliased, and can be written through the alias.
            return reference.Parent is ISimpleAssignmentOperation { IsRef: true } ? Access.Unknown : Access.Read;
        }

        /// <summary>The value an <see cref="Access.Assigned"/> reference is given.</summary>
        internal static IOperation AssignedValue(IOperation reference)
            => reference.Parent is ICoalesceAssignmentOperation coalesce ? coalesce.Value : ((ISimpleAssignmentOperation)reference.Parent!).Value;

        /// <summary>
        /// The argument a collection's <c>TryGetValue(key, out value)</c>, <c>TryDequeue(out item)</c>, <c>TryPop</c>,
        /// <c>TryPeek</c> or <c>TryTake</c> writes the local through, which holds one of a dictionary's values or of the
        /// collection's items after it (<see cref="CountryValueCollector"/> reads them); null for any other reference.
        /// </summary>
        internal static IArgumentOperation? ItemOut(ILocalReferenceOperation reference)
            => (reference.Parent is IDeclarationExpressionOperation declared ? declared.Parent : reference.Parent)
                is IArgumentOperation { Parameter: { RefKind: RefKind.Out } parameter, Parent: IInvocationOperation { Instance: not null } call } argument
                && (call is { TargetMethod.Name: "TryGetValue", Arguments.Length: 2 } && parameter.Ordinal == 1
                    || call is { TargetMethod.Name: "TryDequeue" or "TryPop" or "TryPeek" or "TryTake", Arguments.Length: 1 })
                    ? argument
                    : null;

        /// <summary>Whether a reference inside a tuple is a target of the deconstruction around it, rather than part of its value.</summary>
        private static bool IsDeconstructed(IOperation reference)
        {
            for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IDeconstructionAssignmentOperation deconstruction)
                {
                    return deconstruction.Target.DescendantsAndSelf().Contains(reference);
                }
            }

            return false;
        }

        /// <summary>
        /// The values of the writes that reach the use in the graph. The graph holds copies of the body's operations, so
        /// a write found there is matched with the body's by the syntax of the value it writes.
        /// </summary>
        private static ImmutableArray<IOperation?> Reaching(ControlFlowGraph cfg, ILocalReferenceOperation use, List<LocalWrites.Write> writes, List<ImmutableArray<IOperation?>> values)
        {
            var bySource = new Dictionary<SyntaxNode, ImmutableArray<IOperation?>>();
            for (var i = 0; i < writes.Count; i++)
            {
                bySource[writes[i].Source.Syntax] = values[i];
            }

            if (!GraphPositions.TryFind(cfg, use.Syntax, out var useBlock, out var useIndex))
            {
                return values.SelectMany(v => v).ToImmutableArray();
            }

            var reached = new List<IOperation?>();
            var scanned = new HashSet<int>();
            var work = new Stack<(BasicBlock Block, int End)>();
            work.Push((useBlock, useIndex));
            while (work.Count > 0)
            {
                var (block, end) = work.Pop();
                if (LastWrite(block, end, use.Local, bySource) is { } source)
                {
                    if (bySource.TryGetValue(source, out var written))
                    {
                        reached.AddRange(written);
                    }
                    else
                    {
                        reached.Add(null);
                    }

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

        /// <summary>
        /// The syntax of the value the last write of the local gives, by an assignment or a deconstruction, among the
        /// block's first <paramref name="end"/> operations (the branch value counts last); null when none writes it.
        /// </summary>
        private static SyntaxNode? LastWrite(BasicBlock block, int end, ILocalSymbol local, Dictionary<SyntaxNode, ImmutableArray<IOperation?>> writes)
        {
            for (var i = end - 1; i >= 0; i--)
            {
                var operation = i < block.Operations.Length ? block.Operations[i] : block.BranchValue;
                SyntaxNode? written = null;
                foreach (var candidate in operation?.DescendantsAndSelf() ?? Enumerable.Empty<IOperation>())
                {
                    switch (candidate)
                    {
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                            written = assignment.Value.Syntax;
                            break;
                        case ISimpleAssignmentOperation { Target: IFlowCaptureReferenceOperation } assignment when writes.ContainsKey(assignment.Value.Syntax):
                            // The graph's form of local ??= value assigns the value to a capture of the local; the value
                            // is one of the local's writes, and no other's.
                            written = assignment.Value.Syntax;
                            break;
                        case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && Deconstructs(reference, out var source, out _):
                            written = source.Syntax;
                            break;
                        case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && ItemOut(reference) is { } argument:
                            written = argument.Syntax;
                            break;
                    }
                }

                if (written is not null)
                {
                    return written;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether a deconstruction writes the local (<c>var (code, count) = ("IR", 1)</c>, <c>(code, count) = t</c>), and
        /// what it gets: the element of the tuple written in place at the local's position in the targets, nested or
        /// not, or, below a value not written in place, that value and the local's path of positions into it.
        /// </summary>
        internal static bool Deconstructs(ILocalReferenceOperation reference, out IOperation source, out ImmutableArray<int> path)
        {
            source = reference;
            path = ImmutableArray<int>.Empty;
            if (reference.Parent is not (ITupleOperation or IDeclarationExpressionOperation))
            {
                // A deconstruction's targets are a tuple or a declaration: most references are neither, and cost nothing.
                return false;
            }

            var positions = TuplePath(reference, out var targets);
            if (targets.Parent is not IDeconstructionAssignmentOperation deconstruction || deconstruction.Target != targets)
            {
                return false;
            }

            source = deconstruction.Value;
            var level = 0;
            while (level < positions.Length
                && CountryValueCollector.Unwrap(source) is ITupleOperation literal
                && positions[level] >= 0 && positions[level] < literal.Elements.Length)
            {
                source = literal.Elements[positions[level++]];
            }

            path = positions.RemoveRange(0, level);
            return true;
        }

        /// <summary>
        /// A reference's positions in the tuples around it, outermost first, and the outermost of those tuples and
        /// declarations (<c>(a, (b, c))</c> or <c>var (a, (b, c))</c>): the targets of a deconstruction or of a
        /// deconstructing loop.
        /// </summary>
        private static ImmutableArray<int> TuplePath(IOperation reference, out IOperation targets)
        {
            var positions = new Stack<int>();
            targets = reference;
            while (targets.Parent is ITupleOperation or IDeclarationExpressionOperation)
            {
                if (targets.Parent is ITupleOperation tuple)
                {
                    positions.Push(tuple.Elements.IndexOf(targets));
                }

                targets = targets.Parent;
            }

            return positions.ToImmutableArray();
        }

        /// <summary>
        /// The collection a <c>foreach</c> variable takes its values from (<c>foreach (var code in codes)</c>), and for a
        /// deconstructing loop (<c>foreach (var (code, n) in pairs)</c>) the variable's path of positions in each item;
        /// null for any other local, and for a loop over characters, which are no country.
        /// </summary>
        public static IOperation? IteratedCollection(ILocalReferenceOperation use, out ImmutableArray<int> path)
        {
            path = ImmutableArray<int>.Empty;

            // A foreach variable is in scope only in its loop's body, so the loop is among the use's parents.
            for (var parent = use.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is not IForEachLoopOperation { LoopControlVariable: { } control } loop)
                {
                    continue;
                }

                if (control is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, use.Local))
                {
                    return use.Local.Type.SpecialType == SpecialType.System_Char ? null : loop.Collection;
                }

                if (control.DescendantsAndSelf().OfType<ILocalReferenceOperation>().FirstOrDefault(r => SymbolEqualityComparer.Default.Equals(r.Local, use.Local)) is { } declared)
                {
                    path = TuplePath(declared, out _);
                    return loop.Collection;
                }
            }

            return null;
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

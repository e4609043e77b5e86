using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Whether a run-time value is checked before it reaches an exchange: every path from the start of the
    /// body to the use passes the true branch of <c>CmaaAgreements.HasAgreement(x)</c> or
    /// <c>CmaaAgreements.IsOwner(x)</c> on the same local or parameter, as in
    /// <c>if (CmaaAgreements.HasAgreement(x)) Send(x);</c> or <c>if (!CmaaAgreements.HasAgreement(x)) return; Send(x);</c>.
    /// </summary>
    internal sealed class AgreementGuards(string generatedNamespace)
    {
        private static readonly string[] GuardMethods = ["HasAgreement", "IsOwner"];

        public bool IsGuarded(IOperation value, ControlFlowGraph? cfg)
        {
            var guarded = value switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (guarded is null || cfg is null || !Find(cfg, value.Syntax, out var useBlock))
            {
                return false;
            }

            // Walk back from the use; a path is cut where it crosses the true edge of a guard. Reaching the
            // entry block means some path skips every guard.
            var seen = new HashSet<int> { useBlock.Ordinal };
            var work = new Stack<BasicBlock>();
            work.Push(useBlock);
            while (work.Count > 0)
            {
                var block = work.Pop();
                if (block.Kind == BasicBlockKind.Entry)
                {
                    return false;
                }

                foreach (var branch in block.Predecessors)
                {
                    if (!IsGuardTrueEdge(branch, guarded, cfg) && seen.Add(branch.Source.Ordinal))
                    {
                        work.Push(branch.Source);
                    }
                }
            }

            return true;
        }

        private bool IsGuardTrueEdge(ControlFlowBranch branch, ISymbol guarded, ControlFlowGraph cfg)
        {
            var source = branch.Source;
            if (source.BranchValue is not { } condition || source.ConditionKind == ControlFlowConditionKind.None)
            {
                return false;
            }

            // Jump when true / when false decides which edge is the true one; a '!' swaps them.
            var whenTrue = source.ConditionKind == ControlFlowConditionKind.WhenTrue;
            while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                condition = not.Operand;
                whenTrue = !whenTrue;
            }

            if (!IsGuardCall(condition, guarded) && !(condition is ILocalReferenceOperation flag && IsGuardCall(OnlyValue(cfg, flag.Local), guarded)))
            {
                return false;
            }

            var takesTrueEdge = branch.IsConditionalSuccessor == whenTrue;
            return takesTrueEdge;
        }

        private bool IsGuardCall(IOperation? condition, ISymbol guarded)
        {
            if (condition is not IInvocationOperation { TargetMethod: { ContainingType: { Name: "CmaaAgreements" } type } method } invocation
                || !GuardMethods.Contains(method.Name)
                || type.ContainingNamespace.ToDisplayString() != generatedNamespace
                || invocation.Arguments.Length != 1)
            {
                return false;
            }

            var argument = CountryValueCollector.Unwrap(invocation.Arguments[0].Value);
            var symbol = argument switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            return SymbolEqualityComparer.Default.Equals(symbol, guarded);
        }

        /// <summary>
        /// The one value a local is ever given in the graph (<c>var ok = CmaaAgreements.HasAgreement(x);</c>), which a
        /// branch on the local tests; null when it is written more than once or in any other way.
        /// </summary>
        private static IOperation? OnlyValue(ControlFlowGraph cfg, ILocalSymbol local)
        {
            IOperation? value = null;
            foreach (var block in cfg.Blocks)
            {
                var operations = block.BranchValue is null ? block.Operations : block.Operations.Add(block.BranchValue);
                foreach (var reference in operations.SelectMany(o => o.DescendantsAndSelf()).OfType<ILocalReferenceOperation>())
                {
                    if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        continue;
                    }

                    switch (LocalFlow.Classify(reference))
                    {
                        case LocalFlow.Access.Assigned when value is null && reference.Parent is ISimpleAssignmentOperation assignment:
                            value = assignment.Value;
                            break;
                        case LocalFlow.Access.Assigned or LocalFlow.Access.Unknown:
                            return null;
                    }
                }
            }

            return value;
        }

        private static bool Find(ControlFlowGraph cfg, SyntaxNode syntax, out BasicBlock block)
        {
            foreach (var candidate in cfg.Blocks)
            {
                var operations = candidate.BranchValue is null ? candidate.Operations : candidate.Operations.Add(candidate.BranchValue);
                if (operations.Any(o => o.DescendantsAndSelf().Any(d => d.Syntax == syntax)))
                {
                    block = candidate;
                    return true;
                }
            }

            block = null!;
            return false;
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Whether a run-time value is checked before it reaches an exchange: every path from the start of the
    /// body to the use passes the true branch of <c>CmaaAgreements.HasAgreement(x)</c> or
    /// <c>CmaaAgreements.IsOwner(x)</c> on the same local or parameter, as in
    /// <c>if (CmaaAgreements.HasAgreement(x)) Send(x);</c> or <c>if (!CmaaAgreements.HasAgreement(x)) return; Send(x);</c>,
    /// or passes a call to a method of the project that throws unless the check holds (<c>EnsureAgreement(x);</c>).
    /// </summary>
    internal sealed class AgreementGuards(string generatedNamespace, Compilation compilation)
    {
        private static readonly string[] GuardMethods = ["HasAgreement", "IsOwner"];

        // Which parameter, if any, each called method checks before anything else; decided once per method.
        private readonly ConcurrentDictionary<IMethodSymbol, int> _checkedParameters = new(SymbolEqualityComparer.Default);

        /// <param name="value">The local or parameter read at the exchange.</param>
        /// <param name="cfg">The graph of the body that holds the exchange.</param>
        /// <param name="sameCountry">
        /// The value whose country a value names (<c>country</c> for <c>country.ToUpperInvariant()</c>): a write of
        /// the same country, such as <c>country = country.ToUpperInvariant();</c>, keeps a check made before it.
        /// </param>
        public bool IsGuarded(IOperation value, ControlFlowGraph? cfg, Func<IOperation, IOperation> sameCountry)
        {
            // A use inside a lambda or local function is guarded within that function's own graph.
            var guarded = ReadSymbol(value);
            cfg = cfg is null ? null : GraphPositions.Holding(cfg, value.Syntax);
            if (guarded is null || cfg is null || !GraphPositions.TryFind(cfg, value.Syntax, out var useBlock, out var useIndex))
            {
                return false;
            }

            var writes = GraphPositions.WritesOf(cfg, guarded);

            // Walk back from the use; a path is cut where it crosses the true edge of a guard or a call that checks the
            // value, unless the value is written after that. Reaching the entry block means some path skips every guard.
            // The use's own block is walked up to the use first, and whole if a loop comes back round to it.
            var seen = new HashSet<int>();
            var work = new Stack<(BasicBlock Block, int End)>();
            work.Push((useBlock, useIndex));
            while (work.Count > 0)
            {
                var (block, end) = work.Pop();
                var check = LastCheck(block, end, guarded);
                if (WritesOtherCountry(writes, block, check + 1, end, guarded, sameCountry))
                {
                    return false;
                }

                if (check >= 0)
                {
                    continue;
                }

                if (block.Kind == BasicBlockKind.Entry)
                {
                    return false;
                }

                foreach (var branch in block.Predecessors)
                {
                    if (!IsGuardTrueEdge(branch, guarded, cfg) && seen.Add(branch.Source.Ordinal))
                    {
                        work.Push((branch.Source, branch.Source.Operations.Length + 1));
                    }
                }
            }

            return true;
        }

        /// <summary>Whether the block writes the value, between two of its positions, with anything but the same country.</summary>
        private static bool WritesOtherCountry(Dictionary<int, List<GraphPositions.Write>> writes, BasicBlock block, int start, int end, ISymbol guarded, Func<IOperation, IOperation> sameCountry)
        {
            if (!writes.TryGetValue(block.Ordinal, out var inBlock))
            {
                return false;
            }

            foreach (var write in inBlock)
            {
                if (write.Index >= start && write.Index < end
                    && !(write.Value is { } written && SymbolEqualityComparer.Default.Equals(ReadSymbol(sameCountry(written)), guarded)))
                {
                    return true;
                }
            }

            return false;
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

            return SymbolEqualityComparer.Default.Equals(ReadSymbol(invocation.Arguments[0].Value), guarded);
        }

        /// <summary>The local or parameter a value reads, through conversions; null for any other value.</summary>
        private static ISymbol? ReadSymbol(IOperation value) => CountryValueCollector.Unwrap(value) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        /// <summary>
        /// The one value a local is ever given (<c>var ok = CmaaAgreements.HasAgreement(x);</c>), which a branch on the
        /// local tests; null when it is written more than once or in any other way.
        /// </summary>
        private static IOperation? OnlyValue(ControlFlowGraph cfg, ILocalSymbol local)
            => LocalWrites.Of(cfg.OriginalOperation)[local] is { Unknown: false } found && found.Writes.Count == 1 && found.Writes[0].Path.IsEmpty
                ? found.Writes[0].Source
                : null;

        /// <summary>The index of the last of the block's first <paramref name="end"/> statements that calls a method that checks the value; -1 for none.</summary>
        private int LastCheck(BasicBlock block, int end, ISymbol guarded)
        {
            for (var i = Math.Min(end, block.Operations.Length) - 1; i >= 0; i--)
            {
                if (block.Operations[i] is IExpressionStatementOperation { Operation: IInvocationOperation call }
                    && CheckedParameter(call.TargetMethod) is var ordinal and >= 0
                    && call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal) is { } argument
                    && SymbolEqualityComparer.Default.Equals(ReadSymbol(argument.Value), guarded))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// The parameter a method of the project checks before anything else, throwing unless it passes:
        /// <c>if (!CmaaAgreements.HasAgreement(country)) throw …;</c> as its first statement; -1 for any other method.
        /// </summary>
        private int CheckedParameter(IMethodSymbol method)
            => _checkedParameters.GetOrAdd(method.OriginalDefinition, m =>
            {
                if (m.DeclaringSyntaxReferences.Length != 1
                    || m.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax { Body.Statements: { Count: > 0 } statements }
                    || statements[0] is not IfStatementSyntax { Else: null } check
                    || !Throws(check.Statement))
                {
                    return -1;
                }

#pragma warning disable RS1030 // Once per method called before an exchange, where CMAA004 is on.
                var operation = compilation.GetSemanticModel(check.SyntaxTree).GetOperation(check);
#pragma warning restore RS1030
                if (operation is not IConditionalOperation { Condition: IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not })
                {
                    return -1;
                }

                foreach (var parameter in m.Parameters)
                {
                    if (IsGuardCall(not.Operand, parameter))
                    {
                        return parameter.Ordinal;
                    }
                }

                return -1;
            });

        private static bool Throws(StatementSyntax statement)
            => statement is ThrowStatementSyntax || statement is BlockSyntax { Statements.Count: 1 } block && block.Statements[0] is ThrowStatementSyntax;
    }
}

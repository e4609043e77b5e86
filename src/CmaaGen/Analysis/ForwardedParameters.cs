using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Where a method of the project passes a parameter on unchanged, read from its body: each argument that is the
    /// parameter itself (<c>void SendTo(string country) =&gt; gateway.Send(country);</c>) and each assignment of it to a
    /// member, with what receives it. A lambda a delegate is called through is such a method too
    /// (<c>c =&gt; gateway.Send(c)</c>). Only the method's own body counts, not its lambdas or local functions, which may
    /// run later or never; a method that writes the parameter, or hands it by reference, passes on nothing. Only a
    /// method declared in the file of the call being analyzed is read, through that call's semantic model, whose
    /// binding of the method's body the compiler's driver shares: a model of another file would bind the body once more,
    /// which for every method a project calls costs as much as compiling them again (measured: a 1,000-file project
    /// whose services are internal took 3.6 s instead of 0.06 s). Read once per parameter and compilation; the graph a
    /// test of a forward is read in is built only when a constant that would be reported asks.
    /// </summary>
    internal sealed class ForwardedParameters
    {
        private readonly Compilation _compilation;
        // Keyed by the parameter's place, whose file is the one file whose model may read it, so an entry never depends
        // on which call asked first.
        private readonly ConcurrentDictionary<Key, ImmutableArray<Forward>> _forwards = new();

        public ForwardedParameters(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>
        /// Where a parameter is declared: a local function's symbol is made anew by each semantic model that binds the
        /// body around it, and such symbols are equal only to themselves, so a parameter is known by its place.
        /// </summary>
        public static Key? KeyOf(IParameterSymbol parameter)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method || OwnSource.Implementation(method).DeclaringSyntaxReferences is not { IsEmpty: false } references)
            {
                return null;
            }

            return new Key(references[0].SyntaxTree, references[0].Span.Start, parameter.Ordinal);
        }

        /// <summary>
        /// The places the method's body passes the parameter on; empty for a parameter of another kind of member, or of a
        /// method declared in another file than the model's.
        /// </summary>
        public ImmutableArray<Forward> Of(IParameterSymbol parameter, SemanticModel model)
        {
            if (KeyOf(parameter) is not { } key || !key.IsIn(model.SyntaxTree))
            {
                return ImmutableArray<Forward>.Empty;
            }

            if (!_forwards.TryGetValue(key, out var forwards))
            {
                forwards = _forwards.GetOrAdd(key, Read(parameter, model));
            }

            return forwards;
        }

        private ImmutableArray<Forward> Read(IParameterSymbol parameter, SemanticModel model)
        {
            if (parameter is not { RefKind: RefKind.None, IsParams: false, ContainingSymbol: IMethodSymbol method }
                || !OwnSource.Declares(_compilation, method))
            {
                return ImmutableArray<Forward>.Empty;
            }

            var implementation = OwnSource.Implementation(method);
            var declaration = implementation.DeclaringSyntaxReferences[0].GetSyntax();
            var (body, root) = declaration switch
            {
                MethodDeclarationSyntax member => ((SyntaxNode?)member.Body ?? member.ExpressionBody, (SyntaxNode)member),
                LocalFunctionStatementSyntax local => ((SyntaxNode?)local.Body ?? local.ExpressionBody, Enclosing(local)),
                AnonymousFunctionExpressionSyntax function => (function.Body, Enclosing(function)),
                _ => (null, null),
            };
            if (body is null || root is null || !MayPass(body, parameter.Name))
            {
                return ImmutableArray<Forward>.Empty;
            }

            if (model.GetOperation(root) is not { } rootOperation || Body(rootOperation, declaration) is not { } operation)
            {
                return ImmutableArray<Forward>.Empty;
            }

            var own = KeyOf(implementation.Parameters[parameter.Ordinal]);
            var graph = new Lazy<ControlFlowGraph?>(() => Graph(rootOperation));
            var forwards = ImmutableArray.CreateBuilder<Forward>();
            foreach (var use in OwnOperations(operation))
            {
                if (use is not IParameterReferenceOperation reference || !Equals(KeyOf(reference.Parameter), own))
                {
                    continue;
                }

                if (IsWritten(reference))
                {
                    return ImmutableArray<Forward>.Empty;
                }

                IOperation passed = reference;
                while (Kept(passed) is { } kept)
                {
                    passed = kept;
                }

                switch (passed.Parent)
                {
                    case IArgumentOperation { Parameter: { RefKind: RefKind.None, IsParams: false } receiver }:
                        forwards.Add(new Forward(reference, receiver, graph));
                        break;
                    case IArgumentOperation:
                        return ImmutableArray<Forward>.Empty;
                    case ISimpleAssignmentOperation { IsRef: false } assignment when assignment.Value == passed && Member(assignment.Target) is { } member:
                        forwards.Add(new Forward(reference, member, graph));
                        break;
                }
            }

            return forwards.ToImmutable();
        }

        /// <summary>
        /// The operation that gives the value on as the same country: an implicit conversion of it (a string passed to an
        /// object parameter), or a call that gives it in another case (<c>country.ToUpperInvariant()</c>) or as a span
        /// (<see cref="CountryValueCollector.SameText"/>), as codes and names are recognised in any case. Null for any other.
        /// </summary>
        private static IOperation? Kept(IOperation value)
            => value.Parent is IConversionOperation { IsImplicit: true } conversion ? conversion
                : (value.Parent is IArgumentOperation argument ? argument.Parent : value.Parent) is IInvocationOperation call && CountryValueCollector.SameText(call) == value ? call
                : null;

        /// <summary>
        /// Whether the read is a write of the parameter: an assignment's target, compound or <c>??=</c> included, or a
        /// part of a deconstruction's (<c>(country, n) = pair;</c>).
        /// </summary>
        private static bool IsWritten(IOperation reference)
        {
            var target = reference;
            while (target.Parent is ITupleOperation tuple)
            {
                target = tuple;
            }

            return target.Parent is IAssignmentOperation assignment && assignment.Target == target;
        }

        /// <summary>
        /// Whether the body may pass the parameter on, by its syntax: its name as an argument or as an assignment's value,
        /// maybe in parentheses or in another case (<c>country.ToUpperInvariant()</c>). Most methods use their parameters
        /// otherwise (<c>key.StartsWith("A")</c>, <c>key + ":"</c>), and are answered without binding their body.
        /// </summary>
        private static bool MayPass(SyntaxNode body, string name)
        {
            foreach (var token in body.DescendantTokens())
            {
                if (token.ValueText != name || token.Parent is not IdentifierNameSyntax identifier)
                {
                    continue;
                }

                SyntaxNode passed = identifier;
                while (true)
                {
                    if (passed.Parent is ParenthesizedExpressionSyntax parenthesized)
                    {
                        passed = parenthesized;
                    }
                    else if (passed.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access && access.Expression == passed
                        && (CountryValueCollector.ChangesCase(access.Name.Identifier.ValueText) || access.Name.Identifier.ValueText == "AsSpan"))
                    {
                        passed = call;
                    }
                    else
                    {
                        break;
                    }
                }

                if (passed.Parent is ArgumentSyntax || passed.Parent is AssignmentExpressionSyntax assignment && assignment.Right == passed)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The member a local function or lambda is read in the graph of: the method, accessor or constructor around it,
        /// or the top-level statements of its file. A lambda of a field's or property's initializer has none.
        /// </summary>
        private static SyntaxNode? Enclosing(SyntaxNode function)
        {
            foreach (var node in function.Ancestors())
            {
                switch (node)
                {
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax:
                        return node;
                    case MemberDeclarationSyntax and not GlobalStatementSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The operation of the declaration's own body within the member's: a local function's or lambda's, or the member's itself.</summary>
        private static IOperation? Body(IOperation root, SyntaxNode declaration)
        {
            if (root.Syntax == declaration)
            {
                return root;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation.Syntax == declaration)
                {
                    switch (operation)
                    {
                        case ILocalFunctionOperation local:
                            return local.Body;
                        case IAnonymousFunctionOperation function:
                            return function.Body;
                    }
                }
            }

            return null;
        }

        /// <summary>The operations of a body, outside the lambdas and local functions it declares.</summary>
        private static IEnumerable<IOperation> OwnOperations(IOperation body)
        {
            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                yield return operation;
                foreach (var child in operation.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        private static ISymbol? Member(IOperation target) => target switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
            _ => null,
        };

        private static ControlFlowGraph? Graph(IOperation root)
        {
            try
            {
                return root switch
                {
                    IMethodBodyOperation body => ControlFlowGraph.Create(body),
                    IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
                    IBlockOperation block when block.Parent is null => ControlFlowGraph.Create(block),
                    _ => null,
                };
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // Code being typed can give a body the graph builder refuses; then nothing is ruled out inside it.
                return null;
            }
        }

        /// <summary>A parameter's place: its method's declaration and its position.</summary>
        internal readonly struct Key : IEquatable<Key>
        {
            private readonly SyntaxTree _tree;
            private readonly int _position;
            private readonly int _ordinal;

            public Key(SyntaxTree tree, int position, int ordinal)
            {
                _tree = tree;
                _position = position;
                _ordinal = ordinal;
            }

            public bool IsIn(SyntaxTree tree) => ReferenceEquals(_tree, tree);

            public bool Equals(Key other) => ReferenceEquals(_tree, other._tree) && _position == other._position && _ordinal == other._ordinal;

            public override bool Equals(object? obj) => obj is Key other && Equals(other);

            public override int GetHashCode() => unchecked((_position * 31) + _ordinal);
        }

        /// <summary>
        /// The parameter read where it is passed on, what receives it (a parameter, property or field), and the graph of
        /// the member around it, which also holds a local function's.
        /// </summary>
        internal sealed class Forward
        {
            private readonly Lazy<ControlFlowGraph?> _graph;

            public Forward(IOperation site, ISymbol receiver, Lazy<ControlFlowGraph?> graph)
            {
                Site = site;
                Receiver = receiver;
                _graph = graph;
                Graph = () => _graph.Value;
            }

            public IOperation Site { get; }

            public ISymbol Receiver { get; }

            public Func<ControlFlowGraph?> Graph { get; }
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// The values a field or property can hold, or a method always returns, when the compiler can tell: a
    /// <c>readonly</c> field or a get-only auto-property holds its initializer (<c>= "IR"</c>) and what the constructors
    /// of its type assign to it (<c>Home = "IR";</c> in a constructor, or a static constructor for a static member); a
    /// get-only property with an expression body (<c>=&gt; "IR"</c>) gives that expression, one with a getter what its
    /// <c>return</c>s give, and a method what each of its <c>return</c>s gives, or an iterator its <c>yield return</c>s
    /// (for a method with parameters, only its constants are known where it is called). A member an override may
    /// replace has none here: its readers ask what each member a read or call may run gives
    /// (<see cref="Analysis.Overrides"/>). Decided once per member and compilation.
    /// </summary>
    /// <param name="compilation">The compilation whose source declares the members.</param>
    /// <param name="visibleOutside">Whether another assembly can see a member or type, and so override it (<see cref="Analysis.Overrides"/>).</param>
    internal sealed class MemberValues(Compilation compilation, Func<ISymbol, bool> visibleOutside)
    {
        private readonly ConcurrentDictionary<ISymbol, (ImmutableArray<IOperation> Values, bool Constructed)> _values = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, CollectionAdditions> _additions = new(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<IParameterSymbol, bool> _tested = new(SymbolEqualityComparer.Default);

        // Made's answers, by constructor and then member: a long method reads the same objects' members again and again.
        private readonly ConcurrentDictionary<ISymbol, ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>>> _made = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// The values; empty when the member can hold anything else, or is not declared in the compilation's source
        /// (<see cref="OwnSource"/>), and for a property or method a read or call of which may run an override
        /// (<see cref="Overrides"/>).
        /// Inside a constructor of its type, a member that constructors assign may not hold its value yet, so it is
        /// unknown there.
        /// </summary>
        public ImmutableArray<IOperation> Values(ISymbol member, IOperation use, CancellationToken cancellationToken)
            => Analysis.Overrides.Dispatches(member)
                ? ImmutableArray<IOperation>.Empty
                : OwnValues(member, use, cancellationToken);

        /// <summary>
        /// The values a member's own declaration gives, as <see cref="Values"/>, also where a read may run an override
        /// instead (<see cref="Overrides"/>).
        /// </summary>
        public ImmutableArray<IOperation> OwnValues(ISymbol member, IOperation use, CancellationToken cancellationToken)
        {
            if (!OwnSource.Declares(compilation, member))
            {
                return ImmutableArray<IOperation>.Empty;
            }

            var (values, constructed) = _values.GetOrAdd(member.OriginalDefinition, m => Compute(m, use, cancellationToken));
            return constructed && InConstructorOf(member, use) ? ImmutableArray<IOperation>.Empty : values;
        }

        /// <summary>The members a read or call of an abstract, virtual or interface member may run.</summary>
        public Overrides Overrides { get; } = new(compilation, visibleOutside);

        /// <summary>
        /// What the code of the member's type adds to the collection it holds (<see cref="CollectionAdditions.OfMember"/>);
        /// nothing for a member declared outside the compilation's source.
        /// </summary>
        public CollectionAdditions Additions(ISymbol member, IOperation use, CancellationToken cancellationToken)
            => OwnSource.Declares(compilation, member)
                ? _additions.GetOrAdd(member.OriginalDefinition, m => CollectionAdditions.OfMember(m, tree => ModelFor(tree, use), cancellationToken))
                : CollectionAdditions.None;

        /// <summary>
        /// Whether the body that holds <paramref name="reference"/> tests the parameter (<see cref="CallFrame.IsTested"/>),
        /// so that it cannot stand for its argument there; decided once per parameter.
        /// </summary>
        public bool Tests(IParameterSymbol parameter, IOperation reference)
            => _tested.GetOrAdd(parameter.OriginalDefinition, _ => CallFrame.IsTested(parameter, LocalFlow.Root(reference)));

        /// <summary>The values a field or property read can give (<see cref="Values"/>); empty for anything else.</summary>
        public ImmutableArray<IOperation> ValuesRead(IOperation reference, CancellationToken cancellationToken) => reference switch
        {
            IFieldReferenceOperation field => Values(field.Field, reference, cancellationToken),
            IPropertyReferenceOperation property => Values(property.Property, reference, cancellationToken),
            _ => ImmutableArray<IOperation>.Empty,
        };

        private static bool InConstructorOf(ISymbol member, IOperation use)
            => use.Syntax.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is { Parent: { } type } constructor
                && constructor.Modifiers.Any(SyntaxKind.StaticKeyword) == member.IsStatic
                && member.ContainingType.DeclaringSyntaxReferences.Any(reference => reference.SyntaxTree == type.SyntaxTree && reference.Span == type.Span);

        private (ImmutableArray<IOperation> Values, bool Constructed) Compute(ISymbol member, IOperation use, CancellationToken cancellationToken)
        {
            if (member is IMethodSymbol method)
            {
                return (Returns(method, OwnSource.Implementation(method).DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), use, cancellationToken), false);
            }

            var declaration = (member is IPropertySymbol declared ? OwnSource.Implementation(declared) : member).DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);

            if (member is IPropertySymbol { SetMethod: null, IsAbstract: false, IsIndexer: false }
                && declaration is PropertyDeclarationSyntax { AccessorList.Accessors: { Count: 1 } onlyAccessor }
                && onlyAccessor[0] is { ExpressionBody: var getterArrow, Body: var getterBody } getter
                && getter.IsKind(SyntaxKind.GetAccessorDeclaration)
                && (getterArrow is not null || getterBody is not null))
            {
                // get { return "SY"; }: what its returns give, as a method's.
                return (Given(getterArrow, getterBody, use, cancellationToken), false);
            }

            var (expression, stored) = member switch
            {
                IFieldSymbol { IsReadOnly: true, IsConst: false } => ((declaration as VariableDeclaratorSyntax)?.Initializer?.Value, true),
                IPropertySymbol { SetMethod: null, IsAbstract: false, IsIndexer: false } => declaration switch
                {
                    PropertyDeclarationSyntax { ExpressionBody: { } body } => (body.Expression, false),
                    PropertyDeclarationSyntax property when IsAuto(property) => (property.Initializer?.Value, true),
                    _ => (null, false),
                },
                _ => (null, false),
            };

            if (!stored)
            {
                return (expression is not null && ModelFor(expression.SyntaxTree, use).GetOperation(expression, cancellationToken) is { } initial
                    ? ImmutableArray.Create(initial)
                    : ImmutableArray<IOperation>.Empty, false);
            }

            var constructors = member.IsStatic ? member.ContainingType.StaticConstructors : member.ContainingType.InstanceConstructors;
            return Stored(member, expression, constructors, use, cancellationToken);
        }

        /// <summary>
        /// What a field or auto-property holds in an object that <paramref name="constructor"/> has just made, before
        /// code outside its type can set it, whatever accessors it has: the constructor's last writes of it, or its
        /// initializer where the constructor leaves it (<see cref="AddConstructorWrites"/>). A constructor that calls
        /// another first (<c>: this(…)</c>, or <c>: base(…)</c> for a member its base type declares) leaves what that one
        /// made, its parameters standing for the arguments given to them. A parameter of the constructor among the values
        /// stands for the argument it was given. Empty when that cannot be told: a member that is not a field or an
        /// auto-property of the compilation's source (<see cref="StoredDeclaration"/>) declared by the constructor's type
        /// or a base type, a write whose value cannot be followed, and for a member code can set after, a constructor that
        /// calls its object's methods (<see cref="HandsOnItself"/>).
        /// </summary>
        public ImmutableArray<IOperation> Made(ISymbol member, IMethodSymbol constructor, IOperation use, CancellationToken cancellationToken)
            => MadeBy(member, constructor, use, 0, cancellationToken);

        private ImmutableArray<IOperation> MadeBy(ISymbol member, IMethodSymbol constructor, IOperation use, int chained, CancellationToken cancellationToken)
            => _made.GetOrAdd(constructor.OriginalDefinition, _ => new ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>>(SymbolEqualityComparer.Default))
                .GetOrAdd(member.OriginalDefinition, _ => ComputeMade(member, constructor, use, chained, cancellationToken));

        private ImmutableArray<IOperation> ComputeMade(ISymbol member, IMethodSymbol constructor, IOperation use, int chained, CancellationToken cancellationToken)
        {
            var declaration = StoredDeclaration(member, cancellationToken);
            var ownType = SymbolEqualityComparer.Default.Equals(member.ContainingType.OriginalDefinition, constructor.ContainingType.OriginalDefinition);
            if (chained > MaxChain || declaration is not (VariableDeclaratorSyntax or PropertyDeclarationSyntax) || !ownType && !Derives(constructor.ContainingType, member.ContainingType))
            {
                return ImmutableArray<IOperation>.Empty;
            }

            var made = Construction.Of(constructor, this, use, cancellationToken);
            if (CreatedObjects.Settable(member) && HandsOnItself(constructor.ContainingType, made, chained, use, cancellationToken))
            {
                return ImmutableArray<IOperation>.Empty;
            }

            if (ownType && !made.CallsOwnType)
            {
                var initializer = declaration is VariableDeclaratorSyntax variable ? variable.Initializer?.Value : ((PropertyDeclarationSyntax)declaration).Initializer?.Value;
                return Stored(member, initializer, ImmutableArray.Create(constructor), use, cancellationToken).Values;
            }

            // The constructor called first made the member, unless this one's body writes it after on every path.
            var values = ImmutableArray.CreateBuilder<IOperation>();
            var settled = false;
            if (made is { Body: { } body, Declaration: { } declared } && !AddWrites(member, body, declared, values, out settled))
            {
                return ImmutableArray<IOperation>.Empty;
            }

            if (settled)
            {
                return values.ToImmutable();
            }

            var first = made.Target is null ? ImmutableArray<IOperation>.Empty : MadeBy(member, made.Target, use, chained + 1, cancellationToken);
            if (first.IsEmpty)
            {
                return ImmutableArray<IOperation>.Empty;
            }

            foreach (var value in first)
            {
                if (CreatedObjects.Parameter(value) is not { } parameter)
                {
                    values.Add(value);
                }
                else if (made.Call is not null && !Tests(parameter, value) && CreatedObjects.Argument(made.Call.Arguments, parameter) is { } passed)
                {
                    values.Add(passed);
                }
                else
                {
                    return ImmutableArray<IOperation>.Empty;
                }
            }

            return values.ToImmutable();
        }

        // How many constructors calling one another Made follows; a cycle, which the compiler rejects, ends there too.
        private const int MaxChain = 8;

        private static bool Derives(ITypeSymbol type, ITypeSymbol ancestor)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ancestor.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a constructor of <paramref name="type"/>, or one it calls first, calls a method of the object it makes
        /// or hands the object on (<c>Init();</c>, <c>Register(this)</c>), code that may set any member that code outside
        /// constructors can set. <c>object</c>'s constructor does neither, and another assembly's base type's cannot name
        /// the project's members: it reaches them only through an override of the project.
        /// </summary>
        private bool HandsOnItself(ITypeSymbol type, Construction made, int chained, IOperation use, CancellationToken cancellationToken)
        {
            if (made.Body is { } body
                && body.Descendants().Any(operation => operation is IInstanceReferenceOperation { Parent: not (IFieldReferenceOperation or IPropertyReferenceOperation) } self
                    && (made.Call is null || self.Parent != made.Call)))
            {
                return true;
            }

            return made.Target switch
            {
                null or { ContainingType.SpecialType: SpecialType.System_Object } => false,
                var target when !OwnSource.Declares(compilation, target) => OverridesBelow(type, target.ContainingType),
                var target => chained >= MaxChain || HandsOnItself(type, Construction.Of(target, this, use, cancellationToken), chained + 1, use, cancellationToken),
            };
        }

        /// <summary>Whether the type, or a base type of it below <paramref name="external"/>, overrides a member.</summary>
        private static bool OverridesBelow(ITypeSymbol type, ITypeSymbol external)
        {
            for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, external.OriginalDefinition); current = current.BaseType)
            {
                if (current.GetMembers().Any(member => member.IsOverride))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A constructor of the compilation's source as it runs: its body's operation and declaration where it has a body,
        /// and the constructor it calls first with the call (<c>: this(…)</c>, <c>: base(…)</c>, a primary constructor's
        /// base type's arguments), or without one, the base type's constructor without parameters that the compiler calls.
        /// </summary>
        private readonly struct Construction(IOperation? body, ConstructorDeclarationSyntax? declaration, IInvocationOperation? call, IMethodSymbol? target, bool callsOwnType)
        {
            public IOperation? Body { get; } = body;

            public ConstructorDeclarationSyntax? Declaration { get; } = declaration;

            public IInvocationOperation? Call { get; } = call;

            public IMethodSymbol? Target { get; } = target;

            /// <summary>Whether the constructor called first is of the same type (<c>: this(…)</c>).</summary>
            public bool CallsOwnType { get; } = callsOwnType;

            public static Construction Of(IMethodSymbol constructor, MemberValues members, IOperation use, CancellationToken cancellationToken)
            {
                var implementation = OwnSource.Implementation(constructor);
                var syntax = implementation.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
                IOperation? body = null, initializer = null;
                ConstructorDeclarationSyntax? declaration = null;
                SyntaxNode? written = null;
                switch (syntax)
                {
                    case ConstructorDeclarationSyntax declared:
                        (declaration, written) = (declared, declared.Initializer);
                        body = members.ModelFor(declared.SyntaxTree, use).GetOperation(declared, cancellationToken);
                        initializer = (body as IConstructorBodyOperation)?.Initializer;
                        break;
                    case TypeDeclarationSyntax { BaseList.Types: { Count: > 0 } types } when types[0] is PrimaryConstructorBaseTypeSyntax primary:
                        written = primary;
                        initializer = members.ModelFor(primary.SyntaxTree, use).GetOperation(primary, cancellationToken);
                        break;
                }

                // Where no call is written, the compiler calls the base type's constructor without parameters.
                var call = initializer?.DescendantsAndSelf().OfType<IInvocationOperation>().FirstOrDefault();
                var target = call?.TargetMethod ?? (written is null ? constructor.ContainingType.BaseType?.InstanceConstructors.FirstOrDefault(c => c.Parameters.IsEmpty) : null);
                return new Construction(body, declaration, call, target,
                    target is not null && SymbolEqualityComparer.Default.Equals(target.ContainingType.OriginalDefinition, constructor.ContainingType.OriginalDefinition));
            }
        }

        /// <summary>
        /// The declaration of an instance member whose value is what is stored in it, in the compilation's source: a field,
        /// an auto-property (<c>{ get; set; }</c>, <c>{ get; init; }</c>), or a record's positional property, declared by
        /// its parameter; null for any other member.
        /// </summary>
        public SyntaxNode? StoredDeclaration(ISymbol member, CancellationToken cancellationToken)
        {
            if (member.IsStatic || !OwnSource.Declares(compilation, member))
            {
                return null;
            }

            var declaration = (member is IPropertySymbol declared ? OwnSource.Implementation(declared) : member).DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            return (member, declaration) switch
            {
                (IFieldSymbol { IsConst: false }, VariableDeclaratorSyntax) => declaration,
                (IPropertySymbol { IsAbstract: false, IsVirtual: false, IsOverride: false, IsIndexer: false }, PropertyDeclarationSyntax property) when IsAuto(property) => declaration,
                (IPropertySymbol { IsAbstract: false, IsVirtual: false, IsOverride: false, IsIndexer: false }, ParameterSyntax) => declaration,
                _ => null,
            };
        }

        /// <summary>Whether the compiler writes a property's accessors: no body on the property or any accessor.</summary>
        private static bool IsAuto(PropertyDeclarationSyntax property)
            => property is { ExpressionBody: null, AccessorList: { } accessors } && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);

        /// <summary>
        /// The values a stored member holds after one of <paramref name="constructors"/> ran: its initializer, where one of
        /// them leaves it, and their last writes of it; whether a constructor writes it.
        /// </summary>
        private (ImmutableArray<IOperation> Values, bool Constructed) Stored(ISymbol member, ExpressionSyntax? initializer, ImmutableArray<IMethodSymbol> constructors, IOperation use, CancellationToken cancellationToken)
        {
            var values = ImmutableArray.CreateBuilder<IOperation>();
            if (!AddConstructorWrites(member, constructors, values, out var initializerRuns, cancellationToken))
            {
                return (ImmutableArray<IOperation>.Empty, true);
            }

            var constructed = values.Count > 0;
            if (initializer is not null && initializerRuns && ModelFor(initializer.SyntaxTree, use).GetOperation(initializer, cancellationToken) is { } initial)
            {
                values.Insert(0, initial);
            }

            return (values.ToImmutable(), constructed);
        }

        /// <summary>
        /// Each value a method may return (<see cref="Given"/>). An <c>async</c> method's are the values its task gives,
        /// which only an <c>await</c> of the call reads.
        /// </summary>
        private ImmutableArray<IOperation> Returns(IMethodSymbol method, SyntaxNode declaration, IOperation use, CancellationToken cancellationToken)
        {
            var (arrow, body) = declaration switch
            {
                MethodDeclarationSyntax declared => (declared.ExpressionBody, declared.Body),
                LocalFunctionStatementSyntax function => (function.ExpressionBody, function.Body),
                _ => (null, null),
            };
            return method is { ReturnsVoid: false, IsAbstract: false, IsExtern: false }
                ? Given(arrow, body, use, cancellationToken)
                : ImmutableArray<IOperation>.Empty;
        }

        /// <summary>
        /// Each value a body gives: its expression, or the expression of every <c>return</c> of its block, or for an
        /// iterator every <c>yield return</c>'s, the items of the sequence it gives; outside the lambdas and local
        /// functions in it.
        /// </summary>
        private ImmutableArray<IOperation> Given(ArrowExpressionClauseSyntax? arrow, BlockSyntax? body, IOperation use, CancellationToken cancellationToken)
        {
            if (arrow is null && body is null)
            {
                return ImmutableArray<IOperation>.Empty;
            }

            List<ExpressionSyntax?> returned;
            if (arrow is not null)
            {
                returned = [arrow.Expression];
            }
            else
            {
                var statements = body!.DescendantNodes(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<StatementSyntax>().ToList();
                var yields = statements.OfType<YieldStatementSyntax>().ToList();
                returned = yields.Count > 0
                    ? yields.Where(statement => statement.IsKind(SyntaxKind.YieldReturnStatement)).Select(statement => statement.Expression).ToList()
                    : statements.OfType<ReturnStatementSyntax>().Select(statement => statement.Expression).ToList();
            }

            var values = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var expression in returned)
            {
                if (expression is null || ModelFor(expression.SyntaxTree, use).GetOperation(expression, cancellationToken) is not { } value)
                {
                    return ImmutableArray<IOperation>.Empty;
                }

                values.Add(value);
            }

            return values.ToImmutable();
        }

        /// <summary>What a body that is one expression or one <c>return</c> gives back.</summary>
        internal static ExpressionSyntax? Returned(ArrowExpressionClauseSyntax? arrow, BlockSyntax? block)
            => arrow?.Expression ?? (block is { Statements.Count: 1 } && block.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null);

        /// <summary>
        /// Adds the values the constructors (of the member's type) assign to it, the only other place a readonly field or a
        /// get-only auto-property can be written, from the last assignment each makes whatever the path (a statement of
        /// its body) on; false when one writes it in a way whose value cannot be followed (<c>out</c>, <c>ref</c>,
        /// <c>+=</c>, a deconstruction, or a struct's <c>this = …</c>). <paramref name="initializerRuns"/> says whether
        /// the initializer's value can still be read: some constructor that runs it (one without <c>: this(…)</c>, a
        /// primary or an implicit one) does not assign the member on every path.
        /// </summary>
        private bool AddConstructorWrites(ISymbol member, ImmutableArray<IMethodSymbol> constructors, ImmutableArray<IOperation>.Builder values, out bool initializerRuns, CancellationToken cancellationToken)
        {
            initializerRuns = constructors.IsEmpty;
            foreach (var constructor in constructors)
            {
                var implementation = OwnSource.Implementation(constructor);
                if (implementation.DeclaringSyntaxReferences.IsEmpty
                    || implementation.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ConstructorDeclarationSyntax declaration)
                {
                    initializerRuns = true;
                    continue;
                }

                var settled = false;
                if (ModelFor(declaration.SyntaxTree, null).GetOperation(declaration, cancellationToken) is { } body
                    && !AddWrites(member, body, declaration, values, out settled))
                {
                    return false;
                }

                initializerRuns |= !settled && declaration.Initializer is not { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword };
            }

            return true;
        }

        /// <summary>
        /// Adds the values one constructor's body writes to the member, from the last write that a statement of the body
        /// makes on (<paramref name="settled"/>, as every path runs it), else every write; false for a write whose value
        /// cannot be followed (<see cref="AddConstructorWrites"/>).
        /// </summary>
        private static bool AddWrites(ISymbol member, IOperation body, ConstructorDeclarationSyntax declaration, ImmutableArray<IOperation>.Builder values, out bool settled)
        {
            settled = false;
            var writes = new List<IOperation>();
            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ISimpleAssignmentOperation { IsRef: false } assignment when IsMember(assignment.Target, member):
                    case ICoalesceAssignmentOperation coalesce when IsMember(coalesce.Target, member):
                        writes.Add(operation);
                        break;
                    case IAssignmentOperation assignment when IsMember(assignment.Target, member)
                        || assignment.Target is IInstanceReferenceOperation
                        || assignment is IDeconstructionAssignmentOperation && assignment.Target.DescendantsAndSelf().Any(t => IsMember(t, member)):
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when IsMember(argument.Value, member):
                        return false;
                }
            }

            writes.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
            var last = writes.FindLastIndex(write => write is ISimpleAssignmentOperation && IsStatementOf(write.Syntax, declaration));
            values.AddRange(writes.Skip(Math.Max(last, 0)).Select(write => ((IAssignmentOperation)write).Value));
            settled = last >= 0;
            return true;
        }

        /// <summary>Whether an assignment is a statement of the constructor's own body, which every path through it runs.</summary>
        private static bool IsStatementOf(SyntaxNode assignment, ConstructorDeclarationSyntax constructor)
            => assignment.Parent is ExpressionStatementSyntax { Parent: { } block } && block == constructor.Body
                || assignment.Parent is ArrowExpressionClauseSyntax arrow && arrow == constructor.ExpressionBody;

        private static bool IsMember(IOperation target, ISymbol member)
        {
            var written = target switch
            {
                IFieldReferenceOperation field => (ISymbol)field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };
            return written is not null && SymbolEqualityComparer.Default.Equals(written.OriginalDefinition, member);
        }

        internal SemanticModel ModelFor(SyntaxTree tree, IOperation? use)
        {
            if (use?.SemanticModel is { } model && model.SyntaxTree == tree)
            {
                return model;
            }

#pragma warning disable RS1030 // Rare path, cached per member: the member is declared in another file than the use.
            return compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        }
    }
}

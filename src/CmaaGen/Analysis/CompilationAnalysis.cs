using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CmaaGen.Catalog;
using CmaaGen.Diagnostics;
using CmaaGen.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Everything the analyzer resolves once per compilation (the agreements, the exchange contexts, the
    /// generated types) and the callbacks that use it.
    /// </summary>
    internal sealed class CompilationAnalysis
    {
        private readonly Compilation _compilation;
        private readonly string _namespace;
        // Resolved at the first exchange, not at compilation start: looking a type up by name builds the source
        // module's namespace symbols, which the compiler needs for its own lookups; at compilation start this analyzer
        // built them first and was charged for it (about 30 ms for 1,000 files, and most of each IDE keystroke's time).
        private readonly Lazy<INamedTypeSymbol?> _countryEnum;
        private readonly MemberValues _members;
        private readonly MethodTests _methods;
        private readonly AgreementGuards _guards;
        private readonly EqualityNarrowing _narrowing;
        private readonly AgreementIndex? _index;
        private readonly ConcurrentDictionary<SyntaxTree, bool> _uncheckedEnabled = new();
        private readonly ConcurrentDictionary<ISymbol, bool> _enumOverloads = new(SymbolEqualityComparer.Default);
        private readonly Action<string>? _faultInjection;
        private readonly Func<IOperation, IOperation> _guardedValue;

        /// <param name="faultInjection">Test hook: runs at the start of each callback with the file's path, and may throw.</param>
        public CompilationAnalysis(Compilation compilation, AnalyzerOptions options, TextValues values, Action<string>? faultInjection, System.Threading.CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _faultInjection = faultInjection;
            _namespace = GeneratorOptions.ReadNamespace(options.AnalyzerConfigOptionsProvider.GlobalOptions);
            Apis = ApiContexts.Resolve(compilation, options, values, cancellationToken);
            Contexts = new ExchangeContexts(compilation, _namespace, Apis.Symbols);
            CanHaveContexts = ExchangeContexts.AnyPossible(_compilation, _namespace, Apis.Symbols);

            // Only a compilation that can hold an exchange reads the lists: most projects of a solution hold none, and
            // in a new compiler process the first reading costs the JIT of the parser and the model.
            _index = CanHaveContexts ? ProjectAgreements.Load(options, values, cancellationToken) : null;
            _countryEnum = new Lazy<INamedTypeSymbol?>(() => _compilation.GetTypeByMetadataName(_namespace + ".CmaaCountry"));
            _members = new MemberValues(_compilation, Contexts.VisibleOutside);
            _methods = new MethodTests(_compilation, _members);
            _narrowing = new EqualityNarrowing(_members, _methods);
            // A library of checks may hold no exchange, yet a constant its factory passes is judged by its lists.
            var agreements = new Lazy<AgreementIndex>(() => _index ?? ProjectAgreements.Load(options, values, cancellationToken));
            _guards = new AgreementGuards(
                _namespace,
                _compilation,
                _index?.AllPartnersInForce ?? false,
                text => agreements.Value.Judge(text).Kind is VerdictKind.InForce or VerdictKind.Owner,
                _members.Overrides);
            _guardedValue = GuardedValue;
        }

        /// <summary>The project's agreements; only a compilation that <see cref="CanHaveContexts"/> has them.</summary>
        public AgreementIndex Index => _index ?? throw new InvalidOperationException("A compilation without exchange contexts has no agreements to check against.");

        public ApiContexts Apis { get; }

        public ExchangeContexts Contexts { get; }

        private INamedTypeSymbol? CountryEnum => _countryEnum.Value;

        /// <summary>False when the attribute exists nowhere and no API list names a member: nothing to analyze.</summary>
        public bool CanHaveContexts { get; }

        /// <summary>
        /// The arguments of a call, a creation or an indexer, read once per call rather than in a callback per argument:
        /// most calls go to members of a type that holds no context and are none of the delegate and collection cases
        /// below, which the call alone tells, so their arguments are not read at all. A callback per argument read the
        /// argument, its parameter and the parameter's type, in memory the compiler's work between two callbacks had
        /// pushed out of the cache: half of the analyzer's time in a build.
        /// </summary>
        // Each callback catches its own failures: a closure around the context would box it on every call.
        public void AnalyzeArguments(OperationAnalysisContext context)
        {
            try
            {
                InjectFault(context);
                var (arguments, member, instance) = context.Operation switch
                {
                    IInvocationOperation call => (call.Arguments, (ISymbol?)call.TargetMethod, call.Instance),
                    IObjectCreationOperation creation => (creation.Arguments, creation.Constructor, null),
                    IPropertyReferenceOperation property => (property.Arguments, property.Property, property.Instance),
                    _ => (ImmutableArray<IArgumentOperation>.Empty, null, null),
                };

                // "IR".Transmit() or "IR".Route of an extension block: the call's instance is the block's receiver, and in
                // country?.Transmit() the value the access tested.
                if (instance is not null && ExtensionBlocks.Receiver(member) is { } receiver && Contexts.IsContext(receiver))
                {
                    Check(context, receiver, instance is IConditionalAccessInstanceOperation && context.Operation.Parent is IConditionalAccessOperation access ? access.Operation : instance);
                }

                if (arguments.IsDefaultOrEmpty)
                {
                    return;
                }

                // A parameter is a context only if its type may hold one; a method of the file may pass it on to one.
                var contexts = Contexts.MayHold(member?.ContainingType);
                var forwarding = member is IMethodSymbol called && ExchangeContexts.MayForward(called) ? context.Operation.SemanticModel : null;
                var invoked = member is IMethodSymbol { MethodKind: MethodKind.DelegateInvoke };
                var passesItems = member is IMethodSymbol method && DelegateCalls.MayPassItems(method);
                var collection = context.Operation is IInvocationOperation invocation ? ContextCollectionAddedTo(invocation) : null;
                if (!contexts && forwarding is null && !invoked && !passesItems && collection is null)
                {
                    return;
                }

                foreach (var argument in arguments)
                {
                    AnalyzeArgument(context, argument, contexts, forwarding, invoked, passesItems, argument == arguments[arguments.Length - 1] ? collection : null);
                }
            }
            catch (Exception exception) when (IsFailure(exception, context.CancellationToken))
            {
                ReportFailure(context, exception);
            }
        }

        private void AnalyzeArgument(OperationAnalysisContext context, IArgumentOperation argument, bool contexts, SemanticModel? forwarding, bool invoked, bool passesItems, ISymbol? collection)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter)
            {
                return;
            }

            if (contexts && Contexts.IsContext(parameter))
            {
                Check(context, parameter, argument.Value);
            }
            else if (forwarding is not null && Contexts.IsForwarded(parameter, forwarding))
            {
                Check(context, parameter, argument.Value, forwardedIn: forwarding);
            }
            else if (invoked && DelegateCalls.InvokedHolder(argument) is { } holder)
            {
                CheckDelegateCall(context, holder, parameter.Ordinal, argument.Value);
            }
            else if (passesItems && DelegateCalls.ItemsPassed(argument) is var (items, target))
            {
                if (Contexts.IsContext(target))
                {
                    Check(context, target, items);
                }
                else if (ForwardingModel(context, target) is { } model)
                {
                    Check(context, target, items, forwardedIn: model);
                }
            }
            else if (collection is not null)
            {
                Check(context, collection, argument.Value);
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            try
            {
                InjectFault(context);
                var assignment = (IAssignmentOperation)context.Operation;
                if (assignment is IDeconstructionAssignmentOperation)
                {
                    CheckDeconstruction(context, assignment.Target, assignment.Value, ImmutableArray<int>.Empty);
                }
                else if (MemberOf(assignment.Target) is { } member && Contexts.IsContext(member))
                {
                    Check(context, member, assignment.Value);
                }
                else if (ElementHolder(assignment.Target) is { } holder && MemberOf(holder) is { } collection && Contexts.IsContext(collection))
                {
                    // manifest.Codes[0] = "IR": an element of a marked collection is exchanged as the collection is.
                    Check(context, collection, assignment.Value);
                }
            }
            catch (Exception exception) when (IsFailure(exception, context.CancellationToken))
            {
                ReportFailure(context, exception);
            }
        }

        /// <summary>
        /// <c>(gateway.Country, count) = ("IR", 1)</c>: each target gets the element at its position, written in place or
        /// of each tuple literal a local or conditional may be (<c>= t</c>), nested or not. Any other value (a call
        /// returning a tuple) is known only at run time.
        /// </summary>
        private void CheckDeconstruction(OperationAnalysisContext context, IOperation target, IOperation value, ImmutableArray<int> path)
        {
            if (target is not ITupleOperation targets)
            {
                return;
            }

            // While the value is written in place, each target takes its element; below a value that is not, the
            // target's path of positions into it.
            var values = path.IsEmpty ? CountryValueCollector.Unwrap(value) as ITupleOperation : null;
            for (var i = 0; i < targets.Elements.Length; i++)
            {
                var inPlace = values is not null && values.Elements.Length == targets.Elements.Length;
                var element = inPlace ? values!.Elements[i] : value;
                var elementPath = inPlace ? path : path.Add(i);
                if (targets.Elements[i] is ITupleOperation nested)
                {
                    CheckDeconstruction(context, nested, element, elementPath);
                }
                else if (MemberOf(targets.Elements[i]) is { } member && Contexts.IsContext(member))
                {
                    Check(context, member, element, elementPath);
                }
            }
        }

        /// <summary>The collection an element write writes into: the array of <c>codes[0]</c>, the instance of an indexer; null for any other target.</summary>
        private static IOperation? ElementHolder(IOperation target) => target switch
        {
            IArrayElementReferenceOperation element => CountryValueCollector.Unwrap(element.ArrayReference),
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } => CountryValueCollector.Unwrap(instance),
            _ => null,
        };

        /// <summary>
        /// The marked property or field whose collection a call adds its last argument to, item by item or as a range
        /// (<c>manifest.Destinations.Add("IR")</c>, <c>Insert</c>, <c>AddRange</c>, also an object initializer's
        /// <c>Destinations = { "IR" }</c>): what is added to a marked collection is exchanged as what it is given is.
        /// Most calls are of no such kind. What the call is made on tells first: by the operation's kind, then by
        /// whether the member is a context at all, which its type's one answer decides (<see cref="ExchangeContexts"/>);
        /// the call's name is looked up last.
        /// </summary>
        private ISymbol? ContextCollectionAddedTo(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            var extension = call.Instance is null && method.IsExtensionMethod;
            var holder = call.Instance ?? (extension ? call.Arguments[0].Value : null);
            var member = holder is null ? null : CountryValueCollector.Unwrap(holder) switch
            {
                // Destinations = { "IR" } in an object initializer adds to the member it initializes.
                IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                    => (call.Parent?.Parent as IMemberInitializerOperation)?.InitializedMember is { } initialized ? MemberOf(initialized) : null,

                // manifest.Destinations?.Add("IR") calls Add on what the access tested.
                IConditionalAccessInstanceOperation => call.Parent is IConditionalAccessOperation access ? MemberOf(CountryValueCollector.Unwrap(access.Operation)) : null,
                var read => MemberOf(read),
            };
            return member is not null
                && Contexts.IsContext(member)
                && CollectionAdditions.Adding(method.Name, call.Arguments.Length - (extension ? 1 : 0)) != CollectionAdditions.Addition.None
                && CollectionAdditions.IsMutable(member switch { IPropertySymbol p => p.Type, IFieldSymbol f => f.Type, _ => null })
                ? member
                : null;
        }

        private static ISymbol? MemberOf(IOperation target) => target switch
        {
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };

        public void AnalyzeInitializer(OperationAnalysisContext context)
        {
            try
            {
                InjectFault(context);
                switch (context.Operation)
                {
                    case IPropertyInitializerOperation initializer:
                        CheckFirstContext(context, initializer.InitializedProperties, initializer.Value);
                        break;
                    case IFieldInitializerOperation initializer:
                        CheckFirstContext(context, initializer.InitializedFields, initializer.Value);
                        break;
                    case IParameterInitializerOperation initializer when Contexts.IsContext(initializer.Parameter):
                        Check(context, initializer.Parameter, initializer.Value);
                        break;
                }
            }
            catch (Exception exception) when (IsFailure(exception, context.CancellationToken))
            {
                ReportFailure(context, exception);
            }
        }

        /// <summary>
        /// CMAA007: a parameter of a constructor that other assemblies can call, which is an exchange only by what the
        /// constructor's code does with it. It carries what the mark fix needs, as CMAA004's markable parameters do.
        /// Asked per type rather than per method: a file declares a few types and many methods, and in the IDE each
        /// callback is paid on every keystroke.
        /// </summary>
        public void AnalyzeConstructors(SymbolAnalysisContext context)
        {
            // Generated code is checked like any other, but a mark cannot be added to it by hand.
            if (context.IsGeneratedCode)
            {
                return;
            }

            foreach (var constructor in ((INamedTypeSymbol)context.Symbol).InstanceConstructors)
            {
                if (!constructor.IsImplicitlyDeclared)
                {
                    ReportUnseenParameters(context, constructor);
                }
            }
        }

        /// <summary>
        /// CMAA009: a parameter a method other assemblies can call checks, without the mark that tells them so. Asked once
        /// per file: most files name no check, and their methods are then passed over without a callback each. Of a file
        /// that names one, each method's syntax is read first, and only a method written as a check gets its symbol:
        /// asking every method of a library for its signature, as a symbol action would, binds signatures the compiler
        /// had not bound yet, and doubled the analyzer's share of a build.
        /// </summary>
        public void AnalyzeMethodDeclarations(SemanticModelAnalysisContext context)
        {
            var tree = context.SemanticModel.SyntaxTree;
            if (context.IsGeneratedCode || !AgreementGuards.NamesChecks(tree))
            {
                return;
            }

            foreach (var declaration in DeclaredMethods(tree.GetRoot(context.CancellationToken)))
            {
                if (!AgreementGuards.MayCheck(declaration))
                {
                    continue;
                }

                try
                {
                    _faultInjection?.Invoke(tree.FilePath);
                    if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol method || !Contexts.VisibleOutside(method))
                    {
                        continue;
                    }

                    foreach (var parameter in method.Parameters)
                    {
                        if (_guards.CheckMade(method, parameter.Ordinal) is { Ordinal: >= 0 } made && CheckMarks.Of(parameter, _namespace) is null)
                        {
                            context.ReportDiagnostic(UncheckedReports.CreateUnmarkedCheck(parameter.Locations[0], parameter, made, _namespace));
                        }
                    }
                }
                catch (Exception exception) when (IsFailure(exception, context.CancellationToken))
                {
                    context.ReportDiagnostic(InternalError(declaration.GetLocation(), tree.FilePath, exception));
                }
            }
        }

        /// <summary>The methods a file declares, in its types at any depth; their bodies are not walked.</summary>
        private static IEnumerable<MethodDeclarationSyntax> DeclaredMethods(SyntaxNode root)
            => root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                .OfType<MethodDeclarationSyntax>();

        /// <summary>
        /// CMAA009 for a property or field other assemblies can read that holds only countries its type checked when it
        /// was made, without the mark that tells them so. Its syntax is read first, as a method's is: the member's shape,
        /// then a check named in its file, or a private constructor its type's factories or constants may call
        /// (<c>public static readonly Partner Germany = new("DE");</c> names no check).
        /// </summary>
        public void AnalyzeMemberDeclaration(SyntaxNodeAnalysisContext context)
        {
            try
            {
                if (context.IsGeneratedCode || CheckedMembers.MayHoldOnlyChecked(context.Node) is not { } declarator
                    || !AgreementGuards.NamesChecks(context.Node.SyntaxTree) && !CheckedMembers.MayBeMadeByFactories(context.Node))
                {
                    return;
                }

                _faultInjection?.Invoke(context.Node.SyntaxTree.FilePath);
                if (context.SemanticModel.GetDeclaredSymbol(declarator, context.CancellationToken) is { Kind: SymbolKind.Property or SymbolKind.Field } member
                    && Contexts.VisibleOutside(member)
                    && !CheckMarks.IsMarked(member, _namespace, out _)
                    && _guards.HoldsOnlyChecked(member))
                {
                    context.ReportDiagnostic(UncheckedReports.CreateUnmarkedMember(member.Locations[0], member, _namespace));
                }
            }
            catch (Exception exception) when (IsFailure(exception, context.CancellationToken))
            {
                context.ReportDiagnostic(InternalError(context.Node.GetLocation(), context.Node.SyntaxTree.FilePath, exception));
            }
        }

        private void ReportUnseenParameters(SymbolAnalysisContext context, IMethodSymbol constructor)
        {
            foreach (var parameter in constructor.Parameters)
            {
                var location = parameter.Locations.IsEmpty ? Location.None : parameter.Locations[0];
                try
                {
                    _faultInjection?.Invoke(location.SourceTree?.FilePath ?? "");
                    if (location.IsInSource && Contexts.UnseenOutside(parameter) is { } reached)
                    {
                        context.ReportDiagnostic(UncheckedReports.CreateUnmarked(location, parameter, reached, _namespace));
                    }
                }
                catch (Exception exception) when (IsFailure(exception, context.CancellationToken))
                {
                    context.ReportDiagnostic(InternalError(location, location.SourceTree?.FilePath ?? constructor.Name, exception));
                }
            }
        }

        /// <summary>
        /// CMAA008: an <c>[AgreementChecked]</c> mark that the marked method's or member's code does not bear out. Asked per
        /// attribute, in every project, since a library of checks need hold no exchange; only an attribute on a parameter,
        /// a property or a field is bound.
        /// </summary>
        public void AnalyzeCheckMark(SyntaxNodeAnalysisContext context)
        {
            var declaration = context.Node.Parent?.Parent;
            if (declaration is not (ParameterSyntax or PropertyDeclarationSyntax or FieldDeclarationSyntax))
            {
                return;
            }

            try
            {
                // Members carry attributes far more often than parameters: theirs are bound only where the mark may be spelled.
                if (declaration is not ParameterSyntax && !AttributeUsage.MentionsCheckMark(context.Node.SyntaxTree) && !Contexts.AliasedGlobally)
                {
                    return;
                }

                _faultInjection?.Invoke(context.Node.SyntaxTree.FilePath);
                if (context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol is not IMethodSymbol attribute
                    || !SymbolNames.IsType(attribute.ContainingType, _namespace, AttributeEmitter.CheckAttributeName))
                {
                    return;
                }

                if (declaration is not ParameterSyntax)
                {
                    ReportUnprovenMemberMarks(context, declaration);
                }
                else if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is IParameterSymbol parameter
                    && CheckMarks.Of(parameter, _namespace) is { } mark)
                {
                    ReportUnprovenParameterMark(context, parameter, mark);
                }
            }
            catch (Exception exception) when (IsFailure(exception, context.CancellationToken))
            {
                context.ReportDiagnostic(InternalError(context.Node.GetLocation(), context.Node.SyntaxTree.FilePath, exception));
            }
        }

        /// <summary>CMAA008 on a marked parameter of a method, or on an extension block's marked receiver.</summary>
        private void ReportUnprovenParameterMark(SyntaxNodeAnalysisContext context, IParameterSymbol parameter, CheckMark mark)
        {
            if (parameter.ContainingSymbol is IMethodSymbol method && _guards.Unproven(method, mark) is { } reason)
            {
                // Where the code checks the same parameter another way, the fix can write the mark that states it.
                var made = _guards.CheckMade(method, mark.Ordinal);
                var properties = made.Ordinal >= 0
                    ? ImmutableDictionary<string, string?>.Empty.Add(CheckMarks.MadeProperty, CheckMarks.Written(made))
                    : ImmutableDictionary<string, string?>.Empty;
                context.ReportDiagnostic(Diagnostic.Create(Rules.UnprovenCheckMark, context.Node.GetLocation(), properties, parameter.Name, CheckMarks.Written(mark), reason));
            }
            else if (ExtensionBlocks.IsReceiver(parameter) && UnprovenForEveryMember((INamedTypeSymbol)parameter.ContainingSymbol, mark) is { } unproven)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.UnprovenCheckMark, context.Node.GetLocation(), parameter.Name, CheckMarks.Written(mark), unproven));
            }
        }

        /// <summary>
        /// Why a mark on an extension block's receiver does not hold, or null when it does. The compiler copies the mark
        /// to the receiver of every instance method the block compiles to, so another assembly takes each of them as the
        /// check; each must make it. A property cannot be called as a method, so it claims nothing.
        /// </summary>
        private string? UnprovenForEveryMember(INamedTypeSymbol block, CheckMark mark)
        {
            foreach (var member in block.GetMembers())
            {
                if (member is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary } method
                    && _guards.Unproven(method, mark with { Ordinal = method.Parameters.Length }) is { } reason)
                {
                    return reason;
                }
            }

            return null;
        }

        /// <summary>CMAA008 on a property or field, or each field a declaration declares: a mark the type's constructors do not bear out.</summary>
        private void ReportUnprovenMemberMarks(SyntaxNodeAnalysisContext context, SyntaxNode declaration)
        {
            IEnumerable<SyntaxNode> declared = declaration is FieldDeclarationSyntax field ? field.Declaration.Variables : [declaration];
            foreach (var node in declared)
            {
                if (context.SemanticModel.GetDeclaredSymbol(node, context.CancellationToken) is { Kind: SymbolKind.Property or SymbolKind.Field } member
                    && CheckMarks.IsMarked(member, _namespace, out var returnValue)
                    && _guards.UnprovenMember(member, returnValue, out var holds) is { } reason)
                {
                    var properties = holds
                        ? ImmutableDictionary<string, string?>.Empty.Add(CheckMarks.MadeProperty, CheckMarks.Name)
                        : ImmutableDictionary<string, string?>.Empty;
                    context.ReportDiagnostic(Diagnostic.Create(Rules.UnprovenCheckMark, context.Node.GetLocation(), properties, member.Name, CheckMarks.Written(new CheckMark(-1, returnValue)), reason));
                }
            }
        }

        /// <summary>An initializer may set several members; the value it gives them is checked once.</summary>
        private void CheckFirstContext<TMember>(OperationAnalysisContext context, ImmutableArray<TMember> members, IOperation value)
            where TMember : ISymbol
        {
            foreach (var member in members)
            {
                if (Contexts.IsContext(member))
                {
                    Check(context, member, value);
                    return;
                }
            }
        }

        /// <summary>An exception other than the cancellation the host asked for is a CmaaGen failure.</summary>
        internal static bool IsFailure(Exception exception, System.Threading.CancellationToken cancellationToken)
            => !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

        /// <summary>CMAA900 naming the file, never AD0001: the build and the other diagnostics go on.</summary>
        internal static Diagnostic InternalError(Location location, string file, Exception exception)
            => Diagnostic.Create(Rules.InternalError, location, file, exception.GetType().Name + ": " + exception.Message);

        private static void ReportFailure(OperationAnalysisContext context, Exception exception)
            => context.ReportDiagnostic(InternalError(context.Operation.Syntax.GetLocation(), context.Operation.Syntax.SyntaxTree.FilePath, exception));

        private void InjectFault(OperationAnalysisContext context)
        {
            if (_faultInjection is not null)
            {
                _faultInjection(context.Operation.Syntax.SyntaxTree.FilePath);
            }
        }

        /// <summary>Reports the problems of an API list inside the list, at their line.</summary>
        public void ReportApiListProblems(AdditionalFileAnalysisContext context)
        {
            try
            {
                _faultInjection?.Invoke(context.AdditionalFile.Path);
                if (!Apis.Problems.TryGetValue(context.AdditionalFile.Path, out var problems)
                    || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
                {
                    return;
                }

                foreach (var problem in problems)
                {
                    var location = Location.Create(context.AdditionalFile.Path, problem.Span, text.Lines.GetLinePositionSpan(problem.Span));
                    context.ReportDiagnostic(Diagnostic.Create(problem.NotFound ? Rules.ApiNotFound : Rules.ApiListProblem, location, problem.Message));
                }
            }
            catch (Exception exception) when (IsFailure(exception, context.CancellationToken))
            {
                context.ReportDiagnostic(InternalError(Location.None, context.AdditionalFile.Path, exception));
            }
        }

        /// <summary>
        /// Reports what flows from <paramref name="value"/>, or from its element at <paramref name="path"/> when it is
        /// a tuple, into <paramref name="target"/>, a context.
        /// </summary>
        private void Check(OperationAnalysisContext context, ISymbol target, IOperation value, ImmutableArray<int> path = default, SemanticModel? forwardedIn = null)
        {
            var graph = new LazyGraph(context);
            Report(context, target, Collect(value, graph, path), graph, forwardedIn);
        }

        /// <summary>
        /// A value passed through a delegate reaches the marked parameter of a method or lambda its holder may hold; when
        /// it may hold several, the value is reported once, against the first. Finding what a local holds walks the whole
        /// body, so it is done only for a value that can be reported: a constant, or any value where CMAA004 is on. Most
        /// calls through a delegate pass values known only at run time.
        /// </summary>
        private void CheckDelegateCall(OperationAnalysisContext context, IOperation holder, int ordinal, IOperation value)
        {
            var graph = new LazyGraph(context);
            var values = Collect(value, graph);
            if (!AnyReportable(values, context.CancellationToken))
            {
                return;
            }

            foreach (var reached in DelegateCalls.ReachedParameters(holder, ordinal, graph.Get, _members, context.CancellationToken))
            {
                if (Contexts.IsContext(reached))
                {
                    Report(context, reached, values, graph);
                    return;
                }

                if (ForwardingModel(context, reached) is { } model)
                {
                    Report(context, reached, values, graph, model);
                    return;
                }
            }
        }

        /// <summary>
        /// The call's semantic model, where a value given to the parameter is checked as a call of its method is
        /// (<see cref="ExchangeContexts.ForwardedContext"/>): the parameter of a lambda or private method of the file
        /// that passes it on, which a delegate or a collection's <c>ForEach</c> calls. Null for any other parameter.
        /// </summary>
        private SemanticModel? ForwardingModel(OperationAnalysisContext context, IParameterSymbol parameter)
            => context.Operation.SemanticModel is { } model
                && parameter.ContainingSymbol is IMethodSymbol method
                && ExchangeContexts.MayForward(method)
                && Contexts.IsForwarded(parameter, model)
                    ? model
                    : null;

        /// <summary>Whether any of the values can be reported: a constant, or any value where CMAA004 is on.</summary>
        private bool AnyReportable(List<FlowingValue> values, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var flowing in values)
            {
                if (flowing.Text is not null || IsUncheckedEnabled(TreeOf(flowing.Site), cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private List<FlowingValue> Collect(IOperation value, LazyGraph graph, ImmutableArray<int> path = default)
        {
            // CmaaGen's own generated files are the one generated code not analyzed.
            if (CmaaGenerator.IsOwnOutput(TreeOf(value)))
            {
                return new List<FlowingValue>();
            }

            var collector = new CountryValueCollector(_members, _methods, CountryEnum, graph.Get, graph.CancellationToken);
            return path.IsDefaultOrEmpty ? collector.Collect(value) : collector.CollectElement(value, path);
        }

        /// <summary>
        /// Reports the values that reach <paramref name="target"/>. A parameter its method of the file passes on
        /// (<paramref name="forwardedIn"/>, that file's model) is checked for the constants its callers give it; a value
        /// known only at run time is CMAA004's where the method passes it on, once, whatever its callers give.
        /// </summary>
        private void Report(OperationAnalysisContext context, ISymbol target, List<FlowingValue> values, LazyGraph graph, SemanticModel? forwardedIn = null)
        {
            var reported = new HashSet<(TextSpan Site, TextSpan? Origin, string? Text)>();
            foreach (var flowing in values)
            {
                if (flowing.Text is { } text)
                {
                    if (reported.Add((flowing.Site.Syntax.Span, flowing.Origin?.Syntax.Span, text)))
                    {
                        ReportConstant(context, target, flowing, text, graph, forwardedIn);
                    }

                    continue;
                }

                // A run-time value reached through a local is narrowed where it was written (the arm of
                // country switch { "IR" => country, … }); it is checked, once per site, where it is used.
                var guarded = GuardedValue(flowing.Site);
                var constants = _narrowing.KnownConstants(guarded, graph.Get, graph.CancellationToken);
                if (constants.IsEmpty && flowing.Origin is { } origin)
                {
                    constants = _narrowing.KnownConstants(GuardedValue(origin), graph.Get, graph.CancellationToken);
                }

                if (!constants.IsEmpty)
                {
                    foreach (var narrowed in new CountryValueCollector(_members, _methods, CountryEnum, graph.Get, graph.CancellationToken).CollectAt(constants, flowing.Site))
                    {
                        if (narrowed.Text is { } known && reported.Add((narrowed.Site.Syntax.Span, narrowed.Origin?.Syntax.Span, known)))
                        {
                            ReportConstant(context, target, narrowed, known, graph, forwardedIn);
                        }
                    }
                }
                else if (!reported.Contains((flowing.Site.Syntax.Span, null, null))
                    && IsUncheckedEnabled(TreeOf(flowing.Site), context.CancellationToken)
                    && forwardedIn is null
                    && !IsChecked(flowing.Site, graph)
                    && !IsCheckedWhereWritten(flowing, graph)
                    && reported.Add((flowing.Site.Syntax.Span, null, null)))
                {
                    context.ReportDiagnostic(UncheckedReports.Create(flowing.Site.Syntax.GetLocation(), target, guarded, IsCheckable, _namespace));
                }
            }
        }

        private void ReportConstant(OperationAnalysisContext context, ISymbol target, FlowingValue flowing, string text, LazyGraph graph, SemanticModel? forwardedIn)
        {
            var verdict = flowing.Kind switch
            {
                ConstantKind.EnumMemberName => Index.JudgeMemberName(text),

                // A CmaaCountry constant that stands for no country (a number cast to the enum): codes near its number
                // are no help, and the string fix cannot apply.
                ConstantKind.CountryEnum when !Index.Recognises(text) => CountryVerdict.Unknown(default, ": no country has that CmaaCountry value"),
                _ => Index.Judge(text),
            };
            if (verdict is null)
            {
                return;
            }

            // CMAA002's fix rewrites the string that was written; a part of it (a split's, a trim's) is not that string.
            if (verdict.Replacement is not null && (flowing.Origin ?? flowing.Site).ConstantValue.Value is string written && written != text)
            {
                verdict = verdict with { Replacement = null };
            }

            var diagnostic = CountryReports.Create(verdict, flowing.Shown, Index, flowing.Site.Syntax.GetLocation(), flowing.Origin?.Syntax.GetLocation());
            if (diagnostic is not null)
            {
                if (!IsRuledOut(flowing, graph) && !(forwardedIn is not null && IsRuledOutInside((IParameterSymbol)target, flowing, text, forwardedIn, graph.CancellationToken)))
                {
                    context.ReportDiagnostic(diagnostic);
                }

                return;
            }

            if (verdict.Kind == VerdictKind.InForce
                && flowing.Origin is null
                && target is IParameterSymbol parameter
                && flowing.Site.Type?.SpecialType == SpecialType.System_String
                && HasEnumOverload(parameter)
                && EnumMember(verdict.Country!) is { } member)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Rules.PreferEnum,
                    flowing.Site.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty
                        .Add(CountryReports.MemberProperty, member)
                        .Add(CountryReports.EnumTypeProperty, CountryEnum!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)),
                    member,
                    text));
            }
        }

        /// <summary>
        /// Whether a constant that reaches its site through a local, member or loop cannot be there when the exchange
        /// runs: a check of the value at the site lets only partners pass
        /// (<c>foreach (var c in countries) { if (!CmaaAgreements.HasAgreement(c)) continue; gateway.Send(c); }</c>),
        /// or a test of it rules the constant out (<c>if (c == "IR") continue;</c>). Asked only of a constant that
        /// would be reported, so code without findings builds no graph for it.
        /// </summary>
        private bool IsRuledOut(FlowingValue flowing, LazyGraph graph)
        {
            if (flowing.Origin is not { ConstantValue: { HasValue: true, Value: { } constant } })
            {
                return false;
            }

            return IsRuledOutAt(flowing.Site, constant, graph.Get, graph.CancellationToken);
        }

        private bool IsRuledOutAt(IOperation site, object constant, Func<ControlFlowGraph?> graph, System.Threading.CancellationToken cancellationToken)
        {
            var value = GuardedValue(site);
            return !_narrowing.MayBe(value, constant, graph, cancellationToken)
                || AgreementGuards.MayBeChecked(value) && _guards.IsGuarded(value, graph(), _guardedValue);
        }

        /// <summary>
        /// Whether a constant passed to a parameter that is a context only as its method passes it on
        /// (<c>void Dispatch(string c) { if (c == "IR") return; gateway.Send(c); }</c>) is kept from every context it is
        /// passed on to: each forward is tested as a constant's site is, in the graph of the member around it. Text is
        /// compared as the country text it reads as (a part of a split string is not the string written); an enum member
        /// or a number by the value the caller passes, which is what the method's tests compare it with.
        /// </summary>
        private bool IsRuledOutInside(IParameterSymbol parameter, FlowingValue flowing, string text, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            object? passed = flowing.Site.Type?.SpecialType == SpecialType.System_String
                ? text
                : (flowing.Origin ?? flowing.Site).ConstantValue is { HasValue: true, Value: { } value and not string } ? value : null;
            return passed is not null
                && Contexts.ForwardedContext(parameter, model, forward => !IsRuledOutAt(forward.Site, passed, forward.Graph, cancellationToken)) is null;
        }

        /// <summary>
        /// The partner's CmaaCountry member, found by the name the generator gives it and checked by its value. Reading
        /// one member's constant binds that member alone; a map of every member's value would bind the whole enum in
        /// each new compilation, that is, on each keystroke in the IDE.
        /// </summary>
        private string? EnumMember(Country country)
        {
            if (CountryEnum is not { } countryEnum || Index.MemberName(country.Alpha2) is not { } name)
            {
                return null;
            }

            var value = SpecBuilder.EnumValue(country.Alpha2, country.Numeric);
            foreach (var candidate in countryEnum.GetMembers(name))
            {
                if (candidate is IFieldSymbol { ConstantValue: int constant } && constant == value)
                {
                    return name;
                }
            }

            return null;
        }

        /// <summary>Whether the method has an overload taking CmaaCountry where this parameter takes a string.</summary>
        private bool HasEnumOverload(IParameterSymbol parameter)
            => CountryEnum is { } countryEnum && _enumOverloads.GetOrAdd(parameter.OriginalDefinition, p =>
            {
                if (p.ContainingSymbol is not IMethodSymbol method || method.ContainingType is null)
                {
                    return false;
                }

                var ordinal = ((IParameterSymbol)p).Ordinal;
                return method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Any(candidate =>
                    candidate.Parameters.Length == method.Parameters.Length
                    && SymbolEqualityComparer.Default.Equals(candidate.Parameters[ordinal].Type, countryEnum)
                    && candidate.Parameters.Where(c => c.Ordinal != ordinal)
                        .All(c => SymbolEqualityComparer.Default.Equals(c.Type, method.Parameters[c.Ordinal].Type)));
            });

        /// <summary>
        /// Whether a run-time value is checked where it is read: a partner by construction, checked by the callers of
        /// the parameter it is, by the type that holds it, by a dominating check, or as an item of a filtered collection.
        /// </summary>
        private bool IsChecked(IOperation value, LazyGraph graph)
        {
            var guarded = GuardedValue(value);
            return IsTrustedRuntimeValue(value)
                || IsCheckedByCallers(guarded)
                || _guards.IsCheckedByConstruction(guarded)
                || _guards.IsGuarded(guarded, graph.Get(), _guardedValue)
                || _guards.IsFiltered(guarded, graph.Get);
        }

        /// <summary>
        /// Whether a run-time value that reaches its site through a local or a collection was checked on its way: where
        /// it was written (<c>var c = x;</c> after a check of <c>x</c>, <c>list.Add(x)</c> under one) or where it came
        /// from. Each value that reaches the site is judged on its own way, so the site is checked only when every one of
        /// them is.
        /// </summary>
        private bool IsCheckedWhereWritten(FlowingValue flowing, LazyGraph graph)
            => flowing.Via.Any(passed => IsChecked(passed, graph))
                || flowing.Origin is { } origin && origin != flowing.Site && IsChecked(origin, graph);

        /// <summary>
        /// A CmaaCountry, or a code or name taken from one, is a partner by construction, which is a legal basis only
        /// while every partner's agreement is in force; with a signed or terminated one in the lists it needs the check
        /// that text needs.
        /// </summary>
        private bool IsTrustedRuntimeValue(IOperation value)
        {
            if (!Index.AllPartnersInForce)
            {
                return false;
            }

            if (IsCountryEnum(value.Type))
            {
                return true;
            }

            return value is IInvocationOperation invocation
                && (SymbolNames.IsType(invocation.TargetMethod.ContainingType, _namespace, "CmaaAgreements")
                    || invocation.TargetMethod.Name == nameof(ToString) && IsCountryEnum(invocation.Instance?.Type));
        }

        /// <summary>
        /// The value a guard has to check for <paramref name="site"/>: <c>country</c> for
        /// <c>country.ToUpperInvariant()</c>, <c>country.Trim()</c> or <c>CmaaAgreements.GetAlpha2(country)</c>, which name the
        /// same country.
        /// </summary>
        private IOperation GuardedValue(IOperation site)
        {
            while (CountryValueCollector.Unwrap(site) is IInvocationOperation call && (CountryValueCollector.SameCountryAs(call, CountryEnum) ?? ValuePath.Trimmed(call)) is { } source)
            {
                site = CountryValueCollector.Unwrap(source);
            }

            return site;
        }

        /// <summary>
        /// A parameter that is itself a context gets its values checked where they are passed, so passing it on, or the
        /// same country in another case, is not one more unchecked value; see
        /// <see cref="ExchangeContexts.IsCheckedWhereCalled"/> for the callers that a constructor's inferred context cannot see.
        /// </summary>
        private bool IsCheckedByCallers(IOperation value)
            => value is IParameterReferenceOperation reference && Contexts.IsCheckedWhereCalled(reference.Parameter);

        private bool IsCountryEnum(ITypeSymbol? type) => CountryValueCollector.IsCountryEnum(type, CountryEnum);

        /// <summary>Whether <c>CmaaAgreements.HasAgreement</c> takes a value of the type, so a guard can check it.</summary>
        private bool IsCheckable(ITypeSymbol type) => type.SpecialType == SpecialType.System_String || IsCountryEnum(type);

        /// <summary>
        /// The file of an operation, as its semantic model knows it: a syntax node finds its tree by walking up to the
        /// root the first time it is asked, through nodes the compiler's work since has pushed out of the cache.
        /// </summary>
        private static SyntaxTree TreeOf(IOperation operation) => operation.SemanticModel?.SyntaxTree ?? operation.Syntax.SyntaxTree;

        /// <summary>CMAA004 is off by default; its flow analysis runs only where a configuration turns it on.</summary>
        /// <remarks>
        /// Asked for every value a delegate call or an exchange passes, so the known answer is read without the closure
        /// a factory would need, which was allocated on every call.
        /// </remarks>
        private bool IsUncheckedEnabled(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
            => _uncheckedEnabled.TryGetValue(tree, out var enabled) ? enabled : _uncheckedEnabled.GetOrAdd(tree, DecideUnchecked(tree, cancellationToken));

        private bool DecideUnchecked(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
        {
            var id = Rules.UncheckedValue.Id;
            var provider = _compilation.Options.SyntaxTreeOptionsProvider;
            if (provider is not null
                && (provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var severity)
                    || provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out severity))
                && severity != ReportDiagnostic.Default)
            {
                return severity != ReportDiagnostic.Suppress;
            }

            return _compilation.Options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) && specific != ReportDiagnostic.Default
                ? specific != ReportDiagnostic.Suppress
                : Rules.UncheckedValue.IsEnabledByDefault;
        }

        /// <summary>The body's control flow graph, built at the first question that needs it, if any does.</summary>
        private sealed class LazyGraph
        {
            private readonly OperationAnalysisContext _context;
            private ControlFlowGraph? _graph;
            private bool _built;

            public LazyGraph(OperationAnalysisContext context)
            {
                _context = context;
                Get = Build;
            }

            /// <summary>
            /// The graph, as one delegate for every question of a value's analysis to share: a method group would make
            /// a new delegate at each question.
            /// </summary>
            public Func<ControlFlowGraph?> Get { get; }

            public System.Threading.CancellationToken CancellationToken => _context.CancellationToken;

            private ControlFlowGraph? Build()
            {
                if (!_built)
                {
                    _built = true;
                    _graph = TryGet(_context);
                }

                return _graph;
            }

            private static ControlFlowGraph? TryGet(OperationAnalysisContext context)
            {
                try
                {
                    return context.GetControlFlowGraph();
                }
                catch (InvalidOperationException)
                {
                    // Operations outside an executable body (attribute arguments) have no graph.
                    return null;
                }
            }
        }
    }
}

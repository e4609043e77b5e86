using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// What code puts into a collection after it is made, which its items written in place do not show: an item added
    /// (<c>partners.Add("KP")</c>, <c>Insert</c>, <c>Push</c>, <c>Enqueue</c>), an element written
    /// (<c>codes[0] = "CU"</c>, <c>Array.Fill(codes, "SY")</c>), or the items of another collection
    /// (<c>AddRange</c>, <c>UnionWith</c>). A collection handed where it can be changed (a <c>List&lt;T&gt;</c> or
    /// <c>T[]</c> parameter, another variable, a <c>ref</c>) may hold anything. Reading, removing and reordering change
    /// no country it can hold. Found for a local from every use in its body, and for a member from every use in its
    /// type's code, whatever the order: a collection built after it is sent is rare, and holding an added country too
    /// many is the safe side.
    /// </summary>
    internal sealed class CollectionAdditions
    {
        private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, CollectionAdditions>> Bodies = new();

        /// <summary>A collection nothing is added to.</summary>
        public static readonly CollectionAdditions None = new();

        private static readonly HashSet<string> AddsItem = new(StringComparer.Ordinal) { "Add", "Insert", "Push", "Enqueue", "TryAdd", "AddFirst", "AddLast", "GetOrAdd" };

        private static readonly HashSet<string> AddsItems = new(StringComparer.Ordinal) { "AddRange", "InsertRange", "UnionWith", "SymmetricExceptWith", "PushRange" };

        // Calls that read, remove or reorder: none of them can add a country.
        private static readonly HashSet<string> Keeps = new(StringComparer.Ordinal)
        {
            "Contains", "ContainsKey", "ContainsValue", "TryGetValue", "GetValueOrDefault", "IndexOf", "LastIndexOf", "BinarySearch",
            "Exists", "Find", "FindAll", "FindIndex", "FindLast", "FindLastIndex", "TrueForAll", "ForEach", "ConvertAll", "GetRange",
            "ToArray", "CopyTo", "GetEnumerator", "Peek", "TryPeek", "IsSubsetOf", "IsSupersetOf", "IsProperSubsetOf",
            "IsProperSupersetOf", "Overlaps", "SetEquals", "Equals", "GetHashCode", "ToString", "GetType", "AsReadOnly", "Clone",
            "GetLength", "GetValue", "GetLowerBound", "GetUpperBound",
            "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveWhere", "RemoveFirst", "RemoveLast", "Clear", "Sort", "Reverse",
            "ExceptWith", "IntersectWith", "TrimExcess", "EnsureCapacity", "Pop", "TryPop", "Dequeue", "TryDequeue", "TryTake", "TryRemove",
        };

        private readonly List<IOperation> _items = [];
        private readonly List<IOperation> _ranges = [];
        private readonly List<IOperation> _changes = [];

        /// <summary>The values added one at a time, or written to an element.</summary>
        public IReadOnlyList<IOperation> Items => _items;

        /// <summary>The collections whose items are added.</summary>
        public IReadOnlyList<IOperation> Ranges => _ranges;

        /// <summary>
        /// Whether a use other than <paramref name="use"/> hands the collection where it can be changed. The exchange that
        /// reads it is not taken to fill it, nor is another call of the same exchange (<c>gateway.Send(list)</c> twice).
        /// </summary>
        public bool MayChangeElsewhere(IOperation use)
        {
            var exchange = ParameterGiven(use);
            return _changes.Exists(change => (change.Syntax.SyntaxTree != use.Syntax.SyntaxTree || change.Syntax.Span != use.Syntax.Span)
                && (exchange is null || !SymbolEqualityComparer.Default.Equals(ParameterGiven(change), exchange)));
        }

        /// <summary>Whether anything is added to the collection, or it may be changed by a use other than <paramref name="use"/>.</summary>
        public bool AddsAny(IOperation use) => _items.Count > 0 || _ranges.Count > 0 || MayChangeElsewhere(use);

        /// <summary>The parameter a reference is the argument for, as <see cref="Carried"/> finds its use; null for any other use.</summary>
        private static IParameterSymbol? ParameterGiven(IOperation reference)
            => (Carried(reference).Parent as IArgumentOperation)?.Parameter?.OriginalDefinition;

        /// <summary>
        /// The outermost operation that is still the collection itself: through conversions, and a branch of <c>?:</c> or
        /// <c>??</c> (<c>flag ? kept : others</c>), whose use is the collection's use.
        /// </summary>
        private static IOperation Carried(IOperation reference)
        {
            var node = reference;
            while (node.Parent is IConversionOperation
                || node.Parent is IConditionalOperation conditional && conditional.Condition != node
                || node.Parent is ICoalesceOperation)
            {
                node = node.Parent;
            }

            return node;
        }

        /// <summary>
        /// Whether a value of the type is a collection code can add to: an array, or one of the collections and interfaces
        /// of <c>System.Collections</c> (and its Generic, Concurrent and ObjectModel namespaces) other than the read-only
        /// ones, or a <c>Span&lt;T&gt;</c> over an array.
        /// </summary>
        public static bool IsMutable(ITypeSymbol? type)
        {
            switch (type)
            {
                case IArrayTypeSymbol:
                    return true;
                case INamedTypeSymbol named when SymbolNames.IsType(named, "System", "Span"):
                    return true;
                case INamedTypeSymbol named:
                    var ns = named.ContainingNamespace;

                    // The definition's interfaces: a constructed type (each field's List<string>) would substitute its
                    // own, on every call.
                    return (SymbolNames.IsNamespace(ns, "System.Collections.Generic")
                            || SymbolNames.IsNamespace(ns, "System.Collections.Concurrent")
                            || SymbolNames.IsNamespace(ns, "System.Collections.ObjectModel")
                            || SymbolNames.IsNamespace(ns, "System.Collections"))
                        && !named.Name.StartsWith("IEnumera", StringComparison.Ordinal)
                        && !named.Name.StartsWith("IReadOnly", StringComparison.Ordinal)
                        && !named.Name.StartsWith("ReadOnly", StringComparison.Ordinal)
                        && named.OriginalDefinition.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);
                default:
                    return false;
            }
        }

        /// <summary>What the body of <paramref name="use"/> adds to its local, found in one walk of the body.</summary>
        public static CollectionAdditions OfLocal(ILocalReferenceOperation use)
            => Bodies.GetValue(LocalFlow.Root(use), ScanLocals).TryGetValue(use.Local, out var found) ? found : None;

        /// <summary>
        /// What the code of a member's type adds to the collection the member holds. Code of other types is not read: a
        /// member other types fill is a shared registry, whose contents no build can know.
        /// </summary>
        public static CollectionAdditions OfMember(ISymbol member, Func<SyntaxTree, SemanticModel> modelFor, CancellationToken cancellationToken)
        {
            var additions = new CollectionAdditions();
            foreach (var declaration in member.ContainingType.DeclaringSyntaxReferences)
            {
                var type = declaration.GetSyntax(cancellationToken);
                SemanticModel? model = null;
                foreach (var name in type.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (name.Identifier.ValueText != member.Name)
                    {
                        continue;
                    }

                    SyntaxNode node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
                        || name.Parent is MemberBindingExpressionSyntax
                            ? name.Parent
                            : name;
                    model ??= modelFor(type.SyntaxTree);
                    if (model.GetOperation(node, cancellationToken) is { } reference && Names(reference, member))
                    {
                        additions.Classify(reference);
                    }
                }
            }

            return additions;
        }

        private static bool Names(IOperation reference, ISymbol member)
        {
            var symbol = reference switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => (ISymbol)property.Property,
                _ => null,
            };
            return symbol is not null && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, member);
        }

        private static Dictionary<ILocalSymbol, CollectionAdditions> ScanLocals(IOperation root)
        {
            var locals = new Dictionary<ILocalSymbol, CollectionAdditions>(SymbolEqualityComparer.Default);
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation { IsDeclaration: false } reference && IsMutable(reference.Local.Type))
                {
                    if (!locals.TryGetValue(reference.Local, out var additions))
                    {
                        additions = new CollectionAdditions();
                        locals.Add(reference.Local, additions);
                    }

                    additions.Classify(reference);
                }
            }

            return locals;
        }

        /// <summary>Records what one use of the collection can put into it.</summary>
        private void Classify(IOperation reference)
        {
            var node = Carried(reference);
            if (node != reference && !IsMutable(node.Type))
            {
                // Converted to a type nothing can be added through (object, IEnumerable<T>): only a cast back could.
                return;
            }

            switch (node.Parent)
            {
                case IInvocationOperation call when call.Instance == node:
                    Called(call.TargetMethod.Name, call.Arguments, 0, reference);
                    return;

                case IConditionalAccessOperation access when access.Operation == node:
                    // list?.Add(x): the call's instance is the access's, not the reference.
                    switch (access.WhenNotNull)
                    {
                        case IInvocationOperation { Instance: IConditionalAccessInstanceOperation } call:
                            Called(call.TargetMethod.Name, call.Arguments, 0, reference);
                            return;
                        case IPropertyReferenceOperation { Property.IsIndexer: false }:
                            return;
                    }

                    break;

                case IArgumentOperation { Parent: IInvocationOperation call } argument:
                    Passed(call, argument, reference);
                    return;

                case IArgumentOperation { Parent: IObjectCreationOperation { Type: { ContainingNamespace: var ns } } } when CountryValueCollector.InCollectionNamespace(ns, linq: false):
                    // new HashSet<string>(codes): a collection of the framework made from this one reads it.
                    return;

                case IPropertyReferenceOperation { Property.IsIndexer: true } element when element.Instance == node:
                    Written(element, reference);
                    return;

                case IArrayElementReferenceOperation element when element.ArrayReference == node:
                    Written(element, reference);
                    return;

                case IPropertyReferenceOperation or IFieldReferenceOperation:
                case IForEachLoopOperation:
                case IBinaryOperation:
                case IIsPatternOperation:
                case IIsTypeOperation:
                case ILockOperation:
                case IInterpolationOperation:
                case INameOfOperation:
                case IExpressionStatementOperation:
                    return;

                case ISimpleAssignmentOperation assignment when assignment.Target == node:
                case ICoalesceAssignmentOperation coalesce when coalesce.Target == node:
                    // A new collection for the holder: its items are the holder's writes.
                    return;

                case IReturnOperation when reference is ILocalReferenceOperation:
                    // Whoever fills the returned local's collection does so after this body has read it.
                    return;
            }

            if (node.Parent?.Kind == CountryValueCollector.SpreadKind)
            {
                // [..codes] copies the items.
                return;
            }

            _changes.Add(reference);
        }

        /// <summary>What a call on the collection does, by the call's name; <paramref name="skip"/> leaves out an extension method's collection argument.</summary>
        private void Called(string name, IReadOnlyList<IArgumentOperation> arguments, int skip, IOperation reference)
        {
            switch (Adding(name, arguments.Count - skip))
            {
                case Addition.Item:
                    _items.Add(arguments[arguments.Count - 1].Value);
                    break;
                case Addition.Items:
                    _ranges.Add(arguments[arguments.Count - 1].Value);
                    break;
                case Addition.None when !Keeps.Contains(name):
                    _changes.Add(reference);
                    break;
            }
        }

        /// <summary>
        /// What a call adds to the collection it is called on, whose last argument is what is added: one item
        /// (<c>Add(x)</c>, <c>Insert(0, x)</c>, a dictionary's value in <c>Add(key, x)</c> or <c>GetOrAdd(key, x)</c>, where a
        /// value factory's value is known only at run time), or the items of a collection
        /// (<c>AddRange(xs)</c>);
        /// <paramref name="count"/> counts the arguments other than an extension method's collection.
        /// </summary>
        public static Addition Adding(string name, int count)
            => AddsItem.Contains(name) && (count == 1 || name is "Insert" or "Add" or "TryAdd" or "GetOrAdd" && count == 2) ? Addition.Item
                : AddsItems.Contains(name) && count >= 1 ? Addition.Items
                : Addition.None;

        /// <summary>What a call adds to a collection (<see cref="Adding"/>).</summary>
        internal enum Addition
        {
            None,
            Item,
            Items,
        }

        /// <summary>
        /// The collection as a call's argument, of a parameter of its own type or of one that can add (<c>IList&lt;T&gt;</c>,
        /// <c>ref</c>): the collection of an extension method, read by its name (a LINQ method reads only); an array given
        /// to <c>Array</c>'s methods; text joined; any other method may add to it.
        /// </summary>
        private void Passed(IInvocationOperation call, IArgumentOperation argument, IOperation reference)
        {
            var method = call.TargetMethod;
            var type = method.ContainingType;
            if (SymbolNames.IsNamespace(type.ContainingNamespace, "System.Linq") || type.SpecialType == SpecialType.System_String)
            {
                return;
            }

            if (method.IsExtensionMethod && call.Arguments.Length > 0 && call.Arguments[0] == argument)
            {
                Called(method.Name, call.Arguments, 1, reference);
                return;
            }

            if (SymbolNames.IsType(type, "System", "Array") && call.Arguments.Length > 0 && call.Arguments[0] == argument)
            {
                if (method.Name == "Fill" && call.Arguments.Length >= 2)
                {
                    _items.Add(call.Arguments[1].Value);
                }
                else if (!Keeps.Contains(method.Name) && method.Name is not ("Copy" or "ConstrainedCopy"))
                {
                    _changes.Add(reference);
                }

                return;
            }

            // A parameter of a type nothing can be added through takes a conversion, which Classify has let pass.
            _changes.Add(reference);
        }

        /// <summary>An element of the collection: a write adds its value, a read adds nothing.</summary>
        private void Written(IOperation element, IOperation reference)
        {
            switch (LocalFlow.Classify(element))
            {
                case LocalFlow.Access.Assigned:
                    _items.Add(LocalFlow.AssignedValue(element));
                    break;
                case LocalFlow.Access.Unknown:
                    _changes.Add(reference);
                    break;
            }
        }
    }
}

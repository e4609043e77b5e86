using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Every write of every local of one body, found in one walk of it and kept as long as the body's operations live.
    /// Following a local used to walk the whole body each time, so a long method with many exchanges through locals
    /// took time that grew with the square of its length.
    /// </summary>
    internal sealed class LocalWrites
    {
        private static readonly ConditionalWeakTable<IOperation, LocalWrites> Bodies = new();

        private readonly Dictionary<ILocalSymbol, Local> _locals = new(SymbolEqualityComparer.Default);

        private LocalWrites(IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        var declared = For(declarator.Symbol);
                        declared.Declared = true;
                        if (declarator.GetVariableInitializer() is { } initializer)
                        {
                            declared.Writes.Add(new Write(initializer.Value, ImmutableArray<int>.Empty, LocalFlow.InNestedFunction(declarator, root)));
                        }

                        break;

                    case ILocalReferenceOperation reference:
                        var local = For(reference.Local);
                        if (LocalFlow.Deconstructs(reference, out var source, out var path))
                        {
                            local.Declared |= reference.IsDeclaration;
                            local.Writes.Add(new Write(source, path, LocalFlow.InNestedFunction(reference, root)));
                            break;
                        }

                        if (LocalFlow.ItemOut(reference) is { } found)
                        {
                            // dictionary.TryGetValue(key, out var value): one of the dictionary's values;
                            // queue.TryDequeue(out var item): one of the queue's items.
                            local.Declared |= reference.IsDeclaration;
                            local.Writes.Add(new Write(found, ImmutableArray<int>.Empty, LocalFlow.InNestedFunction(reference, root)));
                            break;
                        }

                        switch (LocalFlow.Classify(reference))
                        {
                            case LocalFlow.Access.Assigned:
                                // x = value, or x ??= value, which leaves a value that is not null as it is.
                                local.Writes.Add(new Write(LocalFlow.AssignedValue(reference), ImmutableArray<int>.Empty, LocalFlow.InNestedFunction(reference, root)));
                                break;
                            case LocalFlow.Access.Unknown:
                                local.Unknown = true;
                                break;
                            case LocalFlow.Access.Read when Changing(reference) is { } change:
                                local.Changes.Add(change);
                                break;
                        }

                        break;

                    case IBranchOperation { BranchKind: BranchKind.GoTo }:
                        Jumps = true;
                        break;
                }
            }
        }

        /// <summary>Whether the body has a <c>goto</c>, which can run code written after a read before it.</summary>
        public bool Jumps { get; private set; }

        /// <summary>The writes of the body that <paramref name="root"/> is the root of, walked once.</summary>
        public static LocalWrites Of(IOperation root) => Bodies.GetValue(root, body => new LocalWrites(body));

        /// <summary>What the body does to a local; null for a local it never declares, reads or writes.</summary>
        public Local? this[ILocalSymbol local] => _locals.TryGetValue(local, out var found) ? found : null;

        /// <summary>
        /// A read of a local that can change the object it holds: a write of one of its members (the member's reference),
        /// or any use but reading a member, which hands the object to code that may set them (the local's reference).
        /// </summary>
        private static IOperation? Changing(ILocalReferenceOperation reference)
            => reference.Parent is IMemberReferenceOperation { Member.IsStatic: false } member and (IFieldReferenceOperation or IPropertyReferenceOperation) && member.Instance == reference
                ? LocalFlow.Classify(member) == LocalFlow.Access.Read ? null : member
                : reference;

        private Local For(ILocalSymbol symbol)
        {
            if (!_locals.TryGetValue(symbol, out var local))
            {
                local = new Local();
                _locals.Add(symbol, local);
            }

            return local;
        }

        /// <summary>What a body does to one local.</summary>
        internal sealed class Local
        {
            /// <summary>Whether a declarator or a deconstruction declares it; a pattern, foreach, catch or out-var local has none.</summary>
            public bool Declared { get; set; }

            /// <summary>Whether it is written in a way whose value cannot be followed (<c>out</c>, <c>ref</c>, <c>+=</c>, <c>++</c>).</summary>
            public bool Unknown { get; set; }

            public List<Write> Writes { get; } = [];

            /// <summary>The reads that can change the object it holds (<see cref="Changing"/>), in the body's order.</summary>
            public List<IOperation> Changes { get; } = [];
        }

        /// <summary>
        /// A write: the value it gives, or for a deconstruction from a tuple not written in place, that tuple and the
        /// local's path of positions in it.
        /// </summary>
        internal readonly struct Write(IOperation source, ImmutableArray<int> path, bool nested)
        {
            public IOperation Source { get; } = source;

            public ImmutableArray<int> Path { get; } = path;

            /// <summary>Whether the write is inside a lambda or local function.</summary>
            public bool Nested { get; } = nested;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// What a member of an object the code made holds where it is read: after
    /// <c>var shipment = new Shipment("1", "CN", "KP");</c>, <c>gateway.Send(shipment.Destination)</c> sends North Korea.
    /// The objects are those the read's receiver may be: a <c>new</c>, a <c>with</c> or an anonymous object, written in
    /// place, held by a local, held by a member of such an object (<c>declaration.Consignee.Country</c>) or by a
    /// <c>readonly</c> field or get-only property, returned by a method of the project (its parameters standing for the
    /// call's arguments, <see cref="CallFrame"/>), or an item of a collection of them that a loop takes, an element read or
    /// a call that picks one gives, or a LINQ method hands its lambda. The member holds what the
    /// object initializer or the <c>with</c> assigns to it, else what the object was made with: the argument of a record's
    /// positional parameter, or of a constructor parameter stored in it, or the constants its initializer or constructor,
    /// or the constructors that one calls first, give it (<see cref="MemberValues.Made"/>). Only members of one value (text, an enum, a number) are read this way,
    /// not collections, which code can fill through any reference. A member that can be set after the object is made is
    /// read only in an object the method made, where nothing can have set it before: no write of it through the local and
    /// no other use of the local but reading its members, earlier in the body, in a loop around the read, in a lambda or
    /// local function, or in a body with a <c>goto</c>.
    /// </summary>
    /// <param name="collector">The collector whose value this is, which reads the items of a collection of objects (<c>foreach (var party in Parties)</c>).</param>
    /// <param name="members">The values of the project's members and methods.</param>
    /// <param name="graph">The control flow graph of the body read.</param>
    /// <param name="cancellationToken">The analysis' cancellation.</param>
    internal sealed class CreatedObjects(CountryValueCollector collector, MemberValues members, Func<ControlFlowGraph?> graph, CancellationToken cancellationToken)
    {
        /// <summary>
        /// The values a member read gives, with a null entry for each known only at run time, each with the calls whose
        /// bodies it is read from (<see cref="CallFrame"/>): those it was read in, <paramref name="calls"/>, and those
        /// that returned its object (<c>Parties.Create("KP").Country</c>). Default when the read's receiver is no object
        /// the code made, or the member is not read this way. <paramref name="depth"/> is how far the collector has
        /// followed values to get here.
        /// </summary>
        public ImmutableArray<(IOperation? Value, CallFrame? Calls)> MemberValues(IOperation read, CallFrame? calls, int depth) => Given(read, oneValue: true, calls, depth);

        /// <summary>
        /// What a member read gives, as <see cref="MemberValues"/>; <paramref name="oneValue"/> false for a member read
        /// through to another (<c>declaration.Consignee</c> in <c>declaration.Consignee.Country</c>), which may hold an object.
        /// </summary>
        private ImmutableArray<(IOperation? Value, CallFrame? Calls)> Given(IOperation read, bool oneValue, CallFrame? calls, int depth)
        {
            var (member, type, receiver) = read switch
            {
                IPropertyReferenceOperation { Property: { IsStatic: false, IsIndexer: false } property, Instance: { } instance } => ((ISymbol)property, property.Type, instance),
                IFieldReferenceOperation { Field: { IsStatic: false, ContainingType.IsTupleType: false } field, Instance: { } instance } => (field, field.Type, instance),
                _ => (null, null, null),
            };
            if (member is null || oneValue && !HoldsOneValue(type!))
            {
                return default;
            }

            // A member code can set holds what the object was made with only in an object no other code can have reached:
            // one the method made itself.
            var settable = Settable(member);
            var objects = new List<(IOperation? Made, CallFrame? Calls)>();
            AddObjects(receiver, objects, direct: settable, calls, depth);
            if (!objects.Any(made => IsMade(made.Made)))
            {
                return default;
            }

            var declaration = members.StoredDeclaration(member, cancellationToken);
            if (declaration is null && !member.ContainingType.IsAnonymousType
                || settable && CountryValueCollector.Unwrap(receiver!) is ILocalReferenceOperation local && ChangedBefore(local, read, member))
            {
                return default;
            }

            var values = ImmutableArray.CreateBuilder<(IOperation?, CallFrame?)>();
            foreach (var (made, within) in objects)
            {
                AddGiven(made, member, declaration as ParameterSyntax, read, within, values, 0);
            }

            return values.ToImmutable();
        }

        /// <summary>
        /// Adds the objects a receiver may be, a null entry for each one not known: each one written in place or held by
        /// a local, and unless <paramref name="direct"/>, each one a member holds, in an object made so
        /// (<c>declaration.Consignee</c>) or as a <c>readonly</c> field's or get-only property's value
        /// (<c>static readonly Party Tehran = new("Tehran Customs", "IR");</c>), each one a method of the project returns, and
        /// each item of a collection that a loop's variable or an element read may be.
        /// </summary>
        private void AddObjects(IOperation? receiver, List<(IOperation? Made, CallFrame? Calls)> objects, bool direct, CallFrame? calls, int depth)
        {
            // A loop's variable has no write a local's sources could give.
            if (!direct && depth <= CountryValueCollector.MaxDepth && IteratedItems(receiver, depth) is { } taken)
            {
                foreach (var item in taken)
                {
                    AddObjects(item, objects, direct, calls, depth + 1);
                }

                return;
            }

            foreach (var source in depth > CountryValueCollector.MaxDepth ? [null] : CountryValueCollector.Sources(receiver, graph))
            {
                switch (source is null ? null : CountryValueCollector.Unwrap(source))
                {
                    case var made when IsMade(made):
                        objects.Add((made, calls));
                        break;

                    case var element when !direct && IteratedItems(element, depth) is { } iterated:
                        // var party = Parties[0]: one of the items.
                        foreach (var item in iterated)
                        {
                            AddObjects(item, objects, direct, calls, depth + 1);
                        }

                        break;

                    case IParameterReferenceOperation { Parameter: var parameter } reference
                        when !direct && CallFrame.Binding(calls, parameter) is { } frame && !members.Tests(parameter, reference):
                        // p in the body of CountryOf(new Party("", "IR")): the argument.
                        AddObjects(Argument(frame.Arguments, parameter), objects, direct, frame.Outer, depth + 1);
                        break;

                    case IPropertyReferenceOperation or IFieldReferenceOperation when !direct:
                        var held = Given(source!, oneValue: false, calls, depth + 1);
                        var values = held.IsDefault
                            ? members.ValuesRead(source!, cancellationToken).Select(value => ((IOperation?)value, calls))
                            : held;
                        if (!values.Any())
                        {
                            objects.Add((null, calls));
                        }

                        foreach (var (value, within) in values)
                        {
                            AddObjects(value, objects, direct, within, depth + 1);
                        }

                        break;

                    case IInvocationOperation { TargetMethod.IsAsync: false } call when !direct
                        && members.Values(call.TargetMethod, call, cancellationToken) is { IsEmpty: false } returned:
                        // Parties.Create("KP"): each object the method returns, its parameters standing for the arguments.
                        var inside = CallFrame.Enter(calls, call.TargetMethod, call.Arguments);
                        foreach (var value in returned)
                        {
                            AddObjects(value, objects, direct, inside, depth + 1);
                        }

                        break;

                    default:
                        objects.Add((null, calls));
                        break;
                }
            }
        }

        /// <summary>
        /// The items a loop's variable takes in turn (<c>party</c> in <c>foreach (var party in Parties)</c>), or a lambda's
        /// parameter that a <c>ForEach</c> or a LINQ method gives each item (<c>Parties.Where(p =&gt; …)</c>), and the items
        /// one of which an element read or a call that picks one gives (<c>Parties[0]</c>, also of a list,
        /// <c>Parties.First(…)</c>, with the default an <c>OrDefault</c> call names); null for any other value.
        /// </summary>
        private IEnumerable<IOperation?>? IteratedItems(IOperation? receiver, int depth)
            => (receiver is null ? null : CountryValueCollector.Unwrap(receiver)) switch
            {
                ILocalReferenceOperation local when LocalFlow.IteratedCollection(local, out var path) is { } collection && path.IsEmpty => collector.Items(collection, depth + 1),
                IArrayElementReferenceOperation { ArrayReference: var array } => collector.Items(array, depth + 1),
                IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { Type: var type } list }
                    when CollectionAdditions.IsMutable(type) && !CountryValueCollector.IsDictionary(type) => collector.Items(list, depth + 1),
                IParameterReferenceOperation parameter when DelegateCalls.IteratedBy(parameter) is { } iterated => collector.Items(iterated, depth + 1),
                IInvocationOperation call when CountryValueCollector.PickedFrom(call, out var pickDefault) is { } picked
                    => pickDefault is null ? collector.Items(picked, depth + 1) : collector.Items(picked, depth + 1).Append(pickDefault),
                _ => null,
            };

        /// <summary>Whether a value of the type is one value (text, an enum, a number), not an object with members.</summary>
        internal static bool HoldsOneValue(ITypeSymbol type)
            => type.SpecialType is SpecialType.System_String or >= SpecialType.System_SByte and <= SpecialType.System_UInt64
                || type.TypeKind == TypeKind.Enum;

        private static bool IsMade(IOperation? value)
            => value is not null && CountryValueCollector.Unwrap(value) is IObjectCreationOperation or IWithOperation or IAnonymousObjectCreationOperation;

        /// <summary>Whether code outside constructors and object initializers can set the member.</summary>
        internal static bool Settable(ISymbol member) => member switch
        {
            IFieldSymbol field => !field.IsReadOnly,
            IPropertySymbol property => property.SetMethod is { IsInitOnly: false },
            _ => true,
        };

        /// <summary>
        /// Whether code may have changed the object the local holds before the read: a write of the member through the
        /// local, or a use that hands the object on, that runs before the read or may (<see cref="LocalWrites.Local.Changes"/>).
        /// </summary>
        private static bool ChangedBefore(ILocalReferenceOperation local, IOperation read, ISymbol member)
        {
            var root = LocalFlow.Root(local);
            var body = LocalWrites.Of(root);
            if (body[local.Local] is not { } uses)
            {
                return false;
            }

            var anyOrder = body.Jumps || LocalFlow.InNestedFunction(read, root) || InLoop(read, root);
            foreach (var change in uses.Changes)
            {
                if (change is IMemberReferenceOperation written && !SymbolEqualityComparer.Default.Equals(written.Member.OriginalDefinition, member.OriginalDefinition))
                {
                    continue;
                }

                if (anyOrder || change.Syntax.SpanStart < read.Syntax.SpanStart || LocalFlow.InNestedFunction(change, root))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InLoop(IOperation operation, IOperation root)
        {
            for (var parent = operation.Parent; parent is not null && parent != root; parent = parent.Parent)
            {
                if (parent is ILoopOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Adds what one object the receiver may be gives the member, or null where that is not known, with the calls whose
        /// bodies the object was made in.
        /// </summary>
        private void AddGiven(IOperation? made, ISymbol member, ParameterSyntax? positional, IOperation read, CallFrame? calls, ImmutableArray<(IOperation?, CallFrame?)>.Builder values, int depth)
        {
            switch (made is null ? null : CountryValueCollector.Unwrap(made))
            {
                case IObjectCreationOperation { Initializer: { } initializer } when Assigned(initializer.Initializers, member) is { } value:
                    values.Add((value, calls));
                    return;

                case IWithOperation { Initializer: var initializer } when Assigned(initializer.Initializers, member) is { } value:
                    values.Add((value, calls));
                    return;

                case IWithOperation copy when depth < CountryValueCollector.MaxDepth:
                    // a with { Goods = "oil" }: the member keeps what it holds in a.
                    foreach (var copied in CountryValueCollector.Sources(copy.Operand, graph))
                    {
                        AddGiven(copied, member, positional, read, calls, values, depth + 1);
                    }

                    return;

                case IAnonymousObjectCreationOperation anonymous:
                    values.Add((Assigned(anonymous.Initializers, member), calls));
                    return;

                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    AddConstructed(creation, constructor, member, positional, read, calls, values);
                    return;

                default:
                    values.Add((null, calls));
                    return;
            }
        }

        /// <summary>The value the last of an initializer's assignments gives the member (<c>{ Destination = "KP" }</c>); null when none does.</summary>
        private static IOperation? Assigned(ImmutableArray<IOperation> initializers, ISymbol member)
            => initializers.LastOrDefault(initializer => initializer is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target }
                && SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member.OriginalDefinition)) is ISimpleAssignmentOperation assignment
                ? assignment.Value
                : null;

        /// <summary>
        /// Adds what the object holds in the member as its constructor made it: the argument of the record's positional
        /// parameter that declares it, or each value the constructor leaves in it, a parameter of the constructor standing
        /// for the argument it was given.
        /// </summary>
        private void AddConstructed(IObjectCreationOperation creation, IMethodSymbol constructor, ISymbol member, ParameterSyntax? positional, IOperation read, CallFrame? calls, ImmutableArray<(IOperation?, CallFrame?)>.Builder values)
        {
            var implementation = OwnSource.Implementation(constructor);
            if (positional is not null)
            {
                var parameter = implementation.Parameters.FirstOrDefault(p => p.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax(cancellationToken) == positional));
                values.Add((parameter is null ? null : Argument(creation.Arguments, parameter), calls));
                return;
            }

            var stored = members.Made(member, constructor, read, cancellationToken);
            if (stored.IsEmpty)
            {
                values.Add((null, calls));
                return;
            }

            // Where the constructor stores more than a parameter (Country = country.Trim()), its parameters stand for the arguments.
            var inside = CallFrame.Enter(calls, constructor, creation.Arguments);
            foreach (var value in stored)
            {
                values.Add(Parameter(value) is { } parameter
                    ? (SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, implementation) && !members.Tests(parameter, value) ? Argument(creation.Arguments, parameter) : null, calls)
                    : (value, inside));
            }
        }

        /// <summary>The parameter a value is, also behind <c>?? throw …</c>; null for any other value.</summary>
        internal static IParameterSymbol? Parameter(IOperation value)
            => CountryValueCollector.Unwrap(value) switch
            {
                IParameterReferenceOperation reference => reference.Parameter,
                ICoalesceOperation { Value: var tested, WhenNull: var whenNull } when CountryValueCollector.Unwrap(whenNull) is IThrowOperation => Parameter(tested),
                _ => null,
            };

        /// <summary>The value a call or <c>new</c> gives the parameter; null where none is written.</summary>
        internal static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, IParameterSymbol parameter)
            => arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == parameter.Ordinal)?.Value;
    }
}

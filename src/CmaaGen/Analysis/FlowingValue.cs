using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// One value that flows into an exchange context.
    /// </summary>
    /// <param name="Text">The country text when it is a compile-time constant, else null.</param>
    /// <param name="Site">Where the diagnostic goes: the constant itself, or the use of the local, field, property or call it reached through.</param>
    /// <param name="Origin">
    /// For a value reached through a local, field, property or call: where the constant, or the run-time value, is written;
    /// null for a run-time value known only as its site.
    /// </param>
    /// <param name="Kind">What <paramref name="Text"/> is, which decides how it is judged and quoted.</param>
    internal sealed record FlowingValue(string? Text, IOperation Site, IOperation? Origin, ConstantKind Kind = ConstantKind.Text)
    {
        /// <summary>
        /// For a run-time value, the places it passed on its way from <see cref="Origin"/> to <see cref="Site"/>, each
        /// holding the same value: the value a local was given (<c>x</c> in <c>var c = x;</c>), an item added to a
        /// collection (<c>x</c> in <c>list.Add(x)</c>). A check at any of them checks the value.
        /// </summary>
        public ImmutableArray<IOperation> Via { get; init; } = ImmutableArray<IOperation>.Empty;

        /// <summary>How a message quotes the value: text as it reads, an enum constant as it is written.</summary>
        public string Shown => Kind == ConstantKind.Text ? Text ?? string.Empty : (Origin ?? Site).Syntax.ToString();
    }

    /// <summary>Where a constant's country text comes from.</summary>
    internal enum ConstantKind
    {
        /// <summary>A string, or an integer read as an ISO numeric code.</summary>
        Text,

        /// <summary>The code a constant of the generated CmaaCountry stands for.</summary>
        CountryEnum,

        /// <summary>The name of a member of one of the project's own enums.</summary>
        EnumMemberName,
    }
}

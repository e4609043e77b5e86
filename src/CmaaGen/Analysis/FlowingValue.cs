using Microsoft.CodeAnalysis;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// One value that flows into an exchange context.
    /// </summary>
    /// <param name="Text">The country text when it is a compile-time constant, else null.</param>
    /// <param name="Site">Where the diagnostic goes: the constant itself, or the use of the local, field or property it reached through.</param>
    /// <param name="Origin">For a constant reached through a local, field or property: where the constant is written.</param>
    /// <param name="Shown">How a message quotes the value when not by its text: an enum constant as it is written.</param>
    /// <param name="IsMemberName">Whether <paramref name="Text"/> is the name of a member of one of the project's own enums.</param>
    internal sealed record FlowingValue(string? Text, IOperation Site, IOperation? Origin, string? Shown = null, bool IsMemberName = false);
}

using System.Collections.Generic;
using System.Linq;
using CmaaGen.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CmaaGen.Model
{
    /// <summary>
    /// A problem found in a data file: the rule it breaks, the message arguments and where it is.
    /// <paramref name="Related"/> points at a second place, such as the first of two duplicate rows.
    /// </summary>
    internal sealed record ListProblem(
        string RuleId, EquatableArray<string> Arguments, FileLocation Location, FileLocation? Related = null)
    {
        public static ListProblem Create(DiagnosticDescriptor rule, FileLocation location, params string[] arguments)
            => new(rule.Id, arguments.ToEquatableArray(), location);

        public Diagnostic ToDiagnostic()
        {
            var additional = Related is { } related ? new[] { related.ToLocation() } : null;
            return Diagnostic.Create(
                Rules.ById(RuleId),
                Location.ToLocation(),
                additional,
                Arguments.Cast<object>().ToArray());
        }

        /// <summary>Orders problems by file, then position, so every run reports them in the same order.</summary>
        public static readonly IComparer<ListProblem> FileOrder = Comparer<ListProblem>.Create((a, b) =>
        {
            var byPath = string.CompareOrdinal(a.Location.Path, b.Location.Path);
            if (byPath != 0)
            {
                return byPath;
            }

            var byStart = a.Location.Start.CompareTo(b.Location.Start);
            return byStart != 0 ? byStart : string.CompareOrdinal(a.RuleId, b.RuleId);
        });
    }
}

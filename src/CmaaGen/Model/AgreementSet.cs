using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CmaaGen.Diagnostics;

namespace CmaaGen.Model
{
    /// <summary>
    /// The agreements a project works with: every list file merged, or the embedded default list.
    /// Agreements are ordered by country and signing date, so the same rows give the same set in
    /// whatever files and order they come.
    /// </summary>
    /// <param name="Owner">Alpha-2 code of the administration whose agreements these are, or empty.</param>
    /// <param name="Provenance">The lists' provenance lines, sorted and joined, or empty.</param>
    /// <param name="Description">How messages name the lists: the provenance, else the file names.</param>
    internal sealed record AgreementSet(
        string Owner,
        string Provenance,
        string Description,
        EquatableArray<Agreement> Agreements,
        EquatableArray<ListProblem> Problems)
    {
        /// <summary>
        /// Merges list files. Problems found here (a repeated agreement, conflicting owners) are reported
        /// in the later file by path order, pointing back at the earlier one.
        /// </summary>
        public static AgreementSet Merge(IEnumerable<AgreementList> lists)
        {
            var ordered = lists.OrderBy(l => l.Path, StringComparer.Ordinal).ToList();
            var problems = ordered.SelectMany(l => l.Problems).ToList();

            var owner = string.Empty;
            FileLocation? ownerLocation = null;
            foreach (var list in ordered.Where(l => l.Owner.Length > 0))
            {
                if (owner.Length == 0)
                {
                    (owner, ownerLocation) = (list.Owner, list.OwnerLocation);
                }
                else if (list.Owner != owner && list.OwnerLocation is { } location)
                {
                    var conflict = ListProblem.Create(Rules.ConflictingOwners, location, list.Owner, owner, FileName(ownerLocation!.Path));
                    problems.Add(conflict with { Related = ownerLocation });
                }
            }

            var first = new Dictionary<string, Agreement>(StringComparer.Ordinal);
            var agreements = new List<Agreement>();
            foreach (var agreement in ordered.SelectMany(l => l.Agreements))
            {
                var key = agreement.Alpha2 + "|" + agreement.Signed;
                if (first.TryGetValue(key, out var earlier))
                {
                    var where = FileName(earlier.Location.Path) + " line " + (earlier.Location.StartLine + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var duplicate = ListProblem.Create(Rules.DuplicateAgreement, agreement.Location, agreement.Alpha2, agreement.Signed, where);
                    problems.Add(duplicate with { Related = earlier.Location });
                    continue;
                }

                first.Add(key, agreement);
                agreements.Add(agreement);
            }

            var provenance = string.Join("; ", ordered.Select(l => l.Provenance).Where(p => p.Length > 0).Distinct().OrderBy(p => p, StringComparer.Ordinal));
            var description = provenance.Length > 0
                ? provenance
                : string.Join(", ", ordered.Select(l => FileName(l.Path)));

            return new AgreementSet(
                owner,
                provenance,
                description,
                agreements
                    .OrderBy(a => a.Alpha2, StringComparer.Ordinal)
                    .ThenBy(a => a.Signed, StringComparer.Ordinal)
                    .ToEquatableArray(),
                problems.OrderBy(p => p, ListProblem.FileOrder).ToEquatableArray());
        }

        /// <summary>
        /// The agreement that governs each partner: one in force if there is one, else the most recently
        /// signed. Partners are in alpha-2 order.
        /// </summary>
        public ImmutableArray<Agreement> Governing()
        {
            // A pass over each partner's agreements, not OrderBy on the status: a sort keyed by a number is generic
            // code that a new compiler process would compile for this generator alone.
            var governing = ImmutableArray.CreateBuilder<Agreement>();
            foreach (var partner in Agreements.GroupBy(a => a.Alpha2, StringComparer.Ordinal))
            {
                Agreement? best = null;
                foreach (var agreement in partner)
                {
                    if (best is null || Governs(agreement, best))
                    {
                        best = agreement;
                    }
                }

                governing.Add(best!);
            }

            return governing.ToImmutable();
        }

        /// <summary>Whether an agreement governs rather than another: a better status, else a later signing date.</summary>
        private static bool Governs(Agreement agreement, Agreement other)
            => agreement.Status != other.Status
                ? agreement.Status < other.Status
                : string.CompareOrdinal(agreement.Signed, other.Signed) > 0;

        /// <summary>
        /// Countries without an agreement of their own that a governing agreement covers, each with the
        /// partner whose agreement covers it (the first in alpha-2 order when several do).
        /// </summary>
        public ImmutableArray<CoverageEntry> Coverage()
        {
            var governing = Governing();
            var partners = new HashSet<string>(governing.Select(a => a.Alpha2), StringComparer.Ordinal);
            return governing
                .SelectMany(a => a.Covers.Select(c => new CoverageEntry(c, a.Alpha2)))
                .Where(c => !partners.Contains(c.Covered) && c.Covered != Owner)
                .GroupBy(c => c.Covered, StringComparer.Ordinal)
                .Select(g => g.OrderBy(c => c.Partner, StringComparer.Ordinal).First())
                .OrderBy(c => c.Covered, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        private static string FileName(string path) => Path.GetFileName(path);
    }

    /// <summary>A country without an agreement of its own, and the partner whose agreement covers it.</summary>
    internal sealed record CoverageEntry(string Covered, string Partner);
}

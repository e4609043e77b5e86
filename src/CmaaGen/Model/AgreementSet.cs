using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
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
            // Loops and StableSort rather than LINQ: this runs in every cold build with a list of the project's own,
            // where each LINQ operator's generic types cost the runtime more to load than the work itself.
            var ordered = new List<AgreementList>(lists);
            ordered.SortStable((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var problems = new List<ListProblem>();
            foreach (var list in ordered)
            {
                foreach (var problem in list.Problems)
                {
                    problems.Add(problem);
                }
            }

            var owner = string.Empty;
            FileLocation? ownerLocation = null;
            foreach (var list in ordered)
            {
                if (list.Owner.Length == 0)
                {
                    continue;
                }

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
            var provenances = new List<string>();
            var fileNames = new List<string>();
            foreach (var list in ordered)
            {
                foreach (var agreement in list.Agreements)
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

                if (list.Provenance.Length > 0 && !provenances.Contains(list.Provenance))
                {
                    provenances.Add(list.Provenance);
                }

                fileNames.Add(FileName(list.Path));
            }

            provenances.SortStable(string.CompareOrdinal);
            var provenance = string.Join("; ", provenances);
            agreements.SortStable((a, b) =>
            {
                var byCountry = string.CompareOrdinal(a.Alpha2, b.Alpha2);
                return byCountry != 0 ? byCountry : string.CompareOrdinal(a.Signed, b.Signed);
            });
            problems.SortStable(ListProblem.FileOrder.Compare);

            return new AgreementSet(
                owner,
                provenance,
                provenance.Length > 0 ? provenance : string.Join(", ", fileNames),
                agreements.ToEquatableArray(),
                problems.ToEquatableArray());
        }

        /// <summary>
        /// The agreement that governs each partner: one in force if there is one, else the most recently
        /// signed. Partners are in the order of their first agreement, which is alpha-2 order.
        /// </summary>
        public ImmutableArray<Agreement> Governing()
        {
            var governing = new List<Agreement>();
            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var agreement in Agreements)
            {
                if (!position.TryGetValue(agreement.Alpha2, out var at))
                {
                    position.Add(agreement.Alpha2, governing.Count);
                    governing.Add(agreement);
                }
                else if (Governs(agreement, governing[at]))
                {
                    governing[at] = agreement;
                }
            }

            return governing.ToImmutableArray();
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
            var partners = new HashSet<string>(StringComparer.Ordinal);
            foreach (var agreement in governing)
            {
                partners.Add(agreement.Alpha2);
            }

            var coveredBy = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var agreement in governing)
            {
                foreach (var covered in agreement.Covers)
                {
                    if (partners.Contains(covered) || covered == Owner)
                    {
                        continue;
                    }

                    if (!coveredBy.TryGetValue(covered, out var partner) || string.CompareOrdinal(agreement.Alpha2, partner) < 0)
                    {
                        coveredBy[covered] = agreement.Alpha2;
                    }
                }
            }

            var countries = new List<string>(coveredBy.Keys);
            countries.SortStable(string.CompareOrdinal);
            var coverage = ImmutableArray.CreateBuilder<CoverageEntry>(countries.Count);
            foreach (var country in countries)
            {
                coverage.Add(new CoverageEntry(country, coveredBy[country]));
            }

            return coverage.MoveToImmutable();
        }

        private static string FileName(string path) => Path.GetFileName(path);
    }

    /// <summary>A country without an agreement of its own, and the partner whose agreement covers it.</summary>
    internal sealed record CoverageEntry(string Covered, string Partner);
}

using System;
using System.Collections.Generic;
using System.Threading;
using CmaaGen.Catalog;
using CmaaGen.Model;
using CmaaGen.Parsing;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// Reads the project's agreement lists for the analyzer, through the same parser as the generator, so
    /// the analyzer is right even when the IDE has not re-run the generator yet. Each list text is parsed
    /// once (<see cref="SourceTextValueProvider{TValue}"/>), and the merged index is reused while the
    /// lists do not change.
    /// </summary>
    internal static class ProjectAgreements
    {
        private static readonly SourceTextValueProvider<AgreementList> ListProvider =
            new(static text => AgreementListParser.Parse(string.Empty, text, CountryCatalog.Default));

        private static readonly Lazy<AgreementIndex> DefaultIndex =
            new(static () => new AgreementIndex(DefaultAgreements.Set, CountryCatalog.Default));

        private static Cached? s_last;

        public static AgreementIndex Load(AnalyzerOptions options, TextValues values, CancellationToken cancellationToken)
        {
            var parsed = new List<(string Path, AgreementList List)>();
            foreach (var file in options.AdditionalFiles)
            {
                if (AgreementListParser.IsListFile(file.Path)
                    && file.GetText(cancellationToken) is { } text
                    && values.TryGet(text, ListProvider, out var list))
                {
                    parsed.Add((file.Path, list));
                }
            }

            if (parsed.Count == 0)
            {
                return DefaultIndex.Value;
            }

            var last = s_last;
            if (last is not null && last.Matches(parsed))
            {
                return last.Index;
            }

            var index = new AgreementIndex(
                AgreementSet.Merge(parsed.ConvertAll(p => p.List with { Path = p.Path })),
                CountryCatalog.Default);
            s_last = new Cached(parsed, index);
            return index;
        }

        /// <summary>The last merged index, with the parsed lists (by reference) it was built from.</summary>
        private sealed class Cached(List<(string Path, AgreementList List)> lists, AgreementIndex index)
        {
            public AgreementIndex Index => index;

            public bool Matches(List<(string Path, AgreementList List)> other)
            {
                if (other.Count != lists.Count)
                {
                    return false;
                }

                for (var i = 0; i < other.Count; i++)
                {
                    if (other[i].Path != lists[i].Path || !ReferenceEquals(other[i].List, lists[i].List))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}

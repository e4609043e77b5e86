using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CmaaGen.Catalog;
using CmaaGen.Diagnostics;
using CmaaGen.Model;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Parsing
{
    /// <summary>
    /// Reads one agreement list (<c>*.cmaa.csv</c>, described in <c>docs/data-format.md</c>) into an
    /// <see cref="AgreementList"/>. It never throws on bad input: every problem becomes a
    /// <see cref="ListProblem"/> at its line and column, and every good row is kept.
    /// </summary>
    internal static class AgreementListParser
    {
        /// <summary>Lists longer than this (in UTF-16 characters, about 4 MB of ASCII) are refused unread.</summary>
        public const int MaxListLength = 4 * 1024 * 1024;

        public const string FileSuffix = ".cmaa.csv";

        private enum Column
        {
            Country,
            Name,
            Signed,
            InForce,
            Status,
            Kind,
            Note,
            Source,
            Covers,
        }

        private const int ColumnCount = (int)Column.Covers + 1;

        // A switch and an array rather than dictionaries: see ColumnValues.
        private static bool TryGetColumn(string header, out Column column)
        {
            switch (ColumnValues.Normalize(header))
            {
                case "country":
                    column = Column.Country;
                    return true;
                case "name":
                    column = Column.Name;
                    return true;
                case "signed":
                    column = Column.Signed;
                    return true;
                case "inforce":
                    column = Column.InForce;
                    return true;
                case "status":
                    column = Column.Status;
                    return true;
                case "kind":
                    column = Column.Kind;
                    return true;
                case "note":
                case "notes":
                    column = Column.Note;
                    return true;
                case "source":
                case "sources":
                    column = Column.Source;
                    return true;
                case "covers":
                    column = Column.Covers;
                    return true;
                default:
                    column = default;
                    return false;
            }
        }

        /// <summary>Whether an additional file is an agreement list, by its name.</summary>
        public static bool IsListFile(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

        public static AgreementList Parse(string path, SourceText text, CountryCatalog catalog, CancellationToken cancellationToken = default)
            => new Reader(path, text, catalog, cancellationToken).Read();

        private sealed class Reader(string path, SourceText text, CountryCatalog catalog, CancellationToken cancellationToken)
        {
            private readonly List<ListProblem> _problems = [];
            private readonly List<Agreement> _agreements = [];
            private string _owner = string.Empty;
            private FileLocation? _ownerLocation;
            private string _provenance = string.Empty;

            public AgreementList Read()
            {
                if (text.Length > MaxListLength)
                {
                    Report(Rules.ListTooLarge, new TextSpan(0, 0),
                        text.Length.ToString(CultureInfo.InvariantCulture), MaxListLength.ToString(CultureInfo.InvariantCulture));
                    return Result();
                }

                var errors = new List<CsvError>();
                var records = CsvReader.Read(text.ToString(), errors);
                foreach (var error in errors)
                {
                    Report(Rules.MalformedRow, error.Span, error.Message);
                }

                var index = 0;
                for (; index < records.Count && records[index].IsComment; index++)
                {
                    ReadDirective(records[index].Comment);
                }

                if (index == records.Count)
                {
                    Report(Rules.MissingHeader, new TextSpan(text.Length, 0), "the file has no rows: add a header row such as 'country,signed,in_force'");
                    return Result();
                }

                var header = records[index];
                if (ReadHeader(header) is not { } columns)
                {
                    return Result();
                }

                for (index++; index < records.Count; index++)
                {
                    if ((index & 255) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (!records[index].IsComment)
                    {
                        ReadRow(records[index], columns, header.Fields.Count);
                    }
                }

                return Result();
            }

            private AgreementList Result()
            {
                _problems.SortStable(ListProblem.FileOrder.Compare);
                return new(path, _owner, _ownerLocation, _provenance, _agreements.ToEquatableArray(), _problems.ToEquatableArray());
            }

            private void ReadDirective(CsvField comment)
            {
                var body = comment.Value;
                var colon = body.IndexOf(':');
                if (colon < 0)
                {
                    return;
                }

                var key = body.Substring(0, colon).Trim();
                var valueStart = colon + 1;
                while (valueStart < body.Length && char.IsWhiteSpace(body[valueStart]))
                {
                    valueStart++;
                }

                var value = body.Substring(valueStart).TrimEnd();
                var span = new TextSpan(comment.Start + valueStart, value.Length);
                if (key.Equals("provenance", StringComparison.OrdinalIgnoreCase))
                {
                    _provenance = value;
                }
                else if (key.Equals("owner", StringComparison.OrdinalIgnoreCase)
                    && ResolveCountry(new CsvField(value, span.Start, span.Length)) is { } owner)
                {
                    if (_owner.Length > 0 && _owner != owner.Alpha2)
                    {
                        Report(Rules.ConflictingOwners, span, owner.Display, _owner, "an earlier '# owner:' line of this file");
                        return;
                    }

                    _owner = owner.Alpha2;
                    _ownerLocation = FileLocation.Create(path, text, span);
                }
            }

            // The index of each column's cell in a row, or -1 for a column the header does not name.
            private int[]? ReadHeader(CsvRecord header)
            {
                var columns = new int[ColumnCount];
                for (var i = 0; i < columns.Length; i++)
                {
                    columns[i] = -1;
                }

                for (var i = 0; i < header.Fields.Count; i++)
                {
                    var field = header.Fields[i];
                    if (!TryGetColumn(field.Value, out var column))
                    {
                        continue;
                    }

                    if (columns[(int)column] >= 0)
                    {
                        Report(Rules.MissingHeader, field.Span, "the column '" + field.Value + "' appears twice");
                        continue;
                    }

                    columns[(int)column] = i;
                }

                if (columns[(int)Column.Country] >= 0)
                {
                    return columns;
                }

                var first = header.Fields.Count > 0 ? header.Fields[0] : new CsvField(string.Empty, header.Span.Start, 0);
                Report(
                    Rules.MissingHeader,
                    header.Span,
                    catalog.TryFind(first.Value, out var country)
                        ? "the first row starts with " + country.Display + " instead of column names; add a header row such as 'country,signed,in_force' above it"
                        : "the header has no 'country' column; name the column that holds the country 'country'");
                return null;
            }

            private void ReadRow(CsvRecord row, int[] columns, int headerCount)
            {
                if (row.Fields.Count > headerCount)
                {
                    var extra = TextSpan.FromBounds(row.Fields[headerCount].Start, row.Fields[row.Fields.Count - 1].Span.End);
                    Report(
                        Rules.MalformedRow,
                        extra,
                        "the row has " + row.Fields.Count.ToString(CultureInfo.InvariantCulture) + " cells but the header has "
                            + headerCount.ToString(CultureInfo.InvariantCulture) + "; quote cells that contain a comma");
                }

                CsvField Cell(Column column)
                    => columns[(int)column] is var i and >= 0 && i < row.Fields.Count
                        ? row.Fields[i]
                        : new CsvField(string.Empty, row.Span.End, 0);

                var countryCell = Cell(Column.Country);
                if (countryCell.Value.Length == 0)
                {
                    // An empty cell has no width to underline: the row is.
                    Report(Rules.EmptyCountry, row.Span);
                    return;
                }

                if (ResolveCountry(countryCell) is not { } country)
                {
                    return;
                }

                var signed = ReadDate(Cell(Column.Signed));
                var inForceCell = Cell(Column.InForce);
                var inForce = ReadDate(inForceCell);
                if (signed.Length > 0 && inForce.Length > 0 && IsoDate.IsBefore(inForce, signed))
                {
                    Report(Rules.MalformedDate, inForceCell.Span, inForce, "the agreement cannot enter into force before it is signed (" + signed + ")");
                }

                var statusCell = Cell(Column.Status);
                var status = AgreementStatus.InForce;
                if (statusCell.Value.Length > 0 && !ColumnValues.TryParseStatus(statusCell.Value, out status))
                {
                    Report(Rules.UnknownStatus, statusCell.Span, statusCell.Value, ColumnValues.StatusChoices);

                    // Unknown wording is not a legal basis: treat the agreement as not in force.
                    status = AgreementStatus.Signed;
                }

                var kindCell = Cell(Column.Kind);
                var kind = AgreementKind.Bilateral;
                if (kindCell.Value.Length > 0 && !ColumnValues.TryParseKind(kindCell.Value, out kind))
                {
                    Report(Rules.UnknownKind, kindCell.Span, kindCell.Value, ColumnValues.KindChoices);
                }

                var name = Cell(Column.Name).Value;
                _agreements.Add(new Agreement(
                    country.Alpha2,
                    country.Alpha3,
                    country.Numeric,
                    name.Length > 0 ? name : country.Name,
                    signed,
                    inForce,
                    status,
                    kind,
                    Cell(Column.Note).Value,
                    Cell(Column.Source).Value,
                    ReadCovers(Cell(Column.Covers), country),
                    FileLocation.Create(path, text, row.Span)));
            }

            private string ReadDate(CsvField cell)
            {
                if (cell.Value.Length == 0)
                {
                    return string.Empty;
                }

                if (IsoDate.TryValidate(cell.Value, out var problem))
                {
                    return cell.Value;
                }

                Report(Rules.MalformedDate, cell.Span, cell.Value, problem);
                return string.Empty;
            }

            private EquatableArray<string> ReadCovers(CsvField cell, Country partner)
            {
                if (cell.Value.Length == 0)
                {
                    return EquatableArray<string>.Empty;
                }

                // Spans inside the cell are exact unless quote escapes shifted the text.
                var exact = cell.Value.Length == cell.Length;
                var covered = new SortedSet<string>(StringComparer.Ordinal);
                var start = 0;
                while (start <= cell.Value.Length)
                {
                    var end = cell.Value.IndexOf(';', start);
                    if (end < 0)
                    {
                        end = cell.Value.Length;
                    }

                    var part = cell.Value.Substring(start, end - start);
                    var trimmedStart = start + (part.Length - part.TrimStart().Length);
                    part = part.Trim();
                    if (part.Length > 0)
                    {
                        var field = exact ? new CsvField(part, cell.Start + trimmedStart, part.Length) : new CsvField(part, cell.Start, cell.Length);
                        if (ResolveCountry(field) is { } country && country.Alpha2 != partner.Alpha2)
                        {
                            covered.Add(country.Alpha2);
                        }
                    }

                    start = end + 1;
                }

                return covered.ToEquatableArray();
            }

            /// <summary>Resolves a cell to a country, or reports why it cannot.</summary>
            private Country? ResolveCountry(CsvField cell)
            {
                if (catalog.TryFind(cell.Value, out var country))
                {
                    return country;
                }

                var suggestions = catalog.Suggest(cell.Value);
                var hint = CountryCatalog.DescribeSuggestions(suggestions);
                if (CountryText.TryFindSuspicious(cell.Value, out _, out var description))
                {
                    Report(Rules.SuspiciousCharacters, cell.Span, CountryText.Printable(cell.Value), description, hint.Length > 0 ? "; " + hint : string.Empty);
                }
                else
                {
                    Report(Rules.UnknownListCountry, cell.Span, CountryText.Printable(cell.Value), hint.Length > 0 ? "; " + hint : string.Empty);
                }

                return null;
            }

            private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor rule, TextSpan span, params string[] arguments)
                => _problems.Add(ListProblem.Create(rule, FileLocation.Create(path, text, span), arguments));
        }
    }
}

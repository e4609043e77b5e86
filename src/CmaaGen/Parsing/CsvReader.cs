using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Parsing
{
    /// <summary>One cell: its unescaped value and the span of its content in the file.</summary>
    internal sealed record CsvField(string Value, int Start, int Length)
    {
        public TextSpan Span => new(Start, Length);
    }

    /// <summary>A <c>#</c> comment line, or a data row with its cells.</summary>
    internal sealed record CsvRecord(TextSpan Span, IReadOnlyList<CsvField> Fields, bool IsComment, CsvField Comment);

    /// <summary>A place where the text is not well-formed CSV.</summary>
    internal sealed record CsvError(TextSpan Span, string Message);

    /// <summary>
    /// A forgiving RFC 4180 reader that keeps the span of every cell, so that each problem can be
    /// reported at its exact line and column. Lines starting with <c>#</c> are comments; blank lines
    /// are skipped; unquoted cells are trimmed of spaces and tabs; CR, LF and CRLF all end a row.
    /// It never throws: a malformed row becomes a <see cref="CsvError"/> and reading goes on.
    /// </summary>
    internal static class CsvReader
    {
        private static readonly CsvField NoComment = new(string.Empty, 0, 0);

        public static List<CsvRecord> Read(string text, List<CsvError> errors)
        {
            var records = new List<CsvRecord>();
            var length = text.Length;
            var position = length > 0 && text[0] == '\uFEFF' ? 1 : 0;

            while (position < length)
            {
                var rowStart = position;
                var first = SkipBlanks(text, position);
                if (first >= length)
                {
                    break;
                }

                if (IsNewline(text[first]))
                {
                    position = SkipNewline(text, first);
                    continue;
                }

                if (text[first] == '#')
                {
                    var end = LineEnd(text, first);
                    var comment = new CsvField(text.Substring(first + 1, end - first - 1), first + 1, end - first - 1);
                    records.Add(new CsvRecord(TextSpan.FromBounds(first, end), [], IsComment: true, comment));
                    position = SkipNewline(text, end);
                    continue;
                }

                var fields = new List<CsvField>();
                position = ReadRow(text, rowStart, fields, errors);
                records.Add(new CsvRecord(TextSpan.FromBounds(rowStart, position), fields, IsComment: false, NoComment));
                position = SkipNewline(text, position);
            }

            return records;
        }

        /// <summary>Reads the cells of one row and returns the position of the newline (or end) that ends it.</summary>
        private static int ReadRow(string text, int position, List<CsvField> fields, List<CsvError> errors)
        {
            var length = text.Length;
            while (true)
            {
                var start = SkipBlanks(text, position);
                if (start < length && text[start] == '"')
                {
                    position = ReadQuoted(text, start, fields, errors);
                }
                else
                {
                    var end = start;
                    while (end < length && text[end] != ',' && !IsNewline(text[end]))
                    {
                        end++;
                    }

                    var trimmed = end;
                    while (trimmed > start && IsBlank(text[trimmed - 1]))
                    {
                        trimmed--;
                    }

                    fields.Add(new CsvField(text.Substring(start, trimmed - start), start, trimmed - start));
                    position = end;
                }

                if (position < length && text[position] == ',')
                {
                    position++;
                    continue;
                }

                return position;
            }
        }

        private static int ReadQuoted(string text, int quote, List<CsvField> fields, List<CsvError> errors)
        {
            var length = text.Length;
            var contentStart = quote + 1;
            var position = contentStart;
            StringBuilder? value = null;
            var runStart = contentStart;
            while (position < length)
            {
                if (text[position] != '"')
                {
                    position++;
                    continue;
                }

                if (position + 1 < length && text[position + 1] == '"')
                {
                    value ??= new StringBuilder();
                    value.Append(text, runStart, position + 1 - runStart);
                    position += 2;
                    runStart = position;
                    continue;
                }

                var content = value is null
                    ? text.Substring(contentStart, position - contentStart)
                    : value.Append(text, runStart, position - runStart).ToString();
                fields.Add(new CsvField(content, contentStart, position - contentStart));
                return SkipTextAfterQuote(text, position + 1, errors);
            }

            // No closing quote: keep the rest of the line as the cell, so later rows are not swallowed.
            var lineEnd = LineEnd(text, contentStart);
            errors.Add(new CsvError(new TextSpan(quote, 1), "a quoted cell is never closed: add the closing '\"'"));
            fields.Add(new CsvField(text.Substring(contentStart, lineEnd - contentStart), contentStart, lineEnd - contentStart));
            return lineEnd;
        }

        private static int SkipTextAfterQuote(string text, int position, List<CsvError> errors)
        {
            var next = SkipBlanks(text, position);
            if (next >= text.Length || text[next] == ',' || IsNewline(text[next]))
            {
                return next;
            }

            var end = next;
            while (end < text.Length && text[end] != ',' && !IsNewline(text[end]))
            {
                end++;
            }

            errors.Add(new CsvError(
                TextSpan.FromBounds(next, end),
                "text follows the closing quote of a cell: quote the whole cell and double any quote inside it"));
            return end;
        }

        private static bool IsBlank(char c) => c == ' ' || c == '\t';

        private static bool IsNewline(char c) => c == '\n' || c == '\r';

        private static int SkipBlanks(string text, int position)
        {
            while (position < text.Length && IsBlank(text[position]))
            {
                position++;
            }

            return position;
        }

        private static int LineEnd(string text, int position)
        {
            while (position < text.Length && !IsNewline(text[position]))
            {
                position++;
            }

            return position;
        }

        private static int SkipNewline(string text, int position)
        {
            if (position < text.Length && text[position] == '\r')
            {
                position++;
            }

            if (position < text.Length && text[position] == '\n')
            {
                position++;
            }

            return position;
        }
    }
}

using System.Globalization;
using System.Text;

namespace CmaaGen.Generation
{
    /// <summary>
    /// Writes C# with four-space indentation and LF line endings, whatever the OS, so the same model
    /// gives byte-identical text everywhere.
    /// </summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _builder = new();
        private int _indent;

        public SourceWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4).Append(text);
            }

            _builder.Append('\n');
            return this;
        }

        /// <summary>Writes text at column 0: the inside of a verbatim string, where indentation would be part of the string.</summary>
        public SourceWriter Unindented(string text)
        {
            _builder.Append(text).Append('\n');
            return this;
        }

        /// <summary>
        /// Starts a line at the current indentation, written piece by piece and ended by <see cref="EndLine"/>: a line
        /// of many values (a table row) is then written without a string per value, as a cold build would pay for them.
        /// </summary>
        public SourceWriter StartLine()
        {
            _builder.Append(' ', _indent * 4);
            return this;
        }

        /// <summary>Writes text where the writer is, without indentation or line ending.</summary>
        public SourceWriter Text(string text)
        {
            _builder.Append(text);
            return this;
        }

        /// <summary>Writes a character where the writer is.</summary>
        public SourceWriter Text(char c)
        {
            _builder.Append(c);
            return this;
        }

        /// <summary>Writes a value as a C# string literal where the writer is (see <see cref="Literal"/>).</summary>
        public SourceWriter LiteralText(string value)
        {
            AppendLiteral(_builder, value);
            return this;
        }

        /// <summary>Writes text for an XML doc comment where the writer is (see <see cref="Xml"/>).</summary>
        public SourceWriter XmlText(string value)
        {
            AppendXml(_builder, value);
            return this;
        }

        /// <summary>Ends a line begun with <see cref="StartLine"/>.</summary>
        public SourceWriter EndLine()
        {
            _builder.Append('\n');
            return this;
        }

        /// <summary>Writes a block of lines at the current indentation; its own line endings do not matter.</summary>
        public SourceWriter Lines(string text) => EachLine(text, string.Empty, trimEnd: true);

        public SourceWriter Open(string header)
        {
            Line(header);
            Line("{");
            _indent++;
            return this;
        }

        public SourceWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        /// <summary>Writes an XML doc element, one line per line of text.</summary>
        public SourceWriter Doc(string element, string text)
        {
            Line("/// <" + element + ">");
            EachLine(text, "/// ", trimEnd: false);
            return Line("/// </" + element + ">");
        }

        // Each line of the text, split at LF as string.Split('\n') would, but copied range by range rather than as a string
        // per line: the templates and doc comments are most of the generated text, and what a cold build allocates here
        // brings the compiler's next garbage collection into its generator time. A line left empty gets no indentation.
        private SourceWriter EachLine(string text, string prefix, bool trimEnd)
        {
            var start = 0;
            while (start <= text.Length)
            {
                var end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                // Trailing white space goes, with the CR of a CRLF ending.
                var last = end;
                while (trimEnd && last > start && char.IsWhiteSpace(text[last - 1]))
                {
                    last--;
                }

                if (prefix.Length > 0 || last > start)
                {
                    _builder.Append(' ', _indent * 4).Append(prefix).Append(text, start, last - start);
                }

                _builder.Append('\n');
                start = end + 1;
            }

            return this;
        }

        public override string ToString() => _builder.ToString();

        /// <summary>A C# string literal; anything outside printable ASCII is escaped so the literal reads the same in any encoding.</summary>
        public static string Literal(string value) => AppendLiteral(new StringBuilder(value.Length + 2), value).ToString();

        private static StringBuilder AppendLiteral(StringBuilder builder, string value)
        {
            builder.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"':
                        builder.Append("\\\"");
                        break;
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    default:
                        if (c is >= ' ' and <= '~')
                        {
                            builder.Append(c);
                        }
                        else
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }

                        break;
                }
            }

            return builder.Append('"');
        }

        /// <summary>Text for an XML doc comment: markup characters escaped, line breaks folded into spaces, other control characters dropped.</summary>
        public static string Xml(string value) => AppendXml(new StringBuilder(value.Length), value).ToString();

        private static StringBuilder AppendXml(StringBuilder builder, string value)
        {
            foreach (var c in value)
            {
                switch (c)
                {
                    case '&':
                        builder.Append("&amp;");
                        break;
                    case '<':
                        builder.Append("&lt;");
                        break;
                    case '>':
                        builder.Append("&gt;");
                        break;
                    // C# also ends a line at NEL and the Unicode line and paragraph separators: kept in a /// comment,
                    // the rest of the line would be read as code.
                    case '\r':
                    case '\n':
                    case '\t':
                    case '\u0085':
                    case '\u2028':
                    case '\u2029':
                        builder.Append(' ');
                        break;
                    default:
                        if (!char.IsControl(c))
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder;
        }

        public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}

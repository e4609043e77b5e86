using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Model
{
    /// <summary>
    /// A span in a data file, held as plain values so that models carrying it stay value-equatable
    /// for the incremental pipeline, yet turn into a real <see cref="Location"/> in the file.
    /// </summary>
    internal sealed record FileLocation(
        string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public static FileLocation Create(string path, SourceText text, TextSpan span)
        {
            var lines = text.Lines.GetLinePositionSpan(span);
            return new FileLocation(
                path, span.Start, span.Length,
                lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
        }

        public TextSpan Span => new(Start, Length);

        public Location ToLocation() => Location.Create(
            Path,
            Span,
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
    }
}

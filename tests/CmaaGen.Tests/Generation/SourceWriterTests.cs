using CmaaGen.Generation;

namespace CmaaGen.Tests.Generation;

/// <summary>The writer gives LF endings and its own indentation whatever the text it is given.</summary>
public class SourceWriterTests
{
    [Theory]
    [InlineData("a\nb", "    a\n    b\n")]
    [InlineData("a\r\nb\r\n", "    a\n    b\n\n")]
    [InlineData("a  \n\t\n  b\t", "    a\n\n      b\n")]
    [InlineData("", "\n")]
    [InlineData("x\ry\n", "    x\ry\n\n")]
    public void Lines_are_indented_trimmed_and_end_in_LF(string text, string expected)
    {
        var writer = new SourceWriter().Open("n");

        writer.Lines(text);

        Assert.Equal("n\n{\n" + expected, writer.ToString());
    }

    [Theory]
    [InlineData("a", "    /// a\n")]
    [InlineData("a\nb", "    /// a\n    /// b\n")]
    [InlineData("a\n", "    /// a\n    /// \n")]
    [InlineData("", "    /// \n")]
    public void A_doc_comment_has_a_line_per_line_of_text(string text, string expected)
    {
        var writer = new SourceWriter().Open("n");

        writer.Doc("summary", text);

        Assert.Equal("n\n{\n    /// <summary>\n" + expected + "    /// </summary>\n", writer.ToString());
    }
}

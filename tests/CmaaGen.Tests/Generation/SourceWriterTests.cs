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

    [Fact]
    public void A_line_written_piece_by_piece_is_indented_once_and_escapes_as_Literal_and_Xml_do()
    {
        var writer = new SourceWriter().Open("n");

        writer.StartLine().Text("x = ").LiteralText("a\"\\\u00e9").Text(';').Text(" // ").XmlText("<b> & \n").EndLine();
        writer.Text("@\"").Text("at column 0").EndLine();

        Assert.Equal(
            "n\n{\n    x = " + SourceWriter.Literal("a\"\\\u00e9") + "; // " + SourceWriter.Xml("<b> & \n") + "\n@\"at column 0\n",
            writer.ToString());
        Assert.Equal("\"a\\\"\\\\\\u00e9\"", SourceWriter.Literal("a\"\\\u00e9"));
        Assert.Equal("&lt;b&gt; &amp;  ", SourceWriter.Xml("<b> & \n"));
    }
}

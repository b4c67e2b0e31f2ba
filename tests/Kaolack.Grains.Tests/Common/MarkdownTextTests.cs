using Kaolack.Grains.Common;

namespace Kaolack.Grains.Tests.Common;

/// <summary>
/// People's text in the Markdown the platform writes (issue 20, item 10): a workshop summary embedded raw HTML and
/// forged sections. Markup comes out escaped, shown as typed, and a body's lines cannot open blocks of their own.
/// </summary>
public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>")]
    [InlineData("[Cliquez](javascript:alert(1))", "\\[Cliquez\\](javascript:alert(1))")]
    [InlineData("**gras** _penché_ `code`", "\\*\\*gras\\*\\* \\_penché\\_ \\`code\\`")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("&lt;script&gt;", "\\&lt;script\\&gt;")]
    [InlineData("Idée\n## Résultats\n- 100 voix", "Idée / ## Résultats / - 100 voix")]
    public void Inline_text_shows_as_typed_on_one_line(string typed, string written)
    {
        Assert.Equal(written, MarkdownText.Inline(typed));
    }

    [Fact]
    public void A_body_keeps_its_lines_but_none_opens_a_heading_a_list_a_quote_or_html()
    {
        var written = MarkdownText.Block("Stand commun en mai.\n\n## Résultats falsifiés\n  - 500 voix\n> citation\n1. premier\n<script>alert(1)</script>\n===");

        Assert.Equal(
            "Stand commun en mai.\n\n\\## Résultats falsifiés\n\\- 500 voix\n\\> citation\n1\\. premier\n\\<script\\>alert(1)\\</script\\>\n\\===",
            written);
        Assert.DoesNotContain(written.Split('\n'), line => line.StartsWith('#') || line.StartsWith('<') || line.StartsWith("- ", StringComparison.Ordinal));
    }
}

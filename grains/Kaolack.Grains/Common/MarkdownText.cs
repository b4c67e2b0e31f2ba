using System.Text;
using System.Text.RegularExpressions;

namespace Kaolack.Grains.Common;

/// <summary>
/// People's text inside Markdown the platform writes (workshop summaries): shown as they typed it, never read as markup.
/// A title, a note or a name cannot embed HTML, a link, emphasis or a table cell, and a line of a body cannot open a
/// heading, a list, a quote or a rule of its own: a forged "## Résultats" stays a line of text. Characters are escaped
/// with a backslash (CommonMark), which every renderer shows as the character itself.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>Escaped anywhere in a line: HTML and entities, emphasis, code, links and images, table cells, escapes.</summary>
    private const string AlwaysEscaped = "\\`*_[]<>|~&";

    /// <summary>
    /// Text placed after the start of a line the platform writes (a heading's text, a list item, a table cell): line
    /// breaks become " / ", so it cannot start a line of its own, and markup is escaped.
    /// </summary>
    public static string Inline(string? text) =>
        Escape(string.Join(" / ", Lines(text).Select(line => line.Trim()).Where(line => line.Length > 0)), 0);

    /// <summary>Text that keeps its lines (a body of notes): each line escaped, blank lines kept, leading blanks dropped.</summary>
    public static string Block(string? text) => string.Join('\n', Lines(text).Select(line => line.Trim().Length == 0 ? "" : Line(line.TrimStart())));

    private static string[] Lines(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r');

    /// <summary>A line of its own, without leading blanks: the marker that would open a block, and markup anywhere, escaped.</summary>
    private static string Line(string line)
    {
        // "# …", "> …", "- …", "+ …", "=…" (a setext underline), "1. …", "1) …": the marker goes escaped.
        var blockStart = BlockStart().Match(line);
        if (!blockStart.Success)
        {
            return Escape(line, 0);
        }
        var marker = blockStart.Groups["marker"].Index;
        return $"{line[..marker]}\\{line[marker]}{Escape(line, marker + 1)}";
    }

    private static string Escape(string text, int from)
    {
        var escaped = new StringBuilder(text.Length - from + 8);
        foreach (var c in text.AsSpan(from))
        {
            if (AlwaysEscaped.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    [GeneratedRegex(@"^(?:\d{1,9}(?<marker>[.)])|(?<marker>[#>+=-]))", RegexOptions.CultureInvariant)]
    private static partial Regex BlockStart();
}

using System.Globalization;
using System.Text;

namespace Kaolack.Contracts.Text;

/// <summary>
/// One step of a <see cref="TextOp"/>: retain (skip) n code points, insert a string, or delete
/// n code points. A delete may carry the text it removes (<c>{"d": "text"}</c> on the wire), which
/// ot-text-unicode keeps through transform and compose so ops stay invertible.
/// </summary>
/// <remarks>
/// The factories accept any value, so a raw, possibly invalid component list can be represented
/// and then judged by <see cref="TextOpValidation"/>; a <see cref="TextOp"/> only ever holds
/// valid components.
/// </remarks>
[GenerateSerializer]
[Immutable]
public readonly record struct TextOpComponent
{
    private TextOpComponent(TextOpComponentKind kind, int length, string? text)
    {
        Kind = kind;
        Length = length;
        Text = text;
    }

    [Id(0)]
    public TextOpComponentKind Kind { get; }

    /// <summary>Length in code points: the retain or delete count, or the insert's length.
    /// Stored so that walking an op never recounts its strings.</summary>
    [Id(1)]
    public int Length { get; }

    /// <summary>The inserted text, the deleted text of an invertible delete, otherwise null.</summary>
    [Id(2)]
    public string? Text { get; }

    public bool IsRetain => Kind == TextOpComponentKind.Retain;

    public bool IsInsert => Kind == TextOpComponentKind.Insert;

    public bool IsDelete => Kind == TextOpComponentKind.Delete;

    /// <summary>For callers that already know the code point length of <paramref name="text"/>.</summary>
    internal static TextOpComponent WithKnownLength(TextOpComponentKind kind, int length, string? text) => new(kind, length, text);

    public static TextOpComponent Retain(int count) => new(TextOpComponentKind.Retain, count, null);

    public static TextOpComponent Insert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(TextOpComponentKind.Insert, CodePoints.Count(text), text);
    }

    public static TextOpComponent Delete(int count) => new(TextOpComponentKind.Delete, count, null);

    /// <summary>An invertible delete: removes <c>CodePoints.Count(deletedText)</c> code points and
    /// remembers what they were. The document is not checked against the text, as in ot-text-unicode.</summary>
    public static TextOpComponent Delete(string deletedText)
    {
        ArgumentNullException.ThrowIfNull(deletedText);
        return new(TextOpComponentKind.Delete, CodePoints.Count(deletedText), deletedText);
    }

    /// <summary>The wire form: <c>3</c>, <c>"hi"</c>, <c>{"d":2}</c> or <c>{"d":"hi"}</c>.</summary>
    public override string ToString() => Kind switch
    {
        TextOpComponentKind.Retain => Length.ToString(CultureInfo.InvariantCulture),
        TextOpComponentKind.Insert => Quote(Text),
        TextOpComponentKind.Delete when Text is not null => $"{{\"d\":{Quote(Text)}}}",
        TextOpComponentKind.Delete => $"{{\"d\":{Length.ToString(CultureInfo.InvariantCulture)}}}",
        _ => $"<invalid component kind {(int)Kind}>",
    };

    // A JSON string literal that keeps letters and emoji readable in logs and assertion messages
    // (System.Text.Json escapes everything outside ASCII).
    private static string Quote(string? text)
    {
        var builder = new StringBuilder("\"");
        foreach (var ch in text ?? "")
        {
            _ = ch switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                < ' ' => builder.Append($"\\u{(int)ch:x4}"),
                _ => builder.Append(ch),
            };
        }
        return builder.Append('"').ToString();
    }
}

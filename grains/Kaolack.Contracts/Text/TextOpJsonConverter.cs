using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Text;

/// <summary>
/// The ot-text-unicode wire format: <c>[3, "hi", {"d": 2}, {"d": "removed"}]</c>.
/// Reading accepts exactly what the package's <c>checkOp</c> accepts (see
/// <see cref="TextOpValidation"/>) and then merges adjacent inserts/deletes; anything else is a
/// <see cref="JsonException"/> naming the offending component.
/// </summary>
/// <remarks>
/// Stricter than the JavaScript on purpose, since these ops come from browsers: counts must be
/// integers, a delete object holds only <c>d</c>, strings must be well-formed UTF-16.
/// </remarks>
public sealed class TextOpJsonConverter : JsonConverter<TextOp>
{
    public override TextOp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A text op must be a JSON array of components, e.g. [3, \"hi\", {\"d\": 2}].");
        }
        var components = new List<TextOpComponent>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            components.Add(ReadComponent(ref reader, components.Count));
        }
        try
        {
            return TextOp.Create(components);
        }
        catch (TextOpException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, TextOp value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var c in value.Components)
        {
            switch (c.Kind)
            {
                case TextOpComponentKind.Retain:
                    writer.WriteNumberValue(c.Length);
                    break;
                case TextOpComponentKind.Insert:
                    writer.WriteStringValue(c.Text);
                    break;
                default:
                    writer.WriteStartObject();
                    if (c.Text is null)
                    {
                        writer.WriteNumber("d", c.Length);
                    }
                    else
                    {
                        writer.WriteString("d", c.Text);
                    }
                    writer.WriteEndObject();
                    break;
            }
        }
        writer.WriteEndArray();
    }

    private static TextOpComponent ReadComponent(ref Utf8JsonReader reader, int index)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return TextOpComponent.Retain(ReadCount(ref reader, index, "Skip"));
            case JsonTokenType.String:
                return TextOpComponent.Insert(ReadString(ref reader, index));
            case JsonTokenType.StartObject:
                TextOpComponent? delete = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    if (!reader.ValueTextEquals("d"u8) || delete is not null)
                    {
                        throw new JsonException($"Component {index}: a delete object has exactly one property, \"d\" (found \"{reader.GetString()}\").");
                    }
                    reader.Read();
                    delete = reader.TokenType switch
                    {
                        JsonTokenType.Number => TextOpComponent.Delete(ReadCount(ref reader, index, "Delete")),
                        JsonTokenType.String => TextOpComponent.Delete(ReadString(ref reader, index)),
                        _ => throw new JsonException($"Component {index}: Delete must be number or string."),
                    };
                }
                return delete ?? throw new JsonException($"Component {index}: Delete must be number or string.");
            default:
                throw new JsonException($"Component {index}: a component is a number (skip), a string (insert) or {{\"d\": …}} (delete), not {reader.TokenType}.");
        }
    }

    private static int ReadCount(ref Utf8JsonReader reader, int index, string what) =>
        reader.TryGetInt32(out var count)
            ? count
            : throw new JsonException($"Component {index}: {what} count must be an integer that fits 32 bits.");

    private static string ReadString(ref Utf8JsonReader reader, int index)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json refuses escaped lone surrogates such as "\uD800".
            throw new JsonException($"Component {index}: {e.Message}", e);
        }
    }
}

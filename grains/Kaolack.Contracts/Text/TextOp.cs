using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Text;

/// <summary>
/// An ot-text-unicode operation: components walked left to right over a document whose
/// positions are Unicode code points. Wire form: <c>[3, "hi", {"d": 2}]</c>.
/// </summary>
/// <remarks>
/// Always valid and normalised: no empty components, no trailing retain, no two adjacent
/// components of the same kind. An insert next to a delete keeps its order (<c>["x", {"d":1}]</c>
/// and <c>[{"d":1}, "x"]</c> are different ops with the same effect), because the package keeps
/// it and transform treats the two differently.
/// </remarks>
[GenerateSerializer]
[Immutable]
[JsonConverter(typeof(TextOpJsonConverter))]
public sealed class TextOp : IEquatable<TextOp>
{
    [Id(0)]
    private readonly ImmutableArray<TextOpComponent> components;

    internal TextOp(ImmutableArray<TextOpComponent> components) => this.components = components;

    /// <summary>The op that changes nothing: <c>[]</c>.</summary>
    public static TextOp Empty { get; } = new([]);

    public ImmutableArray<TextOpComponent> Components => components.IsDefault ? [] : components;

    public bool IsNoop => Components.IsEmpty;

    /// <summary>Code points of the document the op walks over (retains + deletes): the shortest
    /// document it can be applied to. A sequencer should check it against the document at the op's
    /// base version before transforming. A long, because counts from the wire can add up past
    /// <see cref="int.MaxValue"/>.</summary>
    public long InputLength
    {
        get
        {
            var length = 0L;
            foreach (var c in Components)
            {
                length += c.IsInsert ? 0 : c.Length;
            }
            return length;
        }
    }

    /// <summary>How many code points longer (or shorter, when negative) the document becomes.</summary>
    public long LengthChange
    {
        get
        {
            var change = 0L;
            foreach (var c in Components)
            {
                change += c.Kind switch
                {
                    TextOpComponentKind.Insert => c.Length,
                    TextOpComponentKind.Delete => -c.Length,
                    _ => 0,
                };
            }
            return change;
        }
    }

    /// <summary>
    /// An op from components that pass ot-text-unicode's <c>checkOp</c> (see
    /// <see cref="TextOpValidation"/>); adjacent inserts and adjacent deletes are merged.
    /// </summary>
    /// <exception cref="TextOpException">The components are not a valid op.</exception>
    public static TextOp Create(IEnumerable<TextOpComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var list = components as IReadOnlyList<TextOpComponent> ?? [.. components];
        TextOpValidation.Check(list);
        var builder = new TextOpBuilder();
        foreach (var c in list)
        {
            builder.Append(c);
        }
        return builder.Build();
    }

    /// <inheritdoc cref="Create(IEnumerable{TextOpComponent})"/>
    public static TextOp Create(params TextOpComponent[] components) => Create((IEnumerable<TextOpComponent>)components);

    /// <summary>
    /// ot-text-unicode's <c>normalize</c>: more lenient than <see cref="Create(IEnumerable{TextOpComponent})"/>,
    /// it drops empty components and trailing retains and merges every run of the same kind.
    /// </summary>
    /// <exception cref="TextOpException">A count is negative, a kind is unknown or a string is not well-formed UTF-16.</exception>
    public static TextOp Normalize(IEnumerable<TextOpComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var builder = new TextOpBuilder();
        var index = 0;
        foreach (var c in components)
        {
            // Empty components are dropped rather than judged, exactly as the package does.
            var error = c.Length == 0 && c.Kind != default ? null : TextOpValidation.ValidateComponent(c, previous: null);
            if (error is not null)
            {
                throw new TextOpException($"Component {index} ({c}): {error}");
            }
            builder.Append(c);
            index++;
        }
        return builder.Build();
    }

    /// <inheritdoc cref="Normalize(IEnumerable{TextOpComponent})"/>
    public static TextOp Normalize(params TextOpComponent[] components) => Normalize((IEnumerable<TextOpComponent>)components);

    /// <summary>Insert <paramref name="text"/> at code point <paramref name="position"/>
    /// (the package's <c>insert(pos, text)</c>).</summary>
    public static TextOp InsertAt(int position, string text)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentNullException.ThrowIfNull(text);
        return Normalize(TextOpComponent.Retain(position), TextOpComponent.Insert(text));
    }

    /// <summary>Delete <paramref name="count"/> code points at <paramref name="position"/>
    /// (the package's <c>remove(pos, n)</c>).</summary>
    public static TextOp DeleteAt(int position, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Normalize(TextOpComponent.Retain(position), TextOpComponent.Delete(count));
    }

    /// <summary>Delete <paramref name="deletedText"/> at <paramref name="position"/>, keeping it in
    /// the op (the package's <c>remove(pos, "text")</c>).</summary>
    public static TextOp DeleteAt(int position, string deletedText)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentNullException.ThrowIfNull(deletedText);
        return Normalize(TextOpComponent.Retain(position), TextOpComponent.Delete(deletedText));
    }

    /// <summary>Parses the wire form, e.g. <c>[3, "hi", {"d": 2}]</c>.</summary>
    /// <exception cref="JsonException">The JSON is not a valid op.</exception>
    public static TextOp Parse(string json) =>
        JsonSerializer.Deserialize<TextOp>(json) ?? throw new JsonException("A text op cannot be null.");

    /// <summary>The wire form, e.g. <c>[3,"hi",{"d":2}]</c>.</summary>
    public override string ToString() => $"[{string.Join(",", Components)}]";

    public bool Equals(TextOp? other) =>
        other is not null && Components.AsSpan().SequenceEqual(other.Components.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as TextOp);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in Components)
        {
            hash.Add(c);
        }
        return hash.ToHashCode();
    }

    public static bool operator ==(TextOp? left, TextOp? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(TextOp? left, TextOp? right) => !(left == right);
}

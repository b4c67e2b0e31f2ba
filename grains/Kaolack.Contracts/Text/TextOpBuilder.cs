using System.Collections.Immutable;
using System.Text;

namespace Kaolack.Contracts.Text;

/// <summary>
/// ot-text-unicode's <c>makeAppend</c> + <c>trim</c>: empty components vanish, a component of the
/// same kind as the previous one merges into it, and a trailing retain is dropped at the end.
/// </summary>
/// <remarks>
/// Merging keeps the package's exact output: two deletes that both carry their text stay a text
/// delete, any other pair becomes a counted delete. The last component is kept open in a
/// <see cref="StringBuilder"/> so long chains of merges stay linear.
/// </remarks>
internal sealed class TextOpBuilder
{
    private readonly ImmutableArray<TextOpComponent>.Builder done = ImmutableArray.CreateBuilder<TextOpComponent>();
    private readonly StringBuilder pendingText = new();
    private TextOpComponentKind pendingKind;
    private int pendingLength;
    private bool pendingHasText;

    public void Append(TextOpComponent c)
    {
        if (c.Length == 0)
        {
            return;
        }
        if (pendingKind == c.Kind)
        {
            pendingLength += c.Length;
            if (c.Kind == TextOpComponentKind.Retain)
            {
                return;
            }
            if (pendingHasText && c.Text is not null)
            {
                pendingText.Append(c.Text);
            }
            else
            {
                // Only inserts and text-carrying deletes have text; a counted delete loses it.
                pendingHasText = false;
                pendingText.Clear();
            }
            return;
        }
        Flush();
        pendingKind = c.Kind;
        pendingLength = c.Length;
        pendingHasText = c.Text is not null;
        pendingText.Append(c.Text);
    }

    /// <summary>The op built so far, without a trailing retain (the builder is spent afterwards).</summary>
    public TextOp Build()
    {
        if (pendingKind == TextOpComponentKind.Retain)
        {
            pendingKind = default;
        }
        Flush();
        return done.Count == 0 ? TextOp.Empty : new TextOp(done.DrainToImmutable());
    }

    private void Flush()
    {
        if (pendingKind == default)
        {
            return;
        }
        var text = pendingHasText ? pendingText.ToString() : null;
        done.Add(TextOpComponent.WithKnownLength(pendingKind, pendingLength, text));
        pendingKind = default;
        pendingText.Clear();
        pendingHasText = false;
    }
}

namespace Kaolack.Contracts.Text;

/// <summary>Which of two concurrent operations wins a tie when both insert at the same position:
/// the <see cref="Left"/> op's text ends up first.</summary>
/// <remarks>
/// Convergence only needs the two sides to differ. ShareDB, the usual host of ot-text-unicode,
/// transforms a late op <see cref="Left"/> over the ops the server already applied, and a client
/// transforms its in-flight/pending ops <see cref="Left"/> against an incoming server op and that
/// server op <see cref="Right"/> against them; the sequencer and the TypeScript client should
/// keep the same convention, or concurrent typing at one spot will end up ordered differently.
/// </remarks>
public enum Side
{
    Left,
    Right,
}

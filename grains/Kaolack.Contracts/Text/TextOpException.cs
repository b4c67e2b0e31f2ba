namespace Kaolack.Contracts.Text;

/// <summary>An operation is malformed or does not fit the document it is applied to.
/// Thrown before anything is changed, so the document a caller holds is never half-edited.</summary>
[GenerateSerializer]
public sealed class TextOpException : Exception
{
    public TextOpException()
    {
    }

    public TextOpException(string message)
        : base(message)
    {
    }

    public TextOpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

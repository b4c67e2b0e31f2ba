namespace Kaolack.Contracts.Errors;

/// <summary>
/// A refusal by the domain: the request was understood and nothing was changed.
/// Subclasses cross grain calls (Orleans serializes them) and map to problem details over HTTP.
/// </summary>
[GenerateSerializer]
public abstract class DomainException : Exception
{
    protected DomainException(string message) : base(message)
    {
    }

    /// <summary>A stable machine-readable code, e.g. "validation-failed".</summary>
    public abstract string Code { get; }
}

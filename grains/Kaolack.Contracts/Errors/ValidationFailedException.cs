namespace Kaolack.Contracts.Errors;

/// <summary>Input that breaks a field rule; <see cref="Errors"/> maps field paths (camelCase) to messages.</summary>
[GenerateSerializer]
public sealed class ValidationFailedException : DomainException
{
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base("La saisie contient des erreurs.")
    {
        Errors = new Dictionary<string, string[]>(errors);
    }

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    [Id(0)]
    public Dictionary<string, string[]> Errors { get; }

    public override string Code => ErrorCodes.ValidationFailed;
}

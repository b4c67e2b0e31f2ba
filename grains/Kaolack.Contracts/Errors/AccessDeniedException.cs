namespace Kaolack.Contracts.Errors;

/// <summary>The caller may not do this (403). Nothing was changed.</summary>
[GenerateSerializer]
public sealed class AccessDeniedException(string message) : DomainException(message)
{
    public override string Code => ErrorCodes.Forbidden;
}

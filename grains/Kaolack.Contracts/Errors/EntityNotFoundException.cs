namespace Kaolack.Contracts.Errors;

[GenerateSerializer]
public sealed class EntityNotFoundException(string what) : DomainException($"{what} est introuvable.")
{
    public override string Code => ErrorCodes.NotFound;
}

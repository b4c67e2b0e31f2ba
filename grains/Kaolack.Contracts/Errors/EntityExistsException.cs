namespace Kaolack.Contracts.Errors;

[GenerateSerializer]
public sealed class EntityExistsException(string what) : DomainException($"{what} existe déjà.")
{
    public override string Code => ErrorCodes.AlreadyExists;
}

namespace Kaolack.Contracts.Errors;

/// <summary>
/// An account link that cannot be used: expired, already used, replaced by a newer one, or never issued. One answer
/// for all, so a link tells nothing about the account but that it is not usable (410).
/// </summary>
[GenerateSerializer]
public sealed class LinkInvalidException() : DomainException("Ce lien a expiré ou a déjà servi : demandez-en un nouveau.")
{
    public override string Code => ErrorCodes.LinkInvalid;
}

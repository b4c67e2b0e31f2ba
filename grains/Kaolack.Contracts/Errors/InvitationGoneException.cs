namespace Kaolack.Contracts.Errors;

/// <summary>An invitation that was valid once: expired or already used (410).</summary>
[GenerateSerializer]
public sealed class InvitationGoneException(bool expired)
    : DomainException(expired ? "Cette invitation a expiré." : "Cette invitation a déjà été utilisée.")
{
    [Id(0)]
    public bool Expired { get; } = expired;

    public override string Code => Expired ? ErrorCodes.InvitationExpired : ErrorCodes.InvitationUsed;
}

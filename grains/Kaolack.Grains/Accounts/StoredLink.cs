namespace Kaolack.Grains.Accounts;

/// <summary>A pending account link as the account keeps it: the hash of its secret and when it stops working.</summary>
[GenerateSerializer, Immutable, Alias("kaolack.stored-link.v1")]
public sealed record StoredLink(
    [property: Id(0)] string SecretHash,
    [property: Id(1)] DateTimeOffset ExpiresAt);

using Kaolack.Contracts.Accounts;

namespace Kaolack.Contracts.Projects;

[GenerateSerializer, Immutable]
public sealed record ProjectMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] ProjectRole Role,
    [property: Id(2)] DateTimeOffset Since);

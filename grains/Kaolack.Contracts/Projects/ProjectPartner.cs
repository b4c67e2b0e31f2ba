using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Projects;

[GenerateSerializer, Immutable]
public sealed record ProjectPartner(
    [property: Id(0)] EntityKind Kind,
    [property: Id(1)] string Slug,
    [property: Id(2)] string Name,
    [property: Id(3)] Region Region,
    [property: Id(4)] DateTimeOffset JoinedAt);

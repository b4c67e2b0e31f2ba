using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Cooperatives;

/// <summary>A cooperative as read at one version.</summary>
/// <param name="Members">The accounts (normalised e-mails) that may edit it.</param>
[GenerateSerializer, Immutable]
public sealed record Cooperative(
    [property: Id(0)] EntityMeta Meta,
    [property: Id(1)] CooperativeProfile Profile,
    [property: Id(2)] string[] Members);

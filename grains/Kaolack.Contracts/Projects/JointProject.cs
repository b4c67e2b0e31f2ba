using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Projects;

/// <summary>A joint project as read at one version.</summary>
[GenerateSerializer, Immutable]
public sealed record JointProject(
    [property: Id(0)] EntityMeta Meta,
    [property: Id(1)] ProjectCharter Charter,
    [property: Id(2)] ProjectStatus Status,
    [property: Id(3)] ProjectPartner[] Partners,
    [property: Id(4)] Contribution[] Contributions,
    [property: Id(5)] ActivityEntry[] Activity,
    [property: Id(6)] ProjectMember[] Members);

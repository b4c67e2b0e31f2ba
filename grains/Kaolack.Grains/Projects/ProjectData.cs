using Kaolack.Contracts.Projects;

namespace Kaolack.Grains.Projects;

/// <summary>Everything a joint project holds, as persisted.</summary>
[GenerateSerializer, Immutable, Alias("kaolack.project-data.v1")]
public sealed record ProjectData(
    [property: Id(0)] ProjectCharter Charter,
    [property: Id(1)] ProjectStatus Status,
    [property: Id(2)] ProjectPartner[] Partners,
    [property: Id(3)] Contribution[] Contributions,
    [property: Id(4)] ActivityEntry[] Activity,
    [property: Id(5)] ProjectMember[] Members,
    [property: Id(6)] ProjectInvitation[] Invitations);

namespace Kaolack.Contracts.Dashboard;

/// <summary>
/// The programme's numbers over a set of project summaries and organisations: a pure function of them
/// (see ProgrammeAggregation), so any set can be recomputed from scratch and compared.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ProgrammeIndicators
{
    [Id(0)] public int Projects { get; init; }
    [Id(1)] public StatusCount[] ByStatus { get; init; } = [];
    [Id(2)] public RegionPairCount[] ByRegionPair { get; init; } = [];
    [Id(3)] public NamedCount[] ByValueChain { get; init; } = [];
    [Id(4)] public MilestoneCounts Milestones { get; init; } = new(0, 0, 0, 0);
    [Id(5)] public TaskCounts Tasks { get; init; } = new(0, 0);
    [Id(6)] public RegionEngagement[] Engaged { get; init; } = [];
    [Id(7)] public FairYearCount[] FairParticipations { get; init; } = [];
    [Id(8)] public NamedCount[] CapacityNeeds { get; init; } = [];
    [Id(9)] public MoneyProgress[] Budget { get; init; } = [];
    [Id(10)] public MoneyProgress[] Pledges { get; init; } = [];
    [Id(11)] public PledgeCounts PledgesInKind { get; init; } = new(0, 0);
}

namespace Kaolack.Contracts.Projects;

[GenerateSerializer, Immutable]
public sealed record Contribution(
    [property: Id(0)] int Number,
    [property: Id(1)] ContributionInput Details,
    [property: Id(2)] DateTimeOffset RecordedAt);

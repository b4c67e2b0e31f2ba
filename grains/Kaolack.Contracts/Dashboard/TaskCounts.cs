namespace Kaolack.Contracts.Dashboard;

[GenerateSerializer, Immutable]
public sealed record TaskCounts([property: Id(0)] int Done, [property: Id(1)] int Total);

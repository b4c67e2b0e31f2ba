namespace Kaolack.Contracts.Dashboard;

/// <summary>Pledges in kind without a value: how many were made, and how many of them were received.</summary>
[GenerateSerializer, Immutable]
public sealed record PledgeCounts([property: Id(0)] int Received, [property: Id(1)] int Total);

using Kaolack.Contracts.Common;

namespace Kaolack.Contracts.Dashboard;

/// <summary>An amount expected (a budget, pledges) and what was received of it, in one currency (currencies are never converted).</summary>
[GenerateSerializer, Immutable]
public sealed record MoneyProgress(
    [property: Id(0)] Currency Currency,
    [property: Id(1)] decimal Expected,
    [property: Id(2)] decimal Received);

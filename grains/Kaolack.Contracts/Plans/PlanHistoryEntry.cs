namespace Kaolack.Contracts.Plans;

/// <summary>
/// One change to one entity of a plan, as the history shows it: what (<see cref="Change"/>, and <see cref="Field"/>
/// for set and text; the new <see cref="Value"/> for set), who, when, and the version it made. Consecutive text edits
/// of one field by one author within a minute are one entry (the latest version and time).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PlanHistoryEntry(
    [property: Id(0)] long Version,
    [property: Id(1)] PlanEntityKind Kind,
    [property: Id(2)] string EntityId,
    [property: Id(3)] PlanOpType Change,
    [property: Id(4)] string? Field,
    [property: Id(5)] string? Value,
    [property: Id(6)] string UserId,
    [property: Id(7)] string DisplayName,
    [property: Id(8)] DateTimeOffset At);

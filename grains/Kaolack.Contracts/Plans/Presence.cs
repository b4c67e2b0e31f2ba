namespace Kaolack.Contracts.Plans;

/// <summary>What one client tells about itself: where it is in the plan (nothing: just present) and its text cursor.</summary>
[GenerateSerializer, Immutable]
public sealed record PresenceUpdate(
    [property: Id(0)] string ClientId,
    [property: Id(1)] PlanEntityKind? Kind,
    [property: Id(2)] string? EntityId,
    [property: Id(3)] string? Field,
    [property: Id(4)] int? Cursor);

/// <summary>One client present in a plan, as everyone sees it. The cursor follows concurrent text edits.</summary>
[GenerateSerializer, Immutable]
public sealed record PresenceEntry(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] PlanEntityKind? Kind,
    [property: Id(4)] string? EntityId,
    [property: Id(5)] string? Field,
    [property: Id(6)] int? Cursor,
    [property: Id(7)] DateTimeOffset SeenAt);

/// <summary>Everyone present in a plan: the data of every "presence:{slug}" live event (always a snapshot).</summary>
[GenerateSerializer, Immutable]
public sealed record PresenceList([property: Id(0)] PresenceEntry[] Entries);

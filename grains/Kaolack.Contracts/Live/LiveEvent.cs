namespace Kaolack.Contracts.Live;

/// <summary>
/// One change of a topic. <see cref="Data"/> is the entity as it is at <see cref="Version"/>
/// (a <c>Cooperative</c>, <c>DiasporaGroup</c>, <c>JointProject</c>, <c>DirectoryEntry</c>,
/// <c>DirectoryRemoval</c> or <c>DirectorySnapshot</c>), so a client never needs a second read.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LiveEvent(
    [property: Id(0)] string Topic,
    [property: Id(1)] long Version,
    [property: Id(2)] ChangeKind Change,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] object? Data);

namespace Kaolack.Contracts.Projects;

/// <summary>One line of a project's activity log.</summary>
/// <param name="Kind">A stable code (created, updated, status-changed, partner-added, partner-removed, contribution-added, workshop-summary).</param>
/// <param name="Text">A French sentence for people.</param>
[GenerateSerializer, Immutable]
public sealed record ActivityEntry(
    [property: Id(0)] long Version,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Text);

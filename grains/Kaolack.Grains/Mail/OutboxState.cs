using Kaolack.Contracts.Mail;

namespace Kaolack.Grains.Mail;

[GenerateSerializer, Immutable, Alias("kaolack.outbox-state.v1")]
public sealed record OutboxState
{
    /// <summary>Oldest first, at most <see cref="IMailOutboxGrain.Capacity"/>.</summary>
    [Id(0)] public OutboxMessage[] Messages { get; init; } = [];

    [Id(1)] public long LastNumber { get; init; }
}

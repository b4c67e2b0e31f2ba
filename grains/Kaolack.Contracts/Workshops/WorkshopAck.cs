namespace Kaolack.Contracts.Workshops;

/// <summary>The answer to a command, once durable: the workshop's version that holds it.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopAck([property: Id(0)] long Version);

namespace Kaolack.Contracts.Workshops;

[GenerateSerializer, Immutable]
public sealed record AgendaItem([property: Id(0)] string Title, [property: Id(1)] int PlannedMinutes);

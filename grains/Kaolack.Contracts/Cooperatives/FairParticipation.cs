namespace Kaolack.Contracts.Cooperatives;

[GenerateSerializer, Immutable]
public sealed record FairParticipation(
    [property: Id(0)] Fair Fair,
    [property: Id(1)] int Year,
    [property: Id(2)] FairRole Role);

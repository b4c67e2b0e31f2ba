namespace Kaolack.Contracts.Common;

[GenerateSerializer, Immutable]
public sealed record Money([property: Id(0)] decimal Amount, [property: Id(1)] Currency Currency);

using System.Collections.Immutable;
using Kaolack.Contracts.Text;

namespace Kaolack.Contracts.Plans;

/// <summary>
/// One edit of a plan. Which members are used depends on <see cref="Type"/>: add (Order, Fields),
/// delete, move (Order), set (Field, Value; null clears), text (Field, Text).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PlanOp
{
    [Id(0)] public PlanOpType Type { get; init; }
    [Id(1)] public PlanEntityKind Kind { get; init; }
    [Id(2)] public string Id { get; init; } = "";
    [Id(3)] public string? Order { get; init; }
    [Id(4)] public string? Field { get; init; }
    [Id(5)] public string? Value { get; init; }
    [Id(6)] public TextOp? Text { get; init; }
    [Id(7)] public ImmutableDictionary<string, string>? Fields { get; init; }
}

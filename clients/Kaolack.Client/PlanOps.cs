using System.Collections.Immutable;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;

namespace Kaolack.Client;

/// <summary>Builders for the plan ops a client sends.</summary>
public static class PlanOps
{
    /// <summary>A new random entity id (letters and digits, as the server accepts).</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..16];

    public static PlanOp Add(PlanEntityKind kind, string id, string order, IReadOnlyDictionary<string, string>? fields = null) => new()
    {
        Type = PlanOpType.Add,
        Kind = kind,
        Id = id,
        Order = order,
        Fields = fields?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, string>.Empty,
    };

    public static PlanOp Delete(PlanEntityKind kind, string id) => new() { Type = PlanOpType.Delete, Kind = kind, Id = id };

    public static PlanOp Move(PlanEntityKind kind, string id, string order) => new() { Type = PlanOpType.Move, Kind = kind, Id = id, Order = order };

    /// <summary>Sets a scalar field; null or empty clears it.</summary>
    public static PlanOp Set(PlanEntityKind kind, string id, string field, string? value) =>
        new() { Type = PlanOpType.Set, Kind = kind, Id = id, Field = field, Value = value };

    public static PlanOp Text(PlanEntityKind kind, string id, string field, TextOp text) =>
        new() { Type = PlanOpType.Text, Kind = kind, Id = id, Field = field, Text = text };

    /// <summary>Inserts at a code point position of a text field.</summary>
    public static PlanOp Insert(PlanEntityKind kind, string id, string field, int position, string text) =>
        Text(kind, id, field, TextOp.InsertAt(position, text));

    /// <summary>Deletes code points of a text field.</summary>
    public static PlanOp Remove(PlanEntityKind kind, string id, string field, int position, int count) =>
        Text(kind, id, field, TextOp.DeleteAt(position, count));
}

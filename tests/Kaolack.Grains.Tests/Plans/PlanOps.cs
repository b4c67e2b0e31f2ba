using System.Collections.Immutable;
using System.Text;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;

namespace Kaolack.Grains.Tests.Plans;

/// <summary>Plan ops to start from, for the rule and grain tests.</summary>
internal static class PlanOps
{
    public static PlanOp Add(PlanEntityKind kind, string id, string? order, params (string Field, string Value)[] fields) => new()
    {
        Type = PlanOpType.Add,
        Kind = kind,
        Id = id,
        Order = order,
        Fields = fields.ToImmutableDictionary(f => f.Field, f => f.Value),
    };

    public static PlanOp AddSection(string id, string? order, params (string Field, string Value)[] fields) =>
        Add(PlanEntityKind.Section, id, order, fields);

    public static PlanOp Delete(string id) => new() { Type = PlanOpType.Delete, Kind = PlanEntityKind.Section, Id = id };

    public static PlanOp Set(PlanEntityKind kind, string id, string field, string? value) =>
        new() { Type = PlanOpType.Set, Kind = kind, Id = id, Field = field, Value = value };

    public static PlanOp Text(PlanEntityKind kind, string id, string field, TextOp text) =>
        new() { Type = PlanOpType.Text, Kind = kind, Id = id, Field = field, Text = text };

    public static PlanOp Body(string sectionId, TextOp text) => Text(PlanEntityKind.Section, sectionId, PlanFields.Body, text);

    public static string[] FieldsOf(PlanEntity entity) =>
        [.. entity.Fields.Select(f => $"{f.Key}={f.Value}").Order(StringComparer.Ordinal)];

    /// <summary>Every entity with its order and fields, in document order, one a line: equal strings mean equal documents.</summary>
    public static string Describe(PlanDocument document)
    {
        var text = new StringBuilder();
        foreach (var entity in document.Sections.Concat(document.Milestones).Concat(document.Tasks))
        {
            text.Append($"{entity.Kind}/{entity.Id}@{entity.Order}: {string.Join("; ", FieldsOf(entity))}\n");
        }
        return text.ToString();
    }
}

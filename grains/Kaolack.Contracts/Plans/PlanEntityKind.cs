using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Plans;

[JsonConverter(typeof(JsonStringEnumConverter<PlanEntityKind>))]
public enum PlanEntityKind
{
    [JsonStringEnumMemberName("section")] Section,
    [JsonStringEnumMemberName("milestone")] Milestone,
    [JsonStringEnumMemberName("task")] Task,
}

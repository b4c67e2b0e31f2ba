using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Projects;

[JsonConverter(typeof(JsonStringEnumConverter<ProjectStatus>))]
public enum ProjectStatus
{
    [JsonStringEnumMemberName("proposed")] Proposed,
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("at-risk")] AtRisk,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}

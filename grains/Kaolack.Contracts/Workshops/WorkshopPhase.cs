using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Workshops;

[JsonConverter(typeof(JsonStringEnumConverter<WorkshopPhase>))]
public enum WorkshopPhase
{
    [JsonStringEnumMemberName("scheduled")] Scheduled,
    [JsonStringEnumMemberName("live")] Live,
    [JsonStringEnumMemberName("ended")] Ended,
}

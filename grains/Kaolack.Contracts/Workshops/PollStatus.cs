using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Workshops;

[JsonConverter(typeof(JsonStringEnumConverter<PollStatus>))]
public enum PollStatus
{
    /// <summary>Prepared by the coach, not yet open for votes.</summary>
    [JsonStringEnumMemberName("draft")] Draft,
    [JsonStringEnumMemberName("open")] Open,
    /// <summary>No vote any more; ballots are final.</summary>
    [JsonStringEnumMemberName("closed")] Closed,
}

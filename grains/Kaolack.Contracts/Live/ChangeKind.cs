using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Live;

[JsonConverter(typeof(JsonStringEnumConverter<ChangeKind>))]
public enum ChangeKind
{
    [JsonStringEnumMemberName("created")] Created,
    [JsonStringEnumMemberName("updated")] Updated,
    [JsonStringEnumMemberName("deleted")] Deleted,
    /// <summary>The whole current state, sent when the missed events are no longer held.</summary>
    [JsonStringEnumMemberName("snapshot")] Snapshot,
}

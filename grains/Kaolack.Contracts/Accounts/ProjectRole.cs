using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Accounts;

[JsonConverter(typeof(JsonStringEnumConverter<ProjectRole>))]
public enum ProjectRole
{
    /// <summary>Edits, invites, changes roles, deletes.</summary>
    [JsonStringEnumMemberName("owner")] Owner,
    [JsonStringEnumMemberName("editor")] Editor,
    /// <summary>Reads and receives live changes; cannot edit.</summary>
    [JsonStringEnumMemberName("viewer")] Viewer,
}

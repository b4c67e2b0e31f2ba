using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Accounts;

/// <summary>Platform-wide roles. Project membership (owner/editor/viewer) comes on top of them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Role>))]
public enum Role
{
    /// <summary>Everything.</summary>
    [JsonStringEnumMemberName("admin")] Admin,
    /// <summary>Creates and runs workshops; sees every project.</summary>
    [JsonStringEnumMemberName("coach")] Coach,
    /// <summary>Read-only: directory, project status, dashboards.</summary>
    [JsonStringEnumMemberName("partner")] Partner,
    /// <summary>Edits the organisations they belong to and the projects they are members of.</summary>
    [JsonStringEnumMemberName("member")] Member,
}

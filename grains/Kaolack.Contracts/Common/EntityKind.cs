using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Common;

[JsonConverter(typeof(JsonStringEnumConverter<EntityKind>))]
public enum EntityKind
{
    [JsonStringEnumMemberName("cooperative")] Cooperative,
    [JsonStringEnumMemberName("diaspora-group")] DiasporaGroup,
    [JsonStringEnumMemberName("project")] Project,
    /// <summary>Any other organisation: local authority, state service, NGO, university, chamber, company, returning migrants.</summary>
    [JsonStringEnumMemberName("organisation")] Organisation,
    /// <summary>An offer or a need of an organisation (its slug is the post's).</summary>
    [JsonStringEnumMemberName("exchange")] Exchange,
}

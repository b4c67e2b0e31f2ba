using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Dashboard;

/// <summary>Which regions a project's partners come from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RegionPair>))]
public enum RegionPair
{
    [JsonStringEnumMemberName("kaolack-oriental")] KaolackOriental,
    [JsonStringEnumMemberName("kaolack")] Kaolack,
    [JsonStringEnumMemberName("oriental")] Oriental,
    [JsonStringEnumMemberName("none")] None,
}

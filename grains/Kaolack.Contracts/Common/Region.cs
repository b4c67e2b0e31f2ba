using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Common;

/// <summary>The two territories of the cooperation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Region>))]
public enum Region
{
    [JsonStringEnumMemberName("kaolack")] Kaolack,
    [JsonStringEnumMemberName("oriental")] Oriental,
}

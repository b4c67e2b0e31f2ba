using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Cooperatives;

[JsonConverter(typeof(JsonStringEnumConverter<FairRole>))]
public enum FairRole
{
    [JsonStringEnumMemberName("exhibitor")] Exhibitor,
    [JsonStringEnumMemberName("visitor")] Visitor,
}

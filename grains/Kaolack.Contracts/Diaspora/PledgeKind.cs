using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Diaspora;

[JsonConverter(typeof(JsonStringEnumConverter<PledgeKind>))]
public enum PledgeKind
{
    [JsonStringEnumMemberName("money")] Money,
    [JsonStringEnumMemberName("in-kind")] InKind,
}

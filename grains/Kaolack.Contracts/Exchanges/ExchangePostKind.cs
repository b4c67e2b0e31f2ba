using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Exchanges;

[JsonConverter(typeof(JsonStringEnumConverter<ExchangePostKind>))]
public enum ExchangePostKind
{
    [JsonStringEnumMemberName("offer")] Offer,
    [JsonStringEnumMemberName("need")] Need,
}

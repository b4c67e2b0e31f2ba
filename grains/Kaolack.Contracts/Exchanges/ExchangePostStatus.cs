using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Exchanges;

[JsonConverter(typeof(JsonStringEnumConverter<ExchangePostStatus>))]
public enum ExchangePostStatus
{
    [JsonStringEnumMemberName("open")] Open,
    /// <summary>Its author found the counterpart (<see cref="ExchangePost.MatchedWith"/>).</summary>
    [JsonStringEnumMemberName("matched")] Matched,
    [JsonStringEnumMemberName("closed")] Closed,
}

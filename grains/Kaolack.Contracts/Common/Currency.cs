using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Common;

/// <summary>Currencies that appear in budgets and pledges: CFA franc, dirham, euro (diaspora).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Currency>))]
public enum Currency
{
    [JsonStringEnumMemberName("XOF")] Xof,
    [JsonStringEnumMemberName("MAD")] Mad,
    [JsonStringEnumMemberName("EUR")] Eur,
}

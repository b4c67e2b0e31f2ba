using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Accounts;

[JsonConverter(typeof(JsonStringEnumConverter<UserRegion>))]
public enum UserRegion
{
    [JsonStringEnumMemberName("kaolack")] Kaolack,
    [JsonStringEnumMemberName("oriental")] Oriental,
    /// <summary>Diaspora, partners and volunteers living elsewhere.</summary>
    [JsonStringEnumMemberName("elsewhere")] Elsewhere,
}

using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Accounts;

[JsonConverter(typeof(JsonStringEnumConverter<UiLanguage>))]
public enum UiLanguage
{
    [JsonStringEnumMemberName("fr")] Fr,
    [JsonStringEnumMemberName("en")] En,
}

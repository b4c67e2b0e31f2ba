using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Cooperatives;

[JsonConverter(typeof(JsonStringEnumConverter<Fair>))]
public enum Fair
{
    [JsonStringEnumMemberName("foire-internationale-kaolack")] FoireInternationaleKaolack,
    [JsonStringEnumMemberName("salon-ess-oriental")] SalonEssOriental,
}

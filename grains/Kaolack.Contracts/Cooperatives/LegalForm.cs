using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Cooperatives;

[JsonConverter(typeof(JsonStringEnumConverter<LegalForm>))]
public enum LegalForm
{
    [JsonStringEnumMemberName("cooperative")] Cooperative,
    /// <summary>Groupement d'intérêt économique.</summary>
    [JsonStringEnumMemberName("gie")] Gie,
    [JsonStringEnumMemberName("tpe")] Tpe,
    [JsonStringEnumMemberName("pme")] Pme,
    [JsonStringEnumMemberName("association")] Association,
}

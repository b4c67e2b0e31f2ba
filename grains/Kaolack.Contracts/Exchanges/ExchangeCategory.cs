using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Exchanges;

/// <summary>What is offered or needed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExchangeCategory>))]
public enum ExchangeCategory
{
    /// <summary>A product to buy or sell (2 t d'huile d'olive, arachide décortiquée…).</summary>
    [JsonStringEnumMemberName("product")] Product,
    [JsonStringEnumMemberName("service")] Service,
    [JsonStringEnumMemberName("training")] Training,
    [JsonStringEnumMemberName("skill")] Skill,
    /// <summary>A visit to host or to make.</summary>
    [JsonStringEnumMemberName("visit")] Visit,
    [JsonStringEnumMemberName("funding")] Funding,
}

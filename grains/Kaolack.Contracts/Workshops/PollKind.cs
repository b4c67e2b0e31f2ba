using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Workshops;

[JsonConverter(typeof(JsonStringEnumConverter<PollKind>))]
public enum PollKind
{
    /// <summary>One option per ballot.</summary>
    [JsonStringEnumMemberName("single")] OneChoice,
    /// <summary>Any number of distinct options (at least one).</summary>
    [JsonStringEnumMemberName("multiple")] ManyChoices,
    /// <summary>Up to three short words; results count each word.</summary>
    [JsonStringEnumMemberName("open")] OpenWords,
}

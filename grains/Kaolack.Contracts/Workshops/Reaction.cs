using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Workshops;

/// <summary>The reactions a participant may send (each shown as an emoji by the clients), counted per workshop.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Reaction>))]
public enum Reaction
{
    [JsonStringEnumMemberName("applause")] Applause,
    [JsonStringEnumMemberName("heart")] Heart,
    [JsonStringEnumMemberName("laugh")] Laugh,
    [JsonStringEnumMemberName("thumbs-up")] ThumbsUp,
    [JsonStringEnumMemberName("surprise")] Surprise,
}

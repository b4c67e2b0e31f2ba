using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Plans;

[JsonConverter(typeof(JsonStringEnumConverter<PlanOpType>))]
public enum PlanOpType
{
    /// <summary>Creates an entity with a client-chosen id at an order key, with initial scalar fields.</summary>
    [JsonStringEnumMemberName("add")] Add,
    [JsonStringEnumMemberName("delete")] Delete,
    /// <summary>Gives the entity a new order key (fractional index).</summary>
    [JsonStringEnumMemberName("move")] Move,
    /// <summary>Sets one scalar field; last writer in server order wins.</summary>
    [JsonStringEnumMemberName("set")] Set,
    /// <summary>Edits a text field (section body, task notes) with an ot-text-unicode operation.</summary>
    [JsonStringEnumMemberName("text")] Text,
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaolack.Contracts.Wire;

/// <summary>
/// The one JSON shape of the HTTP API and the live hub: camelCase, every member written (null included), unknown
/// members refused, so a misspelt field is an error rather than an ignored edit. Enums (by their JSON names) and
/// <see cref="Text.TextOp"/> carry their converters as attributes, so they are written alike by any options. The API
/// configures HTTP and SignalR with it, the .NET client its hub connection, and the TypeScript contract of the web
/// client is generated from the types as these options see them.
/// </summary>
public static class WireJson
{
    /// <summary>Web defaults plus <see cref="Configure"/>, read-only: for serializing outside a host.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Configures options that a host made (ASP.NET Core's JSON options, a hub protocol's payload options).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

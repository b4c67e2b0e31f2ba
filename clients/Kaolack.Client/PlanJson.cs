using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaolack.Client;

/// <summary>The server's JSON shape (KaolackApi.ConfigureJson): camelCase, enums by their JSON names, unknown members refused.</summary>
public static class PlanJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Configures options (e.g. a hub connection's PayloadSerializerOptions) like the server's.</summary>
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

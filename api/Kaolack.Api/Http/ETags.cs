using System.Globalization;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Errors;
using Microsoft.Net.Http.Headers;

namespace Kaolack.Api.Http;

/// <summary>An entity's ETag is its version; If-Match carries the version an edit was based on.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpResponse response, long version) => response.Headers.ETag = For(version);

    /// <summary>200 with an entity and its version as ETag, for the client's next If-Match.</summary>
    public static Ok<T> Ok<T>(HttpResponse response, T entity, EntityMeta meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        Set(response, meta.Version);
        return TypedResults.Ok(entity);
    }

    /// <summary>201 with a new entity, its address under <paramref name="collection"/> and its version as ETag.</summary>
    public static Created<T> Created<T>(HttpResponse response, string collection, T entity, EntityMeta meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        Set(response, meta.Version);
        return TypedResults.Created($"{collection}/{meta.Slug}", entity);
    }

    /// <summary>For replacing or deleting a whole entity: without If-Match, two editors could overwrite each other.</summary>
    public static long RequiredVersion(HttpRequest request) =>
        OptionalVersion(request) ?? throw new IfMatchRequiredException();

    /// <summary>For operations that compose with concurrent edits; a client may still ask for a strict check.</summary>
    public static long? OptionalVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        if (EntityTagHeaderValue.TryParseList([header], out var tags) && tags.Count == 1 && !tags[0].IsWeak
            && long.TryParse(tags[0].Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }
        throw new ValidationFailedException("If-Match", "Attendu : l'ETag renvoyé par la lecture, par exemple \"3\".");
    }
}

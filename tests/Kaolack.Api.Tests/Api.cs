using System.Net.Http.Headers;
using System.Text;

namespace Kaolack.Api.Tests;

/// <summary>Small HTTP helpers: JSON bodies with the server's options, If-Match, problem details.</summary>
public static class Api
{
    public static StringContent Json<T>(T value) => Raw(JsonSerializer.Serialize(value, SiloHost.Json));

    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> Post<T>(this HttpClient http, string path, T body) =>
        http.PostAsync(path, Json(body));

    public static Task<HttpResponseMessage> Put<T>(this HttpClient http, string path, T body, long? ifMatch) =>
        http.SendAsync(Request(HttpMethod.Put, path, Json(body), ifMatch));

    public static Task<HttpResponseMessage> Delete(this HttpClient http, string path, long? ifMatch) =>
        http.SendAsync(Request(HttpMethod.Delete, path, null, ifMatch));

    public static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content, long? ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }
        return request;
    }

    /// <summary>Asserts the status, then reads the body as <typeparamref name="T"/>.</summary>
    public static async Task<T> Read<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, SiloHost.Json) ?? throw new InvalidOperationException("Empty body.");
    }

    /// <summary>Asserts the status and an RFC 7807 body with the given code; returns the problem.</summary>
    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode expected, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>The field paths of a validation problem's "errors", each with at least one message.</summary>
    public static string[] ErrorFields(this JsonElement problem)
    {
        var errors = problem.GetProperty("errors");
        foreach (var field in errors.EnumerateObject())
        {
            Assert.True(field.Value.GetArrayLength() > 0, $"No message for {field.Name}");
        }
        return [.. errors.EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal)];
    }

    public static long ETagVersion(this HttpResponseMessage response)
    {
        var tag = response.Headers.ETag ?? throw new InvalidOperationException("No ETag header.");
        Assert.False(tag.IsWeak);
        return long.Parse(tag.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
    }
}

using System.Text.Json;
using Kaolack.Contracts.Live;
using Kaolack.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Api.Tests.Live;

/// <summary>
/// Records what the server pushes to one hub connection. The server's typed client (ILiveClient.Event)
/// sends the target "Event", and the .NET client matches targets case-sensitively, so that is the name
/// registered here (the JavaScript client lowercases both sides, so "event" works there).
/// </summary>
public sealed class LiveEventLog
{
    public const string ClientMethod = "Event";

    private readonly List<LiveEvent> events = [];

    public LiveEventLog(HubConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.On<LiveEvent>(ClientMethod, liveEvent =>
        {
            lock (events)
            {
                events.Add(liveEvent);
            }
        });
    }

    public LiveEvent[] For(string topic)
    {
        lock (events)
        {
            return [.. events.Where(e => e.Topic == topic)];
        }
    }

    /// <summary>Waits until the topic's events satisfy <paramref name="condition"/>, then returns them.</summary>
    public async Task<LiveEvent[]> WaitFor(string topic, Func<LiveEvent[], bool> condition, string what)
    {
        await Eventually.True(() => condition(For(topic)), what);
        return For(topic);
    }

    public Task<LiveEvent[]> WaitForVersion(string topic, long version, string who) =>
        WaitFor(topic, received => received.Any(e => e.Version == version), $"{who} to receive {topic} v{version}");

    /// <summary>The slug a directory event is about (an entry or a removal), or the slug of an entity's data.</summary>
    public static string? SlugOf(LiveEvent liveEvent)
    {
        ArgumentNullException.ThrowIfNull(liveEvent);
        return liveEvent.Data is JsonElement { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("slug", out var slug) ? slug.GetString() : null;
    }

    /// <summary>The slugs listed by a directory snapshot event.</summary>
    public static string[] SnapshotSlugs(LiveEvent snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Assert.Equal(ChangeKind.Snapshot, snapshot.Change);
        var data = Assert.IsType<JsonElement>(snapshot.Data);
        return [.. data.GetProperty("entries").EnumerateArray().Select(entry => entry.GetProperty("slug").GetString()!)];
    }

    public static Task<CatchUp> Subscribe(HubConnection connection, string topic, long? sinceVersion)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.InvokeAsync<CatchUp>("Subscribe", topic, sinceVersion);
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kaolack.Api.Tests.Live;

/// <summary>
/// Records the server's notices to one hub connection: topics it stopped sending ("Revoked", with its "access-removed: …"
/// error), the end of its session ("SignedOut"), and the connection closing.
/// </summary>
public sealed class LiveNotices
{
    private readonly ConcurrentDictionary<string, string> revoked = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> signedOut = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Exception?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveNotices(HubConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.On<string, string>("Revoked", (topic, error) => revoked[topic] = error);
        connection.On<string>("SignedOut", error => signedOut.TrySetResult(error));
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    /// <summary>The error the server sent when it stopped sending <paramref name="topic"/>; waits (bounded) for it.</summary>
    public async Task<string> RevokedFrom(string topic)
    {
        await Eventually.True(() => revoked.ContainsKey(topic), $"{topic} to be revoked");
        return revoked[topic];
    }

    public bool WasRevoked(string topic) => revoked.ContainsKey(topic);

    public Task<string> SignedOut => signedOut.Task.WaitAsync(Eventually.DefaultTimeout);

    public Task<Exception?> Closed => closed.Task.WaitAsync(Eventually.DefaultTimeout);
}

using System.Collections.Concurrent;
using Kaolack.Contracts.Live;

namespace Kaolack.Grains.Tests.Live;

/// <summary>A live observer living in the test's cluster client: it keeps every event and access change it receives.</summary>
internal sealed class RecordingObserver : ILiveObserver
{
    private readonly ConcurrentQueue<LiveEvent> received = new();
    private readonly ConcurrentQueue<string> accessChanges = new();

    public IReadOnlyList<LiveEvent> Received => [.. received];

    /// <summary>The topics whose access changed, in the order told.</summary>
    public IReadOnlyList<string> AccessChanges => [.. accessChanges];

    public Task OnAccessChanged(string topic)
    {
        accessChanges.Enqueue(topic);
        return Task.CompletedTask;
    }

    public Task OnLiveEvent(LiveEvent liveEvent)
    {
        received.Enqueue(liveEvent);
        return Task.CompletedTask;
    }
}

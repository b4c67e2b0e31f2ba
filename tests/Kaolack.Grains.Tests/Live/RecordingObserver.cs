using System.Collections.Concurrent;
using Kaolack.Contracts.Live;

namespace Kaolack.Grains.Tests.Live;

/// <summary>A live observer living in the test's cluster client: it keeps every event and access change it receives.</summary>
internal sealed class RecordingObserver : ILiveObserver
{
    private readonly ConcurrentQueue<LiveEvent> received = new();
    private readonly ConcurrentQueue<string> accessChanges = new();
    private readonly ConcurrentQueue<string> deactivations = new();

    public IReadOnlyList<LiveEvent> Received => [.. received];

    /// <summary>The topics whose access changed, in the order told.</summary>
    public IReadOnlyList<string> AccessChanges => [.. accessChanges];

    /// <summary>The topics whose source told this observer its activation ended.</summary>
    public IReadOnlyList<string> Deactivations => [.. deactivations];

    public Task OnLiveEvent(LiveEvent liveEvent)
    {
        received.Enqueue(liveEvent);
        return Task.CompletedTask;
    }

    public Task OnAccessChanged(string topic)
    {
        accessChanges.Enqueue(topic);
        return Task.CompletedTask;
    }

    public Task OnSourceDeactivated(string topic)
    {
        deactivations.Enqueue(topic);
        return Task.CompletedTask;
    }
}

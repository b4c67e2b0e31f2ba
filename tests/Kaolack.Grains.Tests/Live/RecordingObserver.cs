using System.Collections.Concurrent;
using Kaolack.Contracts.Live;

namespace Kaolack.Grains.Tests.Live;

/// <summary>A live observer living in the test's cluster client: it keeps every event it receives.</summary>
internal sealed class RecordingObserver : ILiveObserver
{
    private readonly ConcurrentQueue<LiveEvent> received = new();

    public IReadOnlyList<LiveEvent> Received => [.. received];

    public Task OnLiveEvent(LiveEvent liveEvent)
    {
        received.Enqueue(liveEvent);
        return Task.CompletedTask;
    }
}

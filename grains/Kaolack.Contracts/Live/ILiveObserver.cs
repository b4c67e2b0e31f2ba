namespace Kaolack.Contracts.Live;

/// <summary>Implemented once per silo by the relay that forwards events to SignalR groups.</summary>
public interface ILiveObserver : IGrainObserver
{
    [OneWay]
    Task OnLiveEvent(LiveEvent liveEvent);

    /// <summary>
    /// The activation publishing <paramref name="topic"/> has ended: watch it again (which reaches the next activation),
    /// or its events go to nobody.
    /// </summary>
    [OneWay]
    Task OnSourceDeactivated(string topic);
}

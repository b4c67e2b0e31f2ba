namespace Kaolack.Contracts.Live;

/// <summary>Implemented once per silo by the relay that forwards events to SignalR groups.</summary>
public interface ILiveObserver : IGrainObserver
{
    [OneWay]
    Task OnLiveEvent(LiveEvent liveEvent);
}

namespace Kaolack.Contracts.Live;

/// <summary>Implemented once per silo by the relay that forwards events to SignalR groups.</summary>
public interface ILiveObserver : IGrainObserver
{
    [OneWay]
    Task OnLiveEvent(LiveEvent liveEvent);

    /// <summary>
    /// Who may read <paramref name="topic"/> changed (a member left a project, the project went): the relay checks its
    /// followers of the topic again and stops delivering to those who may no longer read it.
    /// </summary>
    [OneWay]
    Task OnAccessChanged(string topic);

    /// <summary>
    /// The activation publishing <paramref name="topic"/> has ended: watch it again (which reaches the next activation),
    /// or its events go to nobody.
    /// </summary>
    [OneWay]
    Task OnSourceDeactivated(string topic);
}

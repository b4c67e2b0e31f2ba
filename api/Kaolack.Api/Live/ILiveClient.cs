using Kaolack.Contracts.Live;

namespace Kaolack.Api.Live;

/// <summary>What the server calls on connected clients.</summary>
public interface ILiveClient
{
    /// <summary>Client method "event": one change of a subscribed topic.</summary>
    Task Event(LiveEvent liveEvent);
}

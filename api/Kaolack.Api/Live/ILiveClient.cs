using Kaolack.Contracts.Live;

namespace Kaolack.Api.Live;

/// <summary>What the server calls on connected clients.</summary>
public interface ILiveClient
{
    /// <summary>
    /// One change of a subscribed topic, sent as target "Event". The .NET client matches targets
    /// case-sensitively (register "Event"); the JavaScript client lowercases them ("event" works).
    /// </summary>
    Task Event(LiveEvent liveEvent);
}

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

    /// <summary>
    /// The server stopped sending <paramref name="topic"/> to this connection, because its caller may no longer read it
    /// (a role or a membership went): target "Revoked", <paramref name="error"/> is "access-removed: {message}".
    /// </summary>
    Task Revoked(string topic, string error);

    /// <summary>
    /// This connection's session ended (password changed, signed out everywhere, account gone): target "SignedOut",
    /// <paramref name="error"/> is "signed-out: {message}". The server closes the connection right after.
    /// </summary>
    Task SignedOut(string error);
}

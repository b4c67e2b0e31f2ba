using System.Collections.Concurrent;
using Kaolack.Api.Auth;
using Kaolack.Contracts.Accounts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kaolack.Api.Live;

/// <summary>
/// Who each open hub connection of this silo acts as now. A connection keeps the session it opened with (cookie or
/// token), never the rights: every <see cref="LiveSessionOptions.SessionRecheckInterval"/> the session is verified again
/// exactly as a request's is (<see cref="SessionClaimsTransformation.Verify"/>: the account's stamp and roles, a guest's
/// workshop), once per session and silo rather than once per connection or per event. A changed role reaches the relay,
/// which checks the connection's topics again; an ended session refuses every call, is told to the client and closes the
/// connection. Hub calls read the caller kept here (<see cref="LiveSessionFilter"/> verifies first when it is older than
/// the interval), so the hot path costs a dictionary lookup.
/// </summary>
public sealed partial class LiveSessions(
    SessionClaimsTransformation sessions,
    LiveRelay relay,
    IHubContext<LiveHub, ILiveClient> hub,
    IOptions<LiveSessionOptions> options,
    TimeProvider clock,
    ILogger<LiveSessions> logger) : BackgroundService
{
    private const string SignedOutMessage = "Votre session a pris fin (mot de passe changé, déconnexion de partout ou compte supprimé) : reconnectez-vous.";

    private readonly ConcurrentDictionary<string, OpenConnection> connections = new(StringComparer.Ordinal);
    /// <summary>Cancelled when the host stops: closes pending after a sign-out are then left to the host's shutdown.</summary>
    private CancellationToken stopping;

    private TimeSpan Interval => options.Value.SessionRecheckInterval;

    /// <summary>A connection opened with the session it authenticated with (verified by that request).</summary>
    public void Open(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User ?? throw new UnauthenticatedException();
        connections[context.ConnectionId] = new OpenConnection(context, user, user.ToCaller(), clock.GetUtcNow());
    }

    public void Close(string connectionId) => connections.TryRemove(connectionId, out _);

    /// <summary>The connection's caller as last verified, at most about <see cref="LiveSessionOptions.SessionRecheckInterval"/> ago.</summary>
    /// <exception cref="HubException">"signed-out": the session ended.</exception>
    public Caller CallerOf(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = connections.TryGetValue(context.ConnectionId, out var open) ? open : throw new UnauthenticatedException();
        return connection.Ended ? throw HubErrors.Create(HubErrors.SignedOut, SignedOutMessage) : connection.Caller;
    }

    /// <summary>Before a hub call: the caller, verified again first when the last verification is older than the interval.</summary>
    /// <exception cref="HubException">"signed-out": the session ended.</exception>
    public async ValueTask<Caller> Current(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (connections.TryGetValue(context.ConnectionId, out var connection) && !connection.Ended
            && clock.GetUtcNow() - connection.VerifiedAt > Interval)
        {
            await Recheck([connection]);
        }
        return CallerOf(context);
    }

    /// <summary>Verifies every open session again, each interval, until the host stops.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // One verification per session: a person's phone and laptop on the same session, or a guest's tabs, share it.
                var bySession = connections.Values.Where(c => !c.Ended).GroupBy(c => c.SessionKey, StringComparer.Ordinal);
                await Parallel.ForEachAsync(bySession, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = stoppingToken },
                    async (session, _) => await Recheck([.. session]));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Verifies the session the connections share: ended, they are signed out; with other roles, the relay checks their topics.</summary>
    private async Task Recheck(IReadOnlyList<OpenConnection> session)
    {
        ClaimsPrincipal now;
        try
        {
            now = await sessions.Verify(session[0].User);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The account could not be read (a silo going down): keep what was known, the next round asks again.
            LogRecheckFailed(exception, session[0].Caller.UserId);
            return;
        }
        var verifiedAt = clock.GetUtcNow();
        var caller = now.Identity?.IsAuthenticated == true ? now.ToCaller() : null;
        foreach (var connection in session)
        {
            if (caller is null)
            {
                await SignOut(connection);
                continue;
            }
            var changed = !connection.Caller.Roles.Order().SequenceEqual(caller.Roles.Order());
            connection.Verified(caller, verifiedAt);
            if (changed)
            {
                LogRolesChanged(connection.Id, caller.UserId, string.Join(',', caller.Roles));
                await relay.CallerChanged(connection.Id, caller);
            }
        }
    }

    /// <summary>Stops every delivery and call at once, tells the client, and closes the connection once it had time to read it.</summary>
    private async Task SignOut(OpenConnection connection)
    {
        if (!connection.TryEnd())
        {
            return;
        }
        LogSignedOut(connection.Id, connection.Caller.UserId);
        await relay.Drop(connection.Id);
        try
        {
            await hub.Clients.Client(connection.Id).SignedOut(HubErrors.Text(HubErrors.SignedOut, SignedOutMessage));
        }
        finally
        {
            _ = CloseAfterGrace(connection.Context);
        }
    }

    private async Task CloseAfterGrace(HubCallerContext context)
    {
        try
        {
            await Task.Delay(options.Value.SignedOutGrace, clock, stopping);
        }
        catch (OperationCanceledException)
        {
        }
        context.Abort();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live connection {ConnectionId} of {UserId} signed out: its session ended")]
    private partial void LogSignedOut(string connectionId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live connection {ConnectionId} of {UserId} now acts with roles [{Roles}]")]
    private partial void LogRolesChanged(string connectionId, string userId, string roles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The session of {UserId} could not be verified again; trying next round")]
    private partial void LogRecheckFailed(Exception exception, string userId);

    /// <summary>One open connection: its context (to close it), the session it authenticated with, and who that is now.</summary>
    private sealed class OpenConnection(HubCallerContext context, ClaimsPrincipal user, Caller caller, DateTimeOffset verifiedAt)
    {
        private volatile Verification last = new(caller, verifiedAt);
        private int ended;

        public HubCallerContext Context { get; } = context;

        public string Id => Context.ConnectionId;

        public ClaimsPrincipal User { get; } = user;

        /// <summary>Connections with the same key share a session: the account and its stamp, or the guest.</summary>
        public string SessionKey { get; } =
            $"{user.FindFirstValue(ClaimTypes.NameIdentifier)}|{user.FindFirstValue(KaolackClaims.SecurityStamp)}|{user.FindFirstValue(KaolackClaims.Workshop)}";

        public Caller Caller => last.Caller;

        public DateTimeOffset VerifiedAt => last.At;

        public bool Ended => Volatile.Read(ref ended) == 1;

        /// <summary>True the first time only, so a connection is signed out once.</summary>
        public bool TryEnd() => Interlocked.Exchange(ref ended, 1) == 0;

        /// <summary>The session verified again at <paramref name="at"/>: who the connection acts as from now on.</summary>
        public void Verified(Caller now, DateTimeOffset at) => last = new Verification(now, at);

        /// <summary>One verification, replaced whole so a reader never sees a caller with another verification's time.</summary>
        private sealed record Verification(Caller Caller, DateTimeOffset At);
    }
}

using Kaolack.Contracts.Accounts;

namespace Kaolack.Grains.Accounts;

/// <summary>
/// Slows password guessing against one account without letting a stranger lock its owner out.
/// <list type="bullet">
/// <item>Wrong passwords are counted per client address: the fifth in a row locks that address out of the account for
/// <see cref="AccountOptions.LockoutDuration"/>; the owner, from another address, is not affected.</item>
/// <item>An attack spread over many addresses is slowed, not stopped: past <see cref="AccountOptions.FailuresBeforeDelay"/>
/// wrong passwords from everywhere within the window, every try waits after the last wrong one (1 s, 2 s, 4 s… up to
/// <see cref="AccountOptions.MaxLoginDelay"/>). The owner waits that long at worst, and then signs in.</item>
/// </list>
/// Held in memory by the account's grain, for unknown addresses exactly as for accounts, so neither the answers nor
/// their timing tell which addresses have an account (a restart forgets the counts; the per-address rate limit of
/// sign-in requests still bounds the tries).
/// </summary>
public sealed class LoginThrottle(AccountOptions options)
{
    /// <summary>Addresses remembered per account; the longest quiet is forgotten first.</summary>
    public const int MaxClients = 1000;

    private readonly Dictionary<string, ClientFailures> clients = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> recentFailures = new();

    /// <summary>Why <paramref name="client"/> may not try now (and until when), or null when it may.</summary>
    public LoginOutcome? Refusal(string client, DateTimeOffset now)
    {
        if (clients.TryGetValue(client, out var failures) && failures.LockedUntil > now)
        {
            return new LoginOutcome(LoginStatus.LockedOut, null, failures.LockedUntil);
        }
        Forget(now);
        if (recentFailures.Count >= options.FailuresBeforeDelay)
        {
            var next = recentFailures.Last() + Delay(recentFailures.Count);
            if (next > now)
            {
                return new LoginOutcome(LoginStatus.Delayed, null, next);
            }
        }
        return null;
    }

    /// <summary>Counts a wrong password; the answer when it locks <paramref name="client"/> out, else null.</summary>
    public LoginOutcome? Failed(string client, DateTimeOffset now)
    {
        Forget(now);
        recentFailures.Enqueue(now);
        if (recentFailures.Count > options.FailuresBeforeDelay + 64)
        {
            recentFailures.Dequeue();
        }
        var count = (clients.TryGetValue(client, out var failures) && failures.LockedUntil <= now ? failures.Count : 0) + 1;
        if (!clients.ContainsKey(client) && clients.Count >= MaxClients)
        {
            clients.Remove(clients.MinBy(pair => pair.Value.Last).Key);
        }
        if (count >= options.MaxFailedLogins)
        {
            var until = now + options.LockoutDuration;
            clients[client] = new ClientFailures(0, until, now);
            return new LoginOutcome(LoginStatus.LockedOut, null, until);
        }
        clients[client] = new ClientFailures(count, DateTimeOffset.MinValue, now);
        return null;
    }

    /// <summary>The right password: this address starts afresh, and so does the count of the spread-out attack.</summary>
    public void Succeeded(string client)
    {
        clients.Remove(client);
        recentFailures.Clear();
    }

    /// <summary>Lifts every lock and delay (a password reset, an admin lifting a suspension).</summary>
    public void Clear()
    {
        clients.Clear();
        recentFailures.Clear();
    }

    private TimeSpan Delay(int failures)
    {
        var doublings = Math.Min(failures - options.FailuresBeforeDelay, 30);
        var delay = TimeSpan.FromSeconds(Math.Pow(2, doublings));
        return delay < options.MaxLoginDelay ? delay : options.MaxLoginDelay;
    }

    private void Forget(DateTimeOffset now)
    {
        while (recentFailures.Count > 0 && recentFailures.Peek() <= now - options.LockoutDuration)
        {
            recentFailures.Dequeue();
        }
    }

    private readonly record struct ClientFailures(int Count, DateTimeOffset LockedUntil, DateTimeOffset Last);
}

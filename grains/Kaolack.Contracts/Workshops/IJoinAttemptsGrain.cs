namespace Kaolack.Contracts.Workshops;

/// <summary>
/// Join-code attempts from one client address (its key, as the API's rate limits name addresses: "ip:203.0.113.7",
/// "ip:2001:db8::/64"), across the cluster: a few dozen at once, then one a minute, so guessing a code is hopeless and one
/// address cannot fill a workshop with guests.
/// </summary>
public interface IJoinAttemptsGrain : IGrainWithStringKey
{
    /// <summary>Counts one attempt: null when allowed, else how long until the next one is.</summary>
    Task<TimeSpan?> Attempt();
}

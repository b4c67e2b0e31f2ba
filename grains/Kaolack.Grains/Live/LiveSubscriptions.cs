namespace Kaolack.Grains.Live;

/// <summary>How long a watcher stays registered without refreshing, and how often relays refresh.</summary>
public static class LiveSubscriptions
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    /// <summary>Well inside <see cref="Expiry"/>, so one lost refresh never drops a watcher.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
}

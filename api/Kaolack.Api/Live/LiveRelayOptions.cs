using Kaolack.Grains.Live;

namespace Kaolack.Api.Live;

public sealed class LiveRelayOptions
{
    /// <summary>How often the relay re-registers with the grains it watches (and notices anything it missed).</summary>
    public TimeSpan RefreshInterval { get; set; } = LiveSubscriptions.RefreshInterval;
}

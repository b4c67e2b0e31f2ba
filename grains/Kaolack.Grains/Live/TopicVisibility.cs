using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Live;

namespace Kaolack.Grains.Live;

/// <summary>What of one topic kind's events a given caller may receive (declared per kind in <see cref="LiveVisibility"/>).</summary>
/// <param name="shape">The event as the caller may receive it, or null when it is withheld.</param>
/// <param name="isRestricted">True when the event may reach some followers and not others, so it cannot go to a whole group at once.</param>
public sealed class TopicVisibility(Func<Caller, LiveEvent, LiveEvent?> shape, Func<LiveEvent, bool> isRestricted)
{
    /// <summary>Every follower of the topic receives every event as it is (subscribing checked the access).</summary>
    public static TopicVisibility Everyone { get; } = new((_, liveEvent) => liveEvent, _ => false);

    public LiveEvent? For(Caller caller, LiveEvent liveEvent) => shape(caller, liveEvent);

    public bool IsRestricted(LiveEvent liveEvent) => isRestricted(liveEvent);
}

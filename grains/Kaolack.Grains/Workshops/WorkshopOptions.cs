namespace Kaolack.Grains.Workshops;

/// <summary>Configuration section "Kaolack:Workshops".</summary>
public sealed class WorkshopOptions
{
    public const string Section = "Kaolack:Workshops";

    /// <summary>Guests one workshop admits at once (a room arriving together) before <see cref="GuestAdmissionInterval"/> applies.</summary>
    public int GuestAdmissionBurst { get; set; } = 100;

    /// <summary>Then one guest per interval (120 a minute): 500 people arrive in a few minutes, a script cannot fill it in seconds.</summary>
    public TimeSpan GuestAdmissionInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Join codes one client address may try at once (a classroom behind one connection joining together) before
    /// <see cref="JoinAttemptInterval"/> applies.
    /// </summary>
    public int JoinAttemptBurst { get; set; } = 60;

    /// <summary>Then one attempt per interval: 60 an hour, against 8.5 × 10¹¹ possible codes.</summary>
    public TimeSpan JoinAttemptInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Least time between two reactions of one participant.</summary>
    public TimeSpan ReactionInterval { get; set; } = TimeSpan.FromSeconds(1);
}

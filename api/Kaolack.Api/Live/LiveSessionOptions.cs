namespace Kaolack.Api.Live;

/// <summary>The "Kaolack:Live" configuration section: how open hub connections follow their sessions.</summary>
public sealed class LiveSessionOptions
{
    public const string Section = "Kaolack:Live";

    /// <summary>
    /// How often the session of every open connection is read again (one call per account and silo): a demotion, a
    /// password change or a sign-out everywhere reaches open connections within this time.
    /// </summary>
    public TimeSpan SessionRecheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a connection whose session ended stays open after it was told, so the notice arrives before the close.</summary>
    public TimeSpan SignedOutGrace { get; set; } = TimeSpan.FromSeconds(1);
}

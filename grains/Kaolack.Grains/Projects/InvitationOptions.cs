namespace Kaolack.Grains.Projects;

/// <summary>The "Kaolack:Invitations" configuration section.</summary>
public sealed class InvitationOptions
{
    public const string Section = "Kaolack:Invitations";

    /// <summary>How long an invitation link can be used (tests shorten it to see one expire).</summary>
    public TimeSpan Lifetime { get; set; } = ProjectRules.InvitationLifetime;
}

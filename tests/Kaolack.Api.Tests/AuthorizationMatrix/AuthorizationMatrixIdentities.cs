namespace Kaolack.Api.Tests.AuthorizationMatrix;

/// <summary>The identities every endpoint and hub method is tried with.</summary>
public enum Who
{
    Anonymous,
    /// <summary>A member who owns a different project (and the diaspora group), and nothing of the target project.</summary>
    OtherMember,
    Viewer,
    Editor,
    Owner,
    /// <summary>Platform role partner only: reads every project, writes nothing.</summary>
    Partner,
    /// <summary>Platform role coach only: sees every project, creates, but is no member of the target.</summary>
    Coach,
    Admin,
    /// <summary>No account: joined the target workshop by its code, so takes part in that workshop and nothing else.</summary>
    Guest,
}

/// <summary>Named sets of identities, so the expectation table reads like the policy.</summary>
public static class Identities
{
    public static readonly Who[] All = Enum.GetValues<Who>();

    public static readonly Who[] Everyone = All;

    /// <summary>Every account (a workshop guest has none).</summary>
    public static readonly Who[] SignedIn = [.. All.Where(who => who is not (Who.Anonymous or Who.Guest))];

    /// <summary>Whoever holds a session: every account and the workshop guest (all may connect to the hub).</summary>
    public static readonly Who[] Connected = [.. SignedIn, Who.Guest];

    /// <summary>Member, coach and admin roles create organisations and projects; partners never write.</summary>
    public static readonly Who[] Creators = [Who.OtherMember, Who.Viewer, Who.Editor, Who.Owner, Who.Coach, Who.Admin];

    public static readonly Who[] ProjectReaders = [Who.Viewer, Who.Editor, Who.Owner, Who.Partner, Who.Coach, Who.Admin];

    public static readonly Who[] ProjectEditors = [Who.Editor, Who.Owner, Who.Admin];

    public static readonly Who[] ProjectManagers = [Who.Owner, Who.Admin];

    /// <summary>The target cooperative's members: the owner (and a teammate who is not one of the identities).</summary>
    public static readonly Who[] CooperativeEditors = [Who.Owner, Who.Admin];

    /// <summary>The target diaspora group's members: the other member (and the teammate).</summary>
    public static readonly Who[] DiasporaGroupEditors = [Who.OtherMember, Who.Admin];

    /// <summary>The target organisation's members: the owner (and the teammate).</summary>
    public static readonly Who[] OrganisationEditors = [Who.Owner, Who.Admin];

    public static readonly Who[] AdminOnly = [Who.Admin];

    /// <summary>Coaches (the role) and admins create workshops; the target workshop's coach is the coach identity.</summary>
    public static readonly Who[] WorkshopCoaches = [Who.Coach, Who.Admin];

    /// <summary>Every account reads workshops and their summaries; the target workshop's guest reads that one only.</summary>
    public static readonly Who[] WorkshopObservers = Connected;

    /// <summary>Accounts that may write and the target's guest take part; partners only watch.</summary>
    public static readonly Who[] WorkshopParticipants = [.. Connected.Where(who => who != Who.Partner)];

    /// <summary>The target's pending invitation is addressed to the other member.</summary>
    public static readonly Who[] Invitee = [Who.OtherMember];
}

/// <summary>One signed-in account of the matrix; the token is renewed when the matrix changes its password.</summary>
public sealed class MatrixAccount(Who who, string email, string password)
{
    public Who Who { get; } = who;

    public string Email { get; } = email;

    public string Password { get; set; } = password;

    public string Token { get; set; } = "";
}

using Kaolack.Api.Projects;

namespace Kaolack.Api.Tests.Projects;

/// <summary>Projects and their teams over HTTP: create, invite, accept.</summary>
public static class ProjectTeam
{
    /// <summary>Creates a project as the client's user, who becomes its owner; returns its slug.</summary>
    public static async Task<string> CreateProject(HttpClient owner, string prefix)
    {
        var slug = Samples.Slug(prefix);
        await (await owner.Post($"/api/projects?slug={slug}", Samples.Project($"Projet {prefix}"))).Read<JointProject>(HttpStatusCode.Created);
        return slug;
    }

    public static Task<HttpResponseMessage> Invite(HttpClient http, string slug, string email, ProjectRole role) =>
        http.Post($"/api/projects/{slug}/invitations", new { email, role });

    /// <summary>Invites and asserts 201; returns the link to hand over.</summary>
    public static async Task<InvitationLink> InviteOk(HttpClient owner, string slug, string email, ProjectRole role) =>
        await (await Invite(owner, slug, email, role)).Read<InvitationLink>(HttpStatusCode.Created);

    /// <summary>Invites <paramref name="member"/>, who accepts: a member of the project with that role.</summary>
    public static async Task Join(HttpClient owner, string slug, SignedInUser member, ProjectRole role)
    {
        ArgumentNullException.ThrowIfNull(member);
        var invitation = await InviteOk(owner, slug, member.Email, role);
        await (await Accept(member.Http, invitation.Token)).Read<AcceptedInvitation>();
    }

    public static Task<HttpResponseMessage> Details(HttpClient http, string token) =>
        http.GetAsync($"/api/invitations/{Uri.EscapeDataString(token)}");

    public static Task<HttpResponseMessage> Accept(HttpClient http, string token) =>
        http.PostAsync($"/api/invitations/{Uri.EscapeDataString(token)}/accept", null);

    /// <summary>The token in a link of the form {origin}/#/invitation/{token}, as the web app reads it.</summary>
    public static string TokenFromLink(string link)
    {
        const string marker = "/#/invitation/";
        var at = link.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at > 0, $"Not an invitation link: {link}");
        return Uri.UnescapeDataString(link[(at + marker.Length)..]);
    }

    /// <summary>Path segment for a member's e-mail.</summary>
    public static string Member(string slug, string email) => $"/api/projects/{slug}/members/{Uri.EscapeDataString(email)}";
}

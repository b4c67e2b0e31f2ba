using System.Net;
using System.Net.Http.Json;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Xunit;

namespace Kaolack.Testing;

/// <summary>
/// A project whose plan its owner (who created it), an invited editor and the admin edit, and an invited viewer reads:
/// the cast of the plan tests, set up through the public API.
/// </summary>
public sealed record PlanTeam(string Slug, TestUser Owner, TestUser Editor, TestUser Viewer, TestUser Admin)
{
    /// <summary>Those who edit the plan: the owner, the editor and the admin.</summary>
    public IReadOnlyList<TestUser> Editors => [Owner, Editor, Admin];

    public static async Task<PlanTeam> CreateAsync(SiloHost host, string prefix = "plan")
    {
        ArgumentNullException.ThrowIfNull(host);
        var owner = await TestUser.RegisterAsync(host, $"{prefix}-p");
        var editor = await TestUser.RegisterAsync(host, $"{prefix}-e");
        var viewer = await TestUser.RegisterAsync(host, $"{prefix}-l");
        var slug = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        using var ownerHttp = owner.Client(host);
        var charter = new ProjectCharter
        {
            Title = "Plan co-édité ⇄ خطة مشتركة",
            Summary = "Projet commun entre Kaolack et l'Oriental.",
            SdgTags = [2, 8],
            StartDate = new DateOnly(2025, 1, 1),
            EndDate = new DateOnly(2026, 12, 31),
            Budget = new Money(15_000_000m, Currency.Xof),
            ValueChains = ["arachide"],
        };
        using (var created = await ownerHttp.PostAsJsonAsync($"/api/projects?slug={slug}", charter, SiloHost.Json))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        foreach (var (user, role) in new[] { (editor, ProjectRole.Editor), (viewer, ProjectRole.Viewer) })
        {
            using var invited = await ownerHttp.PostAsJsonAsync($"/api/projects/{slug}/invitations", new { email = user.Email, role }, SiloHost.Json);
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
            var token = (await invited.Content.ReadFromJsonAsync<InvitationToken>(SiloHost.Json))!.Token;
            using var http = user.Client(host);
            using var accepted = await http.PostAsync($"/api/invitations/{Uri.EscapeDataString(token)}/accept", null);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        return new PlanTeam(slug, owner, editor, viewer, await TestUser.AdminAsync(host));
    }

    /// <summary>The plan as the server holds it (GET /api/projects/{slug}/plan).</summary>
    public async Task<PlanSnapshot> SnapshotAsync(SiloHost host)
    {
        using var http = Admin.Client(host);
        return (await http.GetFromJsonAsync<PlanSnapshot>($"/api/projects/{Slug}/plan", SiloHost.Json))!;
    }

    private sealed record InvitationToken(string Token, string Link, string Email, ProjectRole Role, DateTimeOffset ExpiresAt);
}

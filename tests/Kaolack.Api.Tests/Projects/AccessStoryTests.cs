using Kaolack.Api.Projects;
using Kaolack.Api.Tests.Live;
using Kaolack.Contracts.Directory;
using Kaolack.Contracts.Live;
using Microsoft.AspNetCore.SignalR;

namespace Kaolack.Api.Tests.Projects;

/// <summary>
/// The whole story over REST and the live hub: a newcomer registers, is invited by a project's owner through the
/// link, and edits the project; another account that was not invited sees nothing of it and changes nothing.
/// </summary>
public sealed class AccessStoryTests(ApiFixture app) : ApiTests(app)
{
    private const string ProjectDirectory = "directory:projects";

    [Fact]
    public async Task An_account_invited_through_the_link_edits_the_project_while_an_uninvited_account_can_neither_see_nor_change_it()
    {
        // An owner proposes a project; two people register.
        using var owner = await App.SignInNewUserAsync("recit-proprio");
        using var invitee = await App.SignInNewUserAsync("recit-invitee");
        using var outsider = await App.SignInNewUserAsync("recit-exterieur");
        var slug = await ProjectTeam.CreateProject(owner.Http, "recit");

        // The owner invites one of them and hands over the link; the invitee opens it and accepts.
        var link = (await ProjectTeam.InviteOk(owner.Http, slug, invitee.Email, ProjectRole.Editor)).Link;
        var token = ProjectTeam.TokenFromLink(link);
        var details = await (await ProjectTeam.Details(invitee.Http, token)).Read<InvitationDetails>();
        var accepted = await (await ProjectTeam.Accept(invitee.Http, token)).Read<AcceptedInvitation>();

        // Both follow the project directory live; only the invitee may follow the project itself.
        await using var inviteeHub = invitee.Hub();
        await using var outsiderHub = outsider.Hub();
        var inviteeLog = new LiveEventLog(inviteeHub);
        var outsiderLog = new LiveEventLog(outsiderHub);
        await inviteeHub.StartAsync();
        await outsiderHub.StartAsync();
        var inviteeDirectory = await LiveEventLog.Subscribe(inviteeHub, ProjectDirectory, null);
        var outsiderDirectory = await LiveEventLog.Subscribe(outsiderHub, ProjectDirectory, null);
        var inviteeProject = await LiveEventLog.Subscribe(inviteeHub, $"project:{slug}", null);
        var outsiderProject = await Assert.ThrowsAsync<HubException>(() => LiveEventLog.Subscribe(outsiderHub, $"project:{slug}", null));

        // The invitee edits the project.
        var readResponse = await invitee.Http.GetAsync($"/api/projects/{slug}");
        var read = await readResponse.Read<JointProject>();
        var edited = await (await invitee.Http.Put($"/api/projects/{slug}", read.Charter with { Title = "Récit modifié par l'invitée" }, readResponse.ETagVersion()))
            .Read<JointProject>();
        await (await invitee.Http.Post($"/api/projects/{slug}/contributions", Contribution())).Read<JointProject>();
        await inviteeLog.WaitForVersion($"project:{slug}", edited.Meta.Version + 1, "the invitee");
        await inviteeLog.WaitFor(ProjectDirectory, events => events.Any(e => LiveEventLog.SlugOf(e) == slug && EntryVersion(e) == edited.Meta.Version + 1),
            "the invitee to see the project change in the directory");

        // The outsider can neither read it nor change it.
        await (await outsider.Http.GetAsync($"/api/projects/{slug}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        var outsiderList = await (await outsider.Http.GetAsync("/api/projects?pageSize=100")).Read<DirectoryPage>();
        var inviteeList = await (await invitee.Http.GetAsync("/api/projects?pageSize=100")).Read<DirectoryPage>();
        var writes = new (string What, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("PUT charter", () => outsider.Http.Put($"/api/projects/{slug}", read.Charter with { Title = "Détourné" }, edited.Meta.Version + 1)),
            ("POST status", () => outsider.Http.Post($"/api/projects/{slug}/status", new { status = "cancelled" })),
            ("POST contribution", () => outsider.Http.Post($"/api/projects/{slug}/contributions", Contribution())),
            ("POST partner", () => outsider.Http.Post($"/api/projects/{slug}/partners", new PartnerRef(EntityKind.Cooperative, "absente"))),
            ("POST invitation", () => ProjectTeam.Invite(outsider.Http, slug, outsider.Email, ProjectRole.Owner)),
            ("PUT member role", () => outsider.Http.Put(ProjectTeam.Member(slug, invitee.Email), new RoleChange(ProjectRole.Viewer), ifMatch: null)),
            ("DELETE member", () => outsider.Http.DeleteAsync(ProjectTeam.Member(slug, owner.Email))),
            ("DELETE project", () => outsider.Http.Delete($"/api/projects/{slug}", edited.Meta.Version + 1)),
        };
        foreach (var (what, call) in writes)
        {
            using var response = await call();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await response.Problem(HttpStatusCode.Forbidden, "forbidden");
        }

        // A later directory change the outsider may see: once it has arrived, any event about the project would have too.
        var ownProject = await ProjectTeam.CreateProject(outsider.Http, "recit-temoin");
        await outsiderLog.WaitFor(ProjectDirectory, events => events.Any(e => LiveEventLog.SlugOf(e) == ownProject), "the outsider to see its own project");
        var final = await (await owner.Http.GetAsync($"/api/projects/{slug}")).Read<JointProject>();

        Assert.Equal((slug, invitee.Email), (details.ProjectSlug, details.Email));
        Assert.Equal(new AcceptedInvitation(slug, ProjectRole.Editor), accepted);
        Assert.Contains(slug, LiveEventLog.SnapshotSlugs(Assert.Single(inviteeDirectory.Events)));
        Assert.DoesNotContain(slug, LiveEventLog.SnapshotSlugs(Assert.Single(outsiderDirectory.Events)));
        Assert.Equal(ChangeKind.Snapshot, Assert.Single(inviteeProject.Events).Change);
        Assert.Contains("HubException: forbidden: ", outsiderProject.Message, StringComparison.Ordinal);
        Assert.Contains(slug, inviteeList.Items.Select(e => e.Slug));
        Assert.DoesNotContain(slug, outsiderList.Items.Select(e => e.Slug));
        Assert.Equal(outsiderList.Total, outsiderList.Items.Length);
        Assert.DoesNotContain(outsiderLog.For(ProjectDirectory), e => LiveEventLog.SlugOf(e) == slug);
        Assert.Empty(outsiderLog.For($"project:{slug}"));
        Assert.Equal([read.Meta.Version + 1, read.Meta.Version + 2], inviteeLog.For($"project:{slug}").Select(e => e.Version));
        Assert.Equal(edited.Meta.Version + 1, final.Meta.Version);
        Assert.Equal(("Récit modifié par l'invitée", ProjectStatus.Proposed), (final.Charter.Title, final.Status));
        Assert.Equal([owner.Email, invitee.Email], final.Members.Select(m => m.UserId));
    }

    private static ContributionInput Contribution() => new()
    {
        From = "Commune de Kaolack",
        Amount = new Money(100_000m, Currency.Xof),
        ReceivedOn = new DateOnly(2025, 4, 1),
    };

    private static long? EntryVersion(LiveEvent liveEvent) =>
        liveEvent.Data is JsonElement { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("version", out var version) ? version.GetInt64() : null;
}

using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;

namespace Kaolack.Web.Tests.Projects;

/// <summary>
/// A fresh joint project per test, so tests never share a plan: owned by the Kaolack demo member, with
/// the Oriental demo member as editor and the viewer demo account as viewer, and one partner of each region.
/// </summary>
public sealed record WorkspaceProject(string Slug, string Title)
{
    public string Path => $"/#/projets/{Slug}";

    public static async Task<WorkspaceProject> CreateAsync(SiloHost host, string title)
    {
        var slug = $"atelier-{Guid.NewGuid().ToString("N")[..10]}";
        using var owner = await host.CreateClientAsAsync(DemoAccounts.KaolackMember, DemoAccounts.Password);
        var charter = Samples.Project(title, "arachide", "olive") with
        {
            Summary = "Échanges entre coopératives de Kaolack et de l'Oriental pour la Foire internationale de Kaolack.",
        };
        using (var created = await owner.PostAsJsonAsync($"/api/projects?slug={slug}", charter, SiloHost.Json))
        {
            await Expect(created, HttpStatusCode.Created);
        }
        foreach (var region in new[] { Region.Kaolack, Region.Oriental })
        {
            var partner = DemoCatalog.Shipped.Cooperatives.First(c => c.Profile.Region == region);
            using var added = await owner.PostAsJsonAsync($"/api/projects/{slug}/partners", new { kind = "cooperative", slug = partner.Slug }, SiloHost.Json);
            await Expect(added, HttpStatusCode.OK);
        }
        foreach (var (email, role) in new[] { (DemoAccounts.OrientalMember, ProjectRole.Editor), (DemoAccounts.Viewer, ProjectRole.Viewer) })
        {
            using var invited = await owner.PostAsJsonAsync($"/api/projects/{slug}/invitations", new { email, role }, SiloHost.Json);
            await Expect(invited, HttpStatusCode.Created);
            var token = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            using var member = await host.CreateClientAsAsync(email, DemoAccounts.Password);
            using var accepted = await member.PostAsync($"/api/invitations/{Uri.EscapeDataString(token)}/accept", null);
            await Expect(accepted, HttpStatusCode.OK);
        }
        return new WorkspaceProject(slug, title);
    }

    /// <summary>Writes a plan as its owner would (straight to the grain): what a project looks like after a few weeks.</summary>
    public async Task SeedPlanAsync(SiloHost host, IReadOnlyList<(PlanEntityKind Kind, string Id, ImmutableDictionary<string, string> Fields)> entities)
    {
        var grain = host.Grains.GetGrain<IPlanDocumentGrain>(Slug);
        var owner = DemoAccounts.CallerFor(DemoAccounts.KaolackMember);
        var version = (await grain.GetSnapshot(owner)).Version;
        var seq = 0;
        foreach (var (kind, id, fields) in entities)
        {
            var op = new PlanOp { Type = PlanOpType.Add, Kind = kind, Id = id, Order = $"a{seq}", Fields = fields };
            var ack = await grain.Submit(owner, new PlanSubmission("seed", ++seq, version, op));
            version = ack.Version ?? throw new InvalidOperationException($"Seeding {kind} {id} was dropped: {ack.Reason}");
        }
    }

    private static async Task Expect(HttpResponseMessage response, HttpStatusCode status) =>
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}

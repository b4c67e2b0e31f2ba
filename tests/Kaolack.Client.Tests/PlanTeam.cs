using System.Net;
using System.Net.Http.Json;
using Kaolack.Contracts.Accounts;
using Kaolack.Contracts.Common;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Projects;
using Kaolack.Testing;

namespace Kaolack.Client.Tests;

/// <summary>A project whose plan three accounts may edit: its owner (who created it), an invited editor, and the admin.</summary>
public sealed record PlanTeam(string Slug, IReadOnlyList<string> Tokens)
{
    private const string Password = "member-password-1";

    public static async Task<PlanTeam> CreateAsync(SiloHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var id = Guid.NewGuid().ToString("N")[..10];
        var slug = $"plan-{id}";
        var ownerEmail = $"owner-{id}@tests.example.org";
        var editorEmail = $"editor-{id}@tests.example.org";
        using var owner = await host.CreateMemberClientAsync(ownerEmail, Password);
        using var editor = await host.CreateMemberClientAsync(editorEmail, Password);

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
        using (var created = await owner.PostAsJsonAsync($"/api/projects?slug={slug}", charter, SiloHost.Json))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        string token;
        using (var invited = await owner.PostAsJsonAsync($"/api/projects/{slug}/invitations", new { email = editorEmail, role = ProjectRole.Editor }, SiloHost.Json))
        {
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
            token = (await invited.Content.ReadFromJsonAsync<InvitationToken>(SiloHost.Json))!.Token;
        }
        using (var accepted = await editor.PostAsync($"/api/invitations/{Uri.EscapeDataString(token)}/accept", null))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        return new PlanTeam(slug,
        [
            await host.SignInAsync(ownerEmail, Password),
            await host.SignInAsync(editorEmail, Password),
            await host.SignInAsAdminAsync(),
        ]);
    }

    /// <summary>The plan as the server holds it (GET /api/projects/{slug}/plan).</summary>
    public async Task<PlanSnapshot> SnapshotAsync(SiloHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var http = host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Tokens[^1]);
        return (await http.GetFromJsonAsync<PlanSnapshot>($"/api/projects/{Slug}/plan", SiloHost.Json))!;
    }

    /// <summary>A plan client of the project on the host's hub, signed in as one of the team (chosen by index).</summary>
    public PlanClient Client(SiloHost host, int index)
    {
        ArgumentNullException.ThrowIfNull(host);
        var token = Tokens[index % Tokens.Count];
        return new PlanClient(PlanClient.CreateConnection(new Uri(host.BaseAddress, "/hubs/live"), () => Task.FromResult<string?>(token)), Slug, $"client-{index}-{Guid.NewGuid():N}"[..24]);
    }

    private sealed record InvitationToken(string Token, string Link, string Email, ProjectRole Role, DateTimeOffset ExpiresAt);
}

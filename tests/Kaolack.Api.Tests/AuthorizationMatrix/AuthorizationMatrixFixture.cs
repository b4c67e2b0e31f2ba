using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Api.Tests.AuthorizationMatrix;

/// <summary>
/// Its own Azurite and app host (generous rate limits: the matrix sends hundreds of writes and sign-ins from one
/// address), and the world every case runs against: the eight identities, a target project with its team, a
/// cooperative, a diaspora group and a project of the other member. Built through the public API only.
/// </summary>
public sealed partial class AuthorizationMatrixFixture : IAsyncLifetime
{
    public const string ProjectSlug = "cible-matrice";
    public const string CooperativeSlug = "cooperative-matrice";
    public const string DiasporaGroupSlug = "diaspora-matrice";
    public const string OrganisationSlug = "organisation-matrice";
    public const string ExchangeSlug = "annonce-matrice";
    public const string OtherProjectSlug = "autre-projet-matrice";

    /// <summary>The one section of the target's plan (version 1), added by the owner through the hub.</summary>
    public const string PlanSectionId = "contexte";
    /// <summary>The named version (id 1) the target's plan has, saved at version 1.</summary>
    public const string PlanVersionName = "Version de la matrice";

    /// <summary>Stands for <see cref="WorkshopId"/> in the static hub table (workshop ids are drawn by the server).</summary>
    public const string TargetWorkshop = "{atelier-cible}";

    /// <summary>The target workshop's board column, where participants' notes go.</summary>
    public const string WorkshopColumnId = "idees";
    private const string Domain = "matrix.example.org";
    private const string Password = "matrix-password-1";

    private readonly Dictionary<Who, MatrixAccount> accounts = [];
    private AzuriteServer? azurite;
    private SiloHost? host;
    private HttpClient? http;
    private int counter;
    private string teammateToken = "";

    public SiloHost Host => host ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>One client without credentials; every request carries its own Authorization header.</summary>
    public HttpClient Http => http ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>Belongs to the target project (viewer) and to both organisations, but is none of the identities.</summary>
    public string TeammateEmail { get; } = $"teammate@{Domain}";

    /// <summary>An account no one has added anywhere: what invitations and "add member" name.</summary>
    public string NewcomerEmail { get; } = $"newcomer@{Domain}";

    /// <summary>The account whose roles the admin endpoint is tried on.</summary>
    public string RoleSubjectEmail { get; } = $"subject@{Domain}";

    public string LoginSubjectEmail { get; } = $"login-subject@{Domain}";

    public string LoginSubjectPassword => Password;

    /// <summary>The target workshop: created by the coach identity, its session live, the guest identity admitted by its code.</summary>
    public string WorkshopId { get; private set; } = "";

    public string WorkshopCode { get; private set; } = "";

    /// <summary>The key of the target workshop's notes (a plan document), seeded with one section at version 1.</summary>
    public string WorkshopNotes => $"{WorkshopId}--notes";

    /// <summary>The target's pending invitation, addressed to the other member; never accepted.</summary>
    public string InvitationToken { get; private set; } = "";

    public MatrixAccount Account(Who who) => accounts.TryGetValue(who, out var account)
        ? account
        : throw new InvalidOperationException($"{who} has no account.");

    public string? TokenOf(Who who) => who == Who.Anonymous ? null : Account(who).Token;

    /// <summary>A slug (and name suffix) no other case uses.</summary>
    public string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref counter)}";

    public async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        host = await SiloHost.StartAsync(new SiloHostOptions(azurite.ConnectionString)
        {
            Settings = new Dictionary<string, string?>
            {
                ["Kaolack:Hardening:LoginPermitsPerMinute"] = "100000",
                ["Kaolack:Hardening:RegistrationPermitsPerHour"] = "100000",
                ["Kaolack:Hardening:WritePermitsPerMinute"] = "100000",
                ["Kaolack:Hardening:CreationPermitsPerHour"] = "100000",
            },
        });
        http = host.CreateClient();
        await BuildWorld();
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    public Task<HttpResponseMessage> Send(Who who, HttpMethod method, string path, object? body = null, long? ifMatch = null) =>
        Send(who, method, path, body, ifMatch, HttpCompletionOption.ResponseContentRead);

    /// <summary>Answers once the headers arrive: some dashboard endpoints stream without end.</summary>
    public Task<HttpResponseMessage> SendForStatus(Who who, HttpMethod method, string path) =>
        Send(who, method, path, null, null, HttpCompletionOption.ResponseHeadersRead);

    private async Task<HttpResponseMessage> Send(Who who, HttpMethod method, string path, object? body, long? ifMatch, HttpCompletionOption completion)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, SiloHost.Json), Encoding.UTF8, "application/json");
        }
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }
        if (TokenOf(who) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await Http.SendAsync(request, completion);
    }

    /// <summary>A set-up step that must succeed with <paramref name="expected"/>; returns the body.</summary>
    public async Task<JsonElement> Must(Who who, HttpMethod method, string path, object? body = null, long? ifMatch = null,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Send(who, method, path, body, ifMatch);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"Set-up {method} {path} as {who}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        }
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>What an admin reads at <paramref name="path"/>: status, ETag and body, to compare before and after a call.</summary>
    public async Task<string> ReadAsAdmin(string path)
    {
        using var response = await Send(Who.Admin, HttpMethod.Get, path);
        // A problem's traceId differs on every request; the rest of the answer is the state.
        return $"{(int)response.StatusCode} {response.Headers.ETag} {TraceId().Replace(await response.Content.ReadAsStringAsync(), "")}";
    }

    /// <summary>An account as its grain holds it, with its security stamp (a password change renews it).</summary>
    public async Task<string> ReadAccount(string email)
    {
        var grain = Host.Grains.GetGrain<IUserGrain>(email);
        var account = await grain.Get();
        var session = await grain.GetSession();
        return $"{JsonSerializer.Serialize(account, SiloHost.Json)} {session?.SecurityStamp}";
    }

    /// <summary>The target project and its plan, cooperative, diaspora group and organisation as an admin reads them.</summary>
    public async Task<string> ReadWorld() => string.Join('\n',
        await ReadAsAdmin($"/api/projects/{ProjectSlug}"),
        await ReadAsAdmin($"/api/projects/{ProjectSlug}/plan"),
        await ReadAsAdmin($"/api/projects/{ProjectSlug}/plan/versions"),
        await ReadAsAdmin($"/api/cooperatives/{CooperativeSlug}"),
        await ReadAsAdmin($"/api/diaspora-groups/{DiasporaGroupSlug}"),
        await ReadAsAdmin($"/api/organisations/{OrganisationSlug}"),
        await ReadAsAdmin($"/api/exchanges/{ExchangeSlug}"));

    public async Task<long> VersionOf(string path)
    {
        using var response = await Send(Who.Admin, HttpMethod.Get, path);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("meta").GetProperty("version").GetInt64();
    }

    public async Task SignIn(MatrixAccount account) => account.Token = await Host.SignInAsync(account.Email, account.Password);

    /// <summary>
    /// A project shaped like the target: created by the owner, viewer, editor and teammate invited and joined,
    /// the cooperative as partner, and a pending invitation for the other member (its token is returned).
    /// </summary>
    public async Task<string> CreateProject(string slug, string title)
    {
        await Must(Who.Owner, HttpMethod.Post, $"/api/projects?slug={slug}", Samples.Project(title), expected: HttpStatusCode.Created);
        var joining = new (string Email, Who? Who, ProjectRole Role)[]
        {
            (Account(Who.Viewer).Email, Who.Viewer, ProjectRole.Viewer),
            (Account(Who.Editor).Email, Who.Editor, ProjectRole.Editor),
            (TeammateEmail, null, ProjectRole.Viewer),
        };
        var tokens = await Task.WhenAll(joining.Select(j => Invite(slug, j.Email, j.Role)));
        await Task.WhenAll(joining.Zip(tokens).Select(async pair =>
        {
            if (pair.First.Who is { } who)
            {
                await Must(who, HttpMethod.Post, $"/api/invitations/{pair.Second}/accept");
            }
            else
            {
                await AcceptAsTeammate(pair.Second);
            }
        }));
        await Must(Who.Owner, HttpMethod.Post, $"/api/projects/{slug}/partners", new PartnerRef(EntityKind.Cooperative, CooperativeSlug));
        return await Invite(slug, Account(Who.OtherMember).Email, ProjectRole.Viewer);
    }

    /// <summary>The target cooperative's shape: created by the owner, the teammate added.</summary>
    public async Task CreateCooperative(string slug, string name)
    {
        await Must(Who.Owner, HttpMethod.Post, $"/api/cooperatives?slug={slug}", Samples.Cooperative(name), expected: HttpStatusCode.Created);
        await Must(Who.Owner, HttpMethod.Post, $"/api/cooperatives/{slug}/members", new { email = TeammateEmail });
    }

    /// <summary>The target diaspora group's shape: created by the other member, the teammate added.</summary>
    public async Task CreateDiasporaGroup(string slug, string name)
    {
        await Must(Who.OtherMember, HttpMethod.Post, $"/api/diaspora-groups?slug={slug}", Samples.DiasporaGroup(name), expected: HttpStatusCode.Created);
        await Must(Who.OtherMember, HttpMethod.Post, $"/api/diaspora-groups/{slug}/members", new { email = TeammateEmail });
    }

    /// <summary>The target organisation's shape: created by the owner, the teammate added.</summary>
    public async Task CreateOrganisation(string slug, string name)
    {
        await Must(Who.Owner, HttpMethod.Post, $"/api/organisations?slug={slug}", Samples.Organisation(name), expected: HttpStatusCode.Created);
        await Must(Who.Owner, HttpMethod.Post, $"/api/organisations/{slug}/members", new { email = TeammateEmail });
    }

    /// <summary>The target exchange post's shape: a need of the target organisation, posted by the owner (one of its members).</summary>
    public Task CreateExchange(string slug) =>
        Must(Who.Owner, HttpMethod.Post, $"/api/exchanges?slug={slug}", Samples.Need(new PartnerRef(EntityKind.Organisation, OrganisationSlug)),
            expected: HttpStatusCode.Created);

    /// <summary>A post matched with the target cooperative (which replied): ready to become a joint project.</summary>
    public async Task CreateMatchedExchange(string slug)
    {
        await CreateExchange(slug);
        var cooperative = new PartnerRef(EntityKind.Cooperative, CooperativeSlug);
        await Must(Who.Owner, HttpMethod.Post, $"/api/exchanges/{slug}/replies", new { organisation = cooperative, text = "Nous sommes intéressés." });
        await Must(Who.Owner, HttpMethod.Post, $"/api/exchanges/{slug}/status", new { status = "matched", matchedWith = cooperative });
    }

    /// <summary>Registers an account no case uses elsewhere, its address verified.</summary>
    public async Task<string> RegisterFresh(string prefix)
    {
        var email = $"{Unique(prefix)}@{Domain}";
        await Host.RegisterAsync(email, Password);
        return email;
    }

    /// <summary>The password every account of the matrix registers with.</summary>
    public static string MatrixPassword => Password;

    /// <summary>The id of the newest pending invitation of a project, as its owners see it in the team.</summary>
    public async Task<string> PendingInvitationId(string slug)
    {
        var team = await Must(Who.Admin, HttpMethod.Get, $"/api/projects/{slug}/team");
        return team.GetProperty("invitations").EnumerateArray().Last().GetProperty("id").GetString()
            ?? throw new InvalidOperationException("No pending invitation id.");
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    private async Task<string> Invite(string slug, string email, ProjectRole role)
    {
        var link = await Must(Who.Owner, HttpMethod.Post, $"/api/projects/{slug}/invitations", new { email, role }, expected: HttpStatusCode.Created);
        return link.GetProperty("token").GetString() ?? throw new InvalidOperationException("No invitation token.");
    }

    private async Task AcceptAsTeammate(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/invitations/{token}/accept");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", teammateToken);
        using var response = await Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The teammate could not join: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task BuildWorld()
    {
        var adminOptions = Host.Options;
        accounts[Who.Admin] = new MatrixAccount(Who.Admin, adminOptions.AdminEmail, adminOptions.AdminPassword);
        foreach (var who in Identities.SignedIn.Where(who => who != Who.Admin))
        {
            accounts[who] = new MatrixAccount(who, $"{who.ToString().ToLowerInvariant()}@{Domain}", Password);
        }
        await SignIn(Account(Who.Admin));

        var registered = accounts.Values.Where(a => a.Who != Who.Admin).Select(a => a.Email)
            .Concat([TeammateEmail, NewcomerEmail, RoleSubjectEmail, LoginSubjectEmail]);
        await Task.WhenAll(registered.Select(email => Host.RegisterAsync(email, Password)));
        await Must(Who.Admin, HttpMethod.Put, $"/api/admin/users/{Account(Who.Partner).Email}/roles", new { roles = new[] { Role.Partner } });
        await Must(Who.Admin, HttpMethod.Put, $"/api/admin/users/{Account(Who.Coach).Email}/roles", new { roles = new[] { Role.Coach } });
        await Task.WhenAll(accounts.Values.Where(a => a.Who != Who.Admin).Select(SignIn));
        teammateToken = await Host.SignInAsync(TeammateEmail, Password);

        await CreateCooperative(CooperativeSlug, "Coopérative cible de la matrice");
        await CreateDiasporaGroup(DiasporaGroupSlug, "Diaspora cible de la matrice");
        await CreateOrganisation(OrganisationSlug, "Organisation cible de la matrice");
        await CreateExchange(ExchangeSlug);
        await Must(Who.OtherMember, HttpMethod.Post, $"/api/projects?slug={OtherProjectSlug}", Samples.Project("Projet de l'autre membre"),
            expected: HttpStatusCode.Created);
        InvitationToken = await CreateProject(ProjectSlug, "Projet cible de la matrice");
        await SeedPlan();
        await SeedWorkshop();
    }

    /// <summary>A workshop shaped like the target: created by the coach, its session started, one board column. Returns (id, code).</summary>
    public async Task<(string Id, string Code)> CreateWorkshop(string title)
    {
        var created = await Must(Who.Coach, HttpMethod.Post, "/api/workshops", Samples.Workshop(title), expected: HttpStatusCode.Created);
        var id = created.GetProperty("meta").GetProperty("slug").GetString() ?? throw new InvalidOperationException("No workshop id.");
        await using var coach = Host.CreateHubConnection(Account(Who.Coach).Token);
        await coach.StartAsync();
        await coach.InvokeAsync<WorkshopAck>("SendWorkshopCommand", id, new StartSession());
        await coach.InvokeAsync<WorkshopAck>("SendWorkshopCommand", id, new AddColumn(WorkshopColumnId, "Idées"));
        return (id, created.GetProperty("joinCode").GetString() ?? throw new InvalidOperationException("No join code."));
    }

    /// <summary>Saves the target workshop as a template, as the coach identity, under a fresh name. Returns its id.</summary>
    public async Task<string> SaveTemplate()
    {
        var saved = await Must(Who.Coach, HttpMethod.Post, "/api/workshop-templates", new Kaolack.Api.Workshops.TemplateRequest(WorkshopId, $"Modèle {Unique("matrice")}"),
            expected: HttpStatusCode.Created);
        return saved.GetProperty("id").GetString() ?? throw new InvalidOperationException("No template id.");
    }

    /// <summary>What an admin reads of a workshop: status and version (the body holds the server's clock, so it differs on every read).</summary>
    public async Task<string> ReadWorkshop(string id)
    {
        using var response = await Send(Who.Admin, HttpMethod.Get, $"/api/workshops/{id}");
        return $"{(int)response.StatusCode} {response.Headers.ETag}";
    }

    private async Task SeedWorkshop()
    {
        (WorkshopId, WorkshopCode) = await CreateWorkshop("Atelier cible de la matrice");
        await AddFirstSection(Who.Coach, WorkshopNotes, "Notes", "the target workshop's notes");
        var joined = await Must(Who.Anonymous, HttpMethod.Post, "/api/workshops/join", new { code = WorkshopCode, displayName = "Invité de la matrice" });
        accounts[Who.Guest] = new MatrixAccount(Who.Guest, joined.GetProperty("guestId").GetString()!, "")
        {
            Token = joined.GetProperty("accessToken").GetString()!,
        };
    }

    /// <summary>Gives the target's plan one section (version 1) and a named version of it, so reading them and subscribing show something.</summary>
    private async Task SeedPlan()
    {
        await AddFirstSection(Who.Owner, ProjectSlug, "Contexte", "the target's plan");
        await Must(Who.Owner, HttpMethod.Post, $"/api/projects/{ProjectSlug}/plan/versions", new { name = PlanVersionName }, expected: HttpStatusCode.Created);
    }

    /// <summary>Adds the section <see cref="PlanSectionId"/> to an empty plan document over the hub, as <paramref name="who"/>.</summary>
    private async Task AddFirstSection(Who who, string document, string heading, string what)
    {
        await using var connection = Host.CreateHubConnection(Account(who).Token);
        await connection.StartAsync();
        var ack = await connection.InvokeAsync<PlanAck>("SubmitPlanOp", document, new PlanSubmission($"matrice-{who}", 1, 0, new PlanOp
        {
            Type = PlanOpType.Add,
            Kind = PlanEntityKind.Section,
            Id = PlanSectionId,
            Order = "a0",
            Fields = ImmutableDictionary<string, string>.Empty.Add(PlanFields.Heading, heading),
        }));
        if (ack != new PlanAck(1, null))
        {
            throw new InvalidOperationException($"Could not seed {what}: {ack}");
        }
    }
}
